// What a format is (the writer each format returns, the options and the summary it is given) and
// the lines the line formats share. Its own module so that the formats need not import
// report-writer.ts, which imports every format.
import type { FileFindings, Finding } from '../results';
import type { Sink } from './sink';

export interface ReportOptions {
  /** The working folder: paths under it are shown relative to it (SARIF's %SRCROOT%). */
  cwd: string;
  /** Text only: colour the severities and the summary. */
  color?: boolean;
  /** Errors only: warnings and information are neither shown nor counted. */
  quiet?: boolean;
  /** How standard input is shown when no --stdin-filename named it (SARIF gives it no folder). */
  unnamedStdin?: string;
  /** At most this many problems shown per file (--max-problems), then one too-many-problems; all are counted. */
  maxProblems?: number;
}

/** What was reported: the exit code is decided from it. */
export interface ReportSummary {
  errors: number;
  warnings: number;
  information: number;
  /** Payload files checked. */
  files: number;
}

/** One format: `findings` are the file's problems to show (quiet already applied). */
export interface FormatWriter {
  file(checked: FileFindings, findings: readonly Finding[]): Promise<void> | void;
  end(summary: ReportSummary): Promise<void> | void;
}

export type FormatFactory = (sink: Sink, options: ReportOptions) => FormatWriter;

/** `3 problems (2 errors, 1 warning) in 2 files`; files counted are the payload files checked. */
export function summaryLine({ errors, warnings, information, files }: ReportSummary): string {
  const payloads = plural(files, 'file');
  const total = errors + warnings + information;
  if (total === 0) return `No problems in ${payloads}`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning')];
  if (information > 0) parts.push(`${information} information`);
  return `${plural(total, 'problem')} (${parts.join(', ')}) in ${payloads}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A message never spans lines in line formats, so that one line stays one problem for grep and editors. */
export function oneLine(message: string): string {
  return message.replace(/\r\n?|\n/g, ' ');
}
