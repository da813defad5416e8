// The command line over the fixture workspace (test/fixtures/workspace: several folders, project
// settings, duplicates across folders, disable comments): settings per file from the nearest
// .voipnow/config.json, --config, --no-config, --rule, and the progress line (a terminal only).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRows, CLI, cli, ROOT, type CliOptions } from './run-cli';

const WS = 'test/fixtures/workspace';
const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';

/** Each problem as `file:line:col severity code message`, paths shortened to the workspace. */
const rows = (args: string[], options?: CliOptions): string[] => checkRows(args, WS, options);

describe('check: the fixture workspace', () => {
  test('each file gets its own folder settings; duplicates across folders; disable comments; a bad config is reported', () => {
    assert.deepEqual(rows([WS]), [
      `broken-config/.voipnow/config.json:2:21 error invalid-config Invalid level for 617: expected "off", "error", "warning", "info", "information". Did you mean 'warning'?`,
      `broken-config/.voipnow/config.json:2:29 error invalid-config Unknown code '6177' in rules: a rule names a documented code ("617") or a word code ("duplicate-key"). (no method documents it)`,
      // The valid part of a broken config (maxFileSize 200) still applies.
      `broken-config/large.payload.json:1:1 information file-too-large This file is larger than maxFileSize (200 bytes) and is not checked.`,
      `east/payloads/carrier-a.payload.json:3:47 error 200 Duplicate record. A channel named ' carrier a' is also added in ${WS}/west/carriers/carrier-a.payload.json.`,
      // east's rules: 617 is a warning there; duplicate-key is off.
      `east/payloads/carrier-a.payload.json:3:68 warning 617 ${FLOW_617}`,
      `east/payloads/groups.json:3:74 error 200 Duplicate record. A channel group named 'Carriers' is also added on line 2 of this file.`,
      // east's include globs (payloads/**/*.json, relative to east/) make this a payload file.
      `east/payloads/no-method.json:1:1 error missing-method This request has no "method". Name one of the 24 methods of the Channel service.`,
      `east/payloads/numbers.json:3:41 error 200 Duplicate record. The public number '+40210000001' is also added in ${WS}/west/numbers.json.`,
      `west/carriers/carrier-a.payload.json:3:47 error 200 Duplicate record. A channel named 'Carrier A' is also added in ${WS}/east/payloads/carrier-a.payload.json.`,
      `west/disabled.payload.json:1:20 warning unused-disable Unused disable comment: no 618 problem in this file.`,
      `west/disabled.payload.json:8:18 error 619 Invalid qualify. Value must be a multiple of 100, no bigger than 900.`,
      `west/numbers.json:3:41 error 200 Duplicate record. The public number '40210000001' is also added in ${WS}/east/payloads/numbers.json.`,
    ]);
  });

  test('folders given one by one clash the same way; related locations point at the other folder (sarif)', () => {
    const run = cli(['check', '--format', 'sarif', `${WS}/west`, `${WS}/east`]);
    const results = JSON.parse(run.stdout).runs[0].results.filter((r: any) => r.ruleId === '200' && r.message.text.includes('carrier a'));
    assert.equal(results.length, 1);
    assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, `${WS}/east/payloads/carrier-a.payload.json`);
    assert.deepEqual(
      results[0].relatedLocations.map((r: any) => [r.physicalLocation.artifactLocation.uri, r.physicalLocation.region.startLine, r.physicalLocation.region.startColumn]),
      [[`${WS}/west/carriers/carrier-a.payload.json`, 3, 47]],
    );
  });

  test('--no-config: defaults everywhere (617 an error, duplicate-key back, no include from east, the bad config unread)', () => {
    const found = rows(['--no-config', WS]);
    assert.ok(found.includes(`east/payloads/carrier-a.payload.json:3:68 error 617 ${FLOW_617}`));
    assert.ok(found.some((r) => r.startsWith('east/payloads/groups.json:3:66 warning duplicate-key')));
    assert.ok(!found.some((r) => r.includes('missing-method') || r.includes('invalid-config') || r.includes('file-too-large')));
  });

  test('--rule wins over the project file, code by code; --max-file-size and --include too', () => {
    const found = rows(['--rule', '617=off', '--rule', '200=info', '--rule', 'unused-disable=error', '--max-file-size', '100000', `${WS}/east`, `${WS}/west`, `${WS}/broken-config`]);
    assert.ok(!found.some((r) => r.includes(` 617 ${FLOW_617}`)));
    // 617 is off, so west's comment that silenced it is unused now.
    assert.ok(found.includes('west/disabled.payload.json:6:34 error unused-disable Unused disable comment: no 617 problem on the next line.'));
    assert.ok(found.filter((r) => / 200 /.test(r)).every((r) => r.includes(' information 200 ')));
    assert.ok(found.includes('west/disabled.payload.json:1:20 error unused-disable Unused disable comment: no 618 problem in this file.'));
    assert.ok(!found.some((r) => r.includes('file-too-large')));
    // --include replaces east's globs: no-method.json is an ordinary JSON file again.
    assert.ok(!rows(['--include', '**/*.payload.json', `${WS}/east`]).some((r) => r.includes('missing-method')));
  });

  test('--config FILE applies one settings file to every file (globs relative to the folder given)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-config-'));
    try {
      const config = join(dir, 'ci.json');
      writeFileSync(config, JSON.stringify({ include: ['sub/*.json'], rules: { '200': 'warning' } }));
      mkdirSync(join(dir, 'payloads', 'sub'), { recursive: true });
      writeFileSync(join(dir, 'payloads', 'sub', 'a.json'), '{ "params": {} }');
      // sub/*.json is matched against the path relative to the folder given (payloads/).
      assert.deepEqual(
        JSON.parse(cli(['check', '--format', 'json', '--config', config, join(dir, 'payloads')]).stdout).map((p: any) => p.code),
        ['missing-method'],
      );
      // East's own config is not read for east's files: 617 is an error again.
      const both = rows(['--config', config, `${WS}/west`, `${WS}/east`]);
      assert.ok(both.filter((r) => r.includes(' 200 Duplicate record. A channel named')).every((r) => r.includes(' warning 200 ')));
      assert.ok(both.includes(`east/payloads/carrier-a.payload.json:3:68 error 617 ${FLOW_617}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('standard input takes the settings of the working directory', () => {
    const text = readFileSync(join(ROOT, WS, 'east', 'payloads', 'carrier-a.payload.json'), 'utf8');
    const run = cli(['check', '--format', 'json', '-', '--stdin-filename', 'payloads/x.json'], { cwd: join(ROOT, WS, 'east'), input: text });
    assert.deepEqual(JSON.parse(run.stdout).map((p: any) => [p.file, p.code, p.severity]), [['payloads/x.json', '617', 'warning']]);
  });

  test('usage errors: a bad --rule, --config with --no-config, an unreadable --config', () => {
    assert.equal(cli(['check', '--rule', '617=loud', WS]).stderr, "voipnow-payloads: invalid value '617=loud' for --rule: expected CODE=LEVEL with LEVEL one of off, error, warning, info, information\n");
    assert.equal(cli(['check', '--rule', 'nope=off', WS]).stderr, "voipnow-payloads: invalid value 'nope=off' for --rule: 'nope' is neither a documented code nor a word code\n");
    const both = cli(['check', '--config', 'x.json', '--no-config', WS]);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--config and --no-config cannot be given together/);
    const missing = cli(['check', '--config', 'no-such.json', WS]);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, "voipnow-payloads: cannot read 'no-such.json': no such file or directory\n");
  });

  test('node_modules, .git and .voipnow are not walked; worker threads give the same report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-ws-'));
    try {
      cpSync(join(ROOT, WS), dir, { recursive: true });
      for (const skipped of ['node_modules/pkg', '.git', 'east/.voipnow']) {
        mkdirSync(join(dir, skipped), { recursive: true });
        writeFileSync(join(dir, skipped, 'x.payload.json'), '{ "method": "AddChannel", "params": { "SIP": { "name": "Carrier A" } } }');
      }
      const one = cli(['check', '--format', 'json', '--jobs', '1', '.'], { cwd: dir });
      const three = cli(['check', '--format', 'json', '--jobs', '3', '.'], { cwd: dir });
      assert.equal(three.stdout, one.stdout);
      assert.ok(!one.stdout.includes('x.payload.json'));
      assert.equal(JSON.parse(one.stdout).length, 12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--fix leaves what a disable comment or an off rule silences', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voipnow-fix-'));
    try {
      cpSync(join(ROOT, WS, 'west'), dir, { recursive: true });
      const run = cli(['check', '--fix', '--rule', '200=off', '.'], { cwd: dir });
      assert.equal(run.stderr, 'fixed disabled.payload.json:8:18  619  Round to 200\n1 fix applied in 1 file\n');
      const fixed = readFileSync(join(dir, 'disabled.payload.json'), 'utf8');
      assert.match(fixed, /"flow": "bothh"/);
      assert.match(fixed, /"qualify": 200/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('check: the progress line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'voipnow-progress-'));
  const file = (i: number) => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier ${i}" } } }`;
  for (let i = 0; i < 600; i++) writeFileSync(join(dir, `c${i}.payload.json`), file(i));
  const env = { ...process.env, VOIPNOW_PROGRESS_DELAY_MS: '0', TERM: 'xterm' };
  /** Runs the command line in a pseudo-terminal (util-linux `script`), as a person at a terminal does. */
  const inTerminal = (args: string[]) => spawnSync('script', ['-qec', [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(' '), '/dev/null'], { encoding: 'utf8', env });
  const hasScript = spawnSync('script', ['--version']).status === 0;

  test('never when stderr is not a terminal', () => {
    for (const jobs of ['1', '2']) {
      const run = cli(['check', '--jobs', jobs, dir], { env });
      assert.equal(run.stderr, '');
      assert.equal(run.stdout, 'No problems in 600 files\n');
    }
  });

  test('on a terminal, text format: counts files, then erases itself before the report', { skip: !hasScript && 'util-linux script is not installed' }, () => {
    for (const jobs of ['1', '2']) {
      const run = inTerminal(['check', '--jobs', jobs, dir]);
      assert.match(run.stdout, /\r\x1b\[2KChecking [\d,]+ of 600 files…/);
      assert.match(run.stdout, /\r\x1b\[2KNo problems in 600 files\r?\n$/);
    }
  });

  test('on a terminal, never in json or sarif output', { skip: !hasScript && 'util-linux script is not installed' }, () => {
    for (const format of ['json', 'sarif']) {
      const run = inTerminal(['check', '--format', format, dir]);
      assert.doesNotMatch(run.stdout, /Checking/);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
