// What a file that keeps no text (a large file on disk, session.ts KEEP_TEXT_BELOW) keeps instead:
// its problems, its unique values placed, and the lines and columns of their offsets, taken from the
// text once while it is at hand.
import { ownCopy } from '../parse/own-copy';
import type { FixData, Problem, Severity } from '../codes/problem';
import type { UniqueEntry } from '../rules/duplicates';
import type { Directive } from '../settings/suppress';
import { KnownPlaces } from './known-places';

/** A unique value of a file whose text is let go: placed, its strings copies (see own-copy.ts). */
class PlacedEntry implements UniqueEntry {
  constructor(
    readonly method: string,
    readonly key: string,
    readonly shown: string,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  range() {
    return { offset: this.offset, length: this.length };
  }
}

/**
 * The same text's problems, values and places, for a file that keeps no text. Its many problems
 * repeat a few strings and fix data (a checked copy has each its own: posted from a thread, or
 * `copy`: copies of slices of the text): each is kept once for the file.
 */
export function withoutText(text: string, problems: readonly Problem[], unique: readonly UniqueEntry[], directives: readonly Directive[], copy: boolean) {
  const strings = new Map<string, string>();
  const once = (value: string) => {
    let kept = strings.get(value);
    if (kept === undefined) strings.set(value, (kept = copy ? ownCopy(value) : value));
    return kept;
  };
  const data = new Map<string, FixData>();
  const dataOnce = (value: FixData) => {
    const json = JSON.stringify(value);
    let kept = data.get(json);
    if (kept === undefined) data.set(json, (kept = Object.freeze(JSON.parse(json) as FixData)));
    return kept;
  };
  // Where the report's problems may stand: its own, its values (200s, related places), its disable comments (unused-disable).
  const offsets: number[] = [];
  for (const d of directives) offsets.push(d.offset, d.offset + d.length);
  const lean = problems.map((p): Problem => {
    offsets.push(p.offset, p.offset + p.length);
    const kept: Problem = { code: once(p.code), message: once(p.message), severity: once(p.severity) as Severity, offset: p.offset, length: p.length };
    if (p.method !== undefined) kept.method = once(p.method);
    if (p.data !== undefined) kept.data = dataOnce(p.data);
    return kept;
  });
  const placed = unique.map((u) => {
    const { offset, length } = u.range();
    offsets.push(offset, offset + length);
    return new PlacedEntry(once(u.method), copy ? ownCopy(u.key) : u.key, copy ? ownCopy(u.shown) : u.shown, offset, length);
  });
  return { problems: lean, unique: placed, places: KnownPlaces.of(text, offsets) };
}
