// Writes the records a pull brought (live/pull-records.ts) into a records file, for the command
// line and the editor alike: what the file there keeps (users, timeIntervals, $schema) read as
// the command line reads a file (a regular file only, never more than the size limit, a byte order
// mark dropped; none there is an answer too), the engine's shape (pulledRecordsText), and one
// atomic write. A file there that cannot be read or does not parse is left as it is.
import { decodeText, DEFAULT_MAX_FILE_SIZE, pulledRecordsText, type PulledAnswers } from '../core';
import { writeFileAtomic } from './atomic-write';
import { readRegularFileSync } from './file-system';

export async function writePulledRecords(path: string, answers: PulledAnswers): Promise<{ counts: Record<string, number> } | { error: string }> {
  let existing: string | undefined;
  try {
    existing = decodeText(readRegularFileSync(path, DEFAULT_MAX_FILE_SIZE + 4));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code !== 'ENOENT') return { error: `The records file ${path} cannot be read (${code ?? String(error)}): nothing is written.` };
  }
  const made = pulledRecordsText(answers, existing);
  if ('error' in made) return made;
  await writeFileAtomic(path, made.text);
  return { counts: made.counts };
}
