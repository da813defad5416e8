// Control characters from a file (a key that holds ESC ] 0 ; … BEL, CR and LF; a file whose name
// has a newline) never reach a human-readable output raw: the text and github reports, the --fix
// and `not fixed` lines and the error lines show them escaped, one line per problem; the machine
// formats (json) keep the text as it is, escaped by JSON.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli } from './run-cli';

// JSON escapes: the file itself is plain ASCII, the key it names holds the control characters.
const KEY = 'na\u001b]0;pwned\u0007me\r\nx\u009b2J\u202e';
const HOSTILE = `{"method": "AddChannel", "params": {"type": "SIP", "SIP": {"name": "Carrier A", ${JSON.stringify(KEY)}: 1}}}\n`;
// Fixable (617) and with a problem left (606), for a file whose name has a newline.
const FIXABLE = '{"method": "AddChannel", "params": {"type": "SIP", "SIP": {"name": "Carrier B", "flow": "bothh", "hostname": "999.1.1.1"}}}\n';
const NEWLINE_NAME = 'forged\n::error file=x.payload.json,line=1::fake.payload.json';

/** Any control character but the line feeds that end lines, or a bidi/line-separator character. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const lines = (output: string) => output.split('\n').slice(0, -1);

describe('control characters from a file', { skip: process.platform === 'win32' && 'file names with a newline' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'voipnow-controls-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'hostile.payload.json'), HOSTILE);
  writeFileSync(join(dir, NEWLINE_NAME), FIXABLE);

  it('are escaped in the text report, one line per problem', () => {
    const run = cli(['check', 'hostile.payload.json', NEWLINE_NAME], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout, RAW);
    const rows = lines(run.stdout);
    // 606 and 617 in the file with the odd name, unknown-parameter in the other, and the summary.
    assert.equal(rows.length, 4, run.stdout);
    assert.ok(rows.slice(0, 2).every((row) => row.startsWith('forged\\n::error file=x.payload.json,line=1::fake.payload.json:1:')), run.stdout);
    assert.ok(rows[2].includes("Unknown parameter 'na\\u001b]0;pwned\\u0007me\\r\\nx\\u009b2J\\u202e'"), rows[2]);
  });

  it('are escaped in the github report, and a newline in a name cannot start a workflow command', () => {
    const run = cli(['check', '--format', 'github', 'hostile.payload.json', NEWLINE_NAME], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stdout, RAW);
    const rows = lines(run.stdout);
    assert.equal(rows.length, 4, run.stdout);
    // Every problem line is one command, and the name's newline is percent-encoded (the runner decodes it back).
    assert.equal(rows.filter((row) => row.startsWith('::')).length, 3, run.stdout);
    assert.ok(rows[0].startsWith('::error file=forged%0A%3A%3Aerror file=x.payload.json%2Cline=1%3A%3Afake.payload.json,line=1,'), rows[0]);
    assert.ok(rows[2].endsWith("::Unknown parameter 'na\\u001b]0;pwned\\u0007me\\r\\nx\\u009b2J\\u202e' in AddChannel SIP."), rows[2]);
  });

  it('are kept, escaped by JSON, in the json report', () => {
    const run = cli(['check', '--format', 'json', 'hostile.payload.json'], { cwd: dir });
    const [problem] = JSON.parse(run.stdout);
    assert.equal(problem.message, `Unknown parameter '${KEY}' in AddChannel SIP.`);
  });

  it('are escaped in the --fix and `not fixed` lines', () => {
    const fixDir = join(dir, 'fix');
    mkdirSync(fixDir);
    writeFileSync(join(fixDir, NEWLINE_NAME), FIXABLE);
    // A link to a file outside the folder given is checked but not written: its `not fixed` line names it.
    writeFileSync(join(dir, 'outside.payload.json'), FIXABLE);
    symlinkSync(join(dir, 'outside.payload.json'), join(fixDir, 'link\u001b[2J.payload.json'));
    const run = cli(['check', '--fix', 'fix'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, RAW);
    assert.deepEqual(lines(run.stderr), [
      'voipnow-payloads: not fixed fix/link\\u001b[2J.payload.json: it links to a file outside the folders given; checked as it is, not rewritten',
      'fixed fix/forged\\n::error file=x.payload.json,line=1::fake.payload.json:1:89  617  Change to "both" (Incoming and outgoing calls)',
      '1 fix applied in 1 file',
    ]);
  });

  it('are escaped in error lines', () => {
    const missing = cli(['check', 'gone\n\u001bc\u0007.payload.json'], { cwd: dir });
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, "voipnow-payloads: cannot read 'gone\\n\\u001bc\\u0007.payload.json': no such file or directory\n");
    const explain = cli(['explain', '6\u001b]0;x\u0007']);
    assert.equal(explain.status, 2);
    assert.doesNotMatch(explain.stderr.slice(0, -1), RAW);
  });
});
