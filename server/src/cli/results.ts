// What `check` hands to the formatters: every file read, its problems, and where they stand in
// lines and columns (from 1, end column exclusive, UTF-16 like editors and SARIF's default).
import type { Problem } from '../core';
import type { InputFile } from './files';

export interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding {
  problem: Problem;
  location: Location;
  /** Other places the problem is about (the clashing request of a duplicate in another file). */
  related: Location[];
}

/** One file as the formatters take it: where each of its problems stands (not a check: the check is the engine's Analysis). */
export interface FileFindings {
  file: InputFile;
  /** False for JSON that is not a payload: it is ignored silently. */
  isPayload: boolean;
  findings: Finding[];
}
