// The human format: one line per problem, `file:line:col  severity  code  message`, then a summary
// line. Both go to stdout so that `npm start` and a pipe show the whole report. Colour (on a
// terminal, see check-options.ts) marks the severity and the summary only. A file's name and the
// message are shown with their control characters escaped (visible.ts): one line per problem.
import type { Severity } from '../../core';
import { visible } from '../visible';
import { summaryLine, type FormatFactory, type ReportSummary } from './format-writer';

const SGR: Record<Severity, string> = { error: '31', warning: '33', information: '36' };

const paint = (on: boolean, sgr: string, text: string) => (on ? `\x1b[${sgr}m${text}\x1b[0m` : text);

export const textFormat: FormatFactory = (sink, { color = false }) => ({
  async file(_checked, findings) {
    for (const { problem, location } of findings) {
      const severity = paint(color, SGR[problem.severity], problem.severity);
      const wait = sink.write(`${visible(location.file)}:${location.line}:${location.column}  ${severity}  ${problem.code}  ${visible(problem.message)}\n`);
      if (wait) await wait;
    }
  },
  end(summary: ReportSummary) {
    const worst: Severity | undefined = summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : undefined;
    return sink.write(`${paint(color && worst !== undefined, `1;${worst ? SGR[worst] : ''}`, summaryLine(summary))}\n`);
  },
});
