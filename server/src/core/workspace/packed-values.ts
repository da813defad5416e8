// The unique values of a file that keeps no text (without-text.ts), packed: no object per value,
// and no key (1.8 million values of large batches: about 60 bytes each as strings). A value's key
// is kept as its hash (key-hash.ts) and made again from its method and text as written when the
// index compares it (the hash is held twice) or a report needs it. The texts as written are joined
// in one string, methods are kept by number, offsets and lengths in one typed array. A value is
// made an object (UniqueEntry) only when a report or a look-up needs it.
import { uniqueKey, type UniqueEntry } from '../rules/duplicates';
import type { Range } from '../parse/tree';
import { keyHash } from './key-hash';

class PackedEntry implements UniqueEntry {
  constructor(
    readonly method: string,
    readonly key: string,
    readonly shown: string,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  range(): Range {
    return { offset: this.offset, length: this.length };
  }
}

/** The packed values as plain data: what a worker thread posts (its typed arrays moved, not copied). */
export interface ValueParts {
  /** Each value's keyHash, in the file's order. */
  hashes: Int32Array;
  methods: string[];
  methodOf: Uint8Array;
  /** The texts as written, joined. */
  shown: string;
  /** Where each value's text as written starts in `shown` (one more: the end). */
  shownStarts: Int32Array;
  /** Offset and length of each value. */
  ranges: Int32Array;
}

export class PackedValues {
  private constructor(private readonly parts: ValueParts) {}

  /** `once` keeps a string for the file (a method: it may be a slice of the text). */
  static of(unique: readonly UniqueEntry[], once: (value: string) => string): PackedValues {
    const methods: string[] = [];
    const methodOf = new Uint8Array(unique.length);
    const hashes = new Int32Array(unique.length);
    const shownStarts = new Int32Array(unique.length + 1);
    const ranges = new Int32Array(unique.length * 2);
    unique.forEach((u, i) => {
      const method = once(u.method);
      let at = methods.indexOf(method);
      if (at < 0) at = methods.push(method) - 1;
      methodOf[i] = at;
      hashes[i] = keyHash(u.key);
      shownStarts[i + 1] = shownStarts[i] + u.shown.length;
      const { offset, length } = u.range();
      ranges[2 * i] = offset;
      ranges[2 * i + 1] = length;
    });
    // Joined: one flat string for the file (each value's text would be a string of its own, or a slice of the text).
    const shown = unique.map((u) => u.shown).join('');
    return new PackedValues({ hashes, methods, methodOf, shown, shownStarts, ranges });
  }

  /** Values packed elsewhere (a worker thread), taken as they are. */
  static fromParts(parts: ValueParts): PackedValues {
    return new PackedValues(parts);
  }

  /** The plain data, for posting (its buffers can be moved: transferables). */
  toParts(): ValueParts {
    return this.parts;
  }

  get length(): number {
    return this.parts.hashes.length;
  }

  /** Bytes held (for the index's memory estimate). */
  get bytes(): number {
    return 64 + this.length * 17 + this.parts.shown.length;
  }

  hashAt(index: number): number {
    return this.parts.hashes[index];
  }

  keyAt(index: number): string {
    return uniqueKey(this.methodAt(index), this.shownAt(index));
  }

  /** Value `index` as an entry (a new object each time: kept by no one for long). */
  at(index: number): UniqueEntry {
    const { ranges } = this.parts;
    const [method, shown] = [this.methodAt(index), this.shownAt(index)];
    return new PackedEntry(method, uniqueKey(method, shown), shown, ranges[2 * index], ranges[2 * index + 1]);
  }

  /**
   * Where each value starts (the places a file keeps, known-places.ts). Its end is on the same line
   * (a string or a number holds no line break), placed from its start.
   */
  *starts(): Generator<number> {
    const { ranges } = this.parts;
    for (let i = 0; i < ranges.length; i += 2) yield ranges[i];
  }

  private methodAt(index: number): string {
    return this.parts.methods[this.parts.methodOf[index]];
  }

  private shownAt(index: number): string {
    return this.parts.shown.slice(this.parts.shownStarts[index], this.parts.shownStarts[index + 1]);
  }
}
