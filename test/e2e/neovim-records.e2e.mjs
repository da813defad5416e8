// Records in Neovim 0.7 (spec section 6), which offers a language server no file watching: the
// server watches `.voipnow/records.json` itself. Headless Neovim opens a payload of a folder with
// records, gets the records' diagnostics, a tool rewrites records.json, and the diagnostics follow;
// go to definition leads to the record. Run by scripts/e2e/run-if-ready.mjs after `npm run e2e:setup`.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, it } from 'node:test';
import { OUT, ROOT } from '../../scripts/e2e/config.mjs';
import { runNeovimScript } from './neovim/run.mjs';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'records-workspace', 'north');

describe('Neovim 0.7 with a records snapshot', () => {
  let result;
  let folder;
  before(() => {
    const dir = join(OUT, 'e2e', 'neovim-records');
    rmSync(dir, { recursive: true, force: true });
    folder = join(dir, 'north');
    mkdirSync(dir, { recursive: true });
    cpSync(FIXTURE, folder, { recursive: true });
    const records = join(folder, '.voipnow', 'records.json');
    const out = join(dir, 'result.json');
    const file = join(folder, 'payloads', 'channels.payload.json');
    result = runNeovimScript(['--clean', '-c', `luafile ${join(ROOT, 'test', 'e2e', 'neovim', 'records.lua')}`, file], {
      cwd: folder,
      env: {
        VOIPNOW_SERVER: join(ROOT, 'dist', 'server.js'),
        VOIPNOW_ROOT: folder,
        VOIPNOW_RECORDS: records,
        // Codec 4 exists now.
        VOIPNOW_NEW_RECORDS: readFileSync(records, 'utf8').replace('{ "ID": 3, "name": "G.729" }', '{ "ID": 3, "name": "G.729" },\n    { "ID": 4, "name": "Opus" }'),
        // Line 2 (0-based 1), on the 4 of "channelGroupID": 4.
        VOIPNOW_AT: `1:${readFileSync(file, 'utf8').split('\n')[1].indexOf('"channelGroupID": 4') + 18}`,
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_DATA_HOME: join(dir, 'data'),
      },
      out,
    });
    assert.equal(result.error, undefined, `the Lua client failed: ${result.error}`);
  });

  it('offers no file watching, and gets the records diagnostics', () => {
    assert.equal(result.client_watches_files, false);
    assert.equal(result.got_first, true);
    assert.deepEqual(result.first.map((d) => [d.code, d.lnum, d.col]), [['200', 1, 57], ['620', 1, 84], ['262', 2, 47], ['unknown-record', 3, 50]]);
  });

  it('follows a change of records.json on disk (the server watches it)', () => {
    assert.equal(result.got_second, true, `620 still there: ${JSON.stringify(result.second)}`);
    assert.deepEqual(result.second.map((d) => d.code), ['200', '262', 'unknown-record']);
  });

  it('goes to the record from an ID', () => {
    const locations = result.definition?.result;
    assert.ok(Array.isArray(locations) && locations.length === 1, JSON.stringify(result.definition));
    // Neovim 0.7 takes links (LocationLink); a Location would do too.
    const target = locations[0].targetUri ?? locations[0].uri;
    const range = locations[0].targetSelectionRange ?? locations[0].range;
    assert.equal(target, pathToFileURL(join(folder, '.voipnow', 'records.json')).href);
    assert.equal(range.start.line, 12);
  });
});
