// The command line as tests run it: the built bundle (`node dist/cli.js ...`) spawned from the
// repository root unless told, with empty standard input unless given, and the variables that
// decide colour cleared so that the flags and the stream decide it, not the environment the tests run
// in (node --test sets FORCE_COLOR=1 in its test files when it prints to a terminal).
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
  /** Added to the environment (the tests' own, without the colour variables: colorFreeEnv). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the run is killed (status null). */
  timeout?: number;
}

/** The tests' environment without FORCE_COLOR, NO_COLOR and NODE_DISABLE_COLORS, then `extra`. */
export function colorFreeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _force, NO_COLOR: _no, NODE_DISABLE_COLORS: _disable, ...env } = process.env;
  return { ...env, ...extra };
}

export function cli(args: readonly string[], options: CliOptions = {}): Run {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: colorFreeEnv(options.env),
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
