// `check --fix`: the editor's fix-all written to the files, what was fixed listed on stderr, and
// the report of what is left on stdout.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

const BROKEN = `{
  "method": "AddChannel",
  "params": { "type": "SIP", "SIP": { "name": "Carrier B", "flow": "bothh", "dtmfMode": "inband", "qualify": 340, "hostname": "999.1.1.1" } }
}
`;
const FIXED = `{
  "method": "AddChannel",
  "params": { "type": "SIP", "SIP": { "name": "Carrier B", "flow": "both", "dtmf": "inband", "qualify": 300, "hostname": "999.1.1.1" } }
}
`;

describe('check --fix', () => {
  it('writes the preferred fixes, lists them on stderr and reports what is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-fix-'));
    try {
      writeFileSync(join(dir, 'a.payload.json'), BROKEN);
      writeFileSync(join(dir, 'clean.payload.json'), FIXED.replace('"999.1.1.1"', '"203.0.113.1"').replace('Carrier B', 'Carrier C'));
      const run = spawnSync(process.execPath, [CLI, 'check', '--fix', '.'], { cwd: dir, encoding: 'utf8' });
      assert.equal(readFileSync(join(dir, 'a.payload.json'), 'utf8'), FIXED);
      assert.equal(
        run.stderr,
        [
          'fixed a.payload.json:3:68  617  Change to "both" (Incoming and outgoing calls)',
          'fixed a.payload.json:3:77  unknown-parameter  Rename to "dtmf"',
          'fixed a.payload.json:3:110  619  Round to 300',
          '3 fixes applied in 1 file',
          '',
        ].join('\n'),
      );
      assert.equal(run.stdout, 'a.payload.json:3:122  error  606  Invalid hostname/IP address.\n1 problem (1 error, 0 warnings) in 2 files\n');
      assert.equal(run.status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses standard input with exit 2', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', '--fix', '-'], { input: BROKEN, encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--fix cannot write to standard input/);
  });
});
