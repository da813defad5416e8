// One file as the workspace session holds it (session.ts): what it was checked to hold, and its
// part in the index of values across files (clashes.ts), its values as entries or packed.
import { LineIndex } from '../parse/line-index';
import type { Problem } from '../codes/problem';
import type { UniqueEntry } from '../rules/duplicates';
import type { Directive } from '../settings/suppress';
import type { Analysis } from '../engine/check';
import { firstEntries, type ClashFile } from './clashes';
import type { FileRole } from './files';
import { keyHash } from './key-hash';
import type { KnownPlaces } from './known-places';
import type { PackedProblems } from './packed-problems';
import type { PackedValues } from './packed-values';
import type { FileScope, PlacedRange, SessionFile } from './session-types';

/** One empty list for the many files without problems, comments or unique values. */
export const NONE: readonly never[] = Object.freeze([]);

/** Heap bytes of what the session keeps, per item: its live heap after a collection, measured on 7.5 MB batches (within 10%). */
const PROBLEM_BYTES = 150;
const UNIQUE_BYTES = 330;
/** A packed value's place in the index across files (a slot of 8 bytes, in a table 1/8 to 9/16 free), beyond its own bytes (PackedValues.bytes). */
const INDEXED_BYTES = 16;
const FILE_BYTES = 1000;

/** What an entry is made of (named: eleven positional arguments were easy to put in the wrong order). */
interface EntryFields {
  id: string;
  scope: FileScope;
  role: FileRole;
  version: number | null;
  isPayload: boolean;
  problems: readonly Problem[];
  /** Instead of `problems`, for a file that keeps no text. */
  packedProblems?: PackedProblems;
  unique: readonly UniqueEntry[];
  /** Instead of `unique`, for a file that keeps no text. */
  packed?: PackedValues;
  directives: readonly Directive[];
  text?: string;
  analysis?: Analysis;
  contentStamp: number;
  places?: KnownPlaces;
}

export class Entry implements SessionFile, ClashFile {
  private lineIndex: LineIndex | undefined;
  /** The entries that take part in clashes (each key once), unless packed. */
  private readonly clashing: readonly UniqueEntry[];
  readonly clashCount: number;
  /** The packed values made entries so far (those that clash). */
  private made: Map<number, UniqueEntry> | undefined;
  private hashes: Int32Array | undefined;
  clashStamp = 0;
  /** How many of `clashing` have been placed (their range found) ahead of a report. */
  placed = 0;

  readonly id: string;
  readonly scope: FileScope;
  readonly role: FileRole;
  readonly version: number | null;
  readonly isPayload: boolean;
  private readonly ownProblems: readonly Problem[];
  /** The problems of a file that keeps no text. */
  readonly packedProblems: PackedProblems | undefined;
  private readonly entries: readonly UniqueEntry[];
  /** The unique values of a file that keeps no text (each once). */
  readonly packed: PackedValues | undefined;
  readonly directives: readonly Directive[];
  readonly text: string | undefined;
  readonly analysis: Analysis | undefined;
  private readonly contentStamp: number;
  /** The places of a file that keeps no text. */
  readonly places: KnownPlaces | undefined;

  constructor(fields: EntryFields) {
    this.id = fields.id;
    this.scope = fields.scope;
    this.role = fields.role;
    this.version = fields.version;
    this.isPayload = fields.isPayload;
    this.ownProblems = fields.problems;
    this.packedProblems = fields.packedProblems;
    this.entries = fields.unique;
    this.packed = fields.packed;
    this.directives = fields.directives;
    this.text = fields.text;
    this.analysis = fields.analysis;
    this.contentStamp = fields.contentStamp;
    this.places = fields.places;
    const clashes = this.scope.folder !== undefined && this.isPayload;
    this.clashing = clashes && !this.packed && this.entries.length > 0 ? firstEntries(this.entries) : NONE;
    this.clashCount = !clashes ? 0 : (this.packed?.length ?? this.clashing.length);
  }

  /** Its problems (a file that keeps no text: made objects again for the caller). */
  get problems(): readonly Problem[] {
    return this.packedProblems ? this.packedProblems.all() : this.ownProblems;
  }

  get problemCount(): number {
    return this.packedProblems?.length ?? this.ownProblems.length;
  }

  get unique(): readonly UniqueEntry[] {
    const packed = this.packed;
    return packed ? Array.from({ length: packed.length }, (_, i) => packed.at(i)) : this.entries;
  }

  clashHash(index: number): number {
    if (this.packed) return this.packed.hashAt(index);
    // A file of one value hashes it when asked; one of more, once for all (the index looks a hash up again when a second file adds it).
    if (this.clashing.length === 1) return keyHash(this.clashing[0].key);
    this.hashes ??= Int32Array.from(this.clashing, (entry) => keyHash(entry.key));
    return this.hashes[index];
  }

  clashKey(index: number): string {
    return this.packed ? this.packed.keyAt(index) : this.clashing[index].key;
  }

  /** A packed value is made an entry once, and kept: only values that clash are asked for (their related places are kept by entry). */
  clashEntry(index: number): UniqueEntry {
    if (!this.packed) return this.clashing[index];
    this.made ??= new Map();
    let entry = this.made.get(index);
    if (!entry) this.made.set(index, (entry = this.packed.at(index)));
    return entry;
  }

  /** What it keeps, estimated (the index's memory budget). */
  get bytes(): number {
    const text = this.version === null ? (this.text?.length ?? 0) : 0;
    const values = this.packed ? this.packed.bytes + this.packed.length * INDEXED_BYTES : this.entries.length * UNIQUE_BYTES;
    const problems = this.packedProblems?.bytes ?? this.ownProblems.length * PROBLEM_BYTES;
    return FILE_BYTES + text + problems + values + (this.places?.bytes ?? 0);
  }

  get stamp(): string {
    return `${this.contentStamp}.${this.clashStamp}`;
  }

  lines(): Pick<LineIndex, 'line' | 'position'> {
    return this.places ?? (this.lineIndex ??= new LineIndex(this.text ?? ''));
  }

  place(offset: number, length: number): PlacedRange {
    const lines = this.lines();
    return { start: lines.position(offset), end: lines.position(offset + length) };
  }
}
