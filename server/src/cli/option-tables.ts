// Each command's options, written once: parseArgs reads these tables (args.ts) and `help` prints
// them (help.ts), so an option cannot be parsed without being documented, or the other way round.
import { DEFAULT_MAX_FILE_SIZE } from '../core';
import type { OptionTable } from './args';

/** How standard input is shown when --stdin-filename does not name it. */
export const STDIN_NAME = '<stdin>';

export const CHECK_OPTIONS = {
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    default: 'text',
    description: 'text, json, sarif (GitHub code scanning), github (workflow commands: annotations) or junit (JUnit XML)',
    group: 'Output',
  },
  'output-file': { type: 'string', short: 'o', value: 'FILE', description: 'Write the report to FILE (its folder is made) instead of stdout' },
  quiet: { type: 'boolean', short: 'q', description: 'Report errors only; only errors decide the exit code' },
  'max-problems': { type: 'string', value: 'N', shownDefault: 'all', description: 'Report at most N problems per file, then one too-many-problems' },
  color: {
    type: 'boolean',
    negatable: true,
    shownDefault: 'on a terminal that has colours; FORCE_COLOR, NO_COLOR and TERM=dumb are honoured',
    description: 'Colour the text report',
  },
  'fail-on': {
    type: 'string',
    value: 'LEVEL',
    default: 'error',
    description: 'Exit 1 when a problem of LEVEL or worse is reported: error, warning, info (or information) or never',
    group: 'Exit code',
  },
  'max-warnings': { type: 'string', value: 'N', description: 'Exit 1 also when more than N warnings are reported' },
  include: {
    type: 'string',
    multiple: true,
    value: 'GLOB',
    description: "Payload file glob; repeat to give several (replaces the settings file's and the defaults **/*.payload.json and **/*.payload.jsonc)",
    group: 'Files and settings',
  },
  'no-error-on-unmatched-pattern': { type: 'boolean', description: 'A path or glob that matches no JSON file is skipped, not an error' },
  'stdin-filename': {
    type: 'string',
    value: 'NAME',
    shownDefault: STDIN_NAME,
    description: "Name of standard input ('-'), for output and the include globs",
  },
  'max-file-size': {
    type: 'string',
    value: 'BYTES',
    shownDefault: String(DEFAULT_MAX_FILE_SIZE),
    description: 'Larger files are reported (file-too-large) and not checked',
  },
  jobs: {
    type: 'string',
    value: 'N',
    shownDefault: 'one per core, up to 4, for 400 files or more on 3 cores or more; 1 otherwise',
    description: 'Threads to check with',
  },
  fix: {
    type: 'boolean',
    description:
      "Apply every preferred fix (the editor's fix-all) to the files, list them on stderr, then report what is left " +
      '(a file that is not valid UTF-8, or a link to outside the folders given, is not written)',
  },
  config: {
    type: 'string',
    short: 'c',
    value: 'FILE',
    shownDefault: "each file's nearest .voipnow/config.json, in its folder or above",
    description: 'Settings file for every file',
  },
  'no-config': { type: 'boolean', description: 'Use no settings file' },
  rule: {
    type: 'string',
    multiple: true,
    value: 'CODE=LEVEL',
    description: "Severity of a code or word code: off, error, warning or info; repeat to give several (over the settings file's rules)",
  },
  records: {
    type: 'string',
    value: 'FILE',
    shownDefault: "each file's nearest .voipnow/records.json, in its folder or above",
    description: 'Records snapshot for every file',
  },
  'no-records': { type: 'boolean', description: 'Use no records snapshot: IDs are checked for their format only' },
} satisfies OptionTable;

export const EXPLAIN_OPTIONS = {
  method: { type: 'string', short: 'm', value: 'METHOD', description: 'Only this method', group: 'Options' },
} satisfies OptionTable;

export const CODES_OPTIONS = {
  json: { type: 'boolean', description: 'Print { "<method>": { "<code>": "<text>" } }', group: 'Options' },
} satisfies OptionTable;

export const SEND_OPTIONS = {
  request: {
    type: 'string',
    short: 'r',
    value: 'N',
    description: "The batch's request to send, by its index from 0 (a file of one request: that one)",
    group: 'Options',
  },
  all: { type: 'boolean', description: 'Send every request of the file in order (stops at the first fault unless --keep-going)' },
  server: {
    type: 'string',
    short: 's',
    value: 'NAME',
    shownDefault: 'the only profile of .voipnow/config.json, else VOIPNOW_URL',
    description: 'The profile to send to',
  },
  record: { type: 'boolean', description: "Write each answer into its request's response (one edit; the file is replaced atomically)" },
  'dry-run': { type: 'boolean', description: 'Print the envelope that would be sent (the token masked), send nothing' },
  yes: { type: 'boolean', short: 'y', description: 'Send requests that change the server (Add*, Edit*, Del*, Assign*, Unassign*) without asking' },
  force: { type: 'boolean', description: 'Send a request that has error problems' },
  'keep-going': { type: 'boolean', description: 'With --all, go on after a fault' },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    default: 'text',
    description: 'text, or json: one object per request sent ({ file, request, method, server, ok, response })',
  },
} satisfies OptionTable;

export const RECORDS_OPTIONS = {
  server: {
    type: 'string',
    short: 's',
    value: 'NAME',
    shownDefault: 'the only profile of .voipnow/config.json, else VOIPNOW_URL',
    description: 'The profile to pull from',
    group: 'Options',
  },
  'output-file': {
    type: 'string',
    short: 'o',
    value: 'FILE',
    shownDefault: '.voipnow/records.json beside the config naming the server',
    description: 'Write the records here',
  },
} satisfies OptionTable;
