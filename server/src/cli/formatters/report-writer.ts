// The report, written as the files come: the check calls `file()` once per file in display order,
// then `end()`. Each format writes its part for a file at once (text lines, JSON array elements,
// SARIF results, workflow commands, JUnit test cases) and keeps only what its closing part needs
// (counts, SARIF's rules and artifacts), so memory does not grow with the number of problems.
import { tooManyProblemsMessage, type Severity, type WordCodeName } from '../../core';
import { wordProblem } from '../../core/codes/messages';
import type { FileFindings, Finding } from '../results';
import type { FormatFactory, ReportOptions, ReportSummary } from './format-writer';
import { githubFormat } from './github';
import { jsonFormat } from './json';
import { junitFormat } from './junit';
import { sarifFormat } from './sarif';
import { Sink } from './sink';
import { textFormat } from './text';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportWriter {
  /** One file's report, in display order; await it (it waits while the output stream is full). */
  file(checked: FileFindings): Promise<void>;
  /** Writes the closing part and says what was reported. */
  end(): Promise<ReportSummary>;
}

const FACTORIES: Record<Format, FormatFactory> = { text: textFormat, json: jsonFormat, sarif: sarifFormat, github: githubFormat, junit: junitFormat };

const COUNTER: Record<Severity, 'errors' | 'warnings' | 'information'> = { error: 'errors', warning: 'warnings', information: 'information' };

export function createReportWriter(format: Format, out: NodeJS.WritableStream, options: ReportOptions): ReportWriter {
  const sink = new Sink(out);
  const writer = FACTORIES[format](sink, options);
  const summary: ReportSummary = { errors: 0, warnings: 0, information: 0, files: 0 };
  return {
    async file(checked) {
      const findings = options.quiet ? checked.findings.filter((f) => f.problem.severity === 'error') : checked.findings;
      if (checked.isPayload) summary.files++;
      for (const { problem } of findings) if (problem.code !== TOO_MANY) summary[COUNTER[problem.severity]]++;
      await writer.file(checked, options.maxProblems === undefined ? findings : capped(findings, options.maxProblems));
    },
    async end() {
      await writer.end(summary);
      await sink.flush();
      return summary;
    },
  };
}

const TOO_MANY: WordCodeName = 'too-many-problems';

/** The first `max` findings (in document order) and a too-many-problems on the first one left out; as they are when the check capped them already. */
function capped(findings: readonly Finding[], max: number): readonly Finding[] {
  if (findings.length <= max || (findings.length === max + 1 && findings[max].problem.code === TOO_MANY)) return findings;
  const next = findings[max];
  const note = wordProblem(TOO_MANY, tooManyProblemsMessage(findings.length - max, max), { offset: next.problem.offset, length: next.problem.length });
  return [...findings.slice(0, max), { problem: note, location: next.location, related: [] }];
}
