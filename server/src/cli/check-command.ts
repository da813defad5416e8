// `check <paths...>`: reads every file, analyzes it, adds the duplicates across files, applies the
// settings (rules, disable comments), prints the chosen format and says by its exit code whether
// anything at or above --fail-on was found.
import { analyze, applySettings, crossFileDuplicates, findDirectives, isIncluded, LineIndex, type Analysis, type Directive, type Problem, type Records, type Severity, type UniqueEntry } from '../core';
import { dirname } from 'node:path';
import { choice, parseCommandArgs, positiveInteger } from './args';
import { CliSettings, parseRuleOptions, type FileSettings, type LoadedConfig } from './config';
import { CliError } from './errors';
import { collectFiles, type InputFile } from './files';
import { fixFiles } from './fix';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { CHECK_HELP } from './help';
import { analyzeInWorkers, workerCount, type RecordsSource, type WorkerResult } from './parallel';
import { Progress } from './progress';
import { readFileCapped, readInput } from './read';
import { CliRecords, type LoadedRecords } from './records';
import { locate, type CheckedFile, type Location } from './results';

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
    config: { type: 'string', short: 'c' },
    'no-config': { type: 'boolean' },
    rule: { type: 'string', multiple: true },
    records: { type: 'string' },
    'no-records': { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(CHECK_HELP);
    return 0;
  }
  // Validate every option before touching the file system, so a typo never costs a long walk.
  const format = choice('format', values.format as string | undefined, FORMATS, 'text');
  const failOn = choice('fail-on', values['fail-on'] as string | undefined, FAIL_ON, 'error');
  const maxFileSize = positiveInteger('max-file-size', values['max-file-size'] as string | undefined);
  const include = values.include as string[] | undefined;
  const rules = parseRuleOptions(values.rule as string[] | undefined);
  if (values.config !== undefined && values['no-config']) throw new CliError("--config and --no-config cannot be given together (see 'voipnow-payloads help check')");
  if (values.records !== undefined && values['no-records']) throw new CliError("--records and --no-records cannot be given together (see 'voipnow-payloads help check')");
  if (positionals.length === 0) throw new CliError("no paths given (use '-' for standard input; see 'voipnow-payloads help check')");

  const inputs = collectFiles(positionals, cwd, (values['stdin-filename'] as string | undefined) ?? '<stdin>');
  const settings = new CliSettings(cwd, { configFile: values.config as string | undefined, noConfig: values['no-config'] === true, layer: { include, rules, maxFileSize } });
  const perFile = inputs.map((input) => settings.forInput(input));
  // Records (spec section 6): --records, else each file's nearest .voipnow/records.json.
  const records = new CliRecords(cwd, { recordsFile: values.records as string | undefined, noRecords: values['no-records'] === true });
  const recordsOf = inputs.map((input) => records.forInput(input)?.records);
  const sources = recordsSources(recordsOf);
  const jobs = positiveInteger('jobs', values.jobs as string | undefined);
  const workers = values.fix || inputs.some((input) => input.absolute === undefined) ? 1 : (jobs ?? workerCount(inputs.length));
  const progress = Progress.for(format, inputs.length);
  let results: FileResult[];
  try {
    results =
      workers > 1
        ? fromWorkers(inputs, await analyzeInWorkers(inputs.map((file, index) => ({ index, file, included: isIncluded(perFile[index].includePath, perFile[index].settings.include), maxFileSize: perFile[index].settings.maxFileSize, records: sources.indexOf(recordsOf[index]) })), workers, (n) => progress.add(n), sources.list), perFile, recordsOf)
        : await analyzeHere(inputs, perFile, values.fix === true, progress, recordsOf);
  } finally {
    progress.finish();
  }
  // A records file given (or found in a folder given) is checked as one.
  inputs.forEach((input, i) => {
    const own = records.asRecordsFile(input);
    if (own) results[i] = recordsFileResult(own);
  });
  const checked = withRecordsFiles(assemble(inputs, results, perFile, settings.loaded()), records.loaded(), inputs);
  process.stdout.write(FORMATTERS[format](checked));
  return fails(checked, failOn) ? 1 : 0;
}

/** One file's result, however it was analyzed. */
interface FileResult {
  isPayload: boolean;
  problems: Problem[];
  unique: readonly UniqueEntry[];
  /** The file's disable comments (usually none). */
  directives: readonly Directive[];
  /** The file's line table, built only when a problem needs a line. */
  lines(): LineIndex;
}

async function analyzeHere(inputs: readonly InputFile[], perFile: readonly FileSettings[], fix: boolean, progress: Progress, recordsOf: ReadonlyArray<Records | undefined>): Promise<FileResult[]> {
  // Everything is read before anything is printed: an unreadable file fails the run with no partial output.
  const texts: string[] = [];
  for (let i = 0; i < inputs.length; i++) texts.push(await readInput(inputs[i], perFile[i].settings.maxFileSize));
  const included = inputs.map((_, i) => isIncluded(perFile[i].includePath, perFile[i].settings.include));
  if (fix) {
    if (inputs.some((input) => input.absolute === undefined)) throw new CliError('--fix cannot write to standard input');
    // What was fixed goes to stderr, so that stdout stays the report (json and sarif included).
    const fixed = fixFiles(inputs, texts, inputs.map((_, i) => ({ included: included[i], ...perFile[i].settings })));
    for (const line of fixed.lines) process.stderr.write(`fixed ${line}\n`);
    process.stderr.write(`${fixed.fixesApplied} fix${fixed.fixesApplied === 1 ? '' : 'es'} applied in ${fixed.filesChanged} file${fixed.filesChanged === 1 ? '' : 's'}\n`);
  }
  return inputs.map((input, i) => {
    const analysis = analyze(texts[i], { included: included[i], maxFileSize: perFile[i].settings.maxFileSize, records: recordsOf[i] });
    progress.add();
    let lines: LineIndex | undefined;
    const lineIndex = () => (lines ??= new LineIndex(texts[i]));
    const directives = analysis.isPayload ? findDirectives(texts[i]) : [];
    return { isPayload: analysis.isPayload, problems: analysis.problems, unique: analysis.unique, directives, lines: lineIndex };
  });
}

/** Worker results, with what only a clash or a problem needs (the text, ranges) found again here. */
function fromWorkers(inputs: readonly InputFile[], results: readonly WorkerResult[], perFile: readonly FileSettings[], recordsOf: ReadonlyArray<Records | undefined>): FileResult[] {
  return results.map((result, i) => {
    const input = inputs[i];
    const { include, maxFileSize } = perFile[i].settings;
    let text: string | undefined;
    const read = () => (text ??= readFileCapped(input.absolute!, input.display, maxFileSize + 1).toString('utf8'));
    let lines: LineIndex | undefined;
    let again: Analysis | undefined;
    const analysis = () => (again ??= analyze(read(), { included: isIncluded(perFile[i].includePath, include), maxFileSize, records: recordsOf[i] }));
    const unique = result.unique!.map((entry, j) => ({ ...entry, range: () => analysis().unique[j].range() }));
    return { isPayload: result.isPayload!, problems: result.problems!, unique, directives: result.directives ?? [], lines: () => (lines ??= new LineIndex(read())) };
  });
}

/** The records files the threads need, each once, and each file's index into them. */
function recordsSources(recordsOf: ReadonlyArray<Records | undefined>): { list: RecordsSource[]; indexOf(records: Records | undefined): number | undefined } {
  const index = new Map<Records, number>();
  const list: RecordsSource[] = [];
  for (const records of recordsOf) if (records && !index.has(records)) index.set(records, list.push({ text: records.text, display: records.display }) - 1);
  return { list, indexOf: (records) => (records ? index.get(records) : undefined) };
}

/** A records file among the inputs: its own problems, no payload. */
function recordsFileResult(loaded: LoadedRecords): FileResult {
  let lines: LineIndex | undefined;
  return { isPayload: false, problems: loaded.problems, unique: [], directives: [], lines: () => (lines ??= new LineIndex(loaded.text)) };
}

/** The records files with problems that are not among the inputs are part of the report too. */
function withRecordsFiles(checked: CheckedFile[], loaded: readonly LoadedRecords[], inputs: readonly InputFile[]): CheckedFile[] {
  const given = new Set(inputs.map((input) => input.absolute));
  const extra = loaded.filter((r) => r.problems.length > 0 && !given.has(r.absolute));
  if (extra.length === 0) return checked;
  for (const records of extra) {
    const lines = new LineIndex(records.text);
    checked.push({
      file: { display: records.display, includePath: '', absolute: records.absolute, root: dirname(records.absolute) },
      isPayload: false,
      findings: records.problems.map((problem) => ({ problem, location: locate(records.display, lines, problem.offset, problem.length), related: [] })),
    });
  }
  return checked.sort((a, b) => (a.file.display < b.file.display ? -1 : a.file.display > b.file.display ? 1 : 0));
}

type Located = Problem & { related?: Location[] };

function assemble(inputs: readonly InputFile[], results: readonly FileResult[], perFile: readonly FileSettings[], configs: readonly LoadedConfig[]): CheckedFile[] {
  const problems: Located[][] = results.map((r) => [...r.problems]);
  const duplicates = crossFileDuplicates(inputs.map((input, i) => ({ display: input.display, unique: results[i].unique })));
  for (const { fileIndex, problem, related } of duplicates) {
    problems[fileIndex].push({ ...problem, related: related.map((r) => locate(inputs[r.fileIndex].display, results[r.fileIndex].lines(), r.offset, r.length)) });
  }
  const checked: CheckedFile[] = inputs.map((file, i) => {
    const result = results[i];
    // Rules and disable comments: the last step, over the file's own problems and those across files.
    const shown: Located[] = result.isPayload ? applySettings(problems[i], perFile[i].settings.rules, result.directives, (offset) => result.lines().line(offset)) : problems[i];
    return {
      file,
      isPayload: result.isPayload,
      findings: shown.map(({ related, ...problem }) => ({ problem, location: locate(file.display, result.lines(), problem.offset, problem.length), related: related ?? [] })),
    };
  });
  // A project file's own problems (a misspelt rule, a bad level) are part of the report.
  for (const config of configs) {
    if (config.problems.length === 0) continue;
    const lines = new LineIndex(config.text);
    checked.push({
      file: { display: config.display, includePath: '', absolute: config.absolute, root: config.base ?? '' },
      isPayload: false,
      findings: config.problems.map((problem) => ({ problem, location: locate(config.display, lines, problem.offset, problem.length), related: [] })),
    });
  }
  return checked.sort((a, b) => (a.file.display < b.file.display ? -1 : a.file.display > b.file.display ? 1 : 0));
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, information: 0 };

function fails(files: readonly CheckedFile[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = RANK[failOn];
  return files.some((f) => f.findings.some((x) => RANK[x.problem.severity] >= threshold));
}
