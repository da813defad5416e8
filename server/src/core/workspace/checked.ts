// A content's check as plain data, for a worker thread to make and post back: the problems, the
// disable comments and the values that must be unique with where they stand. The session takes it
// instead of checking the content itself (UpdateOptions.checked). The command line's threads and the
// language server's thread for large files send the same shape.
import { analyze, type CheckOptions } from '../engine/check';
import type { EffectiveSettings } from '../settings/config';
import { isIncluded } from '../glob/include';
import type { Problem } from '../codes/problem';
import type { Records } from '../engine/records-snapshot';
import type { UniqueEntry } from '../rules/duplicates';
import { findDirectives, type Directive } from '../settings/suppress';

export interface PlainCheck {
  isPayload: boolean;
  problems: Problem[];
  unique: Array<Pick<UniqueEntry, 'method' | 'key' | 'shown'> & { offset: number; length: number }>;
  /** The file's disable comments (usually none). */
  directives: Directive[];
}

/** What the session takes from a check made elsewhere. */
export interface Checked {
  isPayload: boolean;
  problems: readonly Problem[];
  unique: readonly UniqueEntry[];
  directives: readonly Directive[];
}

/** Checks a content as the session would, with every unique value placed (posted across threads as it is). */
export function plainCheck(text: string, options: CheckOptions): PlainCheck {
  const analysis = analyze(text, options);
  const directives = analysis.isPayload ? findDirectives(text) : [];
  const unique = analysis.unique.map((u) => ({ method: u.method, key: u.key, shown: u.shown, ...u.range() }));
  return { isPayload: analysis.isPayload, problems: analysis.problems, unique, directives };
}

/** A plain check as the session takes it. */
export function fromPlain(plain: PlainCheck): Checked {
  const unique = plain.unique.map(({ offset, length, ...entry }) => ({ ...entry, range: () => ({ offset, length }) }));
  return { isPayload: plain.isPayload, problems: plain.problems, unique, directives: plain.directives };
}

/** What of a file's scope decides how it is checked. */
export interface CheckScope {
  includePath: string;
  settings: Pick<EffectiveSettings, 'include' | 'maxFileSize'>;
  records?: Records;
}

/** How the session checks a payload file's content in its scope (a thread given these checks it the same). */
export function checkOptionsOf(scope: CheckScope): CheckOptions {
  return { included: isIncluded(scope.includePath, scope.settings.include), maxFileSize: scope.settings.maxFileSize, records: scope.records };
}

/** Whether two ways of checking find the same in any content (include, size limit, records snapshot). */
export function sameChecks(a: CheckOptions, b: CheckOptions): boolean {
  return a.included === b.included && a.maxFileSize === b.maxFileSize && a.records === b.records;
}

/** Most JSON files that are not payloads do not even mention a method: no need to parse them. */
export function needsCheck(text: string, options: CheckOptions): boolean {
  return options.included === true || text.includes('"method"');
}
