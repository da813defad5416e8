// -o/--output-file: a file that the check reads (given, through a link, found in a folder given,
// or the --records file) is refused with exit 2 before anything is read or written (a project or
// records file found near a payload, once it is found: before any file is read or fixed); a report file
// is replaced whole once the report is written (its mode kept), and a report that cannot be
// written leaves the previous one as it was.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli, CLI } from './run-cli';

const PAYLOAD = '{"method": "AddChannel", "params": {"type": "SIP", "SIP": {"name": "Carrier A", "flow": "bothh"}}}\n';
const RECORDS = '{"channels": [{"ID": 7, "name": "Carrier A"}]}\n';

describe('check -o', () => {
  const root = mkdtempSync(join(tmpdir(), 'voipnow-output-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  const folder = () => {
    const dir = join(root, `case-${count++}`);
    mkdirSync(join(dir, 'payloads'), { recursive: true });
    writeFileSync(join(dir, 'payloads', 'a.payload.json'), PAYLOAD);
    writeFileSync(join(dir, 'records.json'), RECORDS);
    return dir;
  };

  /** The run is refused (exit 2, one line naming the output file) and every file is as it was. */
  const refused = (args: string[], output: string, shownAs?: string) => {
    const dir = folder();
    if (output === 'link.json') symlinkSync(join('payloads', 'a.payload.json'), join(dir, 'link.json'));
    if (output === 'hard.json') linkSync(join(dir, 'payloads', 'a.payload.json'), join(dir, 'hard.json'));
    const run = cli(['check', '-o', output, ...args], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    const same = shownAs === undefined ? '' : ` (as '${shownAs}')`;
    assert.equal(run.stderr, `voipnow-payloads: the output file '${output}' is also read by this check${same}: the report would replace it; name another file\n`);
    assert.equal(run.stdout, '');
    assert.equal(readFileSync(join(dir, 'payloads', 'a.payload.json'), 'utf8'), PAYLOAD);
    assert.equal(readFileSync(join(dir, 'records.json'), 'utf8'), RECORDS);
  };

  it('refuses a file given as an input', () => refused(['payloads/a.payload.json'], 'payloads/a.payload.json'));
  it('refuses an input named another way', () => refused(['payloads/a.payload.json'], './payloads/../payloads/a.payload.json', 'payloads/a.payload.json'));
  it('refuses an input reached through a symbolic link', { skip: process.platform === 'win32' && 'links need privileges' }, () =>
    refused(['payloads/a.payload.json'], 'link.json', 'payloads/a.payload.json'));
  it('refuses an input reached through a hard link', () => refused(['payloads/a.payload.json'], 'hard.json', 'payloads/a.payload.json'));
  it('refuses a file found by walking a folder given', () => refused(['payloads'], 'payloads/a.payload.json'));
  it('refuses the --records file', () => refused(['--records', 'records.json', 'payloads'], 'records.json'));

  it('refuses a records file found near a payload, and writes nothing', () => {
    const dir = folder();
    mkdirSync(join(dir, '.voipnow'));
    writeFileSync(join(dir, '.voipnow', 'records.json'), RECORDS);
    const run = cli(['check', '-o', '.voipnow/records.json', 'payloads'], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, "voipnow-payloads: the output file '.voipnow/records.json' is also read by this check: the report would replace it; name another file\n");
    assert.equal(readFileSync(join(dir, '.voipnow', 'records.json'), 'utf8'), RECORDS);
    assert.deepEqual(readdirSync(join(dir, '.voipnow')), ['records.json']);
  });

  it('refuses a records file found near a payload before --fix writes anything', () => {
    const dir = folder();
    mkdirSync(join(dir, '.voipnow'));
    writeFileSync(join(dir, '.voipnow', 'records.json'), RECORDS);
    const run = cli(['check', '--fix', '-o', '.voipnow/records.json', 'payloads'], { cwd: dir });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, "voipnow-payloads: the output file '.voipnow/records.json' is also read by this check: the report would replace it; name another file\n");
    // "bothh" has a preferred fix: the payload would have been rewritten before the refusal.
    assert.equal(readFileSync(join(dir, 'payloads', 'a.payload.json'), 'utf8'), PAYLOAD);
    assert.equal(readFileSync(join(dir, '.voipnow', 'records.json'), 'utf8'), RECORDS);
  });

  it('refuses before reading: a file that cannot be read is not what fails', { skip: process.getuid?.() === 0 || process.platform === 'win32' ? 'root reads every file' : false }, () => {
    const dir = folder();
    chmodSync(join(dir, 'payloads', 'a.payload.json'), 0o200);
    const run = cli(['check', '-o', 'payloads/a.payload.json', 'payloads'], { cwd: dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /is also read by this check/);
  });

  it('writes a new report file, and replaces an old one whole, keeping its mode', () => {
    const dir = folder();
    const first = cli(['check', '-o', 'report.txt', 'payloads'], { cwd: dir });
    assert.equal(first.status, 1, first.stderr);
    assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /^payloads\/a\.payload\.json:1:89 {2}error {2}617 /);
    if (process.platform !== 'win32') chmodSync(join(dir, 'report.txt'), 0o640);
    const second = cli(['check', '--format', 'json', '-o', 'report.txt', 'payloads'], { cwd: dir });
    assert.equal(second.status, 1, second.stderr);
    assert.equal(JSON.parse(readFileSync(join(dir, 'report.txt'), 'utf8'))[0].code, '617');
    if (process.platform !== 'win32') assert.equal(statSync(join(dir, 'report.txt')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir).sort(), ['payloads', 'records.json', 'report.txt']);
  });

  it('leaves the previous report when the new one cannot be written whole', { skip: process.platform === 'win32' && 'ulimit' }, () => {
    const dir = folder();
    writeFileSync(join(dir, 'report.txt'), 'the previous report\n');
    // Enough problems for a report of many kilobytes, and a file size limit of one or two (ulimit -f counts blocks of 512 bytes or 1 KB, by shell).
    writeFileSync(join(dir, 'payloads', 'many.payload.json'), `[${Array.from({ length: 200 }, () => PAYLOAD).join(',')}]`);
    const run = spawnSync('sh', ['-c', 'ulimit -f 2; exec "$0" "$@"', process.execPath, CLI, 'check', '-o', 'report.txt', 'payloads'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.equal(run.stderr, 'voipnow-payloads: cannot write the report: file too large\n');
    assert.equal(readFileSync(join(dir, 'report.txt'), 'utf8'), 'the previous report\n');
    assert.deepEqual(readdirSync(dir).sort(), ['payloads', 'records.json', 'report.txt']);
  });
});
