// The human format: one line per problem, `file:line:col  code  message`, then a summary line.
// Both go to stdout so that `npm start` and a pipe show the whole report.
import { allFindings, type CheckedFile } from '../results';

export function formatText(files: readonly CheckedFile[]): string {
  const findings = allFindings(files);
  const lines = findings.map(({ problem, location }) => `${location.file}:${location.line}:${location.column}  ${problem.code}  ${oneLine(problem.message)}`);
  lines.push(summary(files));
  return lines.join('\n') + '\n';
}

/** `3 problems (2 errors, 1 warning) in 2 files`; files counted are the payload files checked. */
export function summary(files: readonly CheckedFile[]): string {
  const findings = allFindings(files);
  const payloads = plural(files.filter((f) => f.isPayload).length, 'file');
  if (findings.length === 0) return `No problems in ${payloads}`;
  const count = (severity: string) => findings.filter((f) => f.problem.severity === severity).length;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning')];
  const information = count('information');
  if (information > 0) parts.push(`${information} information`);
  return `${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${payloads}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A message never spans lines here, so that one line stays one problem for grep and editors. */
function oneLine(message: string): string {
  return message.replace(/\r?\n/g, ' ');
}
