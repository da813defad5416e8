// The cap on the problems one file shows (setting maxProblems, default 1,000): a file of millions
// of list items has millions of problems, more than an editor can show or a server can send. The
// first ones in document order are kept, and one `too-many-problems` information says how many
// more there are. It stands on the first problem left out, not at the top of the file: where the
// squiggles stop and the Problems list ends, which is where a reader wonders whether the rest is
// clean, and on a real problem, so that hovering it also tells what lies there.
import { wordProblem } from '../codes/messages';
import type { Problem } from '../codes/problem';

export const DEFAULT_MAX_PROBLEMS = 1000;

function inDocumentOrder(problems: readonly Problem[]): boolean {
  for (let i = 1; i < problems.length; i++) if (problems[i].offset < problems[i - 1].offset) return false;
  return true;
}

export function tooManyProblemsMessage(leftOut: number, max: number): string {
  return leftOut === 1
    ? `1 more problem in this file is not shown (maxProblems is ${max}).`
    : `${leftOut} more problems in this file are not shown (maxProblems is ${max}).`;
}

/**
 * At most `max` problems (a whole number, at least 1; Infinity for no cap), the first in document
 * order, and then the `too-many-problems` information; the same array when there are no more.
 */
export function capProblems(problems: Problem[], max: number): Problem[] {
  if (!(problems.length > max)) return problems;
  const keep = Math.max(0, Math.floor(max));
  // Stable: problems at the same offset keep their order.
  const ordered = inDocumentOrder(problems) ? problems : [...problems].sort((a, b) => a.offset - b.offset);
  const first = ordered[keep];
  const note = wordProblem('too-many-problems', tooManyProblemsMessage(ordered.length - keep, keep), { offset: first.offset, length: first.length });
  return [...ordered.slice(0, keep), note];
}
