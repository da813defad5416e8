// Every numeric range (619, 612, 314, 609 and the others) is judged for a value of any length:
// a 400-digit value, and longer, skipped the range check. Every bounded parameter of every
// method is tried with 400, 1,000 and 100,000 digits, as a JSON number and as a string, in range
// and out, on the quick path (JSON.parse) and on the full path (the parse tree).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, fullAnalyze } from '../../../server/src/core/engine/check';
import { compareDecimals, isMultipleOfDecimal, parseDecimal } from '../../../server/src/core/engine/decimal';
import { allMethodSpecs, type ValueSpec } from '../../../server/src/core/engine/spec';

interface Bounded {
  method: string;
  /** Keys from params down to the value; `[]` marks a list written as an array of one item. */
  path: Array<string | []>;
  spec: ValueSpec;
  /** The code an invalid value raises (a list's items may have their own). */
  code: string;
}

function boundedParameters(): Bounded[] {
  const found: Bounded[] = [];
  const walk = (method: string, spec: ValueSpec, path: Array<string | []>, code: string | undefined): void => {
    if (spec.bounded) found.push({ method, path, spec, code: code ?? 'invalid-value' });
    for (const [name, sub] of spec.properties ?? []) {
      if (sub.listOf && sub.items?.properties) walk(method, sub.items, [...path, name, []], sub.items.code ?? sub.code);
      else if (sub.listOf && sub.items) walk(method, sub.items, [...path, name], sub.items.code ?? sub.code);
      else walk(method, sub, [...path, name], sub.code);
    }
  };
  for (const m of allMethodSpecs()) walk(m.method, m.params, [], undefined);
  return found;
}

const pathOf = (row: Bounded) => row.path.map((step) => (Array.isArray(step) ? '[]' : step)).join('.');

const HOLE = '"@@value@@"';

/** A request holding `literal` (as written) at the parameter's place, and where the literal starts. */
function requestWith(row: Bounded, literal: string): { text: string; offset: number } {
  let value: unknown = '@@value@@';
  for (let i = row.path.length - 1; i >= 0; i--) {
    const step = row.path[i];
    value = Array.isArray(step) ? [value] : { [step]: value };
  }
  const skeleton = JSON.stringify({ method: row.method, params: value });
  const offset = skeleton.indexOf(HOLE);
  return { text: skeleton.slice(0, offset) + literal + skeleton.slice(offset + HOLE.length), offset };
}

/** The codes reported on the value itself, by both paths (which must agree). */
function codesAt(row: Bounded, literal: string): string[] {
  const { text, offset } = requestWith(row, literal);
  const at = (problems: ReadonlyArray<{ offset: number; code: string }>) => problems.filter((p) => p.offset === offset).map((p) => p.code);
  const quick = at(analyze(text, { included: true }).problems);
  assert.deepEqual(at(fullAnalyze(text, true).problems), quick, `${row.method} ${pathOf(row)}: quick and full paths differ`);
  return quick;
}

/** The lowest value in range, as digits. */
function lowestInRange(spec: ValueSpec): number {
  const low = spec.minimum ?? (spec.exclusiveMinimum !== undefined ? spec.exclusiveMinimum + 1 : 0);
  const step = spec.multipleOf ?? 1;
  return Math.ceil(low / step) * step;
}

const padded = (digits: string, length: number) => '0'.repeat(length - digits.length) + digits;

describe('numeric ranges of values of any length', () => {
  const rows = boundedParameters();

  it('finds the bounded parameters of the spec (619, 612, 314, 609 among them)', () => {
    const codes = new Set(rows.map((r) => r.code));
    for (const code of ['619', '612', '314', '315', '609', '652', '653', '643']) assert.ok(codes.has(code), `no bounded parameter raises ${code}`);
  });

  for (const length of [400, 1000, 100_000]) {
    it(`judges ${length}-digit values as numbers and as strings, in range and out`, () => {
      const huge = '1' + '0'.repeat(length - 1); // a multiple of any step of 10^k
      for (const row of rows) {
        const { spec, code } = row;
        const where = `${row.method} ${pathOf(row)} (${length} digits)`;
        const hasUpper = spec.maximum !== undefined || spec.exclusiveMaximum !== undefined;
        const hasLower = spec.minimum !== undefined || spec.exclusiveMinimum !== undefined;
        const takesStrings = spec.types?.has('string') === true && spec.boundsOnStrings !== false;
        const forms: Array<[string, (digits: string) => string]> = [['number', (d) => d]];
        if (takesStrings) forms.push(['string', (d) => JSON.stringify(d)]);
        // A digit limit (cost: at most 14) is broken by any long value, with the same code.
        const limitFree = (text: string) => spec.maxLength === undefined && !spec.format && (!spec.pattern || spec.pattern.test(text));
        for (const [form, write] of forms) {
          assert.deepEqual(codesAt(row, write(huge)), hasUpper || !limitFree(huge) ? [code] : [], `${where}: ${form} 10^${length - 1}`);
          assert.deepEqual(codesAt(row, write('-' + huge)), hasLower || !limitFree('-' + huge) ? [code] : [], `${where}: ${form} -10^${length - 1}`);
        }
        // In range with leading zeros: only a string can be written so (and only where no digit limit applies).
        if (!takesStrings || !limitFree(padded('1', length))) continue;
        const low = lowestInRange(spec);
        assert.deepEqual(codesAt(row, JSON.stringify(padded(String(low), length))), [], `${where}: string ${low} with leading zeros`);
        if (spec.multipleOf !== undefined && spec.multipleOf > 1) {
          assert.deepEqual(codesAt(row, JSON.stringify(padded(String(low + 1), length))), [code], `${where}: string ${low + 1}, not a multiple`);
        }
        if (spec.maximum !== undefined) {
          const over = String(spec.maximum + (spec.multipleOf ?? 1));
          assert.deepEqual(codesAt(row, JSON.stringify(padded(over, length))), [code], `${where}: string ${over} with leading zeros`);
        }
      }
    });
  }

  it('qualify: a 100,000-digit string or number out of 0-900 gets 619, as a short one does', () => {
    const qualify = rows.find((r) => r.method === 'AddChannel' && pathOf(r) === 'SIP.qualify');
    assert.ok(qualify, 'AddChannel SIP.qualify is bounded');
    assert.deepEqual(codesAt(qualify, '9'.repeat(100_000)), ['619']);
    assert.deepEqual(codesAt(qualify, JSON.stringify('9'.repeat(100_000))), ['619']);
    assert.deepEqual(codesAt(qualify, JSON.stringify(padded('900', 100_000))), []);
    assert.deepEqual(codesAt(qualify, JSON.stringify(padded('950', 100_000))), ['619']);
    assert.deepEqual(codesAt(qualify, '9'.repeat(10)), ['619']);
  });
});

describe('decimal literals compared exactly', () => {
  const cmp = (a: string, b: string) => Math.sign(compareDecimals(parseDecimal(a), parseDecimal(b)));
  it('orders by sign, magnitude and digits, whatever the zeros, fractions and exponents', () => {
    assert.equal(cmp('0', '-0'), 0);
    assert.equal(cmp('000900', '900'), 0);
    assert.equal(cmp('900.000', '9e2'), 0);
    assert.equal(cmp('900.0000000000000000000001', '900'), 1);
    assert.equal(cmp('899.9999999999999999999999', '900'), -1);
    assert.equal(cmp('-1', '0'), -1);
    assert.equal(cmp('-2', '-10'), 1);
    assert.equal(cmp('1e-400', '0'), 1);
    assert.equal(cmp('-1e-400', '0'), -1);
    assert.equal(cmp('1e' + '9'.repeat(30), '1e300'), 1);
    assert.equal(cmp('1e-' + '9'.repeat(30), '1e-300'), -1);
    assert.equal(cmp('12', '123'), -1);
    assert.equal(cmp('0.5', '0.05e1'), 0);
  });
  it('finds multiples of whole and fractional steps', () => {
    const multiple = (a: string, b: string) => isMultipleOfDecimal(parseDecimal(a), parseDecimal(b));
    assert.equal(multiple('0', '100'), true);
    assert.equal(multiple('1' + '0'.repeat(99_999), '100'), true);
    assert.equal(multiple('1' + '0'.repeat(99_998) + '50', '100'), false);
    assert.equal(multiple('-300', '100'), true);
    assert.equal(multiple('3e2', '100'), true);
    assert.equal(multiple('1e1', '100'), false);
    assert.equal(multiple('0.3', '0.1'), true);
    assert.equal(multiple('0.35', '0.1'), false);
    assert.equal(multiple('7' + '0'.repeat(20), '7'), true);
    assert.equal(multiple('1e' + '9'.repeat(20), '100'), true);
    assert.equal(multiple('123456789123456789123456789', '3'), true);
    assert.equal(multiple('123456789123456789123456788', '3'), false);
  });
});
