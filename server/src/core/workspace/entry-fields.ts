// The fields of one file as the session holds it (session.ts's Entry), by name.
import type { Analysis } from '../engine/check';
import type { Problem } from '../codes/problem';
import type { UniqueEntry } from '../rules/duplicates';
import type { Directive } from '../settings/suppress';
import type { FileRole } from './files';
import type { KnownPlaces } from './known-places';
import type { PackedProblems } from './packed-problems';
import type { PackedValues } from './packed-values';
import type { FileScope } from './session-types';

/** What an entry is made of (named: eleven positional arguments were easy to put in the wrong order). */
export interface EntryFields {
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
