// `check <paths...>`: lists the files, has the workspace session check them (check-session.ts),
// writes the report file by file in the chosen format, and says by its exit code whether anything at or
// above --fail-on (or more warnings than --max-warnings) was reported.
import {
  exitCode,
  openOutput,
  parseCheckOptions,
  refuseOutputAmong,
  refuseOutputAmongInputs,
  useColor,
  type CheckOptions,
  type ReportOutput,
} from './check-options';
import { CliSettings, unmatchedIncludes } from './config';
import { STDIN_NAME } from './option-tables';
import { collectFiles, type InputFile } from './files';
import { checkFiles } from './check-session';
import { createReportWriter } from './formatters/report-writer';
import { CHECK_HELP } from './help';
import { workerCount } from './parallel';
import { Progress } from './progress';
import { CliRecords } from './records-finder';
import type { FileFindings } from './results';
import { visible } from './visible';

export async function checkCommand(args: string[], cwd: string): Promise<number> {
  const options = parseCheckOptions(args, CHECK_HELP);
  if (!options) return 0;
  const inputs = collectFiles(options.paths, cwd, options.stdinFilename ?? STDIN_NAME, { errorOnUnmatched: options.errorOnUnmatchedPattern });
  // Before anything is read or written: the report must not replace a file it is about.
  refuseOutputAmongInputs(options, cwd, inputs);
  const output = await openOutput(options, cwd);
  try {
    return await check(options, cwd, inputs, output);
  } finally {
    await output.discard();
  }
}

async function check(options: CheckOptions, cwd: string, inputs: InputFile[], output: ReportOutput): Promise<number> {
  const { format, include, rules, maxFileSize } = options;
  for (const glob of unmatchedIncludes(include, inputs)) {
    process.stderr.write(`voipnow-payloads: warning: --include '${visible(glob)}' matches no file checked\n`);
  }
  // The command line reports every problem unless --max-problems says otherwise (a project file's maxProblems is the editor's).
  const layer = { include, rules, maxFileSize, maxProblems: options.maxProblems ?? Infinity };
  const settings = new CliSettings(cwd, { configFile: options.config, noConfig: options.noConfig, layer });
  // Records (spec section 6): --records, else each file's nearest .voipnow/records.json.
  const records = new CliRecords(cwd, { recordsFile: options.records, noRecords: options.noRecords });
  const workers = options.fix || inputs.some((input) => input.absolute === undefined) ? 1 : (options.jobs ?? workerCount(inputs.length));
  const progress = Progress.for(format, inputs.length);
  let checked: Array<() => FileFindings>;
  try {
    // Nor a project or records file found near a payload: refused once they are known, before --fix writes anything.
    const onSettingsKnown = () =>
      refuseOutputAmong(options, cwd, [...settings.loaded(), ...records.loaded()].map((file) => ({ path: file.absolute, shown: file.display })));
    checked = await checkFiles({ inputs, settings, records, fix: options.fix, workers, progress, onSettingsKnown });
  } finally {
    progress.finish();
  }
  // The report, file by file in display order, as each format writes it.
  const writer = createReportWriter(format, output.stream, {
    cwd,
    color: useColor(options, output.stream),
    quiet: options.quiet,
    maxProblems: options.maxProblems,
    unnamedStdin: options.stdinFilename === undefined ? STDIN_NAME : undefined,
  });
  for (const file of checked) await writer.file(file());
  const summary = await writer.end();
  await output.close();
  return exitCode(summary, options);
}
