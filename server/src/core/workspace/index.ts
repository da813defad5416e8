// The workspace layer of the engine: one session for the command line and the language server.
export { MAX_RELATED } from './clashes';
export { checkOptionsOf, fromPosted, needsCheck, postedAnalysis, sameChecks, type AnalysisResult, type PostedAnalysis } from './checked';
export { BOM_LENGTH, decodeText, readBytes, readText, startsWithBom, type DirectoryEntry, type EntryKind, type WorkspaceFileSystem } from './file-system';
export { inSkippedFolder, isJsonName, listJsonFiles, roleOf, SKIPPED_FOLDERS, type FileRole, type WalkOptions } from './files';
export { KEEP_TEXT_BELOW, WorkspaceSession } from './session';
export { postLean, postedLeanOf, withoutText, type PostedLean } from './without-text';
export type {
  FileScope,
  PlacedRange,
  Position,
  RelatedPlace,
  ReportedProblem,
  ReportOptions,
  SessionChanges,
  SessionFile,
  SessionFolder,
  UpdateOptions,
} from './session-types';
