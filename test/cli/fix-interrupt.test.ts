// `check --fix` interrupted while it writes a batch of several megabytes: the file holds its old
// bytes or the new ones, never a part, and no temporary file is left beside it. The interruption
// comes at a point the test knows, never after a delay: a signal once the writer says (through its
// test-only pause, node/atomic-write.ts) that part of the new bytes are written, a signal once the
// temporary file appears in the folder (fs.watch), and a write that fails for good part way
// through (a file size limit set with `ulimit -f`, which makes the system refuse the write).
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CLI, colorFreeEnv } from './run-cli';

// About 3 MB: three chunks of the writer, each request with a fix (617: "bothh" is "both").
const request = (i: number) => `{"method": "AddChannel", "params": {"type": "SIP", "SIP": {"name": "Carrier ${i}", "flow": "bothh", "hostname": "203.0.113.1"}}}`;
const OLD = `[\n${Array.from({ length: 24000 }, (_, i) => request(i)).join(',\n')}\n]\n`;
const NEW = OLD.replaceAll('"bothh"', '"both"');
const NAME = 'batch.payload.json';

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** `check --fix` on the folder, through `sh` when a shell prefix (such as a ulimit) is given. */
function startFix(dir: string, options: { pause?: boolean; shell?: string } = {}): { child: ChildProcess; ended: Promise<Ended>; stderrLine(pattern: RegExp): Promise<string> } {
  const env = colorFreeEnv({ VOIPNOW_PAYLOADS_TEST_PAUSE_WRITE: options.pause ? '1' : '' });
  const child = options.shell
    ? spawn('sh', ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, CLI, 'check', '--fix', '.'], { cwd: dir, env })
    : spawn(process.execPath, [CLI, 'check', '--fix', '.'], { cwd: dir, env });
  let stderr = '';
  const waiting: Array<{ pattern: RegExp; found(line: string): void }> = [];
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const wait of [...waiting]) {
      const line = stderr.split('\n').find((l) => wait.pattern.test(l));
      if (line !== undefined) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.found(line);
      }
    }
  });
  child.stdout.resume();
  const ended = once(child, 'close').then(([code, signal]) => ({ code, signal, stderr }));
  const stderrLine = (pattern: RegExp) =>
    Promise.race([
      new Promise<string>((found) => waiting.push({ pattern, found })),
      ended.then((end) => Promise.reject(new Error(`the run ended (${end.code ?? end.signal}) before a line matching ${pattern}: ${end.stderr}`))),
    ]);
  return { child, ended, stderrLine };
}

describe('check --fix interrupted', { skip: process.platform === 'win32' && 'POSIX signals and ulimit' }, () => {
  const root = mkdtempSync(join(tmpdir(), 'voipnow-interrupt-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  const folder = () => {
    const dir = join(root, `case-${count++}`);
    mkdirSync(dir);
    writeFileSync(join(dir, NAME), OLD);
    return dir;
  };
  /** Which bytes the file holds: 'old', 'new', or how many of neither (never printed whole: megabytes). */
  const holds = (dir: string) => {
    const now = readFileSync(join(dir, NAME), 'utf8');
    return now === OLD ? 'old' : now === NEW ? 'new' : `neither: ${now.length} characters (old ${OLD.length}, new ${NEW.length})`;
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`by ${signal} part way through the write leaves the old bytes and no temporary file`, async () => {
      const dir = folder();
      const run = startFix(dir, { pause: true });
      const paused = await run.stderrLine(/^voipnow-payloads: paused writing /);
      // A first megabyte is in the temporary file, beside the file, which is as it was.
      const temp = paused.replace(/^voipnow-payloads: paused writing /, '');
      assert.equal(join(temp, '..'), dir);
      assert.ok(readFileSync(temp).length > 0);
      assert.equal(holds(dir), 'old');
      run.child.kill(signal);
      const end = await run.ended;
      // Ended by the signal itself, as without a handler.
      assert.equal(end.signal, signal, end.stderr);
      assert.equal(holds(dir), 'old');
      assert.deepEqual(readdirSync(dir), [NAME]);
    });
  }

  it('resumed after the pause writes the new bytes and no temporary file', async () => {
    const dir = folder();
    const run = startFix(dir, { pause: true });
    await run.stderrLine(/^voipnow-payloads: paused writing /);
    // Each chunk pauses until standard input ends: ending it lets the write go on to the end.
    run.child.stdin!.end();
    const end = await run.ended;
    assert.equal(end.code, 0, end.stderr);
    assert.equal(holds(dir), 'new');
    assert.deepEqual(readdirSync(dir), [NAME]);
  });

  it('by SIGTERM as soon as the temporary file appears leaves the old bytes or the new, and no temporary file', async () => {
    const dir = folder();
    const watcher = watch(dir);
    try {
      const run = startFix(dir);
      const appeared = new Promise<void>((resolve) =>
        watcher.on('change', (_event, name) => {
          if (String(name) !== NAME && existsSync(join(dir, String(name)))) resolve();
        }),
      );
      await Promise.race([appeared, run.ended]);
      run.child.kill('SIGTERM');
      const end = await run.ended;
      assert.match(holds(dir), /^(old|new)$/, `${end.code ?? end.signal}: ${end.stderr}`);
      assert.deepEqual(readdirSync(dir), [NAME]);
    } finally {
      watcher.close();
    }
  });

  it('by a write the system refuses part way through (a file size limit) leaves the old bytes, and says so', async () => {
    const dir = folder();
    // 1024 blocks of 1 KB: the new bytes (3 MB) cannot all be written; reading the old is no write.
    const run = startFix(dir, { shell: 'ulimit -f 1024' });
    const end = await run.ended;
    assert.equal(end.code, 2, end.stderr);
    assert.equal(end.stderr, `voipnow-payloads: cannot write '${NAME}': file too large (it is left as it was)\n`);
    assert.equal(holds(dir), 'old');
    assert.deepEqual(readdirSync(dir), [NAME]);
  });
});
