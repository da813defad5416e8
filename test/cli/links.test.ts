// A file counts once on the command line: a link to a file found by a walk is left out when the
// walk (or a path given) checks that file by its own name, so that a unique value it holds (a
// channel's name) raises no 200 against itself; a link that is the only way to its file is read.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli } from './run-cli';

const CARRIER = (name: string) => JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name, hostname: '1.2.3.4' } } });
/** AddChannel's documented code for a channel name added twice. */
const DUPLICATE = '200';

describe('check: links to files count their file once', { skip: process.platform === 'win32' && 'links need privileges' }, () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-cli-links-'));
    dirs.push(dir);
    return dir;
  };

  /** `check --format json` in `cwd`: each problem as `file code`, and the files checked. */
  const check = (args: string[], cwd: string) => {
    const run = cli(['check', '--format', 'json', ...args], { cwd });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return (JSON.parse(run.stdout) as any[]).map((p) => `${p.file} ${p.code}`);
  };
  /** The text format's last line: how many files were checked. */
  const checked = (args: string[], cwd: string) => cli(['check', ...args], { cwd }).stdout.trim().split('\n').pop();

  it('a link beside its target: no 200 against itself, one file checked (folder, glob, a folder given through a link)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'ws'));
    writeFileSync(join(dir, 'ws', 'a.payload.json'), CARRIER('Carrier A'));
    symlinkSync('a.payload.json', join(dir, 'ws', 'b.payload.json'));
    symlinkSync('ws', join(dir, 'wslink'));
    assert.deepEqual(check(['.'], join(dir, 'ws')), []);
    assert.equal(checked(['.'], join(dir, 'ws')), 'No problems in 1 file');
    assert.deepEqual(check(['*.json'], join(dir, 'ws')), []);
    assert.deepEqual(check(['wslink'], dir), []);
  });

  it('two distinct files holding one name still clash', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.payload.json'), CARRIER('Carrier A'));
    writeFileSync(join(dir, 'c.payload.json'), CARRIER('Carrier A'));
    symlinkSync('a.payload.json', join(dir, 'b.payload.json'));
    assert.deepEqual(check(['.'], dir), [`a.payload.json ${DUPLICATE}`, `c.payload.json ${DUPLICATE}`]);
  });

  it('a link is read when the walk does not reach its target by name (node_modules, not a JSON name, outside the folder given)', () => {
    const dir = folder();
    mkdirSync(join(dir, 'ws', 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'ws', 'node_modules', 'pkg', 'held.payload.json'), CARRIER('Carrier A'));
    writeFileSync(join(dir, 'ws', 'text.txt'), CARRIER('Carrier B'));
    writeFileSync(join(dir, 'outside.json'), CARRIER('Carrier C'));
    writeFileSync(join(dir, 'ws', 'own.payload.json'), CARRIER('Carrier A'));
    symlinkSync(join('node_modules', 'pkg', 'held.payload.json'), join(dir, 'ws', 'held.payload.json'));
    symlinkSync('text.txt', join(dir, 'ws', 'text.payload.json'));
    symlinkSync(join('..', 'outside.json'), join(dir, 'ws', 'outside.payload.json'));
    // The held file is read through its link: its name clashes with the file beside it.
    assert.deepEqual(check(['.'], join(dir, 'ws')), [`held.payload.json ${DUPLICATE}`, `own.payload.json ${DUPLICATE}`]);
    assert.equal(checked(['.'], join(dir, 'ws')), '2 problems (2 errors, 0 warnings) in 4 files');
    // The folder above walked too: the outside file is found by its own name, its link left out.
    assert.equal(checked(['.', '..'], join(dir, 'ws')), '2 problems (2 errors, 0 warnings) in 4 files');
  });

  it('two links to one file the walk does not reach: the first is read, the other left out', () => {
    const dir = folder();
    mkdirSync(join(dir, 'ws', 'node_modules'), { recursive: true });
    // Also a flow misspelled (617), to see which link is read.
    writeFileSync(join(dir, 'ws', 'node_modules', 'held.json'), CARRIER('Carrier A').replace('"hostname"', '"flow":"bothh","hostname"'));
    symlinkSync(join('node_modules', 'held.json'), join(dir, 'ws', 'two.payload.json'));
    symlinkSync(join('node_modules', 'held.json'), join(dir, 'ws', 'one.payload.json'));
    assert.deepEqual(check(['.'], join(dir, 'ws')), ['one.payload.json 617']);
    assert.equal(checked(['.'], join(dir, 'ws')), '1 problem (1 error, 0 warnings) in 1 file');
  });

  it('a link given by name is checked as given', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.payload.json'), CARRIER('Carrier A'));
    symlinkSync('a.payload.json', join(dir, 'b.payload.json'));
    assert.equal(checked(['b.payload.json'], dir), 'No problems in 1 file');
    // Named with its target: the user asked for the file twice, and each is checked as given.
    assert.deepEqual(check(['b.payload.json', '.'], dir), [`a.payload.json ${DUPLICATE}`, `b.payload.json ${DUPLICATE}`]);
  });
});
