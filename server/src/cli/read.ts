// Reads a file or standard input as text, never more than one byte past maxFileSize: a larger
// input is reported by the engine as file-too-large either way, and this keeps a stray
// multi-gigabyte file from exhausting memory.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { DEFAULT_MAX_FILE_SIZE } from '../core';
import { CliError } from './errors';
import { reason, type InputFile } from './files';

export async function readInput(file: InputFile, maxFileSize: number): Promise<string> {
  const limit = maxFileSize + 1;
  const bytes = file.absolute === undefined ? await readStdin(limit) : readFileCapped(file.absolute, file.display, limit);
  // Invalid UTF-8 becomes U+FFFD, which is never shorter in UTF-8 than the bytes it replaces, so
  // the engine's size check still sees at least `limit` bytes.
  return bytes.toString('utf8');
}

/** A `.voipnow/` file's text (read whole up to the engine's size limit, which reports larger ones). */
export function readText(absolute: string, display: string): string {
  return readFileCapped(absolute, display, DEFAULT_MAX_FILE_SIZE + 1).toString('utf8');
}

export function readFileCapped(absolute: string, display: string, limit: number): Buffer {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: a FIFO (or socket, or device) given as a path is refused at once, never waited on.
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    const chunks: Buffer[] = [];
    let total = 0;
    // Sized by the file (plus one byte to see growth), not by the limit: most payloads are small.
    const expected = stats.size + 1;
    while (total < limit) {
      const chunk = Buffer.allocUnsafe(Math.min(limit - total, Math.max(expected - total, 256)));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw new CliError(`cannot read '${display}': ${reason(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function readStdin(limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      // Keep draining past the limit so the writer does not get EPIPE, but keep nothing more.
      const kept = Math.min(buffer.length, limit - total);
      if (kept > 0) {
        chunks.push(buffer.subarray(0, kept));
        total += kept;
      }
    }
  } catch (error) {
    throw new CliError(`cannot read standard input: ${reason(error)}`);
  }
  return Buffer.concat(chunks, total);
}
