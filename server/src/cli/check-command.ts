// `check <paths...>`: lists the files, has the workspace session check them (check-session.ts),
// prints the chosen format and says by its exit code whether anything at or above --fail-on was found.
import type { Severity } from '../core';
import { choice, parseCommandArgs, positiveInteger } from './args';
import { CliSettings, parseRuleOptions } from './config';
import { CliError } from './errors';
import { collectFiles } from './files';
import { checkFiles } from './check-session';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { CHECK_HELP } from './help';
import { workerCount } from './parallel';
import { Progress } from './progress';
import { CliRecords } from './records';
import type { CheckedFile } from './results';

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
  // Records (spec section 6): --records, else each file's nearest .voipnow/records.json.
  const records = new CliRecords(cwd, { recordsFile: values.records as string | undefined, noRecords: values['no-records'] === true });
  const jobs = positiveInteger('jobs', values.jobs as string | undefined);
  const workers = values.fix || inputs.some((input) => input.absolute === undefined) ? 1 : (jobs ?? workerCount(inputs.length));
  const progress = Progress.for(format, inputs.length);
  let checked: CheckedFile[];
  try {
    checked = await checkFiles({ inputs, settings, records, fix: values.fix === true, workers, progress });
  } finally {
    progress.finish();
  }
  process.stdout.write(FORMATTERS[format](checked));
  return fails(checked, failOn) ? 1 : 0;
}

const RANK: Record<Severity, number> = { error: 2, warning: 1, information: 0 };

function fails(files: readonly CheckedFile[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const threshold = RANK[failOn];
  return files.some((f) => f.findings.some((x) => RANK[x.problem.severity] >= threshold));
}
