// The report cannot be written: a full disk (stdout is /dev/full, or -o /dev/full) is one line on
// stderr and exit 2, never a stack; a reader that goes away (`check . | head -c 100`) ends the run
// quietly with the exit code the problems decide, those never written included.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, colorFreeEnv } from './run-cli';

// Thousands of warnings (unknown parameters) in the file reported first, one error in the last.
const WARNINGS = `{"method": "GetCodecs", "params": {${Array.from({ length: 20000 }, (_, i) => `"unknown${i}": 1`).join(', ')}}}\n`;
const ERROR = '{"method": "AddChannel", "params": {"type": "SIP", "SIP": {"name": "Carrier A", "flow": "bothh"}}}\n';

describe('a report that cannot be written', { skip: process.platform !== 'linux' && '/dev/full is Linux' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'voipnow-write-errors-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.payload.json'), WARNINGS);
  writeFileSync(join(dir, 'z.payload.json'), ERROR);

  /** The CLI with its standard output on /dev/full. */
  const toFull = (args: string[]) => {
    const full = openSync('/dev/full', 'w');
    try {
      return spawnSync(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: colorFreeEnv() });
    } finally {
      closeSync(full);
    }
  };

  for (const format of ['text', 'json', 'sarif']) {
    it(`on a full disk is one line and exit 2 (${format} to stdout)`, () => {
      const run = toFull(['check', '--format', format, '.']);
      assert.equal(run.stderr, 'voipnow-payloads: cannot write the report: no space left on device\n');
      assert.equal(run.status, 2);
    });
  }

  it('on a full disk is one line and exit 2 (-o /dev/full)', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', '-o', '/dev/full', 'z.payload.json'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.stderr, 'voipnow-payloads: cannot write the report: no space left on device\n');
    assert.equal(run.status, 2);
  });

  it("on a full disk is one line and exit 2 (another command's output)", () => {
    const run = toFull(['codes']);
    assert.equal(run.stderr, 'voipnow-payloads: cannot write the output: no space left on device\n');
    assert.equal(run.status, 2);
  });

  /** The check with its stdout a pipe that this end closes as soon as the first bytes come. */
  const closedEarly = async (args: string[]) => {
    const child = spawn(process.execPath, [CLI, 'check', ...args, '.'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: colorFreeEnv() });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let read = 0;
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    const [status] = (await once(child, 'close')) as [number | null];
    // The report is megabytes: it cannot all have been read before the pipe closed.
    assert.ok(read > 0 && read < WARNINGS.length, `read ${read} bytes`);
    return { status, stderr };
  };

  it('closed by its reader ends quietly with exit 1 when an error was found, reported or not', async () => {
    const run = await closedEarly([]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
  });

  it('closed by its reader ends quietly with exit 0 when nothing is at or above --fail-on', async () => {
    const run = await closedEarly(['--fail-on', 'never', '--format', 'json']);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
  });
});
