// The records file a pull replaces, read for what the pull keeps of it (users, timeIntervals,
// $schema): as the command line reads it (a regular file only, never more than the size limit,
// a byte order mark dropped); none there is an answer too.
import { decodeText, DEFAULT_MAX_FILE_SIZE } from '../core';
import { readRegularFileSync } from './file-system';

export function readRecordsToKeep(path: string): string | undefined | { error: string } {
  try {
    return decodeText(readRegularFileSync(path, DEFAULT_MAX_FILE_SIZE + 4));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT') return undefined;
    return { error: `The records file ${path} cannot be read (${code ?? String(error)}): nothing is written.` };
  }
}
