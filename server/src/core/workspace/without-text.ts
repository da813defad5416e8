// What a file that keeps no text (a large file on disk, session.ts KEEP_TEXT_BELOW) keeps instead:
// its problems and its unique values, placed and packed (each once: the later ones have their 200 in
// the file already), and the lines and columns of their offsets, taken from the text once while it
// is at hand. A worker thread makes them where it reads the file and posts them as plain parts (a
// few strings and typed arrays, moved, not copied): the server's thread never holds the text.
import { analyze, type CheckOptions } from '../engine/check';
import { ownCopy } from '../parse/own-copy';
import type { FixData, Problem } from '../codes/problem';
import type { UniqueEntry } from '../rules/duplicates';
import { findDirectives, type Directive } from '../settings/suppress';
import { needsCheck } from './checked';
import { firstEntries } from './clashes';
import { KnownPlaces, type PlaceParts } from './known-places';
import { PackedProblems, type ProblemParts } from './packed-problems';
import { PackedValues, type ValueParts } from './packed-values';

export interface Lean {
  problems: PackedProblems;
  values: PackedValues;
  places: KnownPlaces;
}

/** A file's check as a thread posts it for a file that keeps no text. */
export interface PostedLean {
  isPayload: boolean;
  problems: ProblemParts;
  values: ValueParts;
  places: PlaceParts;
  directives: Directive[];
}

/**
 * The same text's problems, values and places, for a file that keeps no text. Its many problems
 * repeat a few strings and fix data (a checked copy has each its own: posted from a thread, or
 * `copy`: copies of slices of the text): each is kept once for the file.
 */
export function withoutText(text: string, problems: readonly Problem[], unique: readonly UniqueEntry[], directives: readonly Directive[], copy: boolean): Lean {
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
  for (const p of problems) offsets.push(p.offset, p.offset + p.length);
  const packed = PackedProblems.of(problems, once, dataOnce);
  const values = PackedValues.of(firstEntries(unique), once);
  for (const offset of values.starts()) offsets.push(offset);
  return { problems: packed, values, places: KnownPlaces.of(text, offsets) };
}

/** A lean check as plain parts, to post; `transfer` lists the buffers to move with it. */
export function postLean(isPayload: boolean, lean: Lean, directives: readonly Directive[]): { check: PostedLean; transfer: ArrayBuffer[] } {
  const [problems, values, places] = [lean.problems.toParts(), lean.values.toParts(), lean.places.toParts()];
  const check: PostedLean = { isPayload, problems, values, places, directives: [...directives] };
  const arrays = [problems.fields, problems.ranges, values.hashes, values.methodOf, values.shownStarts, values.ranges];
  arrays.push(places.offsets, places.lines, places.characters);
  // Each array has a buffer of its own (made whole by the packing), moved once.
  return { check, transfer: [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))] };
}

/** Parts posted by a thread, as the session keeps them. */
export function fromPostedLean(check: PostedLean): Lean {
  const [problems, values, places] = [PackedProblems.fromParts(check.problems), PackedValues.fromParts(check.values), KnownPlaces.fromParts(check.places)];
  return { problems, values, places };
}

/**
 * Checks a large content as the session would and packs what a file that keeps no text keeps
 * (without-text.ts), with the buffers to move when it is posted: a thread that read the file posts
 * a few strings and typed arrays instead of an object per problem and value.
 */
export function postedLeanOf(text: string, options: CheckOptions): { check: PostedLean; transfer: ArrayBuffer[] } {
  const analysis = needsCheck(text, options) ? analyze(text, options) : undefined;
  const isPayload = analysis?.isPayload ?? false;
  const directives = isPayload ? findDirectives(text) : [];
  const lean = withoutText(text, analysis?.problems ?? [], isPayload ? analysis!.unique : [], directives, false);
  return postLean(isPayload, lean, directives);
}
