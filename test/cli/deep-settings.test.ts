// A settings or records file nested 100,000 levels deep gets the payloads' nesting-too-deep on
// itself: the command line stopped with "internal error: Maximum call stack size exceeded"
// (jsonc-parser's parseTree recurses) instead of saying what is wrong with which file.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { cli } from './run-cli';

const DEPTH = 100_000;
const CLEAN = '{ "method": "GetCodecs" }\n';

/** A folder with a.payload.json and `.voipnow/<name>` holding `text`. */
function folderWith(name: string, text: string, dirs: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-deep-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, '.voipnow'));
  writeFileSync(path.join(dir, '.voipnow', name), text);
  writeFileSync(path.join(dir, 'a.payload.json'), CLEAN);
  return dir;
}

describe('settings and records nested too deep (command line)', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it(`.voipnow/config.json ${DEPTH} levels deep: nesting-too-deep on the file, exit 1, no internal error`, () => {
    const dir = folderWith('config.json', '['.repeat(DEPTH) + ']'.repeat(DEPTH), dirs);
    const run = cli(['check', '.'], { cwd: dir });
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.equal(run.stdout.split('\n')[0], '.voipnow/config.json:1:1001  error  nesting-too-deep  This document is nested deeper than 1000 levels and is not checked.');
    assert.equal(run.status, 1, run.stderr);
  });

  it('the same file given with --config, and with an object nesting: the same problem', () => {
    const dir = folderWith('config.json', '{"rules":' + '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH + 1), dirs);
    for (const args of [['check', '.'], ['check', '--config', '.voipnow/config.json', 'a.payload.json']]) {
      const run = cli(args, { cwd: dir });
      assert.doesNotMatch(run.stderr, /internal error/);
      assert.match(run.stdout, /^\.voipnow\/config\.json:1:\d+ {2}error {2}nesting-too-deep {2}/);
      assert.equal(run.status, 1, run.stderr);
    }
  });

  it(`.voipnow/records.json ${DEPTH} levels deep: nesting-too-deep on the file, exit 1`, () => {
    const dir = folderWith('records.json', '{"channels":' + '['.repeat(DEPTH) + ']'.repeat(DEPTH) + '}', dirs);
    const run = cli(['check', '.'], { cwd: dir });
    assert.doesNotMatch(run.stderr, /internal error/);
    assert.match(run.stdout, /^\.voipnow\/records\.json:1:\d+ {2}error {2}nesting-too-deep {2}/);
    assert.equal(run.status, 1, run.stderr);
  });
});
