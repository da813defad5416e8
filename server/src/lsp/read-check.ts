// A file read from disk, checked off the server's thread when it is large and the platform can
// (platform.ts: Node's thread for large files), while the index reads the next files. The session
// takes the check only if the file's checks (include, size limit, records) are still those it was
// made with; else it checks the file itself.
import { checkOptionsOf, fromPlain, needsCheck, sameChecks, type Checked, type CheckOptions, type FileScope } from '../core';
import type { CheckAside } from './platform';

/** From this many characters a file on disk is checked aside: a check of its own takes milliseconds on this thread. */
export const ASIDE_MIN_LENGTH = 64 * 1024;

/** A file's text as read (undefined: gone or unreadable; null: open, not read), with its check when made aside. */
export interface Read {
  text: string | undefined | null;
  checked?: { result: Checked; options: CheckOptions };
}

/** The text, checked aside when it is large (a failed check aside is made again by the session). */
export async function readCheck(aside: CheckAside | undefined, scope: FileScope, text: string | undefined | null): Promise<Read> {
  if (!aside || typeof text !== 'string' || text.length < ASIDE_MIN_LENGTH) return { text };
  const options = checkOptionsOf(scope);
  if (!needsCheck(text, options)) return { text };
  const plain = await aside.check(text, options).catch(() => undefined);
  return { text, checked: plain && { result: fromPlain(plain), options } };
}

/** The check made aside, if it was made as the file is checked now. */
export function checkedNow(read: Read, scope: FileScope): Checked | undefined {
  const made = read.checked;
  return made && sameChecks(made.options, checkOptionsOf(scope)) ? made.result : undefined;
}
