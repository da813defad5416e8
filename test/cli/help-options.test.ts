// Each command's options are written once (cli/option-tables.ts): every option that parseArgs
// knows is in the command's help, every option the help shows is one parseArgs takes, and parseArgs's
// errors are told apart by their code, whatever their message says.
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { describeParseError, parseArgsOptions, parseCommandArgs, type OptionTable } from '../../server/src/cli/args';
import { CHECK_HELP, CODES_HELP, EXPLAIN_HELP } from '../../server/src/cli/help';
import { CHECK_OPTIONS, CODES_OPTIONS, EXPLAIN_OPTIONS } from '../../server/src/cli/option-tables';

const COMMANDS: Array<[string, OptionTable, string]> = [
  ['check', CHECK_OPTIONS, CHECK_HELP],
  ['explain', EXPLAIN_OPTIONS, EXPLAIN_HELP],
  ['codes', CODES_OPTIONS, CODES_HELP],
];

/** The option names in the help's option rows (`  -f, --format FORMAT   ...`), under the table's headings (other rows name options in prose). */
function helpOptions(help: string, table: OptionTable): { long: string[]; short: string[] } {
  const headings = new Set(Object.values(table).flatMap((option) => (option.group ? [`${option.group}:`] : [])));
  let inOptions = false;
  const labels: string[] = [];
  for (const line of help.split('\n')) {
    if (/^\S/.test(line)) inOptions = headings.has(line);
    const label = inOptions ? /^ {2}(-[^ ].*?)(?: {2,}|$)/.exec(line)?.[1] : undefined;
    if (label) labels.push(label);
  }
  return {
    long: labels.flatMap((label) => [...label.matchAll(/--([\w-]+)/g)].map((m) => m[1])).sort(),
    short: labels.flatMap((label) => [...label.matchAll(/(?:^|, )-(\w)\b/g)].map((m) => m[1])).sort(),
  };
}

describe('help and parseArgs read one option table', () => {
  for (const [command, table, help] of COMMANDS) {
    test(`${command}: every option parseArgs knows is in the help, and every option in the help is one parseArgs takes`, () => {
      const known = parseArgsOptions(table);
      const shown = helpOptions(help, table);
      assert.deepEqual(shown.long, Object.keys(known).sort());
      assert.deepEqual(shown.short, Object.values(known).flatMap((o) => o.short ?? []).sort());
      // And parseArgs, as the command calls it, takes each one (a value given to those that need one).
      for (const name of shown.long) {
        const value = known[name].type === 'string' ? ['1'] : [];
        assert.doesNotThrow(() => parseCommandArgs(command, [`--${name}`, ...value], table), `--${name}`);
      }
    });
  }

  test('each default parseArgs gives is the one the help shows', () => {
    for (const [name, option] of Object.entries(CHECK_OPTIONS)) {
      const given = parseCommandArgs('check', [], CHECK_OPTIONS).values[name];
      if ('default' in option) {
        assert.equal(given, option.default);
        assert.match(CHECK_HELP.replace(/\n +/g, ' '), new RegExp(`--${name} .*?\\(default: ${option.default}\\)`));
      } else assert.equal(given, undefined, name);
    }
  });
});

describe("parseArgs's errors, told by their code", () => {
  const options = parseArgsOptions(CHECK_OPTIONS);
  // A message that says nothing: only the code and the arguments can tell what went wrong.
  const error = (code: string) => Object.assign(new Error('something went wrong'), { code });

  test('an unknown option, with a did-you-mean for a long one', () => {
    assert.equal(describeParseError(error('ERR_PARSE_ARGS_UNKNOWN_OPTION'), ['--qiuet', '-'], options), "unknown option '--qiuet' (did you mean '--quiet'?)");
    assert.equal(describeParseError(error('ERR_PARSE_ARGS_UNKNOWN_OPTION'), ['-qz', '-'], options), "unknown option '-z'");
  });

  test('a value missing, or given to an option that takes none, named by its long form', () => {
    const invalid = error('ERR_PARSE_ARGS_INVALID_OPTION_VALUE');
    assert.equal(describeParseError(invalid, ['-', '-f'], options), "option '--format' needs a value");
    assert.equal(describeParseError(invalid, ['--max-warnings', '-1', '-'], options), "option '--max-warnings' needs a value");
    assert.equal(describeParseError(invalid, ['--no-color=yes', '-'], options), "option '--no-color' takes no value");
  });

  test('any other code: the first line of its message', () => {
    assert.equal(describeParseError(Object.assign(new Error('Unexpected argument\nmore'), { code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' }), ['x'], options), 'unexpected argument');
  });
});
