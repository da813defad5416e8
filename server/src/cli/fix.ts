// `check --fix`: applies every preferred fix (the same ones as the editor's fix-all) to the files
// and writes them back, each through a temporary file renamed over it (node/atomic-write.ts: an
// interruption leaves the old bytes or the new, its mode kept); the report that follows is of what
// is left. Only the bytes of the fixed
// values change: a file is rewritten only when its bytes are valid UTF-8 (then its text decodes and
// encodes back byte for byte, its byte order mark kept), and only when it is, once its links are resolved,
// inside one of the folders given. Any other file is checked as it is and not written, and stderr
// says so (the exit code does not change).
import { readFileSync, realpathSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { isAbsolute, relative } from 'node:path';
import { analyze, applyEdits, decodeText, fixAll, startsWithBom, LineIndex, shownAnalysis, type Records, type Rules } from '../core';
import { writeFileAtomic } from '../node/atomic-write';
import { CliError } from './errors';
import { reason, type InputFile } from './files';
import { visible } from './visible';

export interface FixReport {
  /** Per file: one line per fix applied, `file:line:col  code  title` (control characters escaped). */
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

/**
 * Fixes the texts in place (the array is updated) and writes each changed file; `say` gets one
 * line for each file that had fixes but is not written (stderr by default).
 */
export async function fixFiles(
  inputs: readonly InputFile[],
  texts: string[],
  options: readonly FixOptions[],
  say: (line: string) => void = toStderr,
): Promise<FixReport> {
  const report: FixReport = { lines: [], filesChanged: 0, fixesApplied: 0 };
  const folders = foldersGiven(inputs);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    const { included, maxFileSize, rules, records } = options[i];
    const { edits, fixes } = fixAll(shownAnalysis(analyze(texts[i], { included, maxFileSize, records }), rules));
    if (edits.length === 0) continue;
    if (input.absolute === undefined) throw new CliError('--fix cannot write to standard input');
    const target = writableTarget(input.absolute, texts[i], folders);
    if ('reason' in target) {
      say(`voipnow-payloads: not fixed ${visible(input.display)}: ${target.reason}; checked as it is, not rewritten`);
      continue;
    }
    const fixed = applyEdits(texts[i], edits);
    try {
      // The text was read without its byte order mark (read.ts): the file keeps the one it had.
      await writeFileAtomic(target.path, target.bom ? BOM + fixed : fixed);
    } catch (error) {
      throw new CliError(`cannot write '${visible(input.display)}': ${reason(error)} (it is left as it was)`);
    }
    const lines = new LineIndex(texts[i]);
    for (const { problem, fix } of fixes) {
      const at = lines.position(problem.offset);
      report.lines.push(`${visible(input.display)}:${at.line + 1}:${at.character + 1}  ${problem.code}  ${visible(fix.title)}`);
    }
    texts[i] = fixed;
    report.filesChanged++;
    report.fixesApplied += fixes.length;
  }
  return report;
}


const toStderr = (line: string) => void process.stderr.write(`${line}\n`);

/** The real folders given (a file given stands for its own folder). */
function foldersGiven(inputs: readonly InputFile[]): string[] {
  const roots = new Set<string>();
  for (const input of inputs) {
    if (input.absolute === undefined) continue;
    try {
      roots.add(realpathSync(input.root));
    } catch {
      // A folder that went away holds nothing to write.
    }
  }
  return [...roots];
}

const BOM = '\ufeff';

/** The real path to write and whether the file starts with a byte order mark, or why the file is left as it is. */
function writableTarget(absolute: string, text: string, folders: readonly string[]): { path: string; bom: boolean } | { reason: string } {
  let real: string;
  let bytes: Buffer;
  try {
    real = realpathSync(absolute);
    bytes = readFileSync(real);
  } catch (error) {
    return { reason: `cannot read it again (${reason(error)})` };
  }
  const inside = folders.some((folder) => {
    const rel = relative(folder, real);
    return rel === '' || (rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel));
  });
  if (!inside) return { reason: 'it links to a file outside the folders given' };
  if (!isUtf8(bytes)) return { reason: 'it is not valid UTF-8' };
  // The text checked must be the file's whole text (not one that changed meanwhile).
  if (decodeText(bytes) !== text) return { reason: 'it changed while being checked' };
  return { path: real, bom: startsWithBom(bytes) };
}
