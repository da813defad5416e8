// The checks of one value against its parameter's compiled spec, given the value's JSON kind,
// its value and its text as written (a string's value, a number's literal), for the validator
// (validate.ts).
import { compareDecimals, isMultipleOfDecimal, parseDecimal, type Decimal } from './decimal';
import type { ValueSpec } from './spec';

const INTEGER_LITERAL = /^-?\d+$/;
const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

export function typeAccepts(types: ReadonlySet<string> | undefined, kind: string, written: string | undefined): boolean {
  if (!types) return true;
  switch (kind) {
    case 'number':
      return types.has('number') || (types.has('integer') && INTEGER_LITERAL.test(written ?? ''));
    case 'array':
    case 'object':
    case 'string':
    case 'boolean':
    case 'null':
      return types.has(kind);
    default:
      return false;
  }
}

function enumAccepts(spec: ValueSpec, kind: string, value: unknown, written: string | undefined): boolean {
  for (const allowed of spec.enum!) {
    if (typeof allowed === 'string' && kind === 'string') {
      if (value === allowed || (spec.ignoreCase && (value as string).toLowerCase() === allowed.toLowerCase())) return true;
    } else if (typeof allowed === 'number' && kind === 'number') {
      if (written === String(allowed)) return true;
    } else if (typeof allowed === 'boolean' && kind === 'boolean') {
      if (value === allowed) return true;
    } else if (allowed === null && kind === 'null') return true;
  }
  return false;
}

/** Code points, counted only as far as a limit needs (a 5 MB string is not walked). */
function codePointsAtLeast(text: string, limit: number): boolean {
  if (text.length < limit) return false;
  if (text.length >= 2 * limit) return true;
  let count = 0;
  for (const _ of text) if (++count >= limit) return true;
  return false;
}

// Integers this short are exact as doubles: compared as numbers, the common case allocates nothing.
const SHORT_INTEGER = /^-?\d{1,15}$/;

/** The numeric bounds of a spec, for a literal of any length (in time linear in its digits). */
function withinBounds(spec: ValueSpec, literal: string): boolean {
  if (SHORT_INTEGER.test(literal)) {
    const n = Number(literal);
    if (spec.minimum !== undefined && !(n >= spec.minimum)) return false;
    if (spec.maximum !== undefined && !(n <= spec.maximum)) return false;
    if (spec.exclusiveMinimum !== undefined && !(n > spec.exclusiveMinimum)) return false;
    if (spec.exclusiveMaximum !== undefined && !(n < spec.exclusiveMaximum)) return false;
    if (spec.multipleOf === undefined) return true;
    if (Number.isInteger(spec.multipleOf)) return n % spec.multipleOf === 0;
  }
  const d = parseDecimal(literal);
  if (spec.minimum !== undefined && compareDecimals(d, decimalOf(spec.minimum)) < 0) return false;
  if (spec.maximum !== undefined && compareDecimals(d, decimalOf(spec.maximum)) > 0) return false;
  if (spec.exclusiveMinimum !== undefined && compareDecimals(d, decimalOf(spec.exclusiveMinimum)) <= 0) return false;
  if (spec.exclusiveMaximum !== undefined && compareDecimals(d, decimalOf(spec.exclusiveMaximum)) >= 0) return false;
  // Judged exactly, a fractional step too: 0.3 is a multiple of 0.1, though not in doubles.
  return spec.multipleOf === undefined || isMultipleOfDecimal(d, decimalOf(spec.multipleOf));
}

/** A bound as the schema wrote it (a number prints as its shortest decimal). */
function decimalOf(bound: number): Decimal {
  return parseDecimal(String(bound));
}

/** The checks of a string, number, boolean or null against its spec (the type already accepted). */
export function scalarAccepts(spec: ValueSpec, kind: string, value: unknown, written: string | undefined): boolean {
  if (spec.enum && !enumAccepts(spec, kind, value, written)) return false;
  if (spec.constValue !== undefined && value !== spec.constValue) return false;
  if (written === undefined) return true;
  if (spec.maxLength !== undefined && codePointsAtLeast(written, spec.maxLength + 1)) return false;
  if (spec.minLength !== undefined && !codePointsAtLeast(written, spec.minLength)) return false;
  if (spec.pattern && !spec.pattern.test(written)) return false;
  if (spec.format && !spec.format(written)) return false;
  if (spec.numeric && spec.bounded && (kind === 'number' || spec.boundsOnStrings)) {
    // A JSON number's value is its literal's value; a numeric string is read the same way.
    const literal = NUMERIC_TEXT.test(written) ? written : kind === 'number' ? String(value) : undefined;
    if (literal !== undefined && !withinBounds(spec, literal)) return false;
  }
  return true;
}
