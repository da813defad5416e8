// `check <paths...>`: reads every file, analyzes it, adds the duplicates across files, prints the
// chosen format and says by its exit code whether anything at or above --fail-on was found.
import { analyze, DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, isIncluded, LineIndex, type Analysis, type Severity } from '../core';
import { choice, parseCommandArgs, positiveInteger } from './args';
import { crossFileDuplicates } from './duplicates';
import { CliError } from './errors';
import { collectFiles, type InputFile } from './files';
import { fixFiles } from './fix';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { CHECK_HELP } from './help';
import { readInput } from './read';
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
  // Everything is read before anything is printed: an unreadable file fails the run with no partial output.
  const texts: string[] = [];
  for (const input of inputs) texts.push(await readInput(input, maxFileSize));
  if (values.fix) {
    if (inputs.some((input) => input.absolute === undefined)) throw new CliError('--fix cannot write to standard input');
    // What was fixed goes to stderr, so that stdout stays the report (json and sarif included).
    const fixed = fixFiles(inputs, texts, include, maxFileSize);
    for (const line of fixed.lines) process.stderr.write(`fixed ${line}\n`);
    process.stderr.write(`${fixed.fixesApplied} fix${fixed.fixesApplied === 1 ? '' : 'es'} applied in ${fixed.filesChanged} file${fixed.filesChanged === 1 ? '' : 's'}\n`);
  }

  const checked = checkFiles(inputs, texts, include, maxFileSize);
  process.stdout.write(FORMATTERS[format](checked));
  return fails(checked, failOn) ? 1 : 0;
}

export function checkFiles(inputs: readonly InputFile[], texts: readonly string[], include: readonly string[], maxFileSize: number): CheckedFile[] {
  const analyses: Analysis[] = inputs.map((input, i) => analyze(texts[i], { included: isIncluded(input.includePath, include), maxFileSize }));
  // Line tables only for files that have something to report.
  const lineTables: Array<LineIndex | undefined> = [];
  const lines = (i: number) => (lineTables[i] ??= new LineIndex(texts[i]));
  const checked: CheckedFile[] = inputs.map((file, i) => ({
    file,
    isPayload: analyses[i].isPayload,
    findings: analyses[i].problems.map((problem) => ({ problem, location: locate(file.display, lines(i), problem.offset, problem.length), related: [] })),
  }));
  const duplicates = crossFileDuplicates(inputs.map((input, i) => ({ display: input.display, analysis: analyses[i] })));
  for (const { fileIndex, problem, related } of duplicates) {
    const display = inputs[fileIndex].display;
    checked[fileIndex].findings.push({
      problem,
      location: locate(display, lines(fileIndex), problem.offset, problem.length),
      related: related.map((r) => locate(inputs[r.fileIndex].display, lines(r.fileIndex), r.offset, r.length)),
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
