// The browser bundles (esbuild.mjs): the worker server under 500 KB minified, built from the same
// handlers as the Node server (lsp/server.ts) with nothing of the Node platform (server/src/node)
// and no Node module; the browser client likewise, without the engine; and the build's guard that fails on any import
// of a Node module, naming the file that imports it.
import { strict as assert } from 'node:assert';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { build, type BuildOptions } from 'esbuild';
import { noNodeModules } from '../../scripts/no-node-modules.mjs';
import { ROOT } from './lsp-client';

const MAX_WORKER_BYTES = 500 * 1024;

const BROWSER: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  mainFields: ['browser', 'module', 'main'],
  write: false,
  metafile: true,
  logLevel: 'silent',
  plugins: [noNodeModules],
};

async function inputsOf(entry: string, external: string[] = []): Promise<string[]> {
  const result = await build({ ...BROWSER, entryPoints: [entry], external });
  return Object.keys(result.metafile!.inputs);
}

describe('the browser bundles', () => {
  it(`the worker server is under ${MAX_WORKER_BYTES / 1024} KB minified`, (t) => {
    const { size } = statSync(path.join(ROOT, 'dist', 'server-browser.js'));
    const node = statSync(path.join(ROOT, 'dist', 'server.js')).size;
    t.diagnostic(`dist/server-browser.js: ${(size / 1024).toFixed(0)} KB; dist/server.js: ${(node / 1024).toFixed(0)} KB`);
    assert.ok(size < MAX_WORKER_BYTES, `${size} bytes`);
  });

  it('the worker server holds the shared handlers and engine, and nothing of the Node platform', async () => {
    const inputs = await inputsOf('server/src/browser/main.ts');
    for (const shared of ['server/src/lsp/server.ts', 'server/src/lsp/diagnostics.ts', 'server/src/core/engine/check.ts']) assert.ok(inputs.includes(shared), shared);
    assert.deepEqual(inputs.filter((i) => i.startsWith('server/src/node/') || i.includes('/lib/node/')), []);
  });

  it("the browser client holds vscode-languageclient's browser client, none of the Node entry and none of the engine", async () => {
    const inputs = await inputsOf('client/src/browser.ts', ['vscode']);
    assert.ok(inputs.some((i) => i.includes('vscode-languageclient/lib/browser/main.js')));
    assert.ok(inputs.includes('server/src/lsp/extension-protocol.ts'));
    // The client shares the protocol's names with the server, not its engine (the checking is the server's).
    assert.deepEqual(inputs.filter((i) => i === 'client/src/extension.ts' || i.includes('/lib/node/') || i.startsWith('server/src/core/')), []);
  });

  for (const specifier of ['node:fs', 'path', 'fs/promises']) {
    it(`fails a build that imports '${specifier}', naming the importer`, async () => {
      const failed = await build({ ...BROWSER, stdin: { contents: `import '${specifier}';`, resolveDir: ROOT, sourcefile: 'probe.ts' } }).then(
        () => undefined,
        (error: { errors: Array<{ text: string }> }) => error.errors.map((e) => e.text),
      );
      assert.deepEqual(failed, [`probe.ts imports the Node module '${specifier}': the browser bundles must not (see server/src/lsp/platform.ts)`]);
    });
  }
});
