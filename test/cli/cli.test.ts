// The command line as a user runs it: `node dist/cli.js ...` spawned with the repository root as
// working directory, so every path in the output is relative and the goldens are machine-independent.
// Run: npm run build && node --import tsx --test test/cli/*.test.ts
// UPDATE_GOLDEN=1 rewrites test/cli/golden/ from the current output (review the diff before committing).
// Goldens end in .golden, not .json: the JSON report is an array of objects naming methods, which
// the checker (and the editor) would otherwise take for a batch payload.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, cli, ROOT, type Run } from './run-cli';

const GOLDEN = join(__dirname, 'golden');
const FIXTURES = 'test/cli/fixtures';
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** SARIF names the working folder (originalUriBaseIds): the same golden on every machine. */
const machineFree = (text: string) => text.split(JSON.stringify(pathToFileURL(`${ROOT}/`).href)).join('"file:///ROOT/"');

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (UPDATE) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  assert.ok(existsSync(path), `missing golden ${name}: run with UPDATE_GOLDEN=1`);
  assert.equal(actual, readFileSync(path, 'utf8'), `output differs from golden/${name} (UPDATE_GOLDEN=1 rewrites it)`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)).mtimeMs);
  }
  return newest;
}

before(() => {
  // The tests are about the bundle users run; rebuild it when the sources are newer.
  const sources = Math.max(...['server/src', 'schemas'].map((d) => newestMtime(join(ROOT, d))));
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < sources) {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, `build failed: ${build.stderr}`);
  }
});

/** The JSON format's problems, for assertions that do not need a golden. */
function problems(run: Run): Array<{ file: string; line: number; column: number; endLine: number; endColumn: number; code: string; severity: string; method: string | null }> {
  return JSON.parse(run.stdout);
}

describe('check: goldens over the fixture folder', () => {
  for (const [format, name] of [['text', 'check-text.golden'], ['json', 'check-json.golden'], ['sarif', 'check-sarif.golden']] as const) {
    test(`--format ${format}`, () => {
      const run = cli(['check', '--format', format, FIXTURES]);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 1, 'the fixtures hold errors');
      golden(name, machineFree(run.stdout));
    });
  }

  test('text is the default format', () => {
    assert.equal(cli(['check', FIXTURES]).stdout, cli(['check', '--format', 'text', FIXTURES]).stdout);
  });

  test('sarif is SARIF 2.1.0 with one rule per code that occurs', () => {
    const log = JSON.parse(cli(['check', '--format', 'sarif', FIXTURES]).stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'voipnow-payloads');
    const ids = driver.rules.map((r: { id: string }) => r.id);
    // In the order the codes first occur (the rules are written after the results).
    const used = [...new Set(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId))];
    assert.deepEqual(ids, used);
    for (const result of log.runs[0].results) {
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    }
  });

  test('files are sorted by path and the non-payload JSON is ignored silently', () => {
    const files = problems(cli(['check', '--format', 'json', FIXTURES])).map((p) => p.file);
    assert.deepEqual(files, [...files].sort());
    assert.ok(!files.includes(`${FIXTURES}/not-a-payload.json`));
  });

  test('a channel name added in two files gets 200 in both', () => {
    const found = problems(cli(['check', '--format', 'json', FIXTURES])).filter((p) => p.code === '200' && p.method === 'AddChannel');
    assert.deepEqual(found.map((p) => p.file), [`${FIXTURES}/sub/second-carrier.payload.json`, `${FIXTURES}/valid.payload.json`]);
  });
});

describe('check: --include globs past their bounds', () => {
  for (const [glob, says] of [
    [`${'*a'.repeat(70)}*c`, "A glob may hold at most 64 '*'; this one has 71."],
    ['+(a|aa)'.repeat(10), "Extended globs such as '+(' are not supported"],
    ['{a,b}'.repeat(40), 'brace'],
    ['x'.repeat(70_000), 'at most 1024 characters'],
  ]) {
    test(`exit 2 at once: ${says}`, () => {
      const run = cli(['check', '--include', glob, FIXTURES]);
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /^voipnow-payloads: invalid value '.*' for --include: /);
      assert.ok(run.stderr.includes(says), run.stderr);
    });
  }
});

describe('check: exit codes', () => {
  const warningOnly = '{"method":"GetCodecs","params":{"colour":1}}';
  const errorOnly = '{"method":"GetCodecs","params":{"channelID":0}}';

  test('0 for a clean file', () => {
    const run = cli(['check', `${FIXTURES}/valid.payload.json`]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'No problems in 1 file\n');
  });

  test('1 for an error; --fail-on never exits 0', () => {
    assert.equal(cli(['check', '-'], { input: errorOnly }).status, 1);
    assert.equal(cli(['check', '--fail-on', 'error', '-'], { input: errorOnly }).status, 1);
    assert.equal(cli(['check', '--fail-on', 'never', '-'], { input: errorOnly }).status, 0);
    assert.equal(cli(['check', '--fail-on', 'never', FIXTURES]).status, 0);
  });

  test('a warning fails only with --fail-on warning', () => {
    assert.equal(cli(['check', '-'], { input: warningOnly }).status, 0);
    assert.equal(cli(['check', '--fail-on', 'warning', '-'], { input: warningOnly }).status, 1);
    assert.equal(cli(['check', '--fail-on', 'never', '-'], { input: warningOnly }).status, 0);
  });

  test('information (file-too-large) never fails', () => {
    const run = cli(['check', '--max-file-size', '10', '--fail-on', 'warning', `${FIXTURES}/valid.payload.json`]);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^test\/cli\/fixtures\/valid\.payload\.json:1:1 {2}information {2}file-too-large {2}This file is larger than maxFileSize \(10 bytes\)/);
  });

  const usage: Array<[string, string[]]> = [
    ['no command', []],
    ['unknown command', ['lint', FIXTURES]],
    ['unknown top-level option', ['--frobnicate']],
    ['unknown check option', ['check', '--frobnicate', FIXTURES]],
    ['bad --format', ['check', '--format', 'xml', FIXTURES]],
    ['--format without value', ['check', FIXTURES, '--format']],
    ['bad --fail-on', ['check', '--fail-on', 'fatal', FIXTURES]],
    ['bad --max-file-size', ['check', '--max-file-size', '1e3', FIXTURES]],
    ['no paths', ['check']],
    ['nonexistent path', ['check', `${FIXTURES}/does-not-exist.json`]],
    ['nonexistent path among good ones', ['check', FIXTURES, 'nowhere']],
    ['explain without code', ['explain']],
    ['explain unknown code', ['explain', '999']],
    ['explain unknown method', ['explain', '617', '--method', 'AddChanel']],
    ['explain code the method does not document', ['explain', '617', '--method', 'GetChannels']],
    ['codes with an argument', ['codes', 'AddChannel']],
    ['help for an unknown command', ['help', 'lint']],
  ];
  for (const [name, args] of usage) {
    test(`2 for ${name}`, () => {
      const run = cli(args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      const lines = run.stderr.trimEnd().split('\n');
      if (args.length > 0) assert.equal(lines.length, 1, `one line on stderr, got: ${run.stderr}`);
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  test('the reason names the option or path', () => {
    assert.equal(cli(['check', '--format', 'xml', FIXTURES]).stderr, "voipnow-payloads: invalid value 'xml' for --format: expected text, json, sarif, github, junit\n");
    assert.equal(cli(['check', 'nowhere']).stderr, "voipnow-payloads: cannot read 'nowhere': no such file or directory\n");
    assert.match(cli(['check', '--frobnicate', FIXTURES]).stderr, /unknown option '--frobnicate'/);
    assert.match(cli(['explain', '617', '--method', 'AddChanel']).stderr, /unknown method 'AddChanel' \(did you mean AddChannel\?\)/);
  });
});

describe('check: standard input', () => {
  const unknownMethod = '{"method":"Nope"}';

  test('default name <stdin> is not included: JSON that names no documented method is left alone', () => {
    const run = cli(['check', '-'], { input: unknownMethod });
    assert.equal(run.status, 0);
    assert.equal(run.stdout, 'No problems in 0 files\n');
  });

  test('--stdin-filename names the file and decides the include globs', () => {
    const run = cli(['check', '--stdin-filename', 'payloads/new.payload.json', '-'], { input: unknownMethod });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, 'payloads/new.payload.json:1:11  error  unknown-method  Unknown method "Nope".\n1 problem (1 error, 0 warnings) in 1 file\n');
  });

  test('a request naming a method is checked under <stdin>, with 1-based positions and exclusive end', () => {
    const run = cli(['check', '--format', 'json', '-'], { input: '{"method":"GetCodecs","params":{"channelID":0}}' });
    assert.deepEqual(problems(run), [
      { file: '<stdin>', line: 1, column: 45, endLine: 1, endColumn: 46, code: '262', severity: 'error', message: 'Invalid channel ID.', method: 'GetCodecs' },
    ]);
  });

  test('standard input together with files, sorted among them', () => {
    const run = cli(['check', '--format', 'json', '--stdin-filename', 'a/first.payload.json', '-', `${FIXTURES}/broken.payload.json`], { input: unknownMethod });
    const files = [...new Set(problems(run).map((p) => p.file))];
    assert.deepEqual(files, ['a/first.payload.json', `${FIXTURES}/broken.payload.json`]);
  });
});

describe('check: files and folders', () => {
  test('--include replaces the default globs', () => {
    const all = problems(cli(['check', '--format', 'json', '--include', '*.json', FIXTURES]));
    assert.ok(all.some((p) => p.file === `${FIXTURES}/not-a-payload.json` && p.code === 'unknown-method'), 'an included file must name a documented method');
    // Without the defaults, a file that names no documented method is left alone again.
    const sub = problems(cli(['check', '--format', 'json', '--include', 'sub/*.json', FIXTURES]));
    assert.ok(!sub.some((p) => p.file === `${FIXTURES}/not-a-payload.json`));
  });

  test('a file argument is matched by its name', () => {
    const run = cli(['check', '--format', 'json', '--include', 'not-a-payload.json', `${FIXTURES}/not-a-payload.json`]);
    assert.equal(run.status, 1);
    assert.ok(problems(run).length > 0);
  });

  test('folders skip node_modules, .git and other extensions; garbage is invalid-json only when included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-cli-'));
    try {
      const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
      for (const sub of ['node_modules', '.git', 'deep/er']) mkdirSync(join(dir, sub), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'x.payload.json'), garbage);
      writeFileSync(join(dir, '.git', 'x.payload.json'), garbage);
      writeFileSync(join(dir, 'deep', 'er', 'garbage.payload.json'), garbage);
      writeFileSync(join(dir, 'garbage.json'), garbage);
      writeFileSync(join(dir, 'garbage.payload.txt'), garbage);
      const run = cli(['check', '--format', 'json', dir]);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 1);
      const found = problems(run);
      assert.ok(found.length > 0);
      assert.deepEqual([...new Set(found.map((p) => p.file.replace(/\\/g, '/').split('/').slice(-3).join('/')))], ['deep/er/garbage.payload.json']);
      // The engine may add findings on the tree it recovers (not-an-object); invalid-json must be there.
      assert.ok(found.some((p) => p.code === 'invalid-json'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('never crashes on deep nesting or an empty file', () => {
    const deep = '{"method":"GetCodecs","params":' + '['.repeat(5000) + ']'.repeat(5000) + '}';
    const run = cli(['check', '--format', 'json', '--stdin-filename', 'deep.payload.json', '-'], { input: deep });
    assert.equal(run.status, 1);
    assert.deepEqual(problems(run).map((p) => p.code), ['nesting-too-deep']);
    const empty = cli(['check', '--format', 'json', '--stdin-filename', 'empty.payload.json', '-'], { input: '' });
    assert.equal(empty.stderr, '');
    assert.deepEqual([...new Set(problems(empty).map((p) => p.code))], ['invalid-json']);
  });
});

describe('explain', () => {
  test('617 (golden)', () => {
    const run = cli(['explain', '617']);
    assert.equal(run.status, 0);
    golden('explain-617.golden', run.stdout);
  });

  test('30 means 030 (golden)', () => {
    const run = cli(['explain', '30']);
    assert.equal(run.status, 0);
    golden('explain-30.golden', run.stdout);
    assert.equal(cli(['explain', '030']).stdout, run.stdout);
  });

  test('--method keeps one method; server-state codes say so', () => {
    const run = cli(['explain', '200', '--method', 'AssignPublicNo']);
    assert.equal(run.status, 0);
    assert.equal(
      run.stdout,
      "200 for AssignPublicNo:\nAssignPublicNo: Unable to completely assign public phone numbers. Not enough numbers available.\n  From the server: it depends on the server's state, which a payload file cannot show.\n",
    );
    assert.match(cli(['explain', '200', '--method', 'AddChannel']).stdout, /From the file/);
  });

  test('a word code prints its meaning and severity', () => {
    const run = cli(['explain', 'duplicate-key']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^duplicate-key \(warning;/);
    assert.match(run.stdout, /The same key twice in one object/);
  });
});

describe('codes', () => {
  test('--json (golden)', () => {
    const run = cli(['codes', '--json']);
    assert.equal(run.status, 0);
    golden('codes-json.golden', run.stdout);
  });

  test('--json holds exactly the 370 rows of schemas/codes.json, in their order', () => {
    const expected: Array<{ method: string; code: string; text: string }> = JSON.parse(readFileSync(join(ROOT, 'schemas', 'codes.json'), 'utf8')).rows;
    assert.equal(expected.length, 370);
    const printed = JSON.parse(cli(['codes', '--json']).stdout) as Record<string, Record<string, string>>;
    assert.equal(Object.keys(printed).length, 24);
    const rows = Object.entries(printed).flatMap(([method, codes]) => Object.entries(codes).map(([code, text]) => ({ method, code, text })));
    assert.equal(rows.length, 370);
    const key = (r: { method: string; code: string }) => `${r.method} ${r.code}`;
    assert.deepEqual(new Map(rows.map((r) => [key(r), r.text])), new Map(expected.map((r) => [key(r), r.text])));
    // The printed text keeps the documentation's order, even where JS objects would not ("030").
    const order = [...cli(['codes', '--json']).stdout.matchAll(/^ {4}"([^"]+)":/gm)].map((m) => m[1]);
    const grouped = [...new Set(expected.map((r) => r.method))].flatMap((m) => expected.filter((r) => r.method === m).map((r) => r.code));
    assert.deepEqual(order, grouped);
  });

  test('the table lists every row', () => {
    const run = cli(['codes']);
    assert.equal(run.status, 0);
    const lines = run.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^METHOD +CODE {2}TEXT$/);
    assert.equal(lines.length, 371);
  });
});

describe('help and version', () => {
  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) assert.equal(cli([flag]).stdout, `${version}\n`);
  });

  test('--help, help and help <command>', () => {
    for (const args of [['--help'], ['-h'], ['help']]) {
      const run = cli(args);
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^Usage: voipnow-payloads <command>/);
    }
    for (const command of ['check', 'explain', 'codes']) {
      assert.match(cli(['help', command]).stdout, new RegExp(`^Usage: voipnow-payloads ${command}`));
      assert.equal(cli([command, '--help']).stdout, cli(['help', command]).stdout);
    }
  });

  // The options are printed from the tables that parseArgs reads (cli/option-tables.ts): their layout is held here.
  for (const command of ['check', 'explain', 'codes']) {
    test(`help ${command} (golden)`, () => golden(`help-${command}.golden`, cli(['help', command]).stdout));
  }
});
