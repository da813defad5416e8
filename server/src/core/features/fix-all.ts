// Every preferred fix of a document as one set of non-overlapping edits (for source.fixAll and
// `check --fix`), and applying edits to a text. Both take time linear in the problems and the text
// (a fix looks at its own node, never at every key of its object or every problem).
import type { Analysis } from '../engine/check';
import type { Problem } from '../codes/problem';
import { quickFixes, type Edit, type Fix } from './fixes';

export interface AppliedFix {
  problem: Problem;
  fix: Fix;
}

export interface FixAllResult {
  /** Sorted by offset, none overlapping: apply them to `analysis.text` in one go. */
  edits: Edit[];
  /** What each edit fixes, in document order (for reporting). */
  fixes: AppliedFix[];
}

/** The preferred fix of each problem; a fix that would touch text another fix already changes is left out. */
export function fixAll(analysis: Analysis): FixAllResult {
  const candidates: Array<AppliedFix & { start: number; end: number }> = [];
  for (const problem of analysis.problems) {
    const fix = quickFixes(analysis, problem).find((f) => f.preferred);
    if (!fix || fix.edits.length === 0) continue;
    const start = Math.min(...fix.edits.map((e) => e.offset));
    const end = Math.max(...fix.edits.map((e) => e.offset + e.length));
    candidates.push({ problem, fix, start, end });
  }
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  const fixes: AppliedFix[] = [];
  const edits: Edit[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const c of candidates) {
    // Two edits at the same point (or overlapping ones) would depend on their order: keep the first.
    if (c.start < lastEnd || c.start === lastStart) continue;
    fixes.push({ problem: c.problem, fix: c.fix });
    edits.push(...c.fix.edits);
    lastStart = c.start;
    lastEnd = c.end;
  }
  edits.sort((a, b) => a.offset - b.offset);
  return { edits, fixes };
}

/** Whether edits are in offset order (fixAll's are: they are not sorted again). */
function inOrder(edits: readonly Edit[]): boolean {
  for (let i = 1; i < edits.length; i++) if (edits[i].offset < edits[i - 1].offset) return false;
  return true;
}

/** Applies non-overlapping edits (offsets into `text`) in one pass, joined once; throws on overlapping ones. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = inOrder(edits) ? edits : [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.offset < at) throw new Error(`overlapping edits at offset ${edit.offset}`);
    parts.push(text.slice(at, edit.offset), edit.newText);
    at = edit.offset + edit.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
