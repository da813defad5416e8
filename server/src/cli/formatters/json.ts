// The machine format: an array of problems, positions from 1 with an exclusive end column (as
// ESLint's JSON), method null when the problem belongs to no request. Written element by element
// (a report of millions of problems is never held whole), each one by JSON.stringify and laid out
// as JSON.stringify(array, null, 2) would.
import type { Problem } from '../../core';
import type { Location } from '../results';
import type { FormatFactory } from './format-writer';

export const jsonFormat: FormatFactory = (sink) => {
  let first = true;
  return {
    async file(_checked, findings) {
      for (const { problem, location } of findings) {
        const wait = sink.write(`${first ? '[\n' : ',\n'}${element(location, problem)}`);
        first = false;
        if (wait) await wait;
      }
    },
    end() {
      return sink.write(first ? '[]\n' : '\n]\n');
    },
  };
};

/** One element of the array, its lines indented one step (a string value holds no line break: JSON escapes it). */
function element(at: Location, problem: Problem): string {
  const { file, line, column, endLine, endColumn } = at;
  const { code, severity, message } = problem;
  const row = { file, line, column, endLine, endColumn, code, severity, message, method: problem.method ?? null };
  return `  ${JSON.stringify(row, null, 2).replaceAll('\n', '\n  ')}`;
}
