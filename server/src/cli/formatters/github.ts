// GitHub Actions workflow commands: one `::error` / `::warning` / `::notice` per problem, which the
// runner turns into annotations on the file and lines; then the summary as a plain log line.
// Escapes as the runner reads them: in the message %, CR and LF; in properties also `:` and `,`.
// Control characters from a file are written as visible escapes (visible.ts), as in the text
// format: the runner has no encoding for them and the log shows them. The file property keeps CR
// and LF percent-encoded instead, which the runner decodes, so that the annotation is on the file.
import type { Severity } from '../../core';
import { visible, visibleButLineBreaks } from '../visible';
import { summaryLine, type FormatFactory } from './format-writer';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice' };

const percent = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeData = (text: string): string => percent(visible(text));
export const escapeProperty = (text: string): string => percent(visibleButLineBreaks(text)).replace(/:/g, '%3A').replace(/,/g, '%2C');

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
