// Usage texts, kept together so that the commands and `help <command>` say the same thing; each
// command's options are printed from the table that its parser reads (option-tables.ts).
import { HELP_OPTION, type OptionDef, type OptionTable } from './args';
import { CHECK_OPTIONS, CODES_OPTIONS, EXPLAIN_OPTIONS, RECORDS_OPTIONS, SEND_OPTIONS } from './option-tables';

/** An option's lines are at most this many characters wide (its description wraps). */
const WIDTH = 99;

/** `-f, --format FORMAT`, `--color, --no-color`. */
function label(name: string, option: OptionDef): string {
  const names = [...(option.short ? [`-${option.short}`] : []), `--${name}`, ...(option.negatable ? [`--no-${name}`] : [])].join(', ');
  return option.value ? `${names} ${option.value}` : names;
}

/**
 * The options of `table` and --help, under their headings: each label indented two spaces, its
 * description from column `labelWidth` + 2 (the longest label and three spaces unless given; a
 * longer label pushes its first line only), wrapped at WIDTH.
 */
function optionLines(table: OptionTable, labelWidth?: number): string {
  const rows = Object.entries({ ...table, help: HELP_OPTION }).map(([name, option]) => ({ option, label: label(name, option) }));
  const width = labelWidth ?? Math.max(...rows.map((row) => row.label.length)) + 3;
  const lines: string[] = [];
  for (const { option, label } of rows) {
    if (option.group) lines.push(...(lines.length > 0 ? [''] : []), `${option.group}:`);
    const fallback = option.default ?? option.shownDefault;
    const words = `${option.description}${fallback === undefined ? '' : ` (default: ${fallback})`}`.split(' ');
    let line = label.length > width - 2 ? `  ${label}  ` : `  ${label.padEnd(width)}`;
    let first = true;
    for (const word of words) {
      if (!first && line.length + 1 + word.length > WIDTH) {
        lines.push(line);
        line = `${' '.repeat(width + 2)}${word}`;
      } else {
        line += first ? word : ` ${word}`;
      }
      first = false;
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

export const MAIN_HELP = `Usage: voipnow-payloads <command> [options]

Checks VoipNow SystemAPI Channel request payloads (JSON) against the documented error codes.

Commands:
  check <paths...>      Check payload files and folders ('-' reads standard input)
  explain <code>        Show what a code means, per method, and where it comes from
  codes [--json]        List every documented method, code and text
  send <file>           Send a file's request to a VoipNow server, print (and --record) its answer
  records pull          Fill .voipnow/records.json from a VoipNow server
  help [command]        Show this help, or a command's

Options:
  -h, --help            Show help
  -v, --version         Show the version

Exit codes: 0 no problem, 1 problems at or above --fail-on (or more than --max-warnings), 2 bad
usage, an unreadable path or a path that matches no JSON file.
`;

// Room for all but --no-error-on-unmatched-pattern, which would push every description far right.
const CHECK_LABEL_WIDTH = 31;

export const CHECK_HELP = `Usage: voipnow-payloads check [options] <paths...>

Checks files, folders and globs: folders recursively (.json and .jsonc files, skipping
node_modules, .git and .voipnow); a quoted glob ('payloads/**/*.json') is matched against the
paths relative to the working folder. A path or glob that matches no JSON file is an error.
A file matched by the include globs is always a payload; other JSON is checked only when it
names a documented method.

Which base each kind of glob uses:
  paths and --include globs   relative to the working folder (for a file outside it: relative
                              to the folder given); the include of a --config file too
  .voipnow/config.json        its include: relative to the folder that holds .voipnow/
  --stdin-filename NAME       taken as a path relative to the working folder

${optionLines(CHECK_OPTIONS, CHECK_LABEL_WIDTH)}
Settings: .voipnow/config.json ({ "include": [...], "rules": { "617": "warning" },
"maxFileSize": 8388608 }); the command line's options win over it. Comments in a payload file
silence a code: // voipnow-disable-next-line 617, or // voipnow-disable 617 for the whole file.

Records: .voipnow/records.json ({ "codecs": [{ "ID": 1, "name": "G.711 u-law" }], "channels": [...] })
is what the server holds; an ID of a kind it lists but that it does not hold is reported (620, 262,
... or unknown-record), and so is a new channel, group or number it already holds (200). A records
file with problems is reported too; one with errors is not used.
`;

export const EXPLAIN_HELP = `Usage: voipnow-payloads explain <code> [--method METHOD]

Prints the documented text of a code for every method that documents it (or for METHOD only),
and whether a payload file can raise it or only the server's state can. '30' means '030'.
Word codes of this tool (e.g. invalid-json) print their meaning and severity.

${optionLines(EXPLAIN_OPTIONS)}`;

export const CODES_HELP = `Usage: voipnow-payloads codes [--json]

Lists every documented (method, code, text) row of the Channel service.

${optionLines(CODES_OPTIONS)}`;


export const SEND_HELP = `Usage: voipnow-payloads send [options] <file>

Sends a payload file's request to a VoipNow server, built from the server's own WSDL, and prints
its answer. The server is a profile of the nearest .voipnow/config.json ("servers": { "staging":
{ "url": "https://voipnow.example.com", "ca": "certs/ca.pem" } }), or VOIPNOW_URL. Credentials
come from the environment only: VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET (OAuth client
credentials), or VOIPNOW_ACCESS_TOKEN.

${optionLines(SEND_OPTIONS)}
Exit codes: 0 every request answered without a fault, 1 the server answered a fault, 2 bad usage,
credentials, connection, TLS or WSDL problems.
`;

export const RECORDS_HELP = `Usage: voipnow-payloads records pull [options]

Fills .voipnow/records.json from a VoipNow server: codecs, channels, channel groups, public
numbers (of each channel), outgoing routing rules groups and their rules, sorted by ID. The kinds
the Channel service cannot list (users, timeIntervals) are kept as the file has them. The server
and credentials as for send (voipnow-payloads help send). A fault or a failure writes nothing.

${optionLines(RECORDS_OPTIONS)}`;

export const COMMAND_HELP: Record<string, string> = {
  check: CHECK_HELP, explain: EXPLAIN_HELP, codes: CODES_HELP, send: SEND_HELP, records: RECORDS_HELP, help: MAIN_HELP,
};
