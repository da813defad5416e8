// The command line as tests run it: the built bundle (`node dist/cli.js ...`) spawned from the
// repository root unless told, with empty standard input unless given, and NO_COLOR cleared so that
// colour is decided by the flags and the terminal alone, not by the environment the tests run in.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string | Buffer;
  /** Added to the environment (the tests' own, NO_COLOR cleared). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the run is killed (status null). */
  timeout?: number;
}

export function cli(args: readonly string[], options: CliOptions = {}): Run {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', ...options.env },
    timeout: options.timeout,
    // Reports of many files run past the default megabyte.
    maxBuffer: 1 << 26,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * `check --format json` on `args`: each problem as `file:line:col severity code message`, `prefix/`
 * taken off the file paths. The run must end with 0 or 1 (problems found are not a failure).
 */
export function checkRows(args: readonly string[], prefix: string, options?: CliOptions): string[] {
  const run = cli(['check', '--format', 'json', ...args], options);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return JSON.parse(run.stdout).map((p: any) => `${p.file.replace(`${prefix}/`, '')}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`);
}
