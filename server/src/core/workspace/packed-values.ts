// The unique values of a file that keeps no text (without-text.ts), packed: no object per value.
// A 7.5 MB batch adds 13,000 of them; as objects (the value, its key, its text as written, its
// place) each cost about 330 bytes with its place in the index across files. Here each key is one
// string (shared with the index's own), and the rest lives in a few arrays for the file: the texts
// as written joined in one string, methods by number, offsets and lengths in one typed array. A
// value is made an object (UniqueEntry) only when a report or a look-up needs it.
import type { UniqueEntry } from '../rules/duplicates';
import type { Range } from '../parse/tree';

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

export class PackedValues {
  private constructor(
    /** Each value's key, in the file's order. */
    readonly keys: readonly string[],
    private readonly methods: readonly string[],
    private readonly methodOf: Uint8Array,
    private readonly shown: string,
    /** Where each value's text as written starts in `shown` (one more: the end). */
    private readonly shownStarts: Int32Array,
    /** Offset and length of each value. */
    private readonly ranges: Int32Array,
  ) {}

  /** `once` keeps a string for the file (a method), `own` copies one cut from the text. */
  static of(unique: readonly UniqueEntry[], once: (value: string) => string, own: (value: string) => string): PackedValues {
    const methods: string[] = [];
    const methodOf = new Uint8Array(unique.length);
    const shownStarts = new Int32Array(unique.length + 1);
    const ranges = new Int32Array(unique.length * 2);
    const keys = unique.map((u, i) => {
      const method = once(u.method);
      let at = methods.indexOf(method);
      if (at < 0) at = methods.push(method) - 1;
      methodOf[i] = at;
      shownStarts[i + 1] = shownStarts[i] + u.shown.length;
      const { offset, length } = u.range();
      ranges[2 * i] = offset;
      ranges[2 * i + 1] = length;
      return own(u.key);
    });
    // Joined: one string for the file (a copy: each value's text would be a string of its own).
    const shown = unique.map((u) => u.shown).join('');
    return new PackedValues(keys, methods, methodOf, shown, shownStarts, ranges);
  }

  get length(): number {
    return this.keys.length;
  }

  /** Bytes held (for the index's memory estimate), the keys' strings included. */
  get bytes(): number {
    let keys = 0;
    for (const key of this.keys) keys += 24 + key.length;
    return keys + this.keys.length * 13 + this.shown.length;
  }

  /** Value `index` as an entry (a new object each time: kept by no one for long). */
  at(index: number): UniqueEntry {
    const shown = this.shown.slice(this.shownStarts[index], this.shownStarts[index + 1]);
    return new PackedEntry(this.methods[this.methodOf[index]], this.keys[index], shown, this.ranges[2 * index], this.ranges[2 * index + 1]);
  }

  /**
   * Where each value starts (the places a file keeps, known-places.ts). Its end is on the same line
   * (a string or a number holds no line break), placed from its start.
   */
  *starts(): Generator<number> {
    for (let i = 0; i < this.ranges.length; i += 2) yield this.ranges[i];
  }
}
