// Reads of large files (node/file-system.ts): a buffer of 32 MB of address space, so that glibc
// unmaps it when freed without raising its threshold for mapping later blocks (the index's arrays
// were otherwise placed among freed read buffers, 100 MB kept for good after indexing 1 GB: the
// benchmark's index1g measures it). Only the bytes read are seen, and small reads stay small.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { readRegularFileSync } from '../../../server/src/node/file-system';

describe('read buffers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-read-buffers-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const size of [100, 100 * 1024, 200 * 1024, 7_500_000]) {
    it(`a file of ${size} bytes reads as its bytes, in a buffer of ${size < 128 * 1024 ? 'its own size' : 'over 32 MB'}`, () => {
      const file = path.join(dir, `f${size}`);
      const bytes = Buffer.alloc(size, 'a');
      bytes.write('{"method"', 0);
      writeFileSync(file, bytes);
      const read = readRegularFileSync(file, 8 * 1024 * 1024 + 1);
      assert.equal(read.length, size);
      assert.ok(read.equals(bytes));
      if (size >= 128 * 1024) assert.ok(read.buffer.byteLength > 32 * 1024 * 1024, `${read.buffer.byteLength}`);
      else assert.ok(read.buffer.byteLength <= Math.max(size + 1, 8192), `${read.buffer.byteLength}`);
    });
  }
});
