// Option parsing shared by the commands: node:util parseArgs in strict mode, with its errors turned
// into short one-line usage messages (its own are long and mention `--` tricks).
import { parseArgs } from 'node:util';
import { suggest } from '../core/suggest';
import { CliError } from './errors';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, args: string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    throw new CliError(`${describeParseError(error, Object.keys(options))} (see 'voipnow-payloads help ${command}')`);
  }
}

function describeParseError(error: unknown, names: readonly string[]): string {
  const message = (error as { message?: string }).message ?? 'invalid arguments';
  // The quoted part reads '--format', '-f, --format <value>' or '--format <value>': name the long form.
  const quoted = /'(-[^']*)'/.exec(message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0] ?? '?';
  if (/^Unknown option/.test(message)) {
    const close = option.startsWith('--') ? suggest(option, [...names, 'help'].map((name) => `--${name}`)) : undefined;
    return `unknown option '${option}'${close ? ` (did you mean '${close}'?)` : ''}`;
  }
  // A missing value (`--format` last, or followed by another option).
  if (/argument missing|ambiguous/.test(message)) return `option '${option}' needs a value`;
  if (/does not take an argument/.test(message)) return `option '${option}' takes no value`;
  const first = message.split('\n')[0];
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** One of `allowed`, or a usage error naming the option. */
export function choice<T extends string>(option: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(`invalid value '${value}' for --${option}: expected ${allowed.join(', ')}`);
}

/** A positive whole number (bytes, threads, problems). */
export function positiveInteger(option: string, value: string | undefined): number | undefined {
  return wholeNumber(option, value, 1);
}

/** A whole number of at least `min` (`--max-warnings 0` is allowed). */
export function wholeNumber(option: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliError(`invalid value '${value}' for --${option}: expected a ${min === 0 ? 'non-negative' : 'positive'} whole number`);
  }
  return Number(value);
}
