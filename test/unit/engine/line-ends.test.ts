// Lines end at CRLF, CR or LF (LSP's rule and every editor's): a CR-only file has lines, a line
// comment ends at a lone CR, disable comments apply to the next line, positions are an editor's,
// and an inserted property keeps the file's own line breaks.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyEdits, LineIndex, quickFixes, shownAnalysis } from '../../../server/src/core';

const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';

/** The same document written with each kind of line end. */
const LINES = [
  '{',
  '  "method": "AddChannel",',
  '  "params": {',
  '    "type": "sip",',
  '    "SIP": {',
  '      "name": "Carrier B",',
  '      "flow": "bothh"',
  '    }',
  '  }',
  '}',
];
const ENDS: Array<[string, string]> = [
  ['LF', '\n'],
  ['CRLF', '\r\n'],
  ['CR', '\r'],
];

describe('line ends', () => {
  it('LineIndex counts lines at CRLF, CR and LF: the 617 is at 7:15 in each file', () => {
    for (const [name, eol] of ENDS) {
      const text = LINES.join(eol);
      const problem = analyze(text).problems.find((p) => p.code === '617');
      assert.ok(problem, name);
      assert.deepEqual(new LineIndex(text).position(problem.offset), { line: 6, character: 14 }, name);
    }
    const mixed = new LineIndex('a\r\nb\rc\nd');
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7].map((o) => mixed.line(o)), [0, 0, 0, 1, 1, 2, 2, 3]);
  });

  it('a line comment ended by a lone CR leaves the next property in the document', () => {
    const text = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier B", // note\r "flow": "bothh" } } }';
    const problems = analyze(text).problems.map((p) => [p.code, p.message, text.slice(p.offset, p.offset + p.length)]);
    assert.deepEqual(problems, [['617', FLOW_617, '"bothh"']]);
    // A brace after a comment ended by CR is not commented out.
    assert.deepEqual(analyze('{//\r}\n}', { included: true }).problems.map((p) => [p.code, p.offset]), [['missing-method', 0], ['invalid-json', 6]]);
  });

  it('voipnow-disable-next-line silences the next line whatever the line ends', () => {
    for (const [name, eol] of ENDS) {
      const lines = [...LINES];
      lines.splice(6, 0, '      // voipnow-disable-next-line 617');
      const analysis = analyze(lines.join(eol));
      assert.deepEqual(shownAnalysis(analysis, {}).problems, [], name);
    }
  });

  it('an inserted property keeps the line breaks of the file', () => {
    for (const [name, eol] of ENDS) {
      const text = ['{', '  "method": "EditChannel",', '  "params": {', '    "SIP": { "flow": "in" }', '  }', '}'].join(eol);
      const analysis = analyze(text);
      const missing = analysis.problems.find((p) => p.code === '117')!;
      const fix = quickFixes(analysis, missing).find((f) => f.title === 'Add the missing parameter "ID"')!;
      const expected = ['{', '  "method": "EditChannel",', '  "params": {', '    "SIP": { "flow": "in" },', '    "ID": 0', '  }', '}'].join(eol);
      assert.equal(applyEdits(text, fix.edits), expected, name);
    }
  });
});
