// locateValue (core/parse/json-locate.ts): where a value stands in well-formed JSON, found without a
// tree. It must cover exactly the text jsonc-parser's node would, whatever the spacing, escapes and
// nesting; the quick path places unique values with it, so the quick and full paths agree on them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, fullAnalyze } from '../../../server/src/core/engine/check';
import { locateValue } from '../../../server/src/core/parse/json-locate';
import { seeded } from '../random';
import { request } from './generated-requests';

const at = (text: string, path: Array<string | number>, start = 0) => {
  const range = locateValue(text, start, path);
  return range && text.slice(range.offset, range.offset + range.length);
};

describe('locateValue', () => {
  const cases: Array<[string, Array<string | number>, string | undefined]> = [
    ['{"a": 1}', ['a'], '1'],
    ['{ "a" : "x" , "b" : -1.5e3 }', ['b'], '-1.5e3'],
    ['{\t"a":\r\n\t"x\\"y",\r\n"b":true}', ['a'], '"x\\"y"'],
    ['{"x": {"a": [1, {"b": "c"}]}, "a": [3, [4, 5]]}', ['a', 1, 0], '4'],
    ['{"x": {"a": [1, {"b": "c"}]}}', ['x', 'a', 1, 'b'], '"c"'],
    ['{"na\\u006de": "N"}', ['name'], '"N"'],
    ['{"s": "a]}{\\\\", "t": {"u": null}}', ['t', 'u'], 'null'],
    ['{"s": "x"}', ['t'], undefined],
    ['{"s": [1]}', ['s', 1], undefined],
    ['{"s": 1}', ['s', 'x'], undefined],
    ['[{"a": 1}, {"a": 2}]', [1, 'a'], '2'],
    ['{"e": {}, "f": []}', ['f'], '[]'],
  ];
  for (const [text, path, expected] of cases) {
    it(`${text} at ${JSON.stringify(path)}: ${expected ?? 'nowhere'}`, () => assert.equal(at(text, path), expected));
  }

  it('from a start offset (a batch element)', () => {
    const text = '[ {"a": 1} ,\n  {"a": "two"} ]';
    assert.equal(at(text, ['a'], text.indexOf('{', 3)), '"two"');
  });

  it('quick and full paths place unique values alike, with tabs, CR LF and no spaces, over 600 generated batches', () => {
    const random = seeded(4242);
    const spacings = [(t: string) => t, (t: string) => t.replace(/\n/g, '\r\n'), (t: string) => t.replace(/ {2}/g, '\t')];
    let placed = 0;
    for (let i = 0; i < 600; i++) {
      const batch = Array.from({ length: 1 + Math.floor(random() * 5) }, () => request(random));
      const text = spacings[i % 3](JSON.stringify(batch, null, i % 2 ? 2 : undefined));
      const quick = analyze(text, { included: true });
      const full = fullAnalyze(text, true);
      assert.deepEqual(quick.unique.map((u) => [u.key, u.range()]), full.unique.map((u) => [u.key, u.range()]), text);
      placed += quick.unique.length;
    }
    assert.ok(placed > 100, `${placed} unique values placed`);
  });
});
