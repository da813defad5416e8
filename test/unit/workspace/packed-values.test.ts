// A large file on disk keeps its unique values and problems packed (packed-values.ts,
// packed-problems.ts): no object per value or problem, no key (a hash), and none in the index
// across files for a value one file adds (a number in a table). What the session holds of the
// benchmark's batches is measured (live heap and buffers after a collection), and the values are
// found and placed as when the text is kept.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { batchFrom } from '../../../bench/generate';
import { DEFAULT_EFFECTIVE_SETTINGS, WorkspaceSession, type FileScope } from '../../../server/src/core';

const FOLDER = { name: 'root', order: 0 };
const scope = (relPath: string): FileScope => ({ folder: FOLDER, relPath, includePath: relPath, settings: DEFAULT_EFFECTIVE_SETTINGS });

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Live bytes after a full collection: the heap and the typed arrays' buffers. */
function live(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe('WorkspaceSession: the values of large files on disk, packed', () => {
  it('holds under 90 bytes a value of the benchmark batches (with their problems and reports), not 380', () => {
    const session = new WorkspaceSession();
    // The first files load what every check uses (rules, catalogs) and size the index: not counted.
    let before = 0;
    let values = 0;
    for (let i = 0; i < 8; i++) {
      const id = `batch-${i}.payload.json`;
      const count = session.update(id, batchFrom(i * 20_000, 3 * 1024 * 1024), scope(id)).unique.length;
      session.report(id, { maxProblems: 1000 });
      if (i === 1) before = live();
      else if (i > 1) values += count;
    }
    const perValue = (live() - before) / values;
    assert.ok(values > 30_000, `${values} values`);
    assert.ok(perValue < 90, `${perValue.toFixed(0)} bytes a value`);
  });

  it('holds under 120 bytes a problem of a batch of broken requests (with its places), not 150', () => {
    const session = new WorkspaceSession();
    const broken = (from: number) =>
      `[\n${Array.from({ length: 20_000 }, (_, i) => `  {"method": "AddChannel", "id": "c${from + i}", "params": {"type": "sip", "SIP": {"flow": "bothh", "qualify": 150}}}`).join(',\n')}\n]\n`;
    session.update('warm.payload.json', broken(0), scope('warm.payload.json'));
    const before = live();
    let problems = 0;
    for (let i = 1; i <= 4; i++) {
      const id = `broken-${i}.payload.json`;
      problems += session.update(id, broken(i * 20_000), scope(id)).problems.length;
    }
    const perProblem = (live() - before) / problems;
    assert.ok(problems > 100_000, `${problems} problems`);
    assert.ok(perProblem < 120, `${perProblem.toFixed(0)} bytes a problem`);
  });

  it('a value another file adds: the same 200 and the same place for go to definition as with the text kept', () => {
    const text = (name: string) => batchFrom(0, 128 * 1024).replace('"Carrier 3"', JSON.stringify(name));
    const made = (version: number | null) => {
      const session = new WorkspaceSession();
      session.update('a.payload.json', text('Shared Ștefan'), scope('a.payload.json'), { version });
      session.update('b.payload.json', text('shared ștefan'), scope('b.payload.json'), { version });
      return session;
    };
    const [packed, kept] = [made(null), made(1)];
    assert.equal(packed.get('a.payload.json')!.text, undefined);
    const key = kept.get('a.payload.json')!.unique.find((u) => u.shown === 'Shared Ștefan')!.key;
    assert.deepEqual(packed.holders(key, 'b.payload.json'), kept.holders(key, 'b.payload.json'));
    assert.equal(packed.holders(key, 'b.payload.json').length, 1);
    const clash = (s: WorkspaceSession) => s.report('b.payload.json').filter((p) => p.code === '200' && p.related.length > 0);
    assert.deepEqual(clash(packed), clash(kept));
    assert.ok(clash(packed).some((p) => p.message.includes("A channel named 'Shared Ștefan' is also added in a.payload.json.")));
    // Every copy's other values (Carrier 0, 1, 2...) clash too: one 200 a value, each placed.
    assert.equal(clash(packed).length, kept.get('b.payload.json')!.unique.length);
  });
});
