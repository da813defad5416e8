// Reads a file or standard input as text, never more than one byte past maxFileSize: a larger
// input is reported by the engine as file-too-large either way, and this keeps a stray
// multi-gigabyte file from exhausting memory.
import { DEFAULT_MAX_FILE_SIZE } from '../core';
import { readRegularFileSync } from '../node/file-system';
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

/** A regular file's first `limit` bytes (a FIFO, socket or device given as a path is refused at once, never waited on). */
export function readFileCapped(absolute: string, display: string, limit: number): Buffer {
  try {
    return readRegularFileSync(absolute, limit);
  } catch (error) {
    throw new CliError(`cannot read '${display}': ${reason(error)}`);
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
