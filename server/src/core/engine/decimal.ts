// Exact order and divisibility of decimal literals of any length, in time linear in their digits:
// a 100,000-digit value is judged as written, never rounded to a double (which turns it into
// Infinity) nor parsed into a BigInt (quadratic in its digits).

/** A decimal as 0.digits × 10^point: digits without leading or trailing zeros ('' for zero). */
export interface Decimal {
  negative: boolean;
  digits: string;
  point: number;
}

// An exponent written with more digits than this moves the point farther than any text is long:
// clamping it keeps the arithmetic exact in doubles and the order unchanged.
const EXPONENT_DIGITS = 15;
const FAR = 1e15;

/** Reads a literal of the form -?\d+(\.\d+)?([eE][-+]?\d+)? (the caller has checked it). */
export function parseDecimal(text: string): Decimal {
  let i = 0;
  const negative = text.charCodeAt(0) === 45;
  if (negative) i++;
  let mark = text.length;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 101 || c === 69) {
      mark = j;
      break;
    }
  }
  const mantissa = text.slice(i, mark);
  const dot = mantissa.indexOf('.');
  const whole = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let point = dot < 0 ? mantissa.length : dot;
  if (mark < text.length) point += exponentOf(text.slice(mark + 1));
  let first = 0;
  while (first < whole.length && whole.charCodeAt(first) === 48) first++;
  let last = whole.length;
  while (last > first && whole.charCodeAt(last - 1) === 48) last--;
  const digits = whole.slice(first, last);
  return { negative: negative && digits !== '', digits, point: digits === '' ? 0 : point - first };
}

function exponentOf(text: string): number {
  const sign = text[0] === '-' ? -1 : 1;
  let i = text[0] === '-' || text[0] === '+' ? 1 : 0;
  while (i < text.length - 1 && text.charCodeAt(i) === 48) i++;
  const digits = text.slice(i);
  return sign * (digits.length > EXPONENT_DIGITS ? FAR : Number(digits));
}

/** Negative, zero or positive as a is below, equal to or above b. */
export function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.negative !== b.negative) return a.negative ? -1 : 1;
  const sign = a.negative ? -1 : 1;
  if (a.digits === '' || b.digits === '') return sign * ((a.digits === '' ? 0 : 1) - (b.digits === '' ? 0 : 1));
  if (a.point !== b.point) return sign * (a.point < b.point ? -1 : 1);
  // Same magnitude: digit strings without trailing zeros order as the values do.
  return a.digits === b.digits ? 0 : sign * (a.digits < b.digits ? -1 : 1);
}

/** Whether value is an integer multiple of step (step > 0). */
export function isMultipleOfDecimal(value: Decimal, step: Decimal): boolean {
  if (value.digits === '') return true;
  if (step.digits === '') return false;
  // value = D × 10^k and step = A × 10^t, D and A integers that do not end in 0: D never holds a
  // power of ten, so k < t means no multiple; otherwise A must divide D × 10^(k - t).
  const k = value.point - value.digits.length;
  const t = step.point - step.digits.length;
  if (k < t) return false;
  const divisor = BigInt(step.digits);
  return (remainder(value.digits, divisor) * powerOfTen(k - t, divisor)) % divisor === 0n;
}

// Digits taken 15 at a time: each BigInt step works on numbers no larger than the divisor's.
const CHUNK = 15;

function remainder(digits: string, divisor: bigint): bigint {
  let rest = 0n;
  for (let i = 0; i < digits.length; i += CHUNK) {
    const chunk = digits.slice(i, i + CHUNK);
    rest = (rest * 10n ** BigInt(chunk.length) + BigInt(chunk)) % divisor;
  }
  return rest;
}

/** 10^exponent modulo divisor, by squaring (exponent may be as large as FAR). */
function powerOfTen(exponent: number, divisor: bigint): bigint {
  let result = 1n % divisor;
  let base = 10n % divisor;
  let e = BigInt(exponent);
  while (e > 0n) {
    if (e & 1n) result = (result * base) % divisor;
    base = (base * base) % divisor;
    e >>= 1n;
  }
  return result;
}
