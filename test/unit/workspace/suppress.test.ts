// Rules (a severity per code, or off) and disable comments, applied after the engine: exact texts
// of the unused-disable warnings, and that a code and its text never change.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyRulesAndComments, findDirectives, LineIndex, type Problem, type Rules } from '../../../server/src/core';

const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';

/** The problems of a payload after the settings, as [code, severity, message, the text they cover]. */
function shown(text: string, rules: Rules = {}): Array<[string, string, string, string]> {
  const analysis = analyze(text, { included: true });
  const lines = new LineIndex(text);
  return applyRulesAndComments(analysis.problems, rules, findDirectives(text), (o) => lines.line(o)).map((p) => [p.code, p.severity, p.message, text.slice(p.offset, p.offset + p.length)]);
}

const TWO_FLOWS = `[
  { "method": "AddChannel", "params": { "SIP": { "name": "Carrier A", "flow": "bothh" } } },
  { "method": "AddChannel", "params": { "SIP": { "name": "Carrier B", "flow": "inn" } } }
]`;

describe('rules', () => {
  it('off drops a code; info and warning change the severity only, never the code or text', () => {
    assert.deepEqual(shown(TWO_FLOWS, { '617': 'info' }), [
      ['617', 'information', FLOW_617, '"bothh"'],
      ['617', 'information', FLOW_617, '"inn"'],
    ]);
    assert.deepEqual(shown(TWO_FLOWS, { '617': 'off' }), []);
    assert.deepEqual(shown('{ "method": "GetCodecs", "params": { "colour": 1 } }', { 'unknown-parameter': 'error' }), [
      ['unknown-parameter', 'error', "Unknown parameter 'colour' in GetCodecs.", '"colour"'],
    ]);
  });

  it('a rule for another code changes nothing; the same severity keeps the same object', () => {
    const problems = analyze(TWO_FLOWS).problems;
    const after = applyRulesAndComments(problems, { '618': 'off', '617': 'error' }, [], () => 0);
    assert.equal(after[0], problems[0]);
  });
});

describe('disable comments', () => {
  const withComments = `[
  // voipnow-disable-next-line 617
  { "method": "AddChannel", "params": { "SIP": { "name": "Carrier A", "flow": "bothh" } } },
  { "method": "AddChannel", "params": { "SIP": { "name": "Carrier B", "flow": "inn" } } }
]`;

  it('next-line silences that code on the next line only', () => {
    assert.deepEqual(shown(withComments), [['617', 'error', FLOW_617, '"inn"']]);
  });

  it('the whole-file form silences every problem of that code', () => {
    assert.deepEqual(shown(`// voipnow-disable 617 -- the test gateway takes any flow\n${TWO_FLOWS}`), []);
  });

  it('block comments, several codes, 30 meaning 030 and word codes', () => {
    const text = `{
  /* voipnow-disable-next-line 617, unknown-parameter */
  "method": "AddChannel", "params": { "SIP": { "name": "Carrier A", "flow": "bothh", "colour": 1 } }
}`;
    assert.deepEqual(shown(text), []);
    assert.deepEqual(findDirectives(text).map((d) => [d.kind, d.code, d.known, d.line, text.slice(d.offset, d.offset + d.length)]), [
      ['next-line', '617', true, 2, '617'],
      ['next-line', 'unknown-parameter', true, 2, 'unknown-parameter'],
    ]);
    assert.deepEqual(findDirectives('// voipnow-disable 30\n{}').map((d) => d.code), ['030']);
  });

  it('an unused comment gets a warning on its code, with the exact text', () => {
    const text = `// voipnow-disable 618
// voipnow-disable-next-line 617
{ "method": "GetCodecs", "params": {} }
// voipnow-disable-next-line
// voipnow-disable 6177
`;
    assert.deepEqual(shown(text), [
      ['unused-disable', 'warning', 'Unused disable comment: no 618 problem in this file.', '618'],
      ['unused-disable', 'warning', 'Unused disable comment: no 617 problem on the next line.', '617'],
      ['unused-disable', 'warning', 'This disable comment names no code: write the code it silences (voipnow-disable-next-line 617).', '// voipnow-disable-next-line'],
      ['unused-disable', 'warning', "Unused disable comment: '6177' is neither a documented code nor a word code.", '6177'],
    ]);
  });

  it('a comment for a code that a rule turns off is unused; unused-disable has a rule too', () => {
    assert.deepEqual(shown(withComments, { '617': 'off' }), [['unused-disable', 'warning', 'Unused disable comment: no 617 problem on the next line.', '617']]);
    assert.deepEqual(shown(withComments, { '617': 'off', 'unused-disable': 'off' }), []);
    assert.deepEqual(shown('// voipnow-disable 618\n{ "method": "GetCodecs" }', { 'unused-disable': 'error' }).map((p) => p[1]), ['error']);
  });

  it('words that merely start like a directive, and the marker inside strings, are not directives', () => {
    assert.deepEqual(findDirectives('// voipnow-disabled 617\n// see voipnow-disable 617\n{ "notes": "voipnow-disable 617" }'), []);
  });

  it('no scan at all when the text does not mention the marker', () => {
    assert.deepEqual(findDirectives('{ "method": "GetCodecs" } // a comment'), []);
  });

  it('the settings keep other problems in document order (stable at one offset)', () => {
    const p = (code: string, offset: number): Problem => ({ code, message: code, severity: 'error', offset, length: 1 });
    const out = applyRulesAndComments([p('b', 5), p('a', 1), p('c', 5)], {}, [], () => 0);
    assert.deepEqual(out.map((x) => x.code), ['a', 'b', 'c']);
  });
});
