// A file that starts with a byte order mark is placed as the editor places it (the mark is not a
// column): the same payload with and without the mark gets the same positions in every format and
// in the --fix lines, and --fix keeps the mark.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli } from './run-cli';

// Problems on line 1 (the mark's line) and on line 2, one of them fixable.
const PAYLOAD = '{"method": "AddChannel", "params": {"type": "SIP", "SIP": {"name": "x", "flow": "bothh",\n"qualify": 340}}}\n';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('a byte order mark', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voipnow-bom-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  // The same name in two folders: reports (SARIF's fingerprints included) compare whole.
  const NAME = 'a.payload.json';
  const write = (folder: string, bom: boolean) => {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, NAME), bom ? Buffer.concat([BOM, Buffer.from(PAYLOAD)]) : PAYLOAD);
  };
  write('with', true);
  write('without', false);

  const report = (format: string, folder: string) => {
    const run = cli(['check', '--format', format, NAME], { cwd: join(dir, folder) });
    assert.equal(run.status, 1, run.stderr);
    // SARIF names the working folder (%SRCROOT%), which is not the same.
    return run.stdout.replace(/"uri": "file:[^"]*"/g, '"uri": "the folder"');
  };

  for (const format of ['text', 'json', 'sarif', 'github', 'junit']) {
    it(`does not move line 1's columns in the ${format} format`, () => {
      const without = report(format, 'without');
      assert.match(without, /1:81|"column": 81|"startColumn": 81|col=81/, 'the fixture has a problem at 1:81');
      assert.equal(report(format, 'with'), without);
    });
  }

  it('does not move the --fix lines, and the fixed file keeps its mark', () => {
    const fixed = (folder: string) => {
      const run = cli(['check', '--fix', NAME], { cwd: join(dir, folder) });
      assert.equal(run.status, 1, run.stderr);
      return run.stderr;
    };
    const without = fixed('without');
    assert.match(without, /^fixed a\.payload\.json:1:81 {2}617 /m);
    assert.equal(fixed('with'), without);
    const bytes = readFileSync(join(dir, 'with', NAME));
    assert.deepEqual(bytes.subarray(0, 3), BOM);
    assert.deepEqual(bytes.subarray(3), readFileSync(join(dir, 'without', NAME)));
  });
});
