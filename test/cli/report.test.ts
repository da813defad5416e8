// `check`'s report options and the CI formats: --quiet, --max-warnings, --max-problems,
// -o/--output-file, colour, did-you-mean, github workflow commands, JUnit XML, and a report of a
// million problems written as it goes to a pipe that is read slowly.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { WriteStream } from 'node:tty';
import { exitCode, parseCheckOptions, useColor } from '../../server/src/cli/check-options';
import { CLI, cli } from './run-cli';

/** One warning (unknown-parameter) and one error (617), on line 1. */
const MIXED = '{"method":"AddChannel","params":{"type":"sip","SIP":{"name":"Carrier B","flow":"bothh","colour":1}}}';
const WARNING = '{"method":"GetCodecs","params":{"colour":1}}';

describe('check: --quiet, --max-warnings, --fail-on info', () => {
  test('--quiet reports errors only, and only errors decide the exit code', () => {
    const run = cli(['check', '--quiet', '--stdin-filename', 'a.payload.json', '-'], { input: MIXED });
    assert.equal(run.stdout, 'a.payload.json:1:80  error  617  Invalid flow. Here are the values available: in, out, both.\n1 problem (1 error, 0 warnings) in 1 file\n');
    assert.equal(cli(['check', '--quiet', '--fail-on', 'warning', '-'], { input: WARNING }).status, 0);
    assert.equal(cli(['check', '--quiet', '--max-warnings', '0', '-'], { input: WARNING }).status, 0);
    assert.equal(cli(['check', '--fail-on', 'warning', '-'], { input: WARNING }).status, 1);
  });

  const cases: Array<[string[], number]> = [
    [['--max-warnings', '0'], 1],
    [['--max-warnings', '1'], 0],
    [['--max-warnings', '0', '--fail-on', 'never'], 1],
    [['--fail-on', 'info'], 1],
    [['--fail-on', 'information'], 1],
  ];
  for (const [args, status] of cases) {
    test(`${args.join(' ')} on one warning exits ${status}`, () => assert.equal(cli(['check', ...args, '-'], { input: WARNING }).status, status));
  }

  test('--fail-on info fails on information too; --max-warnings is a whole number', () => {
    const information = cli(['check', '--fail-on', 'info', '--rule', '617=information', '-'], { input: '{"method":"EditChannel","params":{"ID":1,"SIP":{"flow":"x"}}}' });
    assert.match(information.stdout, / {2}information {2}617 {2}/);
    assert.equal(information.status, 1);
    assert.equal(cli(['check', '--max-warnings', '-1', '-']).stderr, "voipnow-payloads: option '--max-warnings' needs a value (see 'voipnow-payloads help check')\n");
    assert.equal(cli(['check', '--max-warnings', 'x', '-']).stderr, "voipnow-payloads: invalid value 'x' for --max-warnings: expected a non-negative whole number\n");
  });

  test('the exit code: problems at or above --fail-on, or more warnings than --max-warnings', () => {
    const options = (args: string[]) => parseCheckOptions([...args, '-'], '')!;
    const summary = { errors: 0, warnings: 2, information: 0, files: 1 };
    assert.equal(exitCode(summary, options([])), 0);
    assert.equal(exitCode(summary, options(['--max-warnings', '1'])), 1);
    assert.equal(exitCode(summary, options(['--max-warnings', '2'])), 0);
    assert.equal(exitCode({ ...summary, warnings: 0, information: 1 }, options(['--fail-on', 'warning'])), 0);
  });
});

describe('check: --max-problems', () => {
  const many = JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name: 'Carrier B', codecs: [0, 0, 0, 0, 0] } } });

  test('every problem by default; with N, the first N of each file and one too-many-problems on the next; all are counted', () => {
    assert.equal(cli(['check', '--format', 'json', '-'], { input: many }).stdout.match(/"code": "620"/g)?.length, 5);
    const run = cli(['check', '--max-problems', '2', '--stdin-filename', 'a.payload.json', '-'], { input: many });
    assert.equal(
      run.stdout,
      [
        'a.payload.json:1:83  error  620  One or several provided codecs are outside the records available.',
        'a.payload.json:1:85  error  620  One or several provided codecs are outside the records available.',
        'a.payload.json:1:87  information  too-many-problems  3 more problems in this file are not shown (maxProblems is 2).',
        '5 problems (5 errors, 0 warnings) in 1 file',
        '',
      ].join('\n'),
    );
    assert.equal(run.status, 1);
    assert.equal(cli(['check', '--max-problems', '5', '-'], { input: many }).stdout.includes('too-many-problems'), false);
    assert.match(cli(['check', '--max-problems', '0', '-'], { input: many }).stderr, /invalid value '0' for --max-problems: expected a positive whole number/);
  });
});

describe('check: -o/--output-file, colour, did-you-mean', () => {
  test('-o writes the report to the file (its folder made), nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-out-'));
    try {
      const file = join(dir, 'reports', 'voipnow.sarif');
      const run = cli(['check', '--format', 'sarif', '-o', file, '-'], { input: MIXED });
      assert.equal(run.stdout, '');
      assert.equal(run.status, 1);
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).runs[0].results.length, 2);
      const folder = cli(['check', '--output-file', dir, '-'], { input: MIXED });
      assert.equal(folder.status, 2);
      assert.equal(folder.stderr, `voipnow-payloads: cannot write '${dir}': is a folder\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--color paints the severity and the summary (util.styleText); none in a pipe, with --no-color or in other formats', () => {
    const painted = cli(['check', '--color', '--stdin-filename', 'a.payload.json', '-'], { input: MIXED }).stdout;
    assert.equal(
      painted,
      'a.payload.json:1:80  \x1b[31merror\x1b[39m  617  Invalid flow. Here are the values available: in, out, both.\n' +
        "a.payload.json:1:88  \x1b[33mwarning\x1b[39m  unknown-parameter  Unknown parameter 'colour' in AddChannel SIP.\n" +
        '\x1b[1m\x1b[31m2 problems (1 error, 1 warning) in 1 file\x1b[39m\x1b[22m\n',
    );
    assert.doesNotMatch(cli(['check', '-'], { input: MIXED }).stdout, /\x1b/);
    assert.doesNotMatch(cli(['check', '--no-color', '-'], { input: MIXED }).stdout, /\x1b/);
    assert.doesNotMatch(cli(['check', '--color', '--format', 'json', '-'], { input: MIXED }).stdout, /\x1b/);
    assert.match(cli(['check', '--color', '--no-color', '-']).stderr, /--color and --no-color cannot be given together/);
  });

  test('in a pipe: FORCE_COLOR (not 0) gives colour, even with TERM=dumb; NO_COLOR or nothing gives none; the flags win', () => {
    const painted = (env: NodeJS.ProcessEnv, args: string[] = []) => /\x1b\[/.test(cli(['check', ...args, '-'], { input: MIXED, env }).stdout);
    assert.equal(painted({}), false);
    assert.equal(painted({ FORCE_COLOR: '1' }), true);
    assert.equal(painted({ FORCE_COLOR: '3', TERM: 'dumb' }), true);
    assert.equal(painted({ FORCE_COLOR: '0' }), false);
    assert.equal(painted({ NO_COLOR: '1' }), false);
    assert.equal(painted({ TERM: 'dumb' }), false);
    assert.equal(painted({ FORCE_COLOR: '1' }, ['--no-color']), false);
    assert.equal(painted({ FORCE_COLOR: '1' }, ['--format', 'github']), false);
    assert.equal(painted({ NO_COLOR: '1' }, ['--color']), true);
  });

  test('on a terminal, its hasColors() decides: NO_COLOR and TERM=dumb turn colour off, FORCE_COLOR on', () => {
    const options = (args: string[]) => parseCheckOptions([...args, '-'], '')!;
    // A terminal's own hasColors (it reads only the environment it is given): no real terminal is needed.
    const terminal = { isTTY: true, hasColors: (env?: object) => WriteStream.prototype.hasColors(env) };
    const pipe = { isTTY: false };
    assert.equal(useColor(options([]), terminal, { TERM: 'xterm-256color' }), true);
    assert.equal(useColor(options([]), terminal, { TERM: 'xterm-256color', NO_COLOR: '1' }), false);
    assert.equal(useColor(options([]), terminal, { TERM: 'dumb' }), false);
    assert.equal(useColor(options([]), terminal, { TERM: 'dumb', FORCE_COLOR: '1' }), true);
    assert.equal(useColor(options([]), terminal, { TERM: 'xterm', FORCE_COLOR: '0' }), false);
    assert.equal(useColor(options(['--format', 'sarif']), terminal, { TERM: 'xterm-256color' }), false);
    assert.equal(useColor(options(['--no-color']), terminal, { TERM: 'xterm-256color' }), false);
    assert.equal(useColor(options([]), pipe, { TERM: 'xterm-256color' }), false);
    assert.equal(useColor(options([]), pipe, { FORCE_COLOR: '1' }), true);
    assert.equal(useColor(options(['--color']), pipe, { NO_COLOR: '1' }), true);
  });

  test('an unknown option gets a did-you-mean when one is close', () => {
    assert.equal(cli(['check', '--max-warning', '3', '-']).stderr, "voipnow-payloads: unknown option '--max-warning' (did you mean '--max-warnings'?) (see 'voipnow-payloads help check')\n");
    assert.equal(cli(['check', '--frobnicate', '-']).stderr, "voipnow-payloads: unknown option '--frobnicate' (see 'voipnow-payloads help check')\n");
    assert.equal(cli(['chek', '.']).stderr, "voipnow-payloads: unknown command 'chek' (did you mean 'check'?) (see 'voipnow-payloads --help')\n");
  });
});

describe('check: CI formats', () => {
  test('github: one workflow command per problem, escaped, then the summary', () => {
    // A key with `%`, a line break, `:` and `,`, in a file whose name has `,` and `:`; the key's line break shown as `\n`, as in the text format.
    const run = cli(['check', '--format', 'github', '--stdin-filename', 'a,b:c.payload.json', '-'], { input: '{"method":"GetCodecs","params":{"a%b\\nc:d,e":1,"channelID":0}}' });
    assert.equal(
      run.stdout,
      "::warning file=a%2Cb%3Ac.payload.json,line=1,col=33,endLine=1,endColumn=45,title=unknown-parameter::Unknown parameter 'a%25b\\nc:d,e' in GetCodecs.\n" +
        '::error file=a%2Cb%3Ac.payload.json,line=1,col=60,endLine=1,endColumn=61,title=262::Invalid channel ID.\n' +
        '2 problems (1 error, 1 warning) in 1 file\n',
    );
    assert.equal(run.status, 1);
  });

  test('junit: a test suite and test case per file checked, a failure per problem, XML escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-junit-'));
    try {
      writeFileSync(join(dir, 'clean.payload.json'), '{"method":"GetCodecs"}');
      writeFileSync(join(dir, 'x&y.payload.json'), '{"method":"GetCodecs","params":{"<a\\u0001>":1}}');
      writeFileSync(join(dir, 'other.json'), '{"not":"a payload"}');
      const run = cli(['check', '--format', 'junit', '.'], { cwd: dir });
      assert.equal(
        run.stdout,
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<testsuites name="voipnow-payloads">',
          '  <testsuite name="clean.payload.json" tests="1" failures="0" errors="0" skipped="0">',
          '    <testcase classname="voipnow-payloads" name="clean.payload.json" />',
          '  </testsuite>',
          '  <testsuite name="x&amp;y.payload.json" tests="1" failures="1" errors="0" skipped="0">',
          '    <testcase classname="voipnow-payloads" name="x&amp;y.payload.json">',
          "      <failure type=\"unknown-parameter\" message=\"Unknown parameter &apos;&lt;a\\u0001&gt;&apos; in GetCodecs.\">x&amp;y.payload.json:1:33  warning  unknown-parameter  Unknown parameter &apos;&lt;a\\u0001&gt;&apos; in GetCodecs.</failure>",
          '    </testcase>',
          '  </testsuite>',
          '</testsuites>',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('check: a report of a million problems', () => {
  // 2 MB: one list of a million codec IDs, each unknown (620). The report is written as it is made;
  // a reader that takes its time does not make the command line keep the report in memory.
  test('sarif to a slow pipe: exits 1 with the whole report, in bounded memory', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-million-'));
    try {
      const file = join(dir, 'million.payload.json');
      writeFileSync(file, `{"method":"AddChannel","params":{"type":"sip","SIP":{"name":"Carrier B","codecs":[${new Array(1_000_000).fill('0').join(',')}]}}}`);
      // Without streaming, the report (about 900 MB of text) alone would pass this heap limit.
      const child = spawn(process.execPath, ['--max-old-space-size=2048', CLI, 'check', '--format', 'sarif', file], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      let bytes = 0;
      let tail = '';
      let paused = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        tail = (tail + chunk.toString('utf8')).slice(-200);
        // A slow reader: now and then a pause, so that the pipe fills and the writer has to wait.
        if (++paused % 500 === 0) {
          child.stdout.pause();
          setImmediate(() => child.stdout.resume());
        }
      });
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(stderr, '');
      assert.equal(status, 1);
      assert.ok(bytes > 500_000_000, `${bytes} bytes`);
      assert.match(tail, /"mimeType": "application\/json"\n {8}\}\n {6}\]\n {4}\}\n {2}\]\n\}\n$/);
      assert.ok(!existsSync(join(dir, 'core')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
