// `check`'s options: parsed and validated before the file system is touched (a typo never costs a
// long walk), the output stream opened (--output-file, never one of the files checked), and the
// exit code from what was reported.
import { createWriteStream, mkdirSync, openSync, statSync, type BigIntStats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as tty from 'node:tty';
import { globProblem, type Rules } from '../core';
import { choice, parseCommandArgs, positiveInteger, wholeNumber } from './args';
import { parseRuleOptions } from './config';
import { CliError } from './errors';
import { openAtomic, type AtomicFile } from '../node/atomic-write';
import { reason, type InputFile } from './files';
import type { ReportSummary } from './formatters/format-writer';
import { FORMATS, type Format } from './formatters/report-writer';
import { CHECK_OPTIONS } from './option-tables';


const FAIL_ON = ['error', 'warning', 'info', 'information', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

export interface CheckOptions {
  paths: string[];
  format: Format;
  failOn: FailOn;
  /** Exit 1 when more warnings than this are reported (besides --fail-on). */
  maxWarnings?: number;
  /** Report errors only; only errors decide the exit code. */
  quiet: boolean;
  outputFile?: string;
  /** --color / --no-color; undefined: colour on a terminal unless NO_COLOR is set. */
  color?: boolean;
  /** At most this many problems reported per file (all by default). */
  maxProblems?: number;
  include?: string[];
  rules?: Rules;
  maxFileSize?: number;
  /** --stdin-filename; undefined when standard input is unnamed (shown as STDIN_NAME). */
  stdinFilename?: string;
  fix: boolean;
  jobs?: number;
  config?: string;
  noConfig: boolean;
  records?: string;
  noRecords: boolean;
  /** A path or glob that matches no JSON file is an error (ESLint's default). */
  errorOnUnmatchedPattern: boolean;
}

/** The options, or undefined when --help was asked for (and printed). */
export function parseCheckOptions(args: string[], help: string): CheckOptions | undefined {
  const { values, positionals } = parseCommandArgs('check', args, CHECK_OPTIONS);
  if (values.help) {
    process.stdout.write(help);
    return undefined;
  }
  const string = (name: string) => values[name] as string | undefined;
  const flag = (name: string) => values[name] === true;
  const exclusive = (a: string, b: string) => {
    if (values[a] === undefined || values[b] === undefined) return;
    throw new CliError(`--${a} and --${b} cannot be given together (see 'voipnow-payloads help check')`);
  };
  exclusive('config', 'no-config');
  exclusive('records', 'no-records');
  exclusive('color', 'no-color');
  const options: CheckOptions = {
    paths: positionals,
    format: choice('format', string('format'), FORMATS),
    failOn: choice('fail-on', string('fail-on'), FAIL_ON),
    maxWarnings: wholeNumber('max-warnings', string('max-warnings')),
    quiet: flag('quiet'),
    outputFile: string('output-file'),
    color: flag('color') ? true : flag('no-color') ? false : undefined,
    maxProblems: positiveInteger('max-problems', string('max-problems')),
    include: includeGlobs(values.include as string[] | undefined),
    rules: parseRuleOptions(values.rule as string[] | undefined),
    maxFileSize: positiveInteger('max-file-size', string('max-file-size')),
    stdinFilename: string('stdin-filename'),
    fix: flag('fix'),
    jobs: positiveInteger('jobs', string('jobs')),
    config: string('config'),
    noConfig: flag('no-config'),
    records: string('records'),
    noRecords: flag('no-records'),
    errorOnUnmatchedPattern: !flag('no-error-on-unmatched-pattern'),
  };
  if (options.paths.length === 0) throw new CliError("no paths given (use '-' for standard input; see 'voipnow-payloads help check')");
  if (options.outputFile === '') throw new CliError("option '--output-file' needs a file name");
  return options;
}

/** The report's stream as colour is decided for it: a terminal (tty.WriteStream) has hasColors(). */
export interface ColorTarget {
  isTTY?: boolean;
  hasColors?(env?: object): boolean;
}

/** Colour only for text, as --color or --no-color says, else as the stream has colours. */
export function useColor(options: CheckOptions, out: ColorTarget, env: NodeJS.ProcessEnv = process.env): boolean {
  if (options.format !== 'text') return false;
  if (options.color !== undefined) return options.color;
  return hasColors(out, env);
}

/**
 * Node's rule for its own console (util.styleText's, too): a terminal answers itself, from the
 * environment (FORCE_COLOR first, then NO_COLOR or TERM=dumb turn colour off, then what the terminal
 * shows); a pipe or a file has colour only when FORCE_COLOR asks for it (FORCE_COLOR=0 does not),
 * read by the same hasColors, which uses nothing of its stream but the environment.
 */
export function hasColors(out: ColorTarget, env: NodeJS.ProcessEnv = process.env): boolean {
  if (out.isTTY === true && typeof out.hasColors === 'function') return out.hasColors(env);
  return env.FORCE_COLOR !== undefined && tty.WriteStream.prototype.hasColors(env);
}

export interface ReportOutput {
  stream: NodeJS.WritableStream & { isTTY?: boolean };
  /** Resolves once everything written has reached the file, which then replaces the one there (stdout needs no closing). */
  close(): Promise<void>;
  /** A report not closed is dropped: the file there is left as it was. */
  discard(): Promise<void>;
}

/**
 * Refuses (exit 2) an --output-file that is one of the files to be read: a file checked (given,
 * through a link, or found in a folder given) or the --records or --config file. Compared by
 * device and inode, which links and other spellings of a path share. Called before anything is read.
 */
export function refuseOutputAmongInputs(options: CheckOptions, cwd: string, inputs: readonly InputFile[]): void {
  refuseOutputAmong(options, cwd, [
    ...inputs.flatMap((input) => (input.absolute === undefined ? [] : [{ path: input.absolute, shown: input.display }])),
    ...[options.records, options.config].flatMap((given) => (given === undefined ? [] : [{ path: resolve(cwd, given), shown: given }])),
  ]);
}

/** The same for files read along the way (each payload's nearest project and records file), found only once the files are read. */
export function refuseOutputAmong(options: CheckOptions, cwd: string, read: ReadonlyArray<{ path: string; shown: string }>): void {
  if (options.outputFile === undefined) return;
  const output = identity(resolve(cwd, options.outputFile));
  // An output file that is not there yet is none of the files read.
  if (!output) return;
  for (const { path, shown } of read) {
    const other = identity(path);
    if (other && other.dev === output.dev && other.ino === output.ino) {
      const same = shown === options.outputFile ? '' : ` (as '${shown}')`;
      throw new CliError(`the output file '${options.outputFile}' is also read by this check${same}: the report would replace it; name another file`);
    }
  }
}

function identity(path: string): BigIntStats | undefined {
  try {
    // bigint: an inode number can be past 2^53 on some file systems.
    return statSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * Standard output, or the --output-file (its folder made), opened before the check so that a bad
 * name fails first. A regular file (or a new one) is written through a temporary file that replaces
 * it once the report is whole (node/atomic-write.ts), so a failed or interrupted run leaves the
 * previous report; a device or FIFO (`-o /dev/stdout`) is written directly.
 */
export async function openOutput(options: CheckOptions, cwd: string): Promise<ReportOutput> {
  if (options.outputFile === undefined) return { stream: process.stdout, close: async () => {}, discard: async () => {} };
  const given = options.outputFile;
  const path = resolve(cwd, given);
  const failed = (error: unknown) => new CliError(`cannot write '${given}': ${reason(error)}`);
  let atomic: AtomicFile | undefined;
  let stream: NodeJS.WritableStream;
  try {
    mkdirSync(dirname(path), { recursive: true });
    try {
      atomic = await openAtomic(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOTREG') throw error;
    }
    stream = atomic ? createWriteStream(atomic.temp, { fd: atomic.handle.fd, autoClose: false }) : createWriteStream(path, { fd: openSync(path, 'w') });
  } catch (error) {
    await atomic?.discard();
    throw failed(error);
  }
  let closed = false;
  return {
    stream,
    close: async () => {
      try {
        // The end callback, not stream.finished(): a stream that leaves its file open (autoClose false) never emits 'close'.
        await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
        await atomic?.commit();
        closed = true;
      } catch (error) {
        throw failed(error);
      }
    },
    discard: async () => {
      if (closed) return;
      stream.end();
      await atomic?.discard();
    },
  };
}

const RANK: Record<Exclude<FailOn, 'never'>, number> = { error: 3, warning: 2, info: 1, information: 1 };

/** 1 when a problem at or above --fail-on, or more warnings than --max-warnings, was reported. */
export function exitCode(summary: ReportSummary, options: CheckOptions): number {
  const worst = summary.errors > 0 ? 3 : summary.warnings > 0 ? 2 : summary.information > 0 ? 1 : 0;
  const failed = options.failOn !== 'never' && worst >= RANK[options.failOn];
  const tooManyWarnings = options.maxWarnings !== undefined && summary.warnings > options.maxWarnings;
  return failed || tooManyWarnings ? 1 : 0;
}

/** `--include` globs, each within the bounds a glob may cost (a glob past them is an error, exit 2). */
function includeGlobs(globs: string[] | undefined): string[] | undefined {
  for (const glob of globs ?? []) {
    const problem = globProblem(glob);
    if (problem) throw new CliError(`invalid value '${glob.length > 80 ? `${glob.slice(0, 80)}…` : glob}' for --include: ${problem}`);
  }
  return globs;
}
