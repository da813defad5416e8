// Option parsing shared by the commands: each command's options are one table (option-tables.ts)
// that node:util parseArgs reads, in strict mode, and that `help` prints (help.ts). parseArgs's
// errors, told apart by their code, become short one-line usage messages (its own are long and
// mention `--` tricks).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { suggest } from '../core/codes/suggest';
import { CliError } from './errors';

/** One option, written once: what parseArgs reads and what `help` shows. */
export interface OptionDef {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Also `--no-<name>`, shown on the same line (Node 20's parseArgs has no allowNegative). */
  negatable?: boolean;
  /** The value's name in help (`FILE`, `N`); string options only. */
  value?: string;
  /** Given to parseArgs when the option is absent, and shown as `(default: …)`. */
  default?: string;
  /** A default decided elsewhere (a settings file, the machine), shown as `(default: …)` only. */
  shownDefault?: string;
  description: string;
  /** The help's heading over this option and the next ones, for commands with many options. */
  group?: string;
}

/** Options by long name (without `--`), in the order help shows them. */
export type OptionTable = Record<string, OptionDef>;

/** Every command takes it; help shows it last. */
export const HELP_OPTION: OptionDef = { type: 'boolean', short: 'h', description: 'Show this help' };

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

type ParseArgsOptions = NonNullable<ParseArgsConfig['options']>;

/** The table as parseArgs reads it: --help added, a negatable option's --no- form too. */
export function parseArgsOptions(table: OptionTable): ParseArgsOptions {
  const options: ParseArgsOptions = {};
  for (const [name, option] of Object.entries({ ...table, help: HELP_OPTION })) {
    // parseArgs rejects a `short` or `default` key that is there but undefined.
    options[name] = {
      type: option.type,
      ...(option.short === undefined ? {} : { short: option.short }),
      ...(option.multiple ? { multiple: true } : {}),
      ...(option.default === undefined ? {} : { default: option.default }),
    };
    if (option.negatable) options[`no-${name}`] = { type: 'boolean' };
  }
  return options;
}

export function parseCommandArgs(command: string, args: string[], table: OptionTable): Parsed {
  const options = parseArgsOptions(table);
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (error) {
    throw new CliError(`${describeParseError(error, args, options)} (see 'voipnow-payloads help ${command}')`);
  }
}

/** parseArgs's error as one short line, told by its code (exported for its tests). */
export function describeParseError(error: unknown, args: string[], options: ParseArgsOptions): string {
  const code = (error as NodeJS.ErrnoException).code;
  // parseArgs's error names its option only in its message: the option is found again in the
  // arguments' tokens, parsed without strictness, as the first one that breaks the rule the code names.
  const { tokens } = parseArgs({ args, options, allowPositionals: true, strict: false, tokens: true });
  const optionTokens = tokens.flatMap((token) => (token.kind === 'option' ? [token] : []));
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const token = optionTokens.find((t) => !Object.hasOwn(options, t.name));
    if (token) {
      const close = token.rawName.startsWith('--') ? suggest(token.rawName, Object.keys(options).map((name) => `--${name}`)) : undefined;
      return `unknown option '${token.rawName}'${close ? ` (did you mean '${close}'?)` : ''}`;
    }
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // A string option without its value (last, or followed by what looks like an option), or a boolean given one.
    const token = optionTokens.find((t) =>
      options[t.name]?.type === 'string' ? t.value === undefined || (!t.inlineValue && t.value.length > 1 && t.value.startsWith('-')) : t.value !== undefined,
    );
    if (token) return `option '--${token.name}' ${options[token.name].type === 'string' ? 'needs a value' : 'takes no value'}`;
  }
  // Any other (ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL cannot happen: every command takes positionals): parseArgs's first line.
  const first = ((error as { message?: string }).message ?? 'invalid arguments').split('\n')[0];
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** One of `allowed` (the option's table default stands for an absent one), or a usage error naming the option. */
export function choice<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value as string)) return value as T;
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
