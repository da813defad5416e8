// `check --fix`: applies every preferred fix (the same ones as the editor's fix-all) to the files
// and writes them back; the report that follows is of what is left.
import { writeFileSync } from 'node:fs';
import { analyze, applyEdits, fixAll, LineIndex, shownAnalysis, type Records, type Rules } from '../core';
import { CliError } from './errors';
import type { InputFile } from './files';

export interface FixReport {
  /** Per file: one line per fix applied, `file:line:col  code  title`. */
  lines: string[];
  filesChanged: number;
  fixesApplied: number;
}

export interface FixOptions {
  included: boolean;
  maxFileSize: number;
  rules: Rules;
  /** The records snapshot the file is checked against (its fixes, such as an ID's, depend on it). */
  records?: Records;
}

/** Fixes the texts in place (the array is updated) and writes each changed file. */
export function fixFiles(inputs: readonly InputFile[], texts: string[], options: readonly FixOptions[]): FixReport {
  const report: FixReport = { lines: [], filesChanged: 0, fixesApplied: 0 };
  inputs.forEach((input, i) => {
    const { included, maxFileSize, rules, records } = options[i];
    const { edits, fixes } = fixAll(shownAnalysis(analyze(texts[i], { included, maxFileSize, records }), rules));
    if (edits.length === 0) return;
    if (input.absolute === undefined) throw new CliError('--fix cannot write to standard input');
    const lines = new LineIndex(texts[i]);
    for (const { problem, fix } of fixes) {
      const at = lines.position(problem.offset);
      report.lines.push(`${input.display}:${at.line + 1}:${at.character + 1}  ${problem.code}  ${fix.title}`);
    }
    texts[i] = applyEdits(texts[i], edits);
    writeFileSync(input.absolute, texts[i]);
    report.filesChanged++;
    report.fixesApplied += fixes.length;
  });
  return report;
}

