// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` per problem, which the
// runner turns into annotations on the file and lines; then the summary as a plain log line.
// Escapes as the runner reads them: in the message %, CR and LF; in properties also `:` and `,`.
import type { Severity } from '../../core';
import { summaryLine, type FormatFactory } from './format-writer';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice' };

export const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const githubFormat: FormatFactory = (sink) => ({
  async file(_checked, findings) {
    for (const { problem, location: l } of findings) {
      const where = `file=${escapeProperty(l.file)},line=${l.line},col=${l.column},endLine=${l.endLine},endColumn=${l.endColumn}`;
      const properties = `${where},title=${escapeProperty(problem.code)}`;
      const wait = sink.write(`::${COMMAND[problem.severity]} ${properties}::${escapeData(problem.message)}\n`);
      if (wait) await wait;
    }
  },
  end(summary) {
    return sink.write(`${summaryLine(summary)}\n`);
  },
});
