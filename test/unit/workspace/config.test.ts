// .voipnow/config.json: what it sets, the exact problems of a malformed one (valid parts still
// apply), the merge of layers, and the JSON Schema kept in step with the codes.
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_PROBLEMS, levelSeverity, mergeSettings, parseConfig, settingsLayer } from '../../../server/src/core';
import { unmark } from '../helpers';
import { configSchema } from './config-schema';

const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'schemas', 'config.schema.json');

/** Each problem as [code, message, marked text]. */
function problemsOf(marked: string): Array<[string, string, string]> {
  const { text } = unmark(marked);
  return parseConfig(text).problems.map((p) => [p.code, p.message, text.slice(p.offset, p.offset + p.length)]);
}

describe('parseConfig', () => {
  it('reads every setting; codes are normalized (30 is 030)', () => {
    const { layer, problems } = parseConfig(`{
      // comments and trailing commas are fine
      "$schema": "../node_modules/voipnow-payloads/schemas/config.schema.json",
      "include": ["payloads/**/*.json"],
      "rules": { "617": "warning", "30": "off", "duplicate-key": "info", "200": "error", },
      "maxFileSize": 1024,
      "maxProblems": 50,
    }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(layer, { include: ['payloads/**/*.json'], rules: { '617': 'warning', '030': 'off', 'duplicate-key': 'info', '200': 'error' }, maxFileSize: 1024, maxProblems: 50 });
  });

  it('a level is written info or information (one vocabulary for severities)', () => {
    assert.deepEqual(parseConfig('{ "rules": { "617": "information", "619": "info" } }'), { layer: { rules: { '617': 'information', '619': 'info' } }, problems: [] });
    assert.equal(levelSeverity('information'), 'information');
    assert.equal(levelSeverity('info'), 'information');
  });

  it('an empty include is a choice (no file is a payload by its name)', () => {
    assert.deepEqual(parseConfig('{ "include": [] }').layer, { include: [] });
  });

  it('reports each bad part on it, with a close name suggested; the rest applies', () => {
    const marked = `{ «"rule"»: {}, "include": [«3», "a/*.json"], "rules": { «"6177"»: "off", «"duplicate-keys"»: "off", "617": «"warn"», "618": «true», "619": "off" }, "maxFileSize": «"8MB"», «"maxProblem"»: 5 }`;
    assert.deepEqual(problemsOf(marked), [
      ['invalid-config', "Unknown setting 'rule': the settings are include, rules, maxFileSize, maxProblems and servers. Did you mean 'rules'?", '"rule"'],
      ['invalid-config', 'A glob is a non-empty string, such as "payloads/**/*.json".', '3'],
      ['invalid-config', "Unknown code '6177' in rules: a rule names a documented code (\"617\") or a word code (\"duplicate-key\"). (no method documents it)", '"6177"'],
      ['invalid-config', "Unknown code 'duplicate-keys' in rules: a rule names a documented code (\"617\") or a word code (\"duplicate-key\"). Did you mean 'duplicate-key'?", '"duplicate-keys"'],
      ['invalid-config', 'Invalid level for 617: expected "off", "error", "warning", "info", "information". Did you mean \'warning\'?', '"warn"'],
      ['invalid-config', 'Invalid level for 618: expected "off", "error", "warning", "info", "information".', 'true'],
      ['invalid-config', 'maxFileSize is a whole number of bytes, at least 1 (default 8388608, 8 MB).', '"8MB"'],
      ['invalid-config', "Unknown setting 'maxProblem': the settings are include, rules, maxFileSize, maxProblems and servers. Did you mean 'maxProblems'?", '"maxProblem"'],
    ]);
    const { layer } = parseConfig(unmark(marked).text);
    assert.deepEqual(layer, { include: ['a/*.json'], rules: { '619': 'off' } });
  });

  it('a glob past a bound of what matching may cost is invalid-config on it and not used', () => {
    const long = 'x'.repeat(70_000);
    const marked = `{ "include": [«"+(a|aa)+(a|aa)"», "payloads/*.json", «"${long}"», «"${'{a,b}'.repeat(7)}"», «"${'*a'.repeat(65)}"»] }`;
    assert.deepEqual(problemsOf(marked), [
      ['invalid-config', "Extended globs such as '+(' are not supported: write braces ({a,b}) for alternatives, or [+] for the character.", '"+(a|aa)+(a|aa)"'],
      ['invalid-config', 'A glob may be at most 1024 characters long; this one has 70000.', `"${long}"`],
      ['invalid-config', "A glob's braces may stand for at most 64 globs; this one's stand for more.", `"${'{a,b}'.repeat(7)}"`],
      ['invalid-config', "A glob may hold at most 64 '*'; this one has 65.", `"${'*a'.repeat(65)}"`],
    ]);
    assert.deepEqual(parseConfig(unmark(marked).text).layer, { include: ['payloads/*.json'] });
    // The editor's settings drop them the same way.
    assert.deepEqual(settingsLayer({ include: ['+(a|aa)', long, 'a/*.json'] }), { include: ['a/*.json'] });
  });

  it('maxProblems is a whole number, at least 1', () => {
    assert.deepEqual(parseConfig('{ "maxProblems": 1 }'), { layer: { maxProblems: 1 }, problems: [] });
    for (const bad of ['0', '-5', '2.5', '"1000"', 'null', '1e400']) {
      assert.deepEqual(problemsOf(`{ "maxProblems": «${bad}» }`), [['invalid-config', 'maxProblems is a whole number of problems shown per file, at least 1 (default 1000).', bad]], bad);
      assert.deepEqual(parseConfig(`{ "maxProblems": ${bad} }`).layer, {}, bad);
    }
  });

  it('syntax errors are invalid-json; a root that is no object, or nothing, is invalid-config', () => {
    assert.deepEqual(problemsOf('{ "rules": { "617": "off" «}»'), [['invalid-json', 'Invalid JSON: expected a closing brace here.', '']]);
    assert.deepEqual(parseConfig('{ "rules": { "617": "off" }').layer, { rules: { '617': 'off' } });
    assert.deepEqual(problemsOf('«[]»'), [['invalid-config', 'The configuration is an object such as { "include": ["**/*.payload.json"], "rules": { "617": "warning" }, "maxFileSize": 8388608 }.', '[']]);
    assert.deepEqual(problemsOf('  '), [['invalid-config', 'The configuration is empty: write an object such as { "rules": { "617": "warning" } }.', '']]);
    assert.deepEqual(problemsOf('{ "include": «"*.json"», "rules": «[]» }').map((p) => p[1]), [
      'include is an array of globs, such as ["**/*.payload.json"].',
      'rules is an object of codes and levels, such as { "617": "warning", "duplicate-key": "off" }.',
    ]);
  });

  it('never throws on hostile input', () => {
    for (const text of ['', '\uFEFF{}', 'null', '{"rules":{"__proto__":"off"}}', '{"include":[null]}', '{'.repeat(5000), '{"maxFileSize":1e400}']) {
      assert.doesNotThrow(() => parseConfig(text), text.slice(0, 20));
    }
  });
});

describe('servers in the project file', () => {
  it('reads profiles (url normalized, paths kept as written) and reports each bad part on it; no secret is read', () => {
    const text = JSON.stringify({
      servers: {
        staging: { url: 'https://voipnow.example.com/', ca: 'certs/ca.pem', timeoutMs: 5000, insecure: false, wsdl: 'wsdl/Channel.wsdl' },
        lab: { url: 'ftp://lab', ca: '' },
        prod: { url: 'https://prod.example.com', clientSecret: 's3cr3t', port: 1, timeoutMs: 0 },
        odd: 5,
      },
    });
    const { layer, problems } = parseConfig(text);
    assert.deepEqual(layer.servers, {
      staging: { url: 'https://voipnow.example.com', ca: 'certs/ca.pem', timeoutMs: 5000, insecure: false, wsdl: 'wsdl/Channel.wsdl' },
      prod: { url: 'https://prod.example.com' },
    });
    const messages = problems.map((p) => `${p.code} ${text.slice(p.offset, p.offset + p.length)}: ${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('invalid-config "ftp://lab": The profile \'lab\' needs a url')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('invalid-config "clientSecret": \'clientSecret\' is not read from this file. Secrets never go in a file')));
    assert.ok(messages.some((m) => m.startsWith('invalid-config "port": Unknown key \'port\' in the profile \'prod\'')));
    assert.ok(messages.some((m) => m.startsWith('invalid-config 0: timeoutMs is a whole number')));
    assert.ok(messages.some((m) => m.startsWith("invalid-config 5: The profile 'odd' is an object")));
    // The secret's value is in no message.
    assert.ok(!messages.join('\n').includes('s3cr3t'));
    assert.match(parseConfig('{ "servers": [] }').problems[0].message, /servers is an object of profiles by name/);
  });
});

describe('settings layers', () => {
  it('defaults < project file < editor: include and maxFileSize replaced, rules merged per code', () => {
    const project = parseConfig('{ "include": ["p/*.json"], "rules": { "617": "off", "618": "warning" }, "maxFileSize": 100 }').layer;
    const editor = settingsLayer({ rules: { '618': 'info' }, maxFileSize: 200 });
    assert.deepEqual(mergeSettings(), { include: DEFAULT_INCLUDE, rules: {}, maxFileSize: DEFAULT_MAX_FILE_SIZE, maxProblems: DEFAULT_MAX_PROBLEMS });
    assert.deepEqual(mergeSettings(project, editor), { include: ['p/*.json'], rules: { '617': 'off', '618': 'info' }, maxFileSize: 200, maxProblems: DEFAULT_MAX_PROBLEMS });
    assert.equal(DEFAULT_MAX_PROBLEMS, 1000);
    const capped = parseConfig('{ "maxProblems": 10 }').layer;
    assert.equal(mergeSettings(capped).maxProblems, 10);
    assert.equal(mergeSettings(capped, settingsLayer({ maxProblems: 20 })).maxProblems, 20);
  });

  it("the editor's unset (null) or invalid values say nothing", () => {
    assert.deepEqual(settingsLayer({ include: null, rules: null, maxFileSize: null, maxProblems: null }), {});
    assert.deepEqual(settingsLayer({ rules: { '617': 'loud', nope: 'off', '618': 'off' }, maxFileSize: -1, maxProblems: 0 }), { rules: { '618': 'off' } });
    assert.deepEqual(settingsLayer(undefined), {});
    assert.deepEqual(settingsLayer('x'), {});
  });
});

describe('schemas/config.schema.json', () => {
  it('lists every code a rule can name (UPDATE_CONFIG_SCHEMA=1 rewrites it)', () => {
    const expected = JSON.stringify(configSchema(), null, 2) + '\n';
    if (process.env.UPDATE_CONFIG_SCHEMA === '1') writeFileSync(SCHEMA_FILE, expected);
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), expected, 'schemas/config.schema.json is out of date: run UPDATE_CONFIG_SCHEMA=1 node test/run.mjs config');
  });

  it('accepts what the engine accepts and rejects what it reports', () => {
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
    const good = ['{}', '{ "servers": { "staging": { "url": "https://voipnow.example.com", "ca": "ca.pem", "timeoutMs": 100, "insecure": true } } }', '{ "include": ["a/*.json"], "rules": { "617": "warning", "duplicate-key": "off", "unused-disable": "error", "too-many-problems": "off" }, "maxFileSize": 1, "maxProblems": 1 }'];
    const bad = ['{ "servers": { "a": {} } }', '{ "servers": { "a": { "url": "https://x", "token": "t" } } }', '{ "servers": { "a": { "url": "x" } } }', '{ "rule": {} }', '{ "rules": { "617": "warn" } }', '{ "rules": { "6177": "off" } }', '{ "maxFileSize": 0 }', '{ "maxProblems": 0 }', '{ "maxProblems": 1.5 }', '{ "include": [3] }', '[]', `{ "include": ["${'a'.repeat(1025)}"] }`];
    for (const text of good) {
      assert.equal(validate(JSON.parse(text)), true, text);
      assert.deepEqual(parseConfig(text).problems, [], text);
    }
    for (const text of bad) {
      assert.equal(validate(JSON.parse(text)), false, text);
      assert.notDeepEqual(parseConfig(text).problems, [], text);
    }
  });
});
