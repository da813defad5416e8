// The VSIX that `npm run package` builds: bundled (no node_modules), small, with the manifest,
// icon, the Marketplace README (MARKETPLACE.md), CHANGELOG, license, both bundles (minified, with
// no sourceMappingURL line), the code pages and both schemas, and a manifest that VS Code and vsce
// accept (JSON validation of .voipnow/config.json and records.json, the problem matcher). Needs no e2e setup; run by scripts/e2e/run-if-ready.mjs after `npm run package`.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { ROOT } from '../../scripts/e2e/config.mjs';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const VSIX = join(ROOT, `voipnow-payloads-${manifest.version}.vsix`);

/** The entries of a zip file (name → contents), read from its central directory. */
function unzip(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, `${file} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const data = zip.subarray(local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)).subarray(0, size);
    entries.set(name, () => (method === 8 ? inflateRawSync(data) : data));
    at += 46 + skip;
  }
  return entries;
}

describe('npm run package', () => {
  const entries = existsSync(VSIX) ? unzip(VSIX) : undefined;

  it(`builds voipnow-payloads-${manifest.version}.vsix, small and bundled`, () => {
    assert.ok(entries, `${VSIX} is missing: \`npm run package\` builds it`);
    const size = statSync(VSIX).size;
    assert.ok(size < 1024 * 1024, `${size} bytes: under 1 MB`);
    const names = [...entries.keys()];
    assert.deepEqual(names.filter((n) => n.includes('node_modules/')), []);
    assert.deepEqual(names.filter((n) => /\.(ts|map)$/.test(n) || n.startsWith('extension/test/') || n.startsWith('extension/server/')), []);
    for (const name of [
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/check-thread.js',
      'extension/dist/extension-browser.js',
      'extension/dist/server-browser.js',
      'extension/dist/codes/AddChannel.md',
      'extension/schemas/config.schema.json',
      'extension/schemas/records.schema.json',
    ]) {
      assert.ok(entries.has(name), `${name} is in the VSIX (it holds ${names.join(', ')})`);
    }
  });

  it('ships minified bundles without sourceMappingURL lines', () => {
    assert.ok(entries, `${VSIX} is missing`);
    for (const name of ['extension/dist/extension.js', 'extension/dist/server.js', 'extension/dist/check-thread.js', 'extension/dist/extension-browser.js', 'extension/dist/server-browser.js']) {
      const text = entries.get(name)().toString('utf8');
      assert.doesNotMatch(text, /sourceMappingURL/, name);
      // Minified: few lines for hundreds of kilobytes (template strings keep their line breaks).
      assert.ok(text.split('\n').length < text.length / 200, `${name}: ${text.split('\n').length} lines`);
    }
  });

  it('has the Marketplace README for users: no developer steps, no link into a folder the package lacks', () => {
    assert.ok(entries, `${VSIX} is missing`);
    const readme = entries.get('extension/readme.md')().toString('utf8');
    assert.equal(readme, readFileSync(join(ROOT, 'MARKETPLACE.md'), 'utf8'));
    assert.doesNotMatch(readme, /npm (test|start|run)|npm install\s*$|F5/m);
    const links = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.deepEqual(links.filter((l) => !/^(https:|#)/.test(l)), []);
    assert.match(readme, /\$voipnow-payloads/);
  });

  it('carries a complete manifest', () => {
    assert.ok(entries, `${VSIX} is missing`);
    const packaged = JSON.parse(entries.get('extension/package.json')().toString('utf8'));
    assert.equal(packaged.displayName, 'VoipNow Payloads');
    assert.ok(packaged.description.length > 20);
    assert.deepEqual(packaged.categories, ['Linters', 'Programming Languages']);
    assert.ok(packaged.activationEvents.includes('onLanguage:json') && packaged.activationEvents.includes('onLanguage:jsonc'));
    assert.equal(packaged.main, './dist/extension.js');
    assert.equal(packaged.browser, './dist/extension-browser.js');
    assert.equal(packaged.capabilities.virtualWorkspaces.supported, 'limited');
    assert.equal(packaged.icon, 'images/icon.png');
    assert.equal(packaged.capabilities.untrustedWorkspaces.supported, true);
    const settings = packaged.contributes.configuration.properties;
    assert.deepEqual(settings['voipnowPayloads.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.ok(settings['voipnowPayloads.include']);
    assert.deepEqual(packaged.contributes.commands.map((c) => c.command).sort(), [
      'voipnowPayloads.forgetCredentials',
      'voipnowPayloads.pullRecords',
      'voipnowPayloads.reloadWsdl',
      'voipnowPayloads.restartServer',
      'voipnowPayloads.send',
      'voipnowPayloads.setCredentials',
      'voipnowPayloads.showCodeTable',
    ]);
    assert.deepEqual(packaged.contributes.languages, [{ id: 'jsonc', filenamePatterns: ['*.payload.json'] }]);
    // No repository, home page or issue tracker is named until one exists (vsce packs with --allow-missing-repository).
    assert.deepEqual([packaged.repository, packaged.homepage, packaged.bugs], [undefined, undefined, undefined]);
    assert.deepEqual(packaged.contributes.jsonValidation, [
      { fileMatch: '**/.voipnow/config.json', url: './schemas/config.schema.json' },
      { fileMatch: '**/.voipnow/records.json', url: './schemas/records.schema.json' },
    ]);
    assert.deepEqual(packaged.contributes.problemMatchers.map((m) => m.name), ['voipnow-payloads']);
    const vsixManifest = entries.get('extension.vsixmanifest')().toString('utf8');
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Code\.Engine" Value="\^1\.91\.0"/);
    // Both entries: the Marketplace lists it as a workspace and a web extension.
    assert.match(vsixManifest, /Microsoft\.VisualStudio\.Code\.ExtensionKind" Value="workspace,web"/);
  });

  it('pins @types/vscode to the engines.vscode minimum', () => {
    const minimum = manifest.engines.vscode.replace(/^\^/, '');
    assert.equal(manifest.devDependencies['@types/vscode'], minimum);
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')).version;
    assert.equal(installed, minimum);
  });
});
