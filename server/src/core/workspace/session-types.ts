// The workspace session's shapes (session.ts): what a host passes in (folders, scopes, options)
// and what it reads back (files, reports with placed ranges and related places, changes).
import type { Analysis } from '../engine/check';
import type { EffectiveSettings } from '../settings/config';
import type { LineIndex } from '../parse/line-index';
import type { Problem } from '../codes/problem';
import type { Records } from '../engine/records-snapshot';
import type { UniqueEntry } from '../rules/duplicates';
import type { Directive } from '../settings/suppress';
import type { AnalysisResult } from './checked';
import type { FileRole } from './files';

/** A workspace folder (the command line has one for all its files). */
export interface SessionFolder {
  readonly name: string;
  /** Its place among the folders: files are ordered by folder, then path. */
  readonly order: number;
}

/** What the host decides about a file: where it sits, its settings, its records snapshot. */
export interface FileScope {
  /** Undefined: a file checked on its own, outside every folder (it clashes with nothing). */
  folder: SessionFolder | undefined;
  /** Relative to the folder, forward slashes: how messages in other files name it, and its place in the order. */
  relPath: string;
  /** What the include globs are matched against. */
  includePath: string;
  settings: EffectiveSettings;
  records?: Records;
}

export interface Position {
  line: number;
  character: number;
}

export interface PlacedRange {
  start: Position;
  end: Position;
}

export interface RelatedPlace {
  /** The other file's id. */
  id: string;
  offset: number;
  length: number;
  range: PlacedRange;
  message: string;
}

export interface ReportedProblem extends Problem {
  range: PlacedRange;
  related: readonly RelatedPlace[];
}

export interface SessionFile {
  readonly id: string;
  readonly scope: FileScope;
  readonly role: FileRole;
  /** The open document's version; null when the text is what is on disk. */
  readonly version: number | null;
  readonly isPayload: boolean;
  /** The engine's problems (payloads), or the settings or records file's own. */
  readonly problems: readonly Problem[];
  /** Its values that must be unique (a large file on disk: each value once, made from what it keeps packed when asked). */
  readonly unique: readonly UniqueEntry[];
  readonly directives: readonly Directive[];
  /** Changes with every content (and with every change of its clashes): a report's identity. */
  readonly stamp: string;
  /** The text (undefined for a JSON file that is no payload and has nothing to report, and for a large file on disk: session.ts KEEP_TEXT_BELOW). */
  readonly text: string | undefined;
  /** The open document's analysis, when the host passed it (hover, completion and fixes use it). */
  readonly analysis: Analysis | undefined;
  /** Lines and columns of its problems' and values' offsets (any offset while the text is kept). */
  lines(): Pick<LineIndex, 'line' | 'position'>;
}

export interface UpdateOptions {
  version?: number | null;
  /** The analysis when the host has it already (an open document's, shared with its features). */
  analysis?: Analysis;
  /** What a worker thread found in the content already (checked.ts), checked with checkOptionsOf(scope). */
  checked?: AnalysisResult;
  /** For settings and records files: their problems (the host parses them for their content). */
  problems?: readonly Problem[];
  /** Overrides the role found from the name (standard input is a payload candidate). */
  role?: FileRole;
}

export interface ReportOptions {
  /** At most this many problems (the editor's `maxProblems`); the command line reports all by default. */
  maxProblems?: number;
}

export interface SessionChanges {
  /** Files whose content or presence changed. */
  files: Set<string>;
  /** Files whose clashes with other files changed (their 200s across files differ). */
  clashes: Set<string>;
}
