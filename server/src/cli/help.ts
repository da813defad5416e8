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

Exit codes: 0 no problem, 1 problems at or above --fail-on, 2 bad usage or an unreadable path.
`;

export const CHECK_HELP = `Usage: voipnow-payloads check [options] <paths...>

Checks files and folders (folders recursively: .json and .jsonc files, skipping node_modules and
.git). A file matched by the include globs (relative to the folder given, or the file's own name)
is always a payload; other JSON is checked only when it names a documented method.

Options:
  -f, --format text|json|sarif   Output format (default: text)
  --fail-on error|warning|never  Exit 1 when a problem of this severity or worse is found (default: error)
  --include GLOB                 Payload file glob; repeat to give several (replaces the settings
                                 file's and the defaults **/*.payload.json and **/*.payload.jsonc)
  --stdin-filename NAME          Name of standard input ('-'), for output and the include globs
                                 (default: <stdin>)
  --max-file-size BYTES          Larger files are reported (file-too-large) and not checked
                                 (default: 8388608)
  --jobs N                       Threads to check with (default: one per core, up to 4, for 400
                                 files or more on 3 cores or more; 1 otherwise)
  --fix                          Apply every preferred fix (the editor's fix-all) to the files,
                                 list them on stderr, then report what is left
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
