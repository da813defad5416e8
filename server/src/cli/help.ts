// Usage texts, kept together so that the commands and `help <command>` say the same thing.

export const MAIN_HELP = `Usage: voipnow-payloads <command> [options]

Checks VoipNow SystemAPI Channel request payloads (JSON) against the documented error codes.

Commands:
  check <paths...>      Check payload files and folders ('-' reads standard input)
  explain <code>        Show what a code means, per method, and where it comes from
  codes [--json]        List every documented method, code and text
  help [command]        Show this help, or a command's

Options:
  -h, --help            Show help
  -v, --version         Show the version

Exit codes: 0 no problem, 1 problems at or above --fail-on (or more than --max-warnings), 2 bad
usage, an unreadable path or a path that matches no JSON file.
`;

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

Output:
  -f, --format FORMAT            text, json, sarif (GitHub code scanning), github (workflow
                                 commands: annotations) or junit (JUnit XML) (default: text)
  -o, --output-file FILE         Write the report to FILE (its folder is made) instead of stdout
  -q, --quiet                    Report errors only; only errors decide the exit code
  --max-problems N               Report at most N problems per file, then one too-many-problems
                                 (default: all)
  --color, --no-color            Colour the text report (default: on a terminal, unless NO_COLOR
                                 is set)

Exit code:
  --fail-on LEVEL                Exit 1 when a problem of LEVEL or worse is reported: error,
                                 warning, info (or information) or never (default: error)
  --max-warnings N               Exit 1 also when more than N warnings are reported

Files and settings:
  --include GLOB                 Payload file glob; repeat to give several (replaces the settings
                                 file's and the defaults **/*.payload.json and **/*.payload.jsonc)
  --no-error-on-unmatched-pattern  A path or glob that matches no JSON file is skipped, not an error
  --stdin-filename NAME          Name of standard input ('-'), for output and the include globs
                                 (default: <stdin>)
  --max-file-size BYTES          Larger files are reported (file-too-large) and not checked
                                 (default: 8388608)
  --jobs N                       Threads to check with (default: one per core, up to 4, for 400
                                 files or more on 3 cores or more; 1 otherwise)
  --fix                          Apply every preferred fix (the editor's fix-all) to the files,
                                 list them on stderr, then report what is left (a file that is not
                                 valid UTF-8, or a link to outside the folders given, is not written)
  -c, --config FILE              Settings file for every file (default: each file's nearest
                                 .voipnow/config.json, in its folder or above)
  --no-config                    Use no settings file
  --rule CODE=LEVEL              Severity of a code or word code: off, error, warning or info;
                                 repeat to give several (over the settings file's rules)
  --records FILE                 Records snapshot for every file (default: each file's nearest
                                 .voipnow/records.json, in its folder or above)
  --no-records                   Use no records snapshot: IDs are checked for their format only
  -h, --help                     Show this help

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

Options:
  -m, --method METHOD   Only this method
  -h, --help            Show this help
`;

export const CODES_HELP = `Usage: voipnow-payloads codes [--json]

Lists every documented (method, code, text) row of the Channel service.

Options:
  --json       Print { "<method>": { "<code>": "<text>" } }
  -h, --help   Show this help
`;

export const COMMAND_HELP: Record<string, string> = { check: CHECK_HELP, explain: EXPLAIN_HELP, codes: CODES_HELP, help: MAIN_HELP };
