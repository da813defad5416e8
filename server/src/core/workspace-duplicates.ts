// 200 across files (spec section 5): a channel name, a channel group name or a public number that
// two payload files both add. The engine reports a value added twice within one file (every
// request after the first, rules/duplicates.ts); a caller that sees several files (the command
// line, the language server's workspace index) hands each file's unique entries here. Each file's
// first request adding a value that another file also adds gets 200, naming the first such other
// file, with related locations pointing at every other file's clashing request.
import { documentedProblem } from './messages';
import type { Problem } from './problem';
import { duplicateDetail, type UniqueEntry } from './rules/duplicates';
import type { Range } from './tree';

export interface FileEntries {
  /** How the file is named in messages (relative to the workspace folder, or to the working directory). */
  display: string;
  /** The file's unique entries (Analysis.unique), in the file's order. */
  unique: readonly UniqueEntry[];
}

export interface RelatedEntry extends Range {
  /** Index into the files given. */
  fileIndex: number;
  /** What stands there, for a related location's message (`A channel named 'Carrier A' is also added here.`). */
  message: string;
}

export interface CrossFileDuplicate {
  /** Index into the files given. */
  fileIndex: number;
  problem: Problem;
  /** Where the clashing requests of the other files stand (at most `maxRelated`, in file order). */
  related: RelatedEntry[];
}

export interface CrossFileOptions {
  /**
   * How file `other` is named in a message shown in file `from` (default: `files[other].display`).
   * The language server names a file of another workspace folder with that folder's name first.
   */
  display?(other: number, from: number): string;
  /** Related locations per problem, at most (a value added by thousands of files stays cheap). */
  maxRelated?: number;
}

import { MAX_RELATED } from "./workspace/clashes";

/** The values that more than one file adds: key → each holding file's first entry, in file order. */
export function clashingKeys(files: ReadonlyArray<Pick<FileEntries, 'unique'>>): Map<string, Array<{ fileIndex: number; entry: FileEntries['unique'][number] }>> {
  const byKey = new Map<string, Array<{ fileIndex: number; entry: FileEntries['unique'][number] }>>();
  files.forEach((file, fileIndex) => {
    for (const entry of file.unique) {
      let holders = byKey.get(entry.key);
      if (!holders) byKey.set(entry.key, (holders = []));
      // Later entries of the same file already have their in-file 200.
      else if (holders[holders.length - 1].fileIndex === fileIndex) continue;
      holders.push({ fileIndex, entry });
    }
  });
  for (const [key, holders] of byKey) if (holders.length < 2) byKey.delete(key);
  return byKey;
}

export function crossFileDuplicates(files: readonly FileEntries[], options: CrossFileOptions = {}): CrossFileDuplicate[] {
  const display = options.display ?? ((other: number) => files[other].display);
  const maxRelated = options.maxRelated ?? MAX_RELATED;
  const found: CrossFileDuplicate[] = [];
  for (const holders of clashingKeys(files).values()) {
    for (const holder of holders) {
      const others = holders.filter((h) => h !== holder);
      const first = others[0];
      const detail = duplicateDetail(first.entry, `in ${display(first.fileIndex, holder.fileIndex)}`);
      found.push({
        fileIndex: holder.fileIndex,
        problem: documentedProblem(holder.entry.method, '200', holder.entry.range(), { objectDetail: detail }),
        related: others.slice(0, maxRelated).map((o) => ({ fileIndex: o.fileIndex, ...o.entry.range(), message: duplicateDetail(o.entry, 'here').trim() })),
      });
    }
  }
  return found;
}
