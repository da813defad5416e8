// Small checks of the shapes a client sends, composed into each method's parameters
// (method-params.ts). A check answers undefined when the value is usable, else what is wrong with
// it, named by where it is (`params.textDocument.uri must be a string`). Only what the server
// reads is checked: other fields may hold anything.

export type Check = (value: unknown, at: string) => string | undefined;

/** LSP's uinteger: 0 to 2^31 - 1. */
const MAX_UINTEGER = 2 ** 31 - 1;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Anything (a field the server passes on without reading, or reads defensively itself). */
export const anything: Check = () => undefined;

/** Present, whatever it holds (a required field whose value may be null). */
export const present: Check = (value, at) => (value === undefined ? `${at} is missing` : undefined);

export const string: Check = (value, at) => (typeof value === 'string' ? undefined : `${at} must be a string`);

/** A URI: a string with something in it (its spelling is the client's; uri-paths.ts reads it). */
export const uri: Check = (value, at) => (typeof value === 'string' && value.length > 0 ? undefined : `${at} must be a non-empty URI string`);

export const number: Check = (value, at) => (typeof value === 'number' && Number.isFinite(value) ? undefined : `${at} must be a number`);

export const integer: Check = (value, at) => (Number.isSafeInteger(value) ? undefined : `${at} must be an integer`);

export const uinteger: Check = (value, at) =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINTEGER ? undefined : `${at} must be an integer from 0 to ${MAX_UINTEGER}`;

export const boolean: Check = (value, at) => (typeof value === 'boolean' ? undefined : `${at} must be true or false`);

export function optional(check: Check): Check {
  return (value, at) => (value === undefined ? undefined : check(value, at));
}

function nullable(check: Check): Check {
  return (value, at) => (value === null ? undefined : check(value, at));
}

/** Absent or null, or as `check` says. */
export const maybe = (check: Check): Check => optional(nullable(check));

/** One of the given literal values. */
export function oneOf(...values: readonly unknown[]): Check {
  return (value, at) => (values.includes(value) ? undefined : `${at} must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
}

/** The first of `checks` that takes the value (their reasons joined when none does). */
export function either(...checks: readonly Check[]): Check {
  return (value, at) => {
    const reasons: string[] = [];
    for (const check of checks) {
      const reason = check(value, at);
      if (reason === undefined) return undefined;
      reasons.push(reason);
    }
    return reasons.join(', or ');
  };
}

export function arrayOf(check: Check): Check {
  return (value, at) => {
    if (!Array.isArray(value)) return `${at} must be an array`;
    for (let i = 0; i < value.length; i++) {
      const reason = check(value[i], `${at}[${i}]`);
      if (reason !== undefined) return reason;
    }
    return undefined;
  };
}

/** An object whose named fields pass their checks (other fields are not looked at). */
export function object(fields: Readonly<Record<string, Check>> = {}): Check {
  return (value, at) => {
    if (!isRecord(value)) return `${at} must be an object`;
    for (const [name, check] of Object.entries(fields)) {
      const reason = check(value[name], `${at}.${name}`);
      if (reason !== undefined) return reason;
    }
    return undefined;
  };
}

// ---- LSP's common structures ----

export const position = object({ line: uinteger, character: uinteger });
export const range = object({ start: position, end: position });
export const textDocumentIdentifier = object({ uri });
export const workspaceFolder = object({ uri, name: string });
/** A progress token (work done, partial results): the library reports on it. */
export const progressToken = either(integer, string);
/** The tokens a request may carry, which the library reads before the handler does. */
export const progressTokens = { workDoneToken: optional(progressToken), partialResultToken: optional(progressToken) };
