// The values that must be unique, as the session keeps them for files on disk: what they are
// (method, key, as written) without the analysis that found them. An analysis's entries hold its
// parse (the quick path's context, a tree on the full path): about 1.6 KB a file, 160 MB for
// 100,000 files. Where one stands is found again from the kept text when a clash first needs it,
// by checking the content once more with the same options, then one request at a time.
import { analyze, type CheckOptions } from '../check';
import type { UniqueEntry } from '../rules/duplicates';
import type { Range } from '../tree';

class Placement {
  private fresh: UniqueEntry[] | undefined;
  /** Found so far (made on the first clash: most files never clash). */
  private ranges: Array<Range | undefined> | undefined;
  private left: number;

  constructor(
    private readonly text: string,
    private readonly options: CheckOptions,
    private readonly count: number,
  ) {
    this.left = count;
  }

  rangeOf(index: number): Range {
    const ranges = (this.ranges ??= new Array<Range | undefined>(this.count));
    let range = ranges[index];
    if (!range) {
      this.fresh ??= analyze(this.text, this.options).unique;
      range = ranges[index] = this.fresh[index]?.range() ?? { offset: 0, length: 0 };
      // Every value placed: the second analysis goes.
      if (--this.left === 0) this.fresh = undefined;
    }
    return range;
  }
}

class LeanEntry implements UniqueEntry {
  constructor(
    readonly method: string,
    readonly key: string,
    readonly shown: string,
    private readonly placement: Placement,
    private readonly index: number,
  ) {}

  range(): Range {
    return this.placement.rangeOf(this.index);
  }
}

/** The analysis's entries without the analysis (the same text and options find them again). */
export function leanEntries(unique: readonly UniqueEntry[], text: string, options: CheckOptions): UniqueEntry[] {
  if (unique.length === 0) return [];
  const placement = new Placement(text, options, unique.length);
  return unique.map((u, i) => new LeanEntry(u.method, u.key, u.shown, placement, i));
}
