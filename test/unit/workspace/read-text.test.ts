// The server reads a workspace file as the command line does: a byte order mark is not counted
// against maxFileSize, so a file with a mark is read whole up to the limit's last byte and a larger
// one gets file-too-large, never checked cut short.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/engine/check';
import { readText } from '../../../server/src/core/workspace/file-system';
import { nodeFileSystem } from '../../../server/src/node/file-system';

const MAX = 200;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** A valid request of `size` bytes, padded inside, so that a read cut short is invalid JSON. */
function payload(size: number): Buffer {
  const start = '{"method":"GetCodecs","params":{"channelID":1}';
  return Buffer.from(start + ' '.repeat(size - start.length - 1) + '}');
}

describe('readText (the server reading a workspace file)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voipnow-read-text-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** The codes the server gives the file, read as the workspace index reads it (maxFileSize + 1). */
  const codes = async (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    const text = await readText(nodeFileSystem, pathToFileURL(join(dir, name)).href, MAX + 1);
    assert.ok(text !== undefined, name);
    return analyze(text, { included: true, maxFileSize: MAX }).problems.map((p) => p.code);
  };

  it('reads a file with a byte order mark whole when what follows the mark fits, 1 to 3 bytes past the limit with it', async () => {
    for (const extra of [0, 1, 2, 3]) {
      const body = payload(MAX - 3 + extra);
      assert.deepEqual(await codes(`fits-${extra}.payload.json`, Buffer.concat([BOM, body])), [], `${body.length} bytes after the mark`);
    }
  });

  it('gives file-too-large to a file whose text past the mark is over the limit, with or without the mark', async () => {
    for (const extra of [1, 2, 3, 4, 100]) {
      const body = payload(MAX + extra);
      assert.deepEqual(await codes(`large-${extra}.payload.json`, Buffer.concat([BOM, body])), ['file-too-large'], `mark + ${body.length} bytes`);
      assert.deepEqual(await codes(`large-${extra}-plain.payload.json`, body), ['file-too-large'], `${body.length} bytes`);
    }
  });

  it('reads at most limit bytes of a file without a mark, limit after a mark', async () => {
    writeFileSync(join(dir, 'plain.json'), Buffer.from('x'.repeat(50)));
    writeFileSync(join(dir, 'marked.json'), Buffer.concat([BOM, Buffer.from('x'.repeat(50))]));
    assert.equal(await readText(nodeFileSystem, pathToFileURL(join(dir, 'plain.json')).href, 10), 'x'.repeat(10));
    assert.equal(await readText(nodeFileSystem, pathToFileURL(join(dir, 'marked.json')).href, 10), 'x'.repeat(10));
    assert.equal(await readText(nodeFileSystem, pathToFileURL(join(dir, 'marked.json')).href, 60), 'x'.repeat(50));
  });
});
