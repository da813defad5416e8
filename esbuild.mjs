// Bundles the entry points into dist/: the extension (vscode external), the language server
// (runnable as `node dist/server.js --stdio`, with dist/check-thread.js, its thread for large files) and the command line for Node; the extension's
// browser client and the same server as a Web Worker for the web (vscode.dev, github.dev), built
// with no Node module at all (the build fails on one, naming who imports it). Minified; the source
// maps are written beside them for debugging but not linked (no sourceMappingURL line: neither the
// VSIX nor the npm package ships them).
import { build } from 'esbuild';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { noNodeModules } from './scripts/no-node-modules.mjs';
import { strongSoap } from './scripts/esbuild-strong-soap.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: 'external',
  logLevel: 'warning',
  // jsonc-parser's UMD build loads its parts with a dynamic require that a bundle cannot follow.
  mainFields: ['module', 'main'],
};

const browser = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [noNodeModules],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...browser, entryPoints: ['client/src/browser.ts'], outfile: 'dist/extension-browser.js', external: ['vscode'] }),
  build({ ...browser, format: 'iife', entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/server-browser.js' }),
  build({ ...common, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js', external: ['./live-service.js'] }),
  build({ ...common, entryPoints: ['server/src/node/live-service.ts'], outfile: 'dist/live-service.js', plugins: [strongSoap], keepNames: true }),
  build({ ...common, entryPoints: ['server/src/node/check-thread-main.ts'], outfile: 'dist/check-thread.js' }),
  // `send`, `records` and their wire (strong-soap: a megabyte) are a bundle of their own, loaded by those commands only:
  // `check` starts as fast as before.
  build({
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    external: ['./live-commands.js'],
  }),
  build({ ...common, entryPoints: ['server/src/cli/live-commands.ts'], outfile: 'dist/live-commands.js', plugins: [strongSoap], keepNames: true }),
]);
chmodSync('dist/cli.js', 0o755);

// The code pages that diagnostics link to (codeDescription, server/src/lsp/code-links.ts): one
// markdown page per method, written by the same code the server uses to find each code's line.
const docs = await build({ ...common, entryPoints: ['server/src/core/features/code-docs.ts'], write: false, sourcemap: false });
const docsModule = { exports: {} };
new Function('module', 'exports', 'require', docs.outputFiles[0].text)(docsModule, docsModule.exports, createRequire(import.meta.url));
rmSync('dist/codes', { recursive: true, force: true });
mkdirSync('dist/codes', { recursive: true });
for (const page of docsModule.exports.codePages()) writeFileSync(`dist/codes/${page.fileName}`, page.markdown);
