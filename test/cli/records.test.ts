// Records on the command line (spec section 6), over test/fixtures/records-workspace: each file is
// checked against its nearest .voipnow/records.json (north's and south's differ), or the one
// --records names, or none (--no-records); a records file's own problems are in the report and a
// broken one is not used; worker threads and standard input see the same records.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRows, cli, ROOT, type CliOptions } from './run-cli';

const WS = 'test/fixtures/records-workspace';
const NORTH_RECORDS = `${WS}/north/.voipnow/records.json`;

/** Each problem as `file:line:col severity code message`, paths shortened to the workspace. */
const rows = (args: string[], options?: CliOptions): string[] => checkRows(args, WS, options);

const T262 = 'Invalid channel ID.';
const BROKEN = [
  `broken/.voipnow/records.json:4:13 error invalid-value Invalid value for 'ID': expected a positive integer (3 or "3").`,
  'broken/.voipnow/records.json:5:5 error invalid-value This channel record has no "name".',
  "broken/.voipnow/records.json:7:3 warning unknown-parameter Unknown record kind 'codec'; it is not used. Did you mean 'codecs'? The kinds are codecs, channels, channelGroups, publicNumbers, timeIntervals, rulesGroups, rules, users.",
];
const NORTH = [
  `north/payloads/channels.payload.json:2:58 error 200 Duplicate record. A channel named 'carrier a' already exists in the records (${NORTH_RECORDS}).`,
  'north/payloads/channels.payload.json:2:85 error 620 One or several provided codecs are outside the records available.',
  `north/payloads/channels.payload.json:3:48 error 262 ${T262}`,
  `north/payloads/channels.payload.json:4:51 warning unknown-record No channel with ID 14 in the records (${NORTH_RECORDS}).`,
];
const NORTH_GROUP = `north/payloads/group.payload.json:1:52 error 200 Duplicate record. A channel group named 'North group' is also added in ${WS}/south/group.payload.json.`;
const NORTH_NUMBERS_RULES = [
  `north/payloads/numbers.payload.json:2:68 error 200 Duplicate record. The public number '40212345678' already exists in the records (${NORTH_RECORDS}).`,
  `north/payloads/numbers.payload.json:2:109 error 262 ${T262}`,
  'north/payloads/numbers.payload.json:3:58 error 623 One or several public phone numbers are outside the records available.',
  'north/payloads/rules.payload.json:3:44 error 655 One or several rule IDs are outside the records available.',
  'north/payloads/rules.payload.json:3:91 error 647 Invalid time interval. Value is outside the records available.',
];
const SOUTH = [
  `south/channels.payload.json:3:48 error 262 ${T262}`,
  `south/group.payload.json:1:52 error 200 Duplicate record. A channel group named 'North group' is also added in ${WS}/north/payloads/group.payload.json.`,
];

describe('check: records', () => {
  test("each file is checked against its folder's records; a broken records file is reported and not used", () => {
    // broken/edit.payload.json names channel 999: not reported, its records are not used. plain/ has none.
    // "Carrier A" in south is no clash with north's "carrier a": that one already has its 200 against north's records.
    assert.deepEqual(rows([WS]), [...BROKEN, ...NORTH, NORTH_GROUP, ...NORTH_NUMBERS_RULES, ...SOUTH]);
    const run = cli(['check', WS]);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /\n15 problems \(13 errors, 2 warnings\) in 8 files\n$/);
  });

  test('folders given one by one find the same records', () => {
    assert.deepEqual(rows([`${WS}/south`, `${WS}/north`, `${WS}/plain`]), [...NORTH, NORTH_GROUP, ...NORTH_NUMBERS_RULES, ...SOUTH]);
  });

  test('a file given alone finds the records of its folder or above', () => {
    assert.deepEqual(rows([`${WS}/north/payloads/channels.payload.json`]), NORTH);
  });

  test('--records FILE applies one snapshot to every file', () => {
    assert.deepEqual(rows(['--records', NORTH_RECORDS, `${WS}/plain`, `${WS}/south/channels.payload.json`]), [
      `plain/edit.payload.json:1:46 error 262 ${T262}`,
      // Against north's records: "Carrier A" is north's, channel 2 too, codec 4 is not.
      `south/channels.payload.json:2:58 error 200 Duplicate record. A channel named 'Carrier A' already exists in the records (${NORTH_RECORDS}).`,
      'south/channels.payload.json:2:82 error 620 One or several provided codecs are outside the records available.',
      `south/channels.payload.json:4:48 error 262 ${T262}`,
    ]);
  });

  test('--records with a broken file: its problems, and only formats checked', () => {
    assert.deepEqual(rows(['--records', `${WS}/broken/.voipnow/records.json`, `${WS}/plain`]), BROKEN);
    assert.equal(cli(['check', '--records', `${WS}/broken/.voipnow/records.json`, `${WS}/plain`]).status, 1);
  });

  test('--no-records: formats only (and the clashes between files)', () => {
    assert.deepEqual(rows(['--no-records', `${WS}/north`, `${WS}/south`]), [
      `north/payloads/channels.payload.json:2:58 error 200 Duplicate record. A channel named 'Carrier A' is also added in ${WS}/south/channels.payload.json.`,
      NORTH_GROUP,
      `south/channels.payload.json:2:58 error 200 Duplicate record. A channel named 'carrier a' is also added in ${WS}/north/payloads/channels.payload.json.`,
      SOUTH[1],
    ]);
  });

  test('a records file given as a path is checked as a records file', () => {
    assert.deepEqual(rows([`${WS}/broken/.voipnow/records.json`]), BROKEN);
    const clean = cli(['check', NORTH_RECORDS]);
    assert.equal(clean.status, 0);
    assert.equal(clean.stdout, 'No problems in 0 files\n');
  });

  test('standard input takes the records of the working directory', () => {
    const text = readFileSync(join(ROOT, WS, 'north', 'payloads', 'channels.payload.json'), 'utf8');
    const run = cli(['check', '--format', 'json', '-', '--stdin-filename', 'x.payload.json'], { cwd: join(ROOT, WS, 'north'), input: text });
    assert.deepEqual(JSON.parse(run.stdout).map((p: any) => [p.file, p.line, p.column, p.code, p.message]), [
      ['x.payload.json', 2, 58, '200', "Duplicate record. A channel named 'carrier a' already exists in the records (.voipnow/records.json)."],
      ['x.payload.json', 2, 85, '620', 'One or several provided codecs are outside the records available.'],
      ['x.payload.json', 3, 48, '262', T262],
      ['x.payload.json', 4, 51, 'unknown-record', 'No channel with ID 14 in the records (.voipnow/records.json).'],
    ]);
  });

  test('worker threads give the same report, byte for byte', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const one = cli(['check', '--format', format, '--jobs', '1', WS]);
      const three = cli(['check', '--format', format, '--jobs', '3', WS]);
      assert.equal(three.stdout, one.stdout, format);
      assert.equal(three.status, one.status);
    }
  });

  test('usage errors: --records with --no-records, an unreadable --records', () => {
    const both = cli(['check', '--records', 'x.json', '--no-records', WS]);
    assert.equal(both.status, 2);
    assert.equal(both.stderr, "voipnow-payloads: --records and --no-records cannot be given together (see 'voipnow-payloads help check')\n");
    const missing = cli(['check', '--records', 'no-such.json', WS]);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, "voipnow-payloads: cannot read 'no-such.json': no such file or directory\n");
    assert.equal(missing.stdout, '');
  });

  test('help check names --records and --no-records', () => {
    const help = cli(['help', 'check']).stdout;
    assert.match(help, /--records FILE {17}Records snapshot for every file/);
    assert.match(help, /--no-records {19}Use no records snapshot/);
  });
});
