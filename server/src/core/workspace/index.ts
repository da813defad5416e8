// The workspace layer of the engine: one session for the command line and the language server.
export { MAX_RELATED } from './clashes';
export { checkOptionsOf, fromPlain, needsCheck, plainCheck, type Checked, type PlainCheck } from './checked';
export { readText, type DirectoryEntry, type EntryKind, type WorkspaceFileSystem } from './file-system';
export { inSkippedFolder, isJsonName, listJsonFiles, roleOf, SKIPPED_FOLDERS, type FileRole, type WalkOptions } from './files';
export {
  WorkspaceSession,
  type FileScope,
  type PlacedRange,
  type Position,
  type RelatedPlace,
  type ReportedProblem,
  type ReportOptions,
  type SessionChanges,
  type SessionFile,
  type SessionFolder,
  type UpdateOptions,
} from './session';
