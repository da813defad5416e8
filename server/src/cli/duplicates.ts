// 200 across files (spec section 5): the engine reports a name or number added twice within one
// file; only a caller that sees several files can report the clash between them. Each file's
// first request adding a value that another file also adds gets 200, naming the first such file.
import type { Problem } from '../core';
// Not part of the engine's index (yet): the same helpers the engine's in-file rule uses, so the
// message is the documented text with the same {object_detail}.
import { documentedProblem } from '../core/messages';
import { duplicateDetail, type UniqueEntry } from '../core/rules/duplicates';

export interface FileEntries {
  display: string;
  unique: readonly UniqueEntry[];
}

export interface CrossFileDuplicate {
  /** Index into the files given. */
  fileIndex: number;
  problem: Problem;
  /** Where the clashing requests of the other files stand. */
  related: Array<{ fileIndex: number; offset: number; length: number }>;
}

export function crossFileDuplicates(files: readonly FileEntries[]): CrossFileDuplicate[] {
  // key -> for each file holding it, that file's first entry (later ones already have 200).
  const byKey = new Map<string, Array<{ fileIndex: number; entry: UniqueEntry }>>();
  files.forEach((file, fileIndex) => {
    const seen = new Set<string>();
    for (const entry of file.unique) {
      if (seen.has(entry.key)) continue;
      seen.add(entry.key);
      let holders = byKey.get(entry.key);
      if (!holders) byKey.set(entry.key, (holders = []));
      holders.push({ fileIndex, entry });
    }
  });
  const found: CrossFileDuplicate[] = [];
  for (const holders of byKey.values()) {
    if (holders.length < 2) continue;
    for (const holder of holders) {
      const others = holders.filter((h) => h !== holder);
      const first = others[0];
      const detail = duplicateDetail(first.entry, `in ${files[first.fileIndex].display}`);
      const { method } = holder.entry;
      found.push({
        fileIndex: holder.fileIndex,
        problem: documentedProblem(method, '200', holder.entry.range(), { objectDetail: detail }),
        related: others.map((o) => ({ fileIndex: o.fileIndex, ...o.entry.range() })),
      });
    }
  }
  return found;
}
