// 200 across files (spec section 5): which payload files add each value that must be unique (a
// channel name, a channel group name, a public number), kept current file by file. Each key's
// holders stay sorted in the workspace's order, so a file's 200s are found from its own keys alone:
// time in proportion to its clashing entries (and at most MAX_RELATED related places each), never
// to the number of files.
import { documentedProblem } from '../codes/messages';
import type { Problem } from '../codes/problem';
import { duplicateDetail, type UniqueEntry } from '../rules/duplicates';

/** Related places per problem, at most (a value added by thousands of files stays cheap). */
export const MAX_RELATED = 100;

export interface Holder<F> {
  file: F;
  /** The file's first entry with the key (later ones have their in-file 200). */
  entry: UniqueEntry;
}

export interface CrossProblem<F> {
  problem: Problem;
  /** The other files' clashing entries, in the workspace's order, at most MAX_RELATED. */
  related: Array<Holder<F>>;
}

/** Each key once, with the file's first entry for it (the same list when no key repeats: kept once). */
export function firstEntries(unique: readonly UniqueEntry[]): readonly UniqueEntry[] {
  if (unique.length < 2) return unique;
  const seen = new Set<string>();
  const first = unique.filter((entry) => !seen.has(entry.key) && (seen.add(entry.key), true));
  return first.length === unique.length ? unique : first;
}

/** A file as the index sees it: its values that take part in clashes, each key once, by number. */
export interface ClashFile {
  readonly clashCount: number;
  clashKey(index: number): string;
  /** Value `index` as an entry (a file that keeps its values packed makes it when asked). */
  clashEntry(index: number): UniqueEntry;
}

/** A holder among others with the key: which of the file's values it is. */
interface Shared<F> {
  file: F;
  index: number;
}

export class ClashIndex<F extends ClashFile> {
  /**
   * A key's holders: most keys have one, kept as the file itself (no object per value: 100,000
   * files, or 1.8 million values of large batches); a key two files or more add, its holders.
   */
  private readonly byKey = new Map<string, F | Array<Shared<F>>>();

  /** `compare` orders files as the workspace lists them (the first other file is the one a 200 names). */
  constructor(private readonly compare: (a: F, b: F) => number) {}

  add(file: F): void {
    for (let index = 0; index < file.clashCount; index++) {
      const key = file.clashKey(index);
      const held = this.byKey.get(key);
      if (!held) this.byKey.set(key, file);
      else {
        const holders = Array.isArray(held) ? held : [{ file: held, index: indexOfKey(held, key) }];
        holders.splice(this.insertionPoint(holders, file), 0, { file, index });
        if (holders !== held) this.byKey.set(key, holders);
      }
    }
  }

  remove(file: F): void {
    for (let index = 0; index < file.clashCount; index++) {
      const key = file.clashKey(index);
      const held = this.byKey.get(key);
      if (!held) continue;
      if (!Array.isArray(held)) {
        if (held === file) this.byKey.delete(key);
        continue;
      }
      const at = this.indexOf(held, file);
      if (at < 0 || held[at].file !== file) continue;
      held.splice(at, 1);
      if (held.length === 1) this.byKey.set(key, held[0].file);
    }
  }

  /** The files that add a key, in the workspace's order. */
  files(key: string): readonly F[] {
    const held = this.byKey.get(key);
    return !held ? [] : Array.isArray(held) ? held.map((h) => h.file) : [held];
  }

  holders(key: string): Array<Holder<F>> {
    const held = this.byKey.get(key);
    if (!held) return [];
    if (!Array.isArray(held)) return [{ file: held, entry: held.clashEntry(indexOfKey(held, key)) }];
    return held.map(({ file, index }) => ({ file, entry: file.clashEntry(index) }));
  }

  /** Whether another file adds the key too. */
  clashes(key: string): boolean {
    return Array.isArray(this.byKey.get(key));
  }

  /**
   * A file's 200s against the other files: on its first entry of each value another file adds,
   * naming the first other file (`display` says how a message in this file names it), one at a time.
   */
  *crossProblems(file: F, display: (other: F) => string): Generator<CrossProblem<F>> {
    for (let index = 0; index < file.clashCount; index++) {
      const holders = this.byKey.get(file.clashKey(index));
      if (!Array.isArray(holders)) continue;
      const related: Array<Holder<F>> = [];
      for (const holder of holders) {
        if (holder.file === file) continue;
        related.push({ file: holder.file, entry: holder.file.clashEntry(holder.index) });
        if (related.length === MAX_RELATED) break;
      }
      if (related.length === 0) continue;
      const first = related[0];
      const entry = file.clashEntry(index);
      const detail = duplicateDetail(first.entry, `in ${display(first.file)}`);
      yield { problem: documentedProblem(entry.method, '200', entry.range(), { objectDetail: detail }), related };
    }
  }

  /** The first holder not before `file` (binary search: holders are sorted). */
  private insertionPoint(holders: ReadonlyArray<Shared<F>>, file: F): number {
    let low = 0;
    let high = holders.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.compare(holders[mid].file, file) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private indexOf(holders: ReadonlyArray<Shared<F>>, file: F): number {
    // Files that compare equal (the same path in two sessions' eyes) sit side by side.
    for (let at = this.insertionPoint(holders, file); at < holders.length; at++) {
      if (holders[at].file === file) return at;
      if (this.compare(holders[at].file, file) !== 0) break;
    }
    return holders.findIndex((h) => h.file === file);
  }
}

/** Which of a file's values has the key (looked for only when a second file adds it, or for go to definition). */
function indexOfKey(file: ClashFile, key: string): number {
  for (let index = 0; index < file.clashCount; index++) if (file.clashKey(index) === key) return index;
  return -1;
}

/** A related place's message: `A channel named 'Carrier A' is also added here.` */
export function relatedMessage(entry: UniqueEntry): string {
  return duplicateDetail(entry, 'here').trim();
}
