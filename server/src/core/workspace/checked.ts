// The engine's Analysis is the one result of a check. What the session keeps of it is an
// AnalysisResult (its problems, values and disable comments, without its text or tree); across a
// thread's boundary, and only there, it travels as plain data: a PostedAnalysis (its values'
// ranges as numbers), or a PostedLean for a file that keeps no text (without-text.ts). The
// command line's threads and the language server's thread for large files post the same shapes.
import { analyze, type Analysis, type CheckOptions } from '../engine/check';
import type { EffectiveSettings } from '../settings/config';
import { isIncluded } from '../glob/include';
import type { Records } from '../engine/records-snapshot';
import type { UniqueEntry } from '../rules/duplicates';
import { findDirectives, type Directive } from '../settings/suppress';

/** What the session takes of an Analysis made elsewhere (UpdateOptions.checked): no text, no tree. */
export type AnalysisResult = Pick<Analysis, 'isPayload' | 'problems' | 'unique'> & {
  /** The file's disable comments (usually none). */
  directives: readonly Directive[];
};

/** An AnalysisResult as plain data, to post across threads (each value's range as numbers). */
export interface PostedAnalysis {
  isPayload: boolean;
  problems: Analysis['problems'];
  unique: Array<Pick<UniqueEntry, 'method' | 'key' | 'shown'> & { offset: number; length: number }>;
  directives: Directive[];
}

/** Checks a content as the session would, in a thread: its result as plain data, every unique value placed. */
export function postedAnalysis(text: string, options: CheckOptions): PostedAnalysis {
  const analysis = analyze(text, options);
  const directives = analysis.isPayload ? findDirectives(text) : [];
  const unique = analysis.unique.map((u) => ({ method: u.method, key: u.key, shown: u.shown, ...u.range() }));
  return { isPayload: analysis.isPayload, problems: analysis.problems, unique, directives };
}

/** A posted analysis as the session takes it. */
export function fromPosted(plain: PostedAnalysis): AnalysisResult {
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
