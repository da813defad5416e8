// Shared helpers of the table-driven engine tests (test/unit/methods, test/unit/engine).
//
// A payload is written with each offending value wrapped in markers: `«"bothh"»`. `unmark` strips
// the markers and returns the text plus the offset/length of every marked span, in text order, so
// a table row says where a problem must be without counting characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type CheckOptions, type Problem, type Severity } from '../../server/src/core/index';

export const OPEN = '«';
export const CLOSE = '»';

export interface Span {
  offset: number;
  length: number;
}

export interface Unmarked {
  text: string;
  spans: Span[];
}

/** Strips `«...»` markers (not nested) and returns the text and each marked span (UTF-16 offsets). */
export function unmark(marked: string): Unmarked {
  let text = '';
  const spans: Span[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) {
      if (open >= 0) throw new Error(`nested marker in ${marked}`);
      open = text.length;
    } else if (ch === CLOSE) {
      if (open < 0) throw new Error(`unbalanced marker in ${marked}`);
      spans.push({ offset: open, length: text.length - open });
      open = -1;
    } else {
      text += ch;
    }
  }
  if (open >= 0) throw new Error(`unclosed marker in ${marked}`);
  return { text, spans };
}

/** What a table row expects of one problem; its range is the row's n-th marked span. */
export interface Expected {
  code: string;
  message: string;
  /** Defaults to 'error' (documented codes are errors; spec 2.3). Written out for word codes. */
  severity?: Severity;
  /** Which marked span (0-based); defaults to the expectation's own index. */
  mark?: number;
}

export interface Got {
  code: string;
  message: string;
  severity: Severity;
  offset: number;
  length: number;
}

export const summarize = (p: Problem): Got => ({ code: p.code, message: p.message, severity: p.severity, offset: p.offset, length: p.length });

/**
 * Checks the marked payload and asserts that its problems are exactly `expected` (code, full
 * message, severity, range), in document order, nothing more. Returns the problems for further
 * assertions (data, method).
 */
export function expectProblems(marked: string, expected: Expected[], options?: CheckOptions): Problem[] {
  const { text, spans } = unmark(marked);
  const problems = check(text, options);
  const want: Got[] = expected.map((e, i) => {
    const span = spans[e.mark ?? i];
    if (!span) throw new Error(`no marked span #${e.mark ?? i} in ${marked}`);
    return { code: e.code, message: e.message, severity: e.severity ?? 'error', offset: span.offset, length: span.length };
  });
  // The engine sorts by offset (stably); expectations at the same offset keep their written order.
  const order = want.map((w, i) => ({ w, i })).sort((a, b) => a.w.offset - b.w.offset || a.i - b.i).map((x) => x.w);
  assert.deepEqual(problems.map(summarize), order, `problems of ${text.length > 300 ? text.slice(0, 300) + '…' : text}`);
  return problems;
}

/** Asserts that the payload has no problem at all. */
export function expectClean(text: string, options?: CheckOptions): void {
  const problems = check(text, options);
  assert.deepEqual(problems.map(summarize), [], `expected no problem in ${text.length > 300 ? text.slice(0, 300) + '…' : text}`);
}

/** `{"method":"M","params":P}`; `params` undefined leaves the key out. */
export function req(method: string, params?: string): string {
  return params === undefined ? `{"method":"${method}"}` : `{"method":"${method}","params":${params}}`;
}

/** One table row: a payload (with markers) and the problems it must have (none: it is valid). */
export interface Case {
  name: string;
  payload: string;
  expect?: Expected[];
  options?: CheckOptions;
}

/** Registers one node:test test per row. */
export function runCases(title: string, cases: readonly Case[]): void {
  for (const c of cases) {
    test(`${title}: ${c.name}`, () => {
      if (!c.expect || c.expect.length === 0) {
        const { text, spans } = unmark(c.payload);
        assert.equal(spans.length, 0, 'a valid case carries no marker');
        expectClean(text, c.options);
      } else {
        expectProblems(c.payload, c.expect, c.options);
      }
    });
  }
}

/**
 * A parameter table: for each parameter, values that must pass and values that must raise one
 * problem (code + text) on the value. `build` writes the payload around `«value»`.
 */
export interface ParamRow {
  param: string;
  valid: readonly string[];
  invalid: readonly string[];
  code: string;
  message: string;
  severity?: Severity;
}

export function paramCases(build: (param: string, value: string) => string, rows: readonly ParamRow[]): Case[] {
  const cases: Case[] = [];
  for (const row of rows) {
    for (const value of row.valid) {
      cases.push({ name: `${row.param} = ${short(value)} is valid`, payload: build(row.param, value) });
    }
    for (const value of row.invalid) {
      cases.push({
        name: `${row.param} = ${short(value)} -> ${row.code}`,
        payload: build(row.param, `${OPEN}${value}${CLOSE}`),
        expect: [{ code: row.code, message: row.message, severity: row.severity }],
      });
    }
  }
  return cases;
}

function short(value: string): string {
  return value.length > 40 ? `${value.slice(0, 30)}… (${value.length} chars)` : value;
}

/** A JSON string literal of n copies of `ch` (n characters when ch is one code point). */
export const str = (n: number, ch = 'a'): string => JSON.stringify(ch.repeat(n));

/** Word-code severities (spec 2.3), written out so a table row reads as the spec does. */
export const WARNING: Severity = 'warning';
export const INFORMATION: Severity = 'information';

/** The message of an `invalid-value` problem as the engine words it. */
export const invalidValue = (param: string, expected: string): string => `Invalid value for '${param}': expected ${expected}.`;
/** Every form a boolean is accepted in (spec section 1), as the schema's enum lists them. */
export const BOOLEAN_EXPECTED = 'one of true, false, 0, 1, "true", "false", "0", "1"';
/** A text parameter, which a JSON number may write too (judged by its literal, spec section 1). */
export const TEXT_EXPECTED = 'a string or a number';
export const ANY_EXPECTED = 'a valid value';

// Spec 2.3: the word codes and their severities.
export const WORD_SEVERITY: Record<string, string> = {
  'invalid-json': 'error',
  'missing-method': 'error',
  'unknown-method': 'error',
  'unknown-parameter': 'warning',
  'not-an-object': 'error',
  'invalid-value': 'error',
  'too-many-items': 'error',
  'too-few-items': 'error',
  'conflicting-parameters': 'error',
  'duplicate-key': 'warning',
  'nesting-too-deep': 'error',
  'file-too-large': 'information',
  'unknown-record': 'warning',
  'undocumented-code': 'warning',
  'text-differs': 'information',
  'unused-disable': 'warning',
  'invalid-config': 'error',
  'too-many-problems': 'information',
};

/** `array` read through a proxy that counts reads of its elements (a test of linear work, without a clock). */
export function counted<T>(array: T[], counter: { reads: number }): T[] {
  return new Proxy(array, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
}
