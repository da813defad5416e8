// Reads a file or standard input as text, never more than a few bytes past maxFileSize: a larger
// input is reported by the engine as file-too-large either way, and this keeps a stray
// multi-gigabyte file from exhausting memory. Bytes become text as the server decodes them
// (decodeText: a byte order mark dropped, so positions are the editor's).
import { BOM_LENGTH, decodeText, DEFAULT_MAX_FILE_SIZE } from '../core';
import { readRegularFileSync } from '../node/file-system';
import { CliError } from './errors';
import { reason, type InputFile } from './files';

/**
 * Bytes read past the size limit: one to see that a file is larger, and three more for a byte
 * order mark, which decoding drops (else a file just over the limit, mark included, would be read
 * cut short and checked as if it ended there).
 */
const PAST_LIMIT = 1 + BOM_LENGTH;

export async function readInput(file: InputFile, maxFileSize: number): Promise<string> {
  if (file.absolute !== undefined) return readFileText(file.absolute, file.display, maxFileSize);
  // Invalid UTF-8 becomes U+FFFD, which is never shorter in UTF-8 than the bytes it replaces, so
  // the engine's size check still sees a text past the limit.
  return decodeText(await readStdin(maxFileSize + PAST_LIMIT));
}

/** A payload file's text (the size check left to the engine, as readInput). */
export function readFileText(absolute: string, display: string, maxFileSize: number): string {
  return decodeText(readFileCapped(absolute, display, maxFileSize + PAST_LIMIT));
}

/** A `.voipnow/` file's text (read whole up to the engine's size limit, which reports larger ones). */
export function readText(absolute: string, display: string): string {
  return readFileText(absolute, display, DEFAULT_MAX_FILE_SIZE);
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
