// utf8Length: a text's size in UTF-8 bytes without Buffer (the engine runs in a Web Worker too),
// equal to Node's Buffer.byteLength for every kind of UTF-16 unit; and maxFileSize decided by it.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { exceedsSize, utf8Length } from '../../../server/src/core/parse/limits';

const CASES: Array<[string, string, number]> = [
  ['empty', '', 0],
  ['ASCII', '{"flow":"in"}', 13],
  ['two-byte (é)', 'café', 5],
  ['three-byte (€, U+FFFF)', '€\uffff', 6],
  ['a surrogate pair (😀)', 'a😀b', 6],
  ['a lone high surrogate', 'a\ud83db', 5],
  ['a lone low surrogate', 'a\ude00b', 5],
  ['a high surrogate at the end', 'ab\ud83d', 5],
  ['two high surrogates, then a low one', '\ud83d\ud83d\ude00', 7],
];

describe('utf8Length', () => {
  for (const [what, text, bytes] of CASES) {
    it(`${what}: ${bytes} bytes, as Buffer.byteLength`, () => {
      assert.equal(utf8Length(text), bytes);
      assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'));
    });
  }

  it('decides maxFileSize by bytes when characters alone cannot: 4 euro signs are 12 bytes', () => {
    assert.equal(exceedsSize('€€€€', 12), false);
    assert.equal(exceedsSize('€€€€', 11), true);
  });
});
