// The machine format: an array of problems, positions from 1 with an exclusive end column (as
// ESLint's JSON), method null when the problem belongs to no request. Written element by element,
// laid out as JSON.stringify(array, null, 2) would.
import type { Location } from '../results';
import type { FormatFactory } from './report-writer';

export interface JsonProblem extends Location {
  code: string;
  severity: string;
  message: string;
  method: string | null;
}

export const jsonFormat: FormatFactory = (sink) => {
  let first = true;
  return {
    async file(_checked, findings) {
      for (const { problem, location } of findings) {
        const row: JsonProblem = { ...location, code: problem.code, severity: problem.severity, message: problem.message, method: problem.method ?? null };
        // JSON strings hold no raw line break, so indenting every line indents the element only.
        const wait = sink.write(`${first ? '[\n' : ',\n'}  ${JSON.stringify(row, null, 2).replace(/\n/g, '\n  ')}`);
        first = false;
        if (wait) await wait;
      }
    },
    end() {
      sink.write(first ? '[]\n' : '\n]\n');
    },
  };
};
