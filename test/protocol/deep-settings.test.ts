// A settings or records file nested 100,000 levels deep gets nesting-too-deep on itself, as a
// payload does, whether the server finds it in the workspace or the user opens it (the server
// reported nothing on a deep .voipnow/config.json: jsonc-parser's parseTree overflowed the stack).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { published } from './helpers';
import { rows, TestClient } from './lsp-client';

const DEPTH = 100_000;
const TOO_DEEP = /^1:\d+ error nesting-too-deep This document is nested deeper than 1000 levels/;

describe('settings and records nested too deep (server)', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-deep-ws-'));
  const client = new TestClient();
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  const files = { client, uri };

  before(async () => {
    mkdirSync(path.join(dir, '.voipnow'));
    writeFileSync(path.join(dir, '.voipnow', 'config.json'), '{"rules":' + '['.repeat(DEPTH) + ']'.repeat(DEPTH) + '}');
    writeFileSync(path.join(dir, '.voipnow', 'records.json'), '{"channels":' + '['.repeat(DEPTH) + ']'.repeat(DEPTH) + '}');
    writeFileSync(path.join(dir, 'a.payload.json'), '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "A", "flow": "bothh" } } }\n');
    await client.initialize({}, dir);
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the indexed config file gets nesting-too-deep, and the payloads are still checked', async () => {
    const config = await published(files, '.voipnow/config.json');
    assert.equal(config.length, 1, String(config));
    assert.match(config[0], TOO_DEEP);
    assert.ok((await published(files, 'a.payload.json')).some((row) => row.split(' ')[2] === '617'));
  });

  /** The file opened (at `version`) gets exactly one diagnostic: nesting-too-deep. */
  const openedTooDeep = async (relative: string, version: number) => {
    await client.open(uri(relative), readFileSync(path.join(dir, relative), 'utf8'), 'json', version);
    const params = await client.diagnosticsFor(uri(relative), version);
    assert.equal(params.diagnostics.length, 1);
    assert.match(rows(params.diagnostics)[0], TOO_DEEP);
  };

  it('the config file opened gets nesting-too-deep', () => openedTooDeep('.voipnow/config.json', 7));

  it('the records file opened gets nesting-too-deep', () => openedTooDeep('.voipnow/records.json', 3));
});
