// TEMPORARY until core's capProblems lands (helper writing it in core/): the first `max` problems in
// document order, plus one information saying how many were left out.
import type { Problem } from '../problem';

export function capProblems<P extends Problem>(problems: readonly P[], max: number): Array<P | Problem> {
  if (problems.length <= max) return [...problems];
  const left = problems.length - max;
  const note: Problem = { code: 'too-many-problems', severity: 'information', offset: 0, length: 0, message: `${left} more problems in this file are not shown (maxProblems is ${max}).` };
  return [...problems.slice(0, max), note];
}
