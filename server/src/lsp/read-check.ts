// A file read from disk, checked off the server's thread when it is large and the platform can
// (platform.ts: Node's thread for large files), while the index reads the next files. A large
// file's bytes go to the thread as read, and what comes back is only what the session keeps of a
// file that keeps no text (PostedLean): its text is never made on this thread (7.5 MB batches made
// this thread's heap grow by their texts and checks until it collected). The session takes the
// check only if the file's checks (include, size limit, records) are still those it was made with.
import { checkOptionsOf, decodeText, fromPosted, needsCheck, sameChecks } from '../core';
import type { AnalysisResult, CheckOptions, FileScope, PostedLean } from '../core';
import type { CheckAside } from './platform';

/** From this many characters (or bytes, read) a file on disk is checked aside: a check of its own takes milliseconds on this thread. */
export const ASIDE_MIN_LENGTH = 64 * 1024;

/** A file as read (text undefined: gone or unreadable, unless checked lean; null: open, not read), with its check when made aside. */
export interface Read {
  text: string | undefined | null;
  checked?: { result: AnalysisResult; options: CheckOptions };
  /** A large file checked aside from its bytes: what the session keeps of it, and no text. */
  lean?: { check: PostedLean; options: CheckOptions };
}

/**
 * The content (a text, or a file's bytes), checked aside when it is large. Bytes handed to the
 * thread are its own: if it cannot check them, the file is read again (`readAgain`) and checked here.
 */
export async function readCheck(
  aside: CheckAside | undefined,
  scope: FileScope,
  content: string | Uint8Array | undefined | null,
  readAgain: () => Promise<string | undefined>,
): Promise<Read> {
  if (content === undefined || content === null) return { text: content };
  const text = typeof content === 'string' ? content : undefined;
  if (!aside || content.length < ASIDE_MIN_LENGTH) return { text: text ?? decodeText(content as Uint8Array) };
  const options = checkOptionsOf(scope);
  if (text !== undefined && !needsCheck(text, options)) return { text };
  const answer = await aside.check(content, options).catch(() => undefined);
  if (answer?.lean) return { text: undefined, lean: { check: answer.lean, options } };
  const checkedText = text ?? answer?.text;
  if (checkedText === undefined) return { text: await readAgain() };
  return { text: checkedText, checked: answer?.checked && { result: fromPosted(answer.checked), options } };
}

/** The check made aside, if it was made as the file is checked now. */
export function checkedNow(read: Read, scope: FileScope): AnalysisResult | undefined {
  const made = read.checked;
  return made && sameChecks(made.options, checkOptionsOf(scope)) ? made.result : undefined;
}

/** The lean check made aside, if it was made as the file is checked now. */
export function leanNow(read: Read, scope: FileScope): PostedLean | undefined {
  const made = read.lean;
  return made && sameChecks(made.options, checkOptionsOf(scope)) ? made.check : undefined;
}
