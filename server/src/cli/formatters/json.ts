// The machine format: an array of problems, positions from 1 with an exclusive end column (as
// ESLint's JSON), method null when the problem belongs to no request.
import { allFindings, type CheckedFile, type Location } from '../results';

export interface JsonProblem extends Location {
  code: string;
  severity: string;
  message: string;
  method: string | null;
}

export function formatJson(files: readonly CheckedFile[]): string {
  const problems: JsonProblem[] = allFindings(files).map(({ problem, location }) => ({
    ...location,
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    method: problem.method ?? null,
  }));
  return JSON.stringify(problems, null, 2) + '\n';
}
