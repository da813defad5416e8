// The values that must be unique, as the session keeps them for files on disk: what they are
// (method, key, as written) without the analysis that found them. An analysis's entries hold its
// parse (the quick path's context, a tree on the full path): about 1.6 KB a file, 160 MB for
// 100,000 files. Where one stands is found again from the kept text when a clash first needs it,
// by checking the content once more in the scope it was checked in, then one request at a time.
// Most files add one value: it keeps the text and scope itself (a shared placement would cost as
// much again for every file).
import { analyze } from '../engine/check';
import type { UniqueEntry } from '../rules/duplicates';
import type { Range } from '../parse/tree';
import { checkOptionsOf, type CheckScope } from './checked';

const NOWHERE: Range = { offset: 0, length: 0 };

/** The content's unique values found again (the same text and checks find the same ones, in order). */
const again = (text: string, scope: CheckScope) => analyze(text, checkOptionsOf(scope)).unique;

class Placement {
  private fresh: UniqueEntry[] | undefined;
  /** Found so far (made on the first clash: most files never clash). */
  private ranges: Array<Range | undefined> | undefined;
  private left: number;

  constructor(
    private readonly text: string,
    private readonly scope: CheckScope,
    private readonly count: number,
  ) {
    this.left = count;
  }

  rangeOf(index: number): Range {
    const ranges = (this.ranges ??= new Array<Range | undefined>(this.count));
    let range = ranges[index];
    if (!range) {
      this.fresh ??= again(this.text, this.scope);
      range = ranges[index] = this.fresh[index]?.range() ?? NOWHERE;
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

/** A file's one unique value: placed by itself. */
class LoneEntry implements UniqueEntry {
  private placed: Range | undefined;

  constructor(
    readonly method: string,
    readonly key: string,
    readonly shown: string,
    private readonly text: string,
    private readonly scope: CheckScope,
  ) {}

  range(): Range {
    return (this.placed ??= again(this.text, this.scope)[0]?.range() ?? NOWHERE);
  }
}

/** The analysis's entries without the analysis (the same text, checked in the same scope, finds them again). */
export function leanEntries(unique: readonly UniqueEntry[], text: string, scope: CheckScope): UniqueEntry[] {
  if (unique.length === 0) return [];
  if (unique.length === 1) return [new LoneEntry(unique[0].method, unique[0].key, unique[0].shown, text, scope)];
  const placement = new Placement(text, scope, unique.length);
  return unique.map((u, i) => new LeanEntry(u.method, u.key, u.shown, placement, i));
}
