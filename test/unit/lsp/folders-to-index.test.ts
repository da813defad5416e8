// The index's folders to read (lsp/folders-to-index.ts): the loop reads until nothing waits; a
// folder asked for again while read is read once more, a removed one no longer counts, and the
// listeners hear "busy" once as it starts and "done" once as it ends. Each pass is held open by
// the test and let go on its own terms: no timer.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { FoldersToIndex, type Asked } from '../../../server/src/lsp/folders-to-index';

/** A FoldersToIndex whose passes wait until the test lets them end; each records what it read. */
function harness() {
  const passes: Array<{ batch: ReadonlyArray<Asked<string>>; finish: () => void }> = [];
  const read: string[] = [];
  const states: boolean[] = [];
  let arrived: (() => void) | undefined;
  const folders: FoldersToIndex<string> = new FoldersToIndex<string>(
    (batch) =>
      new Promise<void>((resolve) => {
        const finish = () => {
          // A pass marks done what it read under an ask still current, as the index does.
          for (const [folder, ask] of batch) if (folders.current(folder, ask)) read.push(folder);
          for (const [folder, ask] of batch) folders.done(folder, ask);
          resolve();
        };
        passes.push({ batch, finish });
        arrived?.();
      }),
    () => {},
    (line) => assert.fail(line),
  );
  folders.onBusy((busy) => states.push(busy));
  /** The next pass, once it has begun. */
  const nextPass = async (index: number) => {
    while (passes.length <= index) await new Promise<void>((resolve) => (arrived = resolve));
    return passes[index];
  };
  return { folders, read, states, nextPass };
}

describe('folders to index', () => {
  it('a folder added during a pass is read by the next; the first still counts', async () => {
    const { folders, read, states, nextPass } = harness();
    folders.setFolders(['A'], []);
    const first = await nextPass(0);
    folders.setFolders(['B'], []);
    first.finish();
    (await nextPass(1)).finish();
    await folders.settled();
    assert.deepEqual(read, ['A', 'B']);
    assert.deepEqual(states, [true, false]);
  });

  it('a folder removed during its pass is not marked read, and the loop ends', async () => {
    const { folders, read, nextPass } = harness();
    folders.setFolders(['A'], []);
    const first = await nextPass(0);
    folders.setFolders([], ['A']);
    first.finish();
    await folders.settled();
    assert.deepEqual(read, []);
    assert.equal(folders.busy, false);
  });

  it('a folder asked for again during its pass is read once more', async () => {
    const { folders, read, nextPass } = harness();
    folders.setFolders(['A'], []);
    const first = await nextPass(0);
    folders.ask(['A']);
    first.finish();
    const second = await nextPass(1);
    assert.deepEqual(second.batch.map(([folder]) => folder), ['A']);
    second.finish();
    await folders.settled();
    assert.deepEqual(read, ['A']);
  });

  it('settled waits for the folders to be set at least once', async () => {
    const { folders } = harness();
    let done = false;
    const settled = folders.settled().then(() => (done = true));
    await Promise.resolve();
    assert.equal(done, false);
    folders.setFolders([], []);
    await settled;
    assert.equal(done, true);
  });
});
