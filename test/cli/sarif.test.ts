// SARIF as GitHub code scanning takes it: Microsoft's SARIF Multitool (`validate --rule-kind
// "Gh;Sarif"`, GitHub Advanced Security's ingestion rules, with the SARIF 2.1.0 schema that its
// npm package ships) reports nothing on the report of files under the working folder, outside it,
// standard input with and without a name, a settings file's own problem and every severity.
// The Multitool is a self-contained .NET program (devDependency @microsoft/sarif-multitool); npm
// here does not run its postinstall, which makes it executable, so this test does. It runs with
// DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 so that it does not need the ICU libraries.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { cli, ROOT } from './run-cli';

const MULTITOOL_DIR = join(ROOT, 'node_modules', '@microsoft', 'sarif-multitool-linux');
const MULTITOOL = join(MULTITOOL_DIR, 'Sarif.Multitool');
const SCHEMA = join(MULTITOOL_DIR, 'sarif-2.1.0.json');

const BROKEN = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier B", "flow": "bothh", "colour": 1, "qualify": 150 } } }\n';

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text?: string; id?: string; arguments?: string[] };
  locations?: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string; description?: { text: string } } } }>;
  partialFingerprints?: Record<string, string>;
}

function multitool(sarifFile: string, dir: string): SarifResult[] {
  const out = join(dir, 'validation.sarif');
  rmSync(out, { force: true });
  const run = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Gh;Sarif', '-j', SCHEMA, sarifFile, '-o', out], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  assert.equal(run.status, 0, `Multitool failed: ${run.stdout}${run.stderr}`);
  return JSON.parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, '')).runs[0].results;
}

describe('SARIF for GitHub code scanning', () => {
  let dir: string;
  let work: string;
  let log: any;
  let sarifFile: string;

  before(() => {
    chmodSync(MULTITOOL, 0o755);
    dir = mkdtempSync(join(tmpdir(), 'voipnow-sarif-'));
    work = join(dir, 'work');
    mkdirSync(join(work, '.voipnow'), { recursive: true });
    mkdirSync(join(work, 'payloads'));
    writeFileSync(join(work, '.voipnow', 'config.json'), '{ "rules": { "617": "info", "9999": "off" } }\n');
    writeFileSync(join(work, 'payloads', 'a b.payload.json'), BROKEN);
    writeFileSync(join(work, 'payloads', 'clean.payload.json'), '{ "method": "GetCodecs" }\n');
    writeFileSync(join(dir, 'outside.payload.json'), BROKEN.replace('Carrier B', 'Carrier C'));
    sarifFile = join(dir, 'report.sarif');
    const run = cli(['check', '--format', 'sarif', '-o', sarifFile, 'payloads', '../outside.payload.json', '-'], { cwd: work, input: BROKEN });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 1);
    log = JSON.parse(readFileSync(sarifFile, 'utf8'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes the Multitool with the Gh and Sarif rules and the schema: no error, one warning', () => {
    const found = multitool(sarifFile, dir);
    // SARIF2005 (ProvideToolProperties) asks for the tool's informationUri: the package names no home page until one exists.
    assert.deepEqual(found.map((r) => `${r.level ?? 'warning'} ${r.ruleId}: ${(r.message.arguments ?? [r.message.text]).join(' | ')}`), [
      'warning SARIF2005: runs[0].tool.driver | voipnow-payloads',
    ]);
  });

  it('the validation can fail: a rule without help and a result without its location are errors', () => {
    const broken = structuredClone(log);
    delete broken.runs[0].tool.driver.rules[0].help;
    delete broken.runs[0].results[0].locations;
    const file = join(dir, 'broken.sarif');
    writeFileSync(file, JSON.stringify(broken));
    const errors = multitool(file, dir).filter((r) => r.level === 'error').map((r) => r.ruleId);
    assert.ok(errors.includes('GH2012'), errors.join(' '));
  });

  it('paths: relative to %SRCROOT% (the working folder) when under it, file: URIs outside it, unnamed standard input described', () => {
    const run = log.runs[0];
    assert.deepEqual(run.originalUriBaseIds, { SRCROOT: { uri: pathToFileURL(`${work}/`).href } });
    const uris = [...new Set((run.results as SarifResult[]).map((r) => JSON.stringify(r.locations![0].physicalLocation.artifactLocation, ['uri', 'uriBaseId', 'description', 'text'])))];
    // In display order: .voipnow/config.json, /tmp/.../outside.payload.json, <stdin>, payloads/...
    assert.deepEqual(uris.map((u) => JSON.parse(u)), [
      { uri: '.voipnow/config.json', uriBaseId: 'SRCROOT' },
      { uri: pathToFileURL(join(dir, 'outside.payload.json')).href },
      { uri: 'stdin', description: { text: 'Standard input (no --stdin-filename given).' } },
      { uri: 'payloads/a%20b.payload.json', uriBaseId: 'SRCROOT' },
    ]);
    assert.deepEqual(run.artifacts.map((a: { location: { uri: string } }) => a.location.uri), ['.voipnow/config.json', pathToFileURL(join(dir, 'outside.payload.json')).href, 'stdin', 'payloads/a%20b.payload.json', 'payloads/clean.payload.json']);
  });

  it('every rule has a full description and help, with no placeholder left; levels follow the rules', () => {
    const { rules } = log.runs[0].tool.driver;
    // The package names no home page until one exists: no informationUri (SARIF makes it optional).
    assert.equal(log.runs[0].tool.driver.informationUri, undefined);
    for (const rule of rules) {
      assert.ok(rule.fullDescription.text.length > 0 && rule.help.text.length > 0, rule.id);
      assert.doesNotMatch(JSON.stringify(rule), /\{(param|object_detail|actions)\}/, rule.id);
    }
    const byRule = new Map((log.runs[0].results as SarifResult[]).map((r) => [r.ruleId, r.level]));
    assert.equal(byRule.get('617'), 'note');
    assert.equal(byRule.get('unknown-parameter'), 'warning');
    assert.equal(byRule.get('619'), 'error');
    assert.equal(byRule.get('invalid-config'), 'error');
  });

  it('200 and 117 describe their placeholders; 607 gives each method its text', () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'voipnow-sarif-'));
    try {
      const requests = [
        { method: 'AddChannelGroup', params: { name: 'G' } },
        { method: 'AddChannelGroup', params: { name: 'G' } },
        { method: 'EditChannel', params: { SIP: { password: '' } } },
        { method: 'AddChannel', params: { type: 'sip', SIP: { name: 'Carrier', password: '' } } },
      ];
      writeFileSync(join(dir2, 'a.payload.json'), JSON.stringify(requests));
      const run = cli(['check', '--format', 'sarif', '.'], { cwd: dir2 });
      type Rule = { id: string; shortDescription: { text: string }; fullDescription: { text: string } };
      const rules = new Map<string, Rule>(JSON.parse(run.stdout).runs[0].tool.driver.rules.map((r: Rule) => [r.id, r]));
      assert.equal(rules.get('200')!.shortDescription.text, 'Duplicate record.');
      assert.equal(rules.get('117')!.shortDescription.text, 'Request invalid. Missing parameter (parameter name).');
      const T607 = 'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$';
      assert.equal(rules.get('607')!.fullDescription.text, `EditChannel: ${T607},# .\nAddChannel: ${T607}.# .`);
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('partial fingerprints: one per result, the same problem twice in a file gets two, and they do not move with lines', () => {
    const fingerprints = (log.runs[0].results as SarifResult[]).map((r) => r.partialFingerprints?.['voipnowPayloads/v1']);
    assert.ok(fingerprints.every((f) => typeof f === 'string' && /^[0-9a-f]{32}:[1-9][0-9]*$/.test(f)));
    assert.equal(new Set(fingerprints).size, fingerprints.length);
    const shifted = cli(['check', '--format', 'sarif', '--stdin-filename', 'x.payload.json', '-'], { cwd: work, input: `\n\n${BROKEN}` });
    const plain = cli(['check', '--format', 'sarif', '--stdin-filename', 'x.payload.json', '-'], { cwd: work, input: BROKEN });
    const of = (stdout: string) => JSON.parse(stdout).runs[0].results.map((r: SarifResult) => r.partialFingerprints!['voipnowPayloads/v1']);
    assert.deepEqual(of(shifted.stdout), of(plain.stdout));
  });
});
