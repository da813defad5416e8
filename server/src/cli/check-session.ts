// The command line's side of the workspace session (core/workspace): read every file given, fix
// it when asked, fill the session once (in worker threads for large trees), then read each file's
// report in display order. The session does the rest, the same way as in the editor: 200 across
// files with related places, the settings' rules, disable comments.
import { dirname } from 'node:path';
import {
  DEFAULT_EFFECTIVE_SETTINGS as DEFAULTS,
  fromPosted,
  isIncluded,
  WorkspaceSession,
  type FileScope,
  type Problem,
  type PlacedRange,
  type Records,
  type RelatedPlace,
  type SessionFolder,
} from '../core';
import type { CliSettings, FileSettings } from './config';
import { CliError } from './errors';
import type { InputFile } from './files';
import { fixFiles } from './fix';
import { analyzeInWorkers, type RecordsSource } from './parallel';
import type { Progress } from './progress';
import { readInput } from './read';
import type { CliRecords } from './records-finder';
import type { FileFindings, Finding, Location } from './results';

/** The command line checks its files as one folder: messages name other files as the report shows them. */
const FOLDER: SessionFolder = { name: '', order: 0 };

export interface CheckPlan {
  inputs: readonly InputFile[];
  settings: CliSettings;
  records: CliRecords;
  fix: boolean;
  /** Threads: 1 checks here. */
  workers: number;
  progress: Progress;
  /** Called once every project and records file the check reads is known, before any file is read or fixed. */
  onSettingsKnown?(): void;
}

/**
 * Every file's report, in display order (the project and records files with problems among them),
 * each built when it is asked for: a file with millions of problems is placed, written and dropped
 * before the next one is built.
 */
export async function checkFiles(plan: CheckPlan): Promise<Array<() => FileFindings>> {
  const { inputs } = plan;
  const perFile = inputs.map((input) => plan.settings.forInput(input));
  const recordsOf = inputs.map((input) => plan.records.forInput(input)?.records);
  const scopes = inputs.map((input, i) => scopeOf(input, perFile[i], recordsOf[i]));
  plan.onSettingsKnown?.();
  const session = new WorkspaceSession();
  const files = new Map<string, InputFile>();
  const idOf = (input: InputFile) => input.absolute ?? `stdin:${input.display}`;

  if (plan.workers > 1) {
    const sources = recordsSources(recordsOf);
    const jobs = inputs.map((file, index) => {
      const { includePath, settings } = scopes[index];
      const included = isIncluded(includePath, settings.include);
      return { index, file, included, maxFileSize: settings.maxFileSize, records: sources.indexOf(recordsOf[index]) };
    });
    const results = await analyzeInWorkers(jobs, plan.workers, (n) => plan.progress.add(n), sources.list);
    results.forEach((result, i) => session.update(idOf(inputs[i]), result.text ?? '', scopes[i], { role: 'payload', checked: fromPosted(result.checked!) }));
  } else {
    // Everything is read before anything is printed: an unreadable file fails the run with no partial output.
    const texts: string[] = [];
    for (let i = 0; i < inputs.length; i++) texts.push(await readInput(inputs[i], scopes[i].settings.maxFileSize));
    if (plan.fix) await fixAndSay(inputs, texts, scopes);
    texts.forEach((text, i) => {
      session.update(idOf(inputs[i]), text, scopes[i], { role: 'payload' });
      plan.progress.add();
    });
  }
  inputs.forEach((input) => files.set(idOf(input), input));

  // A records file given (or found in a folder given) is checked as one; records and project files with problems are part of the report.
  for (const input of inputs) {
    const own = plan.records.asRecordsFile(input);
    if (!own) continue;
    session.update(idOf(input), own.text, { ...scopeOf(input, undefined, undefined), relPath: input.display }, { role: 'records', problems: own.problems });
  }
  const given = new Set(inputs.map((input) => input.absolute));
  const extra = [
    ...plan.records.loaded().map((r) => ({ loaded: r, role: 'records' as const, root: dirname(r.absolute) })),
    ...plan.settings.loaded().map((c) => ({ loaded: c, role: 'settings' as const, root: c.base ?? '' })),
  ];
  for (const { loaded, role, root } of extra) {
    // A records file given was checked as one above; a project file given is reported as one.
    if (loaded.problems.length === 0 || (role === 'records' && given.has(loaded.absolute))) continue;
    const input: InputFile = { display: loaded.display, includePath: '', absolute: loaded.absolute, root };
    files.set(loaded.absolute, input);
    session.update(loaded.absolute, loaded.text, { ...scopeOf(input, undefined, undefined), relPath: loaded.display }, { role, problems: loaded.problems });
  }

  const displayOf = (id: string) => files.get(id)!.display;
  // Code-unit order, not locale order: the same on every machine.
  const ordered = [...files].sort(([, a], [, b]) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return ordered.map(([id, file]) => () => ({
    file,
    isPayload: session.get(id)!.isPayload,
    findings: session.reportAs(id, (problem, range, related) => finding(problem, range, related, file.display, displayOf)),
  }));
}

function scopeOf(input: InputFile, perFile: FileSettings | undefined, records: Records | undefined): FileScope {
  return { folder: FOLDER, relPath: input.display, includePath: perFile?.includePath ?? input.includePath, settings: perFile?.settings ?? DEFAULTS, records };
}

async function fixAndSay(inputs: readonly InputFile[], texts: string[], scopes: readonly FileScope[]): Promise<void> {
  if (inputs.some((input) => input.absolute === undefined)) throw new CliError('--fix cannot write to standard input');
  // What was fixed goes to stderr, so that stdout stays the report (json and sarif included).
  const options = scopes.map((s) => ({ included: isIncluded(s.includePath, s.settings.include), ...s.settings, records: s.records }));
  const fixed = await fixFiles(inputs, texts, options);
  for (const line of fixed.lines) process.stderr.write(`fixed ${line}\n`);
  const fixes = `${fixed.fixesApplied} fix${fixed.fixesApplied === 1 ? '' : 'es'}`;
  process.stderr.write(`${fixes} applied in ${fixed.filesChanged} file${fixed.filesChanged === 1 ? '' : 's'}\n`);
}

/** The records files the threads need, each once, and each file's index into them. */
function recordsSources(recordsOf: ReadonlyArray<Records | undefined>): { list: RecordsSource[]; indexOf(records: Records | undefined): number | undefined } {
  const index = new Map<Records, number>();
  const list: RecordsSource[] = [];
  for (const records of recordsOf) if (records && !index.has(records)) index.set(records, list.push({ text: records.text, display: records.display }) - 1);
  return { list, indexOf: (records) => (records ? index.get(records) : undefined) };
}

/** Lines and columns from 1, end column exclusive (UTF-16, like editors and SARIF's default). */
function location(file: string, range: PlacedRange): Location {
  return { file, line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

const NO_LOCATIONS: Location[] = [];

function finding(problem: Problem, range: PlacedRange, related: readonly RelatedPlace[], display: string, displayOf: (id: string) => string): Finding {
  return { problem, location: location(display, range), related: related.length === 0 ? NO_LOCATIONS : related.map((r) => location(displayOf(r.id), r.range)) };
}
