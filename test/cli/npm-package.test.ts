// The npm package as another repository installs it: `npm pack` (the dist/*.js bundles, code pages and
// schemas, nothing else), the tarball installed offline into a fresh project (the package has no
// runtime dependencies), then `npx voipnow-payloads check` run there, as the README says.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { colorFreeEnv } from './run-cli';

const ROOT = join(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('npm package', () => {
  let dir: string;
  let files: string[];
  let tarball: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'voipnow-npm-'));
    // --ignore-scripts: the bundles the other tests use are packed as they are (no rebuild here).
    const packed = JSON.parse(execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8' }));
    files = packed[0].files.map((f: { path: string }) => f.path).sort();
    tarball = join(dir, packed[0].filename);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('is publishable: not private, a bin, no runtime dependencies', () => {
    assert.equal(manifest.private, undefined);
    assert.equal(manifest.bin['voipnow-payloads'], 'dist/cli.js');
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.files, undefined, 'vsce refuses a manifest with both files and a .vscodeignore');
  });

  test('names no repository, home page or issue tracker until one exists, and the VSIX packs without them', () => {
    assert.deepEqual([manifest.repository, manifest.homepage, manifest.bugs], [undefined, undefined, undefined]);
    assert.match(manifest.scripts.package, /^vsce package .*--allow-missing-repository/, 'vsce asks before packing without a repository');
  });

  test('holds the bundles, the code pages, the schemas and the usual files, nothing else', () => {
    const other = files.filter((f) => !/^(dist\/[\w-]+\.js|dist\/codes\/[A-Za-z]+\.md|schemas\/.+\.json|schemas\/README\.md|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(f));
    assert.deepEqual(other, []);
    for (const name of ['dist/cli.js', 'dist/server.js', 'dist/check-thread.js', 'schemas/config.schema.json', 'schemas/records.schema.json', 'schemas/methods/AddChannel.schema.json', 'dist/codes/AddChannel.md']) {
      assert.ok(files.includes(name), `${name} is packed`);
    }
  });

  test('installs offline into a fresh project, and `npx voipnow-payloads check` runs there', () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'payloads'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'payload-repo', version: '1.0.0', private: true }));
    writeFileSync(join(project, 'payloads', 'a.payload.json'), '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier B", "flow": "bothh" } } }\n');
    const env = colorFreeEnv({ npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
    execFileSync(NPM, ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], { cwd: project, encoding: 'utf8', env });
    assert.ok(existsSync(join(project, 'node_modules', 'voipnow-payloads', 'dist', 'cli.js')));
    assert.match(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies['voipnow-payloads'], /^file:.*voipnow-payloads-[\d.]+\.tgz$/);
    const run = spawnSync(NPX, ['--offline', 'voipnow-payloads', 'check', 'payloads'], { cwd: project, encoding: 'utf8', env });
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, 'payloads/a.payload.json:1:92  error  617  Invalid flow. Here are the values available: in, out, both.\n1 problem (1 error, 0 warnings) in 1 file\n');
    assert.equal(run.status, 1);
    const version = spawnSync(NPX, ['--offline', 'voipnow-payloads', '--version'], { cwd: project, encoding: 'utf8', env });
    assert.equal(version.stdout, `${manifest.version}\n`);
  });
});
