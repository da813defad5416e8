// Fix all and the disable comments take time linear in the problems, counted without a clock: a
// fix must not read every key of its object for each misspelt key (20,000 unknown keys took
// 0.78 s, 80,000 7.8 s), and a problem must not be compared with every disable comment.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Node } from 'jsonc-parser';
import { analyze, applyEdits, applyRulesAndComments, findDirectives, fixAll, LineIndex } from '../../../server/src/core';
import { methodSpec } from '../../../server/src/core/engine/spec';
import { counted } from '../helpers';

/** `count` unique misspellings of SIP's parameters (one letter changed or added), each with a suggested name. */
function misspelt(count: number): string[] {
  const names = [...(methodSpec('AddChannel').params.properties!.get('SIP')!.properties!.keys())];
  const out = new Set<string>();
  for (const name of names) {
    for (let i = 0; i < name.length; i++) {
      for (const c of 'qwxzjk') out.add(name.slice(0, i) + c + name.slice(i + 1)).add(name.slice(0, i) + c + name.slice(i));
    }
  }
  for (const name of names) out.delete(name);
  return [...out].slice(0, count);
}

describe('linear in the problems', () => {
  it("fix all reads an object's keys a bounded number of times per misspelt key", () => {
    const keys = misspelt(3000);
    assert.equal(keys.length, 3000);
    const text = `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "A", ${keys.map((k) => `"${k}": 1`).join(', ')} } } }`;
    const analysis = analyze(text, { included: true });
    const sip = analysis.root!.children![1].children![1].children![1].children![1];
    assert.equal(sip.children!.length, 3001);
    const counter = { reads: 0 };
    (sip as { children?: Node[] }).children = counted(sip.children!, counter);
    const { edits, fixes } = fixAll(analysis);
    assert.ok(fixes.length > 2500, `${fixes.length} fixes`);
    // Each fix finds its key by binary search (about 12 reads) and the keys are gathered once; a
    // scan of every key per fix would read about 9 million.
    assert.ok(counter.reads < 30 * keys.length, `${counter.reads} reads of the object's keys`);
    assert.equal(edits.length, fixes.length);
    const fixed = applyEdits(text, edits);
    assert.equal(fixed.slice(edits[0].offset, edits[0].offset + edits[0].newText.length), edits[0].newText);
  });

  it("disable comments: each problem looks up its own line's comments, not every comment", () => {
    const n = 2000;
    const text = '[\n' + Array.from({ length: n }, (_, i) => `// voipnow-disable-next-line 617\n{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "A${i}", "flow": "bothh" } } }`).join(',\n') + '\n]';
    const analysis = analyze(text, { included: true });
    const lines = new LineIndex(text);
    let lookups = 0;
    const shown = applyRulesAndComments(analysis.problems, {}, findDirectives(text), (offset) => {
      lookups++;
      return lines.line(offset);
    });
    assert.deepEqual(shown.filter((p) => p.code === '617' || p.code === 'unused-disable'), []);
    // One line lookup per problem; comparing each problem with each comment made 4 million.
    assert.equal(lookups, analysis.problems.length);
  });
});
