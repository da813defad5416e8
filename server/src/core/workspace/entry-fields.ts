// The fields of one file as the session holds it (session.ts's Entry), by name.
import type { Analysis } from '../engine/check';
import type { Problem } from '../codes/problem';
import type { UniqueEntry } from '../rules/duplicates';
import type { Directive } from '../settings/suppress';
import type { FileRole } from './files';
import type { KnownPlaces } from './known-places';
import type { FileScope } from './session-types';

/** What an entry is made of (named: eleven positional arguments were easy to put in the wrong order). */
export interface EntryFields {
  id: string;
  scope: FileScope;
  role: FileRole;
  version: number | null;
  isPayload: boolean;
  problems: readonly Problem[];
  unique: readonly UniqueEntry[];
  directives: readonly Directive[];
  text?: string;
  analysis?: Analysis;
  contentStamp: number;
  places?: KnownPlaces;
}
