// Keys that share a hash (key-hash.ts): the index across files keeps values by a 32-bit hash of
// their key, and two keys share one about 400 times among the 1.8 million values of 1 GB of
// batches. These two channel names do: a shared hash must never make a 200, nor hide one, in files
// that keep their text and in large ones that keep their values packed; through a seeded random
// sequence of changes, every file's 200s across files are those its keys call for.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_EFFECTIVE_SETTINGS, KEEP_TEXT_BELOW, WorkspaceSession, type FileScope } from '../../../server/src/core';
import { keyHash } from '../../../server/src/core/workspace/key-hash';
import { seeded } from '../random';

const [X, Y] = ['Carrier 112789', 'Carrier 349192'];
const FOLDER = { name: 'root', order: 0 };
const scope = (relPath: string): FileScope => ({ folder: FOLDER, relPath, includePath: relPath, settings: DEFAULT_EFFECTIVE_SETTINGS });
const channel = (name: string) => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": ${JSON.stringify(name)}, "flow": "in" } } }`;
/** A file adding `names`; `large`: padded past KEEP_TEXT_BELOW, so that it keeps its values packed. */
const fileOf = (names: readonly string[], large: boolean) => `[\n${names.map(channel).join(',\n')}\n]${large ? ' '.repeat(KEEP_TEXT_BELOW) : ''}\n`;
/** The names a file has a 200 for against other files (its problems with related places), as it writes them. */
function crossNames(s: WorkspaceSession, id: string): string[] {
  const unique = s.get(id)!.unique;
  const shownAt = (offset: number) => unique.find((u) => u.range().offset === offset)!.shown;
  return s.report(id).filter((p) => p.code === '200' && p.related.length > 0).map((p) => shownAt(p.offset)).sort();
}

describe('keys that share a hash', () => {
  it('these two names share one (the test would prove nothing otherwise)', () => {
    assert.notEqual(X.toLowerCase(), Y.toLowerCase());
    assert.equal(keyHash(`AddChannel ${X.toLowerCase()}`), keyHash(`AddChannel ${Y.toLowerCase()}`));
  });

  for (const large of [false, true]) {
    const kind = large ? 'large files (values packed)' : 'files that keep their text';
    it(`${kind}: a shared hash is no 200; a real clash beside it is one, named and placed`, () => {
      const s = new WorkspaceSession();
      s.update('a.payload.json', fileOf([X], large), scope('a.payload.json'));
      s.update('b.payload.json', fileOf([Y], large), scope('b.payload.json'));
      assert.equal(s.get('a.payload.json')!.text === undefined, large);
      assert.deepEqual(crossNames(s, 'a.payload.json'), []);
      assert.deepEqual(crossNames(s, 'b.payload.json'), []);
      // Both names in one file: neither clashes with the files that add the other.
      s.update('both.payload.json', fileOf([X, Y], large), scope('both.payload.json'));
      assert.deepEqual(crossNames(s, 'both.payload.json'), [X, Y]);
      assert.deepEqual(crossNames(s, 'a.payload.json'), [X]);
      assert.deepEqual(crossNames(s, 'b.payload.json'), [Y]);
      const key = s.get('a.payload.json')!.unique[0].key;
      assert.deepEqual(s.holders(key, 'none').map((h) => h.id), ['a.payload.json', 'both.payload.json']);
      s.remove('both.payload.json');
      assert.deepEqual(crossNames(s, 'a.payload.json'), []);
      assert.deepEqual(s.holders(key, 'none').map((h) => h.id), ['a.payload.json']);
      s.remove('a.payload.json');
      s.update('c.payload.json', fileOf([X.toUpperCase()], large), scope('c.payload.json'));
      assert.deepEqual(crossNames(s, 'b.payload.json'), []);
      assert.deepEqual(crossNames(s, 'c.payload.json'), []);
    });
  }

  it('through 400 random changes of 12 files (some large), each file has a 200 for exactly the names another file adds', () => {
    const random = seeded(17);
    const pool = [X, Y, X.toUpperCase(), 'Carrier 112788', 'Carrier 349193', 'Other'];
    const s = new WorkspaceSession();
    const held = new Map<string, string[]>();
    for (let step = 0; step < 400; step++) {
      const id = `f${Math.floor(random() * 12)}.payload.json`;
      if (random() < 0.25) {
        s.remove(id);
        held.delete(id);
      } else {
        const names = pool.filter(() => random() < 0.3);
        // One key once per file (its in-file 200s are another rule's).
        const unique = names.filter((n, i) => names.findIndex((m) => m.toLowerCase() === n.toLowerCase()) === i);
        s.update(id, fileOf(unique, random() < 0.5), scope(id));
        held.set(id, unique);
      }
      for (const [file, names] of held) {
        const others = [...held].filter(([other]) => other !== file).flatMap(([, n]) => n.map((m) => m.toLowerCase()));
        const expected = names.filter((n) => others.includes(n.toLowerCase())).sort();
        assert.deepEqual(crossNames(s, file), expected, `${file} at step ${step}`);
      }
    }
  });
});
