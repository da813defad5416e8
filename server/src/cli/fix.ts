// `check --fix`: applies every preferred fix (the same ones as the editor's fix-all) to the files
// and writes them back; the report that follows is of what is left.
import { writeFileSync } from 'node:fs';
import { analyze, applyEdits, applySettings, findDirectives, fixAll, LineIndex, type Analysis, type Rules } from '../core';
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
}

/** Fixes the texts in place (the array is updated) and writes each changed file. */
export function fixFiles(inputs: readonly InputFile[], texts: string[], options: readonly FixOptions[]): FixReport {
  const report: FixReport = { lines: [], filesChanged: 0, fixesApplied: 0 };
  inputs.forEach((input, i) => {
    const { included, maxFileSize, rules } = options[i];
    const { edits, fixes } = fixAll(shownOnly(analyze(texts[i], { included, maxFileSize }), rules));
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

/** The analysis with only the problems the settings leave shown (a problem turned off or silenced by a comment is not fixed). */
export function shownOnly(analysis: Analysis, rules: Rules): Analysis {
  const directives = analysis.isPayload ? findDirectives(analysis.text) : [];
  if (directives.length === 0 && Object.keys(rules).length === 0) return analysis;
  let lines: LineIndex | undefined;
  const problems = applySettings(analysis.problems, rules, directives, (offset) => (lines ??= new LineIndex(analysis.text)).line(offset));
  // The rest (the tree, built on first use) is the analysis's own.
  return Object.create(analysis, { problems: { value: problems, enumerable: true } });
}
