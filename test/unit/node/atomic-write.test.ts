// Replacing a file through a temporary one (node/atomic-write.ts): the target gets the new bytes
// with its mode (and, for root, its owner) kept, a link keeps pointing at the file replaced, no
// temporary file is left after a write or a failure, and something that is not a regular file is
// never replaced. Interruptions of a real --fix are in test/cli/fix-interrupt.test.ts.
import { strict as assert } from 'node:assert';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openAtomic, writeFileAtomic } from '../../../server/src/node/atomic-write';

describe('writeFileAtomic', () => {
  const root = mkdtempSync(join(tmpdir(), 'voipnow-atomic-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let count = 0;
  /** A folder of its own holding `name` with `text`, so that its listing shows any file left behind. */
  const folderWith = (name: string, text?: string) => {
    const dir = join(root, `case-${count++}`);
    mkdirSync(dir);
    if (text !== undefined) writeFileSync(join(dir, name), text);
    return dir;
  };

  it('replaces the target and leaves no temporary file', async () => {
    const dir = folderWith('a.json', 'old bytes, longer than the new ones');
    const before = statSync(join(dir, 'a.json')).ino;
    await writeFileAtomic(join(dir, 'a.json'), 'new');
    assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir), ['a.json']);
    // Replaced by rename (a new file), not rewritten in place.
    assert.notEqual(statSync(join(dir, 'a.json')).ino, before);
  });

  it('creates a file that is not there, and writes bytes as given', async () => {
    const dir = folderWith('a.json');
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d, 0xff]);
    await writeFileAtomic(join(dir, 'a.json'), bytes);
    assert.deepEqual(readFileSync(join(dir, 'a.json')), bytes);
    assert.deepEqual(readdirSync(dir), ['a.json']);
  });

  it('keeps the mode of the file it replaces', { skip: process.platform === 'win32' && 'no POSIX modes' }, async () => {
    for (const mode of [0o640, 0o755, 0o600, 0o444]) {
      const dir = folderWith('a.json', 'old');
      chmodSync(join(dir, 'a.json'), mode);
      await writeFileAtomic(join(dir, 'a.json'), 'new');
      assert.equal(statSync(join(dir, 'a.json')).mode & 0o7777, mode);
      assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), 'new');
    }
  });

  it('keeps the owner of the file it replaces, where the process may set it', { skip: process.getuid?.() !== 0 && 'only root can give a file away' }, async () => {
    const dir = folderWith('a.json', 'old');
    chownSync(join(dir, 'a.json'), 4321, 8765);
    await writeFileAtomic(join(dir, 'a.json'), 'new');
    const stats = statSync(join(dir, 'a.json'));
    assert.deepEqual([stats.uid, stats.gid], [4321, 8765]);
  });

  it('replaces the file a link points at and keeps the link', { skip: process.platform === 'win32' && 'links need privileges' }, async () => {
    const dir = folderWith('real.json', 'old');
    symlinkSync('real.json', join(dir, 'link.json'));
    await writeFileAtomic(join(dir, 'link.json'), 'new');
    assert.ok(lstatSync(join(dir, 'link.json')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real.json'), 'utf8'), 'new');
    assert.deepEqual(readdirSync(dir).sort(), ['link.json', 'real.json']);
  });

  it('removes the temporary file and leaves the target when the rename fails', async () => {
    const dir = folderWith('a.json', 'old');
    const file = await openAtomic(join(dir, 'a.json'));
    await file.handle.write('new');
    assert.equal(readdirSync(dir).length, 2, 'the temporary file is in the same folder');
    // The target became a folder that is not empty: no file can be renamed over it.
    rmSync(join(dir, 'a.json'));
    mkdirSync(join(dir, 'a.json'));
    writeFileSync(join(dir, 'a.json', 'inside'), 'kept');
    await assert.rejects(file.commit());
    assert.deepEqual(readdirSync(dir), ['a.json']);
    assert.equal(readFileSync(join(dir, 'a.json', 'inside'), 'utf8'), 'kept');
  });

  it('removes the temporary file when the write is abandoned', async () => {
    const dir = folderWith('a.json', 'old');
    const file = await openAtomic(join(dir, 'a.json'));
    await file.handle.write('half of the new');
    await file.discard();
    assert.deepEqual(readdirSync(dir), ['a.json']);
    assert.equal(readFileSync(join(dir, 'a.json'), 'utf8'), 'old');
  });

  it('never replaces what is not a regular file', { skip: process.platform === 'win32' && 'no /dev/null' }, async () => {
    const before = statSync('/dev/null');
    await assert.rejects(writeFileAtomic('/dev/null', 'x'), { code: 'ENOTREG' });
    const dir = folderWith('x');
    mkdirSync(join(dir, 'folder.json'));
    await assert.rejects(writeFileAtomic(join(dir, 'folder.json'), 'x'), { code: 'ENOTREG' });
    assert.ok(statSync('/dev/null').isCharacterDevice());
    assert.equal(statSync('/dev/null').ino, before.ino);
    assert.deepEqual(readdirSync(dir), ['folder.json']);
  });

  it('fails with the system error when the folder is not there, leaving nothing', async () => {
    await assert.rejects(writeFileAtomic(join(root, 'no-such-folder', 'a.json'), 'x'), { code: 'ENOENT' });
  });
});
