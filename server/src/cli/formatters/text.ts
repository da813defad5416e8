// The human format: one line per problem, `file:line:col  severity  code  message`, then a summary
// line. Both go to stdout so that `npm start` and a pipe show the whole report. Colour (decided in
// check-options.ts) marks the severity and the summary only. A file's name and the message are
// shown with their control characters escaped (visible.ts): one line per problem.
import { styleText } from 'node:util';
import type { Severity } from '../../core';
import { visible } from '../visible';
import { summaryLine, type FormatFactory, type ReportSummary } from './format-writer';

const STYLE: Record<Severity, 'red' | 'yellow' | 'cyan'> = { error: 'red', warning: 'yellow', information: 'cyan' };

// Whether to colour is decided once, for the report's stream (useColor), and styleText is told not
// to decide again: it decides by itself only from Node 20.18, then by stdout unless given another
// stream, and Node 20 skips the decision for a list of styles (['bold', 'red']).
const paint = (on: boolean, style: Parameters<typeof styleText>[0], text: string) => (on ? styleText(style, text, { validateStream: false }) : text);

export const textFormat: FormatFactory = (sink, { color = false }) => ({
  async file(_checked, findings) {
    for (const { problem, location } of findings) {
      const severity = paint(color, STYLE[problem.severity], problem.severity);
      const wait = sink.write(`${visible(location.file)}:${location.line}:${location.column}  ${severity}  ${problem.code}  ${visible(problem.message)}\n`);
      if (wait) await wait;
    }
  },
  end(summary: ReportSummary) {
    const worst: Severity | undefined = summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : undefined;
    return sink.write(`${worst === undefined ? summaryLine(summary) : paint(color, ['bold', STYLE[worst]], summaryLine(summary))}\n`);
  },
});
