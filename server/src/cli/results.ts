// What `check` hands to the formatters: every file read, its problems, and where they stand in
// lines and columns (from 1, end column exclusive, UTF-16 like editors and SARIF's default).
import { LineIndex, type Problem } from '../core';
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

export interface CheckedFile {
  file: InputFile;
  /** False for JSON that is not a payload: it is ignored silently. */
  isPayload: boolean;
  findings: Finding[];
}

export function locate(file: string, lines: LineIndex, offset: number, length: number): Location {
  const start = lines.position(offset);
  const end = lines.position(offset + length);
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function allFindings(files: readonly CheckedFile[]): Finding[] {
  return files.flatMap((f) => f.findings);
}
