// 200 across files (spec section 5): which payload files add each value that must be unique (a
// channel name, a channel group name, a public number), kept current file by file. Each key's
// holders stay sorted in the workspace's order, so a file's 200s are found from its own keys alone:
// time in proportion to its clashing entries (and at most MAX_RELATED related places each), never
// to the number of files.
import { documentedProblem } from '../codes/messages';
import type { Problem } from '../codes/problem';
import { duplicateDetail, type UniqueEntry } from '../rules/duplicates';
import { HashSlots } from './hash-slots';
import { keyHash } from './key-hash';

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
  /** keyHash of value `index`'s key (a file that keeps its values packed keeps only these). */
  clashHash(index: number): number;
  clashKey(index: number): string;
  /** Value `index` as an entry (a file that keeps its values packed makes it when asked). */
  clashEntry(index: number): UniqueEntry;
}

/** A holder among others with the hash: which of the file's values it is. */
interface Shared<F> {
  file: F;
  index: number;
}

/**
 * The files that hold each key, found by the key's hash (key-hash.ts) in a table of numbers
 * (hash-slots.ts): most hashes have one holder, kept as the file's number (no object per value:
 * 100,000 files, or 1.8 million values of large batches), meaning the file's first value with that
 * hash; a hash held more than once (a clash, or two keys that share a hash) has a list of holders.
 * Every answer compares the keys themselves.
 */
export class ClashIndex<F extends ClashFile> {
  /** Hash → 1 + the file's number (one holder), or -(1 + the list's number) (more). */
  private readonly byHash = new HashSlots();
  /** Files by number, while they hold values, with the numbers given back for reuse. */
  private readonly byNumber: Array<F | undefined> = [];
  private readonly numbers = new Map<F, number>();
  private readonly freeFiles: number[] = [];
  private readonly lists: Array<Array<Shared<F>> | undefined> = [];
  private readonly freeLists: number[] = [];

  /** `compare` orders files as the workspace lists them (the first other file is the one a 200 names). */
  constructor(private readonly compare: (a: F, b: F) => number) {}

  add(file: F): void {
    if (file.clashCount === 0) return;
    const number = this.freeFiles.pop() ?? this.byNumber.length;
    this.byNumber[number] = file;
    this.numbers.set(file, number);
    for (let index = 0; index < file.clashCount; index++) {
      const hash = file.clashHash(index);
      const held = this.byHash.get(hash);
      if (held === 0) this.byHash.set(hash, number + 1);
      else {
        const holders = this.listOf(held) ?? [this.lone(held, hash)];
        holders.splice(this.insertionPoint(holders, file), 0, { file, index });
        if (held > 0) this.byHash.set(hash, this.newList(holders));
      }
    }
  }

  remove(file: F): void {
    const number = this.numbers.get(file);
    if (number === undefined) return;
    for (let index = 0; index < file.clashCount; index++) {
      const hash = file.clashHash(index);
      const held = this.byHash.get(hash);
      if (held === number + 1) this.byHash.delete(hash);
      const list = this.listOf(held);
      if (!list) continue;
      // The file's values under this hash sit side by side (all of them go at its first).
      let at = this.insertionPoint(list, file);
      while (at < list.length && list[at].file !== file && this.compare(list[at].file, file) === 0) at++;
      let end = at;
      while (end < list.length && list[end].file === file) end++;
      if (end === at) {
        // Not where its order says (it compares equal to others): looked for one by one.
        const found = list.findIndex((h) => h.file === file);
        if (found < 0) continue;
        [at, end] = [found, found + 1];
      }
      list.splice(at, end - at);
      if (list.length === 0) this.dropList(held, hash);
      else if (list.length === 1 && list[0].index === firstWithHash(list[0].file, hash)) {
        this.dropList(held, hash);
        this.byHash.set(hash, this.numbers.get(list[0].file)! + 1);
      }
    }
    this.byNumber[number] = undefined;
    this.numbers.delete(file);
    this.freeFiles.push(number);
  }

  /** The files that add a key, in the workspace's order. */
  files(key: string): readonly F[] {
    return this.holdersOfKey(key, keyHash(key)).map((h) => h.file);
  }

  /** The files that add value `index` of `file` (itself among them, if held), in the workspace's order. */
  filesAt(file: F, index: number): readonly F[] {
    const hash = file.clashHash(index);
    const held = this.byHash.get(hash);
    if (held === 0) return [];
    const list = this.listOf(held);
    if (!list) return [this.byNumber[held - 1]!];
    const key = keyAt(file, index);
    return list.filter((h) => keyAt(h.file, h.index) === key).map((h) => h.file);
  }

  holders(key: string): Array<Holder<F>> {
    return this.holdersOfKey(key, keyHash(key)).map(({ file, index }) => ({ file, entry: file.clashEntry(index) }));
  }

  /** Whether another file adds value `index` of `file` too. */
  clashesAt(file: F, index: number): boolean {
    const list = this.listOf(this.byHash.get(file.clashHash(index)));
    if (!list) return false;
    const key = keyAt(file, index);
    return list.some((h) => h.file !== file && keyAt(h.file, h.index) === key);
  }

  /**
   * A file's 200s against the other files: on its first entry of each value another file adds,
   * naming the first other file (`display` says how a message in this file names it), one at a time.
   */
  *crossProblems(file: F, display: (other: F) => string): Generator<CrossProblem<F>> {
    for (let index = 0; index < file.clashCount; index++) {
      const holders = this.listOf(this.byHash.get(file.clashHash(index)));
      if (!holders) continue;
      const key = keyAt(file, index);
      const related: Array<Holder<F>> = [];
      for (const holder of holders) {
        if (holder.file === file || keyAt(holder.file, holder.index) !== key) continue;
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

  /** The holders of exactly `key` (its hash held, the key compared). */
  private holdersOfKey(key: string, hash: number): Array<Shared<F>> {
    const held = this.byHash.get(hash);
    if (held === 0) return [];
    return (this.listOf(held) ?? [this.lone(held, hash)]).filter((h) => keyAt(h.file, h.index) === key);
  }

  /** A hash's list of holders (held < 0), else undefined. */
  private listOf(held: number): Array<Shared<F>> | undefined {
    return held < 0 ? this.lists[-held - 1] : undefined;
  }

  /** The one holder of a hash (held > 0): the file's first value with it. */
  private lone(held: number, hash: number): Shared<F> {
    const file = this.byNumber[held - 1]!;
    return { file, index: firstWithHash(file, hash) };
  }

  private newList(holders: Array<Shared<F>>): number {
    const number = this.freeLists.pop() ?? this.lists.length;
    this.lists[number] = holders;
    return -(number + 1);
  }

  private dropList(held: number, hash: number): void {
    this.lists[-held - 1] = undefined;
    this.freeLists.push(-held - 1);
    this.byHash.delete(hash);
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
}

/**
 * A value's key where its hash is held twice: through its entry, which a file that keeps its values
 * packed makes once and keeps (its key made from its text as written: 8 copies of a batch compare
 * each of 2,000 values with 7 others in each of their reports).
 */
const keyAt = (file: ClashFile, index: number) => file.clashEntry(index).key;

/** Which of a file's values is the first with the hash (looked for only when a second value has it, or for go to definition). */
function firstWithHash(file: ClashFile, hash: number): number {
  for (let index = 0; index < file.clashCount; index++) if (file.clashHash(index) === hash) return index;
  return -1;
}

/** Whether two files' values have the same keys in the same order (compared by hash first: keys are made only when every hash agrees). */
export function sameKeys(a: ClashFile | undefined, b: ClashFile | undefined): boolean {
  const count = a?.clashCount ?? 0;
  if (count !== (b?.clashCount ?? 0)) return false;
  for (let i = 0; i < count; i++) if (a!.clashHash(i) !== b!.clashHash(i)) return false;
  for (let i = 0; i < count; i++) if (a!.clashKey(i) !== b!.clashKey(i)) return false;
  return true;
}

/** A related place's message: `A channel named 'Carrier A' is also added here.` */
export function relatedMessage(entry: UniqueEntry): string {
  return duplicateDetail(entry, 'here').trim();
}
