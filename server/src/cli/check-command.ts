// `check <paths...>`: reads every file, analyzes it, adds the duplicates across files, prints the
// chosen format and says by its exit code whether anything at or above --fail-on was found.
import { analyze, DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, isIncluded, LineIndex, type Analysis, type Problem, type Severity } from '../core';
import type { UniqueEntry } from '../core/rules/duplicates';
import { choice, parseCommandArgs, positiveInteger } from './args';
import { crossFileDuplicates } from './duplicates';
import { CliError } from './errors';
import { collectFiles, type InputFile } from './files';
import { fixFiles } from './fix';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { CHECK_HELP } from './help';
import { analyzeInWorkers, workerCount, type WorkerResult } from './parallel';
import { readFileCapped, readInput } from './read';
import { locate, type CheckedFile, type Finding } from './results';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const FORMATTERS = { text: formatText, json: formatJson, sarif: formatSarif };

export async function checkCommand(args: string[], cwd: string): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', args, {
    format: { type: 'string', short: 'f' },
    'fail-on': { type: 'string' },
    include: { type: 'string', multiple: true },
    'stdin-filename': { type: 'string' },
    'max-file-size': { type: 'string' },
    fix: { type: 'boolean' },
    jobs: { type: 'string' },
  });
  if (values.help) {
    process.stdout.write(CHECK_HELP);
    return 0;
  }
  // Validate every option before touching the file system, so a typo never costs a long walk.
  const format = choice('format', values.format as string | undefined, FORMATS, 'text');
  const failOn = choice('fail-on', values['fail-on'] as string | undefined, FAIL_ON, 'error');
  const maxFileSize = positiveInteger('max-file-size', values['max-file-size'] as string | undefined) ?? DEFAULT_MAX_FILE_SIZE;
  const include = (values.include as string[] | undefined) ?? DEFAULT_INCLUDE;
  if (positionals.length === 0) throw new CliError("no paths given (use '-' for standard input; see 'voipnow-payloads help check')");

  const inputs = collectFiles(positionals, cwd, (values['stdin-filename'] as string | undefined) ?? '<stdin>');
  const jobs = positiveInteger('jobs', values.jobs as string | undefined);
  const workers = values.fix || inputs.some((input) => input.absolute === undefined) ? 1 : (jobs ?? workerCount(inputs.length));
  const results = workers > 1 ? fromWorkers(inputs, await analyzeInWorkers(inputs, include, maxFileSize, workers), include, maxFileSize) : await analyzeHere(inputs, include, maxFileSize, values.fix === true);
  const checked = assemble(inputs, results);
  process.stdout.write(FORMATTERS[format](checked));
  return fails(checked, failOn) ? 1 : 0;
}

/** One file's result, however it was analyzed. */
interface FileResult {
  isPayload: boolean;
  problems: Problem[];
  unique: readonly UniqueEntry[];
  /** The file's line table, built only when a problem needs a line. */
  lines(): LineIndex;
}

async function analyzeHere(inputs: readonly InputFile[], include: readonly string[], maxFileSize: number, fix: boolean): Promise<FileResult[]> {
  // Everything is read before anything is printed: an unreadable file fails the run with no partial output.
  const texts: string[] = [];
  for (const input of inputs) texts.push(await readInput(input, maxFileSize));
  if (fix) {
    if (inputs.some((input) => input.absolute === undefined)) throw new CliError('--fix cannot write to standard input');
    // What was fixed goes to stderr, so that stdout stays the report (json and sarif included).
    const fixed = fixFiles(inputs, texts, include, maxFileSize);
    for (const line of fixed.lines) process.stderr.write(`fixed ${line}\n`);
    process.stderr.write(`${fixed.fixesApplied} fix${fixed.fixesApplied === 1 ? '' : 'es'} applied in ${fixed.filesChanged} file${fixed.filesChanged === 1 ? '' : 's'}\n`);
  }
  return inputs.map((input, i) => {
    const analysis = analyze(texts[i], { included: isIncluded(input.includePath, include), maxFileSize });
    let lines: LineIndex | undefined;
    return { isPayload: analysis.isPayload, problems: analysis.problems, unique: analysis.unique, lines: () => (lines ??= new LineIndex(texts[i])) };
  });
}

/** Worker results, with what only a clash or a problem needs (the text, ranges) found again here. */
function fromWorkers(inputs: readonly InputFile[], results: readonly WorkerResult[], include: readonly string[], maxFileSize: number): FileResult[] {
  return results.map((result, i) => {
    const input = inputs[i];
    let text: string | undefined;
    const read = () => (text ??= readFileCapped(input.absolute!, input.display, maxFileSize + 1).toString('utf8'));
    let lines: LineIndex | undefined;
    let again: Analysis | undefined;
    const analysis = () => (again ??= analyze(read(), { included: isIncluded(input.includePath, include), maxFileSize }));
    const unique = result.unique!.map((entry, j) => ({ ...entry, range: () => analysis().unique[j].range() }));
    return { isPayload: result.isPayload!, problems: result.problems!, unique, lines: () => (lines ??= new LineIndex(read())) };
  });
}

function assemble(inputs: readonly InputFile[], results: readonly FileResult[]): CheckedFile[] {
  const checked: CheckedFile[] = inputs.map((file, i) => ({
    file,
    isPayload: results[i].isPayload,
    findings: results[i].problems.map((problem) => ({ problem, location: locate(file.display, results[i].lines(), problem.offset, problem.length), related: [] })),
  }));
  const duplicates = crossFileDuplicates(inputs.map((input, i) => ({ display: input.display, unique: results[i].unique })));
  for (const { fileIndex, problem, related } of duplicates) {
    const display = inputs[fileIndex].display;
    checked[fileIndex].findings.push({
      problem,
      location: locate(display, results[fileIndex].lines(), problem.offset, problem.length),
      related: related.map((r) => locate(inputs[r.fileIndex].display, results[r.fileIndex].lines(), r.offset, r.length)),
    });
  }
  // Stable sort: the engine's order is kept for problems at the same place.
  if (duplicates.length > 0) for (const file of checked) file.findings.sort(byPosition);
  return checked;
}

function byPosition(a: Finding, b: Finding): number {
  return a.problem.offset - b.problem.offset;
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, information: 0 };

function fails(files: readonly CheckedFile[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = RANK[failOn];
  return files.some((f) => f.findings.some((x) => RANK[x.problem.severity] >= threshold));
}
