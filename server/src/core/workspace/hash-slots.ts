// A table from 32-bit hashes to non-zero 32-bit numbers in two typed arrays (open addressing,
// linear probing): 8 bytes a slot and no object per entry. The index across files holds one entry
// per unique value (1.8 million for 1 GB of batches): a Map took 32 bytes each, and up to twice
// that once it had grown.

/**
 * Slots are added (the table doubles) past this share in use: 9 to 18 bytes an entry. Near it a
 * look-up of a held hash (most: a value looks for its own) takes about 4.5 probes, one of a new
 * hash about 32, all in one run of adjacent slots (1.8 million values are put in about 0.25 s,
 * half the time a Map takes).
 */
const MAX_LOAD = 0.875;

export class HashSlots {
  private hashes: Int32Array;
  private values: Int32Array;
  private used = 0;
  private shift: number;

  constructor(bits = 10) {
    this.hashes = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.shift = 32 - bits;
  }

  get size(): number {
    return this.used;
  }

  /** The number held for a hash; 0 when none is. */
  get(hash: number): number {
    for (let at = this.home(hash); ; at = (at + 1) & (this.values.length - 1)) {
      const value = this.values[at];
      if (value === 0 || this.hashes[at] === hash) return value;
    }
  }

  /** Holds `value` (not 0) for a hash, in place of any before. */
  set(hash: number, value: number): void {
    let at = this.home(hash);
    for (; this.values[at] !== 0; at = (at + 1) & (this.values.length - 1)) {
      if (this.hashes[at] === hash) {
        this.values[at] = value;
        return;
      }
    }
    this.hashes[at] = hash;
    this.values[at] = value;
    if (++this.used > this.values.length * MAX_LOAD) this.grow();
  }

  delete(hash: number): void {
    const mask = this.values.length - 1;
    let at = this.home(hash);
    for (; this.hashes[at] !== hash || this.values[at] === 0; at = (at + 1) & mask) if (this.values[at] === 0) return;
    // Later slots of the same run move back into the hole when their home allows (no markers left behind).
    let hole = at;
    for (let next = (at + 1) & mask; this.values[next] !== 0; next = (next + 1) & mask) {
      const home = this.home(this.hashes[next]);
      // `next` may fill the hole unless its home lies cyclically in (hole, next].
      if ((next > hole && (home <= hole || home > next)) || (next < hole && home <= hole && home > next)) {
        this.hashes[hole] = this.hashes[next];
        this.values[hole] = this.values[next];
        hole = next;
      }
    }
    this.values[hole] = 0;
    this.used--;
  }

  /** Fibonacci hashing: the product's high bits pick the slot (hashes that differ in low bits only spread too). */
  private home(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.shift;
  }

  private grow(): void {
    const [hashes, values] = [this.hashes, this.values];
    this.hashes = new Int32Array(hashes.length * 2);
    this.values = new Int32Array(values.length * 2);
    this.shift--;
    this.used = 0;
    for (let at = 0; at < values.length; at++) if (values[at] !== 0) this.set(hashes[at], values[at]);
  }
}
