// The fast parser must build exactly jsonc-parser's tree for every well-formed document and hand
// every other document to jsonc-parser ('fallback').
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import { fastParse } from '../../../server/src/core/parse/fast-parse';
import { pick, seeded } from '../random';

function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  return { type: node.type, offset: node.offset, length: node.length, value: node.value, colonOffset: node.colonOffset, children: node.children?.map(plain) };
}

function parentsConsistent(node: Node): boolean {
  return (node.children ?? []).every((c) => c.parent === node && parentsConsistent(c));
}

const STRINGS = ['', 'a', 'Carrier A', 'quote \\" inside', 'back\\\\slash', 'unicode \\u00e9 é 😀', 'tab\\t', '\\/', 'ends with \\\\'];
const NUMBERS = ['0', '-1', '12', '1.5', '-0.25', '1e3', '2E-2', '123456789012345678901234567890', '1.0'];
// Line ends of every kind (CRLF, a lone CR, LF), with line comments ended by each.
const SPACE = ['', ' ', '\n', '\r\n  ', '\r', '\t', ' /* c */ ', ' // line\n', ' // line\r', ' // line\r\n', '//\r\n\r', '/* a\rb */', '/**/'];

function generate(random: () => number, depth: number): string {
  const ws = () => pick(random, SPACE);
  const r = random();
  if (depth > 4 || r < 0.35) {
    const leaf = random();
    if (leaf < 0.4) return `"${pick(random, STRINGS)}"`;
    if (leaf < 0.7) return pick(random, NUMBERS);
    return pick(random, ['true', 'false', 'null']);
  }
  const count = Math.floor(random() * 4);
  if (r < 0.7) {
    const members = Array.from({ length: count }, () => `${ws()}"${pick(random, ['method', 'params', 'SIP', 'name', 'a', 'a'])}"${ws()}:${ws()}${generate(random, depth + 1)}${ws()}`);
    return `{${members.join(',')}${count === 0 ? ws() : ''}}`;
  }
  const elements = Array.from({ length: count }, () => `${ws()}${generate(random, depth + 1)}${ws()}`);
  return `[${elements.join(',')}${count === 0 ? ws() : ''}]`;
}

/** Small damage: a character dropped, doubled or replaced. */
function damage(random: () => number, text: string): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  if (kind < 0.33) return text.slice(0, at) + text.slice(at + 1);
  if (kind < 0.66) return text.slice(0, at) + text.charAt(at) + text.slice(at);
  return text.slice(0, at) + pick(random, ['{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', '/', '*', '\u0001', ' ']) + text.slice(at + 1);
}

describe('fast parser', () => {
  it('builds the same tree as parseTree for 3,000 generated well-formed documents', () => {
    const random = seeded(7);
    for (let i = 0; i < 3000; i++) {
      const text = pick(random, SPACE) + generate(random, 0) + pick(random, SPACE);
      const errors: unknown[] = [];
      const expected = parseTree(text, errors as never);
      assert.deepEqual(errors, [], text);
      const result = fastParse(text, 1000);
      assert.ok(result !== 'fallback' && 'root' in result, `fell back on a well-formed document: ${text}`);
      assert.deepEqual(plain(result.root), plain(expected), text);
      assert.ok(parentsConsistent(result.root));
    }
  });

  it('falls back, never returns a tree, for documents jsonc-parser finds errors in', () => {
    const random = seeded(11);
    let damaged = 0;
    for (let i = 0; i < 3000; i++) {
      const text = damage(random, generate(random, 0));
      const errors: unknown[] = [];
      const expected = parseTree(text, errors as never);
      const result = fastParse(text, 1000);
      if (errors.length > 0) {
        damaged++;
        assert.equal(result, 'fallback', text);
      } else if (result !== 'fallback' && 'root' in result) {
        assert.deepEqual(plain(result.root), plain(expected), text);
      }
    }
    assert.ok(damaged > 1000, `only ${damaged} damaged documents`);
  });

  it('ends a line comment at CR, LF or CRLF, as jsonc-parser does', () => {
    const documents = [
      '{ // note\r "flow": "bothh" }',
      '{ // note\r\n "flow": "bothh" }',
      '{ // note\n "flow": "bothh" }',
      '// top\r[1, // one\r 2]',
      '{//\r}\n}',
      '{//\r\n}\r}',
      '[1 // x\r,2]',
    ];
    for (const text of documents) {
      const errors: unknown[] = [];
      const expected = parseTree(text, errors as never);
      const result = fastParse(text, 1000);
      if (errors.length > 0) assert.equal(result, 'fallback', JSON.stringify(text));
      else {
        assert.ok(result !== 'fallback' && 'root' in result, `fell back on ${JSON.stringify(text)}`);
        assert.deepEqual(plain(result.root), plain(expected), JSON.stringify(text));
      }
    }
    // The property after a comment ended by a lone CR is read.
    const flow = fastParse(documents[0], 1000);
    assert.ok(flow !== 'fallback' && 'root' in flow);
    assert.equal(flow.root.children?.[0]?.children?.[0]?.value, 'flow');
    assert.equal(fastParse('{//\r}\n}', 1000), 'fallback');
  });

  it('stops at the bracket that opens level 1,001', () => {
    const text = '['.repeat(1001) + ']'.repeat(1001);
    assert.deepEqual(fastParse(text, 1000), { tooDeepAt: 1000 });
    const ok = '['.repeat(1000) + ']'.repeat(1000);
    const result = fastParse(ok, 1000);
    assert.ok(result !== 'fallback' && 'root' in result);
  });
});
