// `check --fix`: the editor's fix-all written to the files, what was fixed listed on stderr, and
// the report of what is left on stdout.
import { strict as assert } from 'node:assert';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from './run-cli';

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
      const run = cli(['check', '--fix', '.'], { cwd: dir });
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
    const run = cli(['check', '--fix', '-'], { input: BROKEN });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--fix cannot write to standard input/);
  });

  // issue 10 item 5: only the bytes of the fixed values change, and nothing is written through a link out of the folders given.
  const run = (args: string[], cwd: string) => cli(['check', '--fix', ...args], { cwd });
  const withTemp = (body: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-fix-'));
    try {
      body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('a file that is not valid UTF-8 is checked but not rewritten, and stderr says so (exit code unchanged)', () => {
    withTemp((dir) => {
      // Latin-1 bytes in a comment and in a value that is not fixed.
      const bytes = Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\n{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Caf'), Buffer.from([0xe9, 0xff]), Buffer.from('", "flow": "bothh" } } }\n')]);
      writeFileSync(join(dir, 'a.payload.json'), bytes);
      const result = run(['.'], dir);
      assert.deepEqual(readFileSync(join(dir, 'a.payload.json')), bytes);
      assert.equal(result.stderr, 'voipnow-payloads: not fixed a.payload.json: it is not valid UTF-8; checked as it is, not rewritten\n0 fixes applied in 0 files\n');
      assert.match(result.stdout, /^a\.payload\.json:2:\d+ {2}error {2}617 {2}Invalid flow\./);
      assert.equal(result.status, 1);
    });
  });

  it('a valid UTF-8 file keeps every byte but those of the fixed values (BOM, CRLF, non-ASCII text)', () => {
    withTemp((dir) => {
      const before = '\ufeff// Größe 📞\r\n{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Café 📞", "flow": "bothh", "qualify": 340 } } }\r\n';
      writeFileSync(join(dir, 'a.payload.json'), before);
      const result = run(['.'], dir);
      assert.equal(result.status, 0, result.stdout);
      assert.deepEqual(readFileSync(join(dir, 'a.payload.json')), Buffer.from(before.replace('"bothh"', '"both"').replace('340', '300')));
    });
  });

  it('a link to a file outside the folders given is not written through; one to a file inside is', () => {
    withTemp((dir) => {
      mkdirSync(join(dir, 'given'));
      mkdirSync(join(dir, 'elsewhere'));
      writeFileSync(join(dir, 'elsewhere', 'target.json'), BROKEN);
      writeFileSync(join(dir, 'given', 'inside.json'), BROKEN.replace('Carrier B', 'Carrier D'));
      symlinkSync(join(dir, 'elsewhere', 'target.json'), join(dir, 'given', 'out.payload.json'));
      symlinkSync('inside.json', join(dir, 'given', 'in.payload.json'));
      const result = run(['given'], dir);
      assert.equal(readFileSync(join(dir, 'elsewhere', 'target.json'), 'utf8'), BROKEN);
      assert.match(result.stderr, /^voipnow-payloads: not fixed given\/out\.payload\.json: it links to a file outside the folders given; checked as it is, not rewritten$/m);
      assert.equal(readFileSync(join(dir, 'given', 'inside.json'), 'utf8'), FIXED.replace('Carrier B', 'Carrier D'));
      assert.ok(lstatSync(join(dir, 'given', 'in.payload.json')).isSymbolicLink(), 'the link stays a link');
      // Given too, the outside folder may be written.
      run(['given', 'elsewhere'], dir);
      assert.equal(readFileSync(join(dir, 'elsewhere', 'target.json'), 'utf8'), FIXED);
    });
  });
});
