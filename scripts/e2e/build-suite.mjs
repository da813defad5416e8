// Compiles the extension-host suite (test/e2e/suite/*.ts), once for each extension host:
// - for VS Code's Node host: CommonJS in .test-output/e2e/suite/, one bundle per file; `vscode` is
//   the extension host's, `mocha` comes from the project's node_modules (one instance, so that the
//   files see the runner's describe/it);
// - for the browser's web worker host: one bundle, .test-output/e2e/web-suite/index.js, of mocha's
//   browser build, the web runner (suite/web/index.ts) and every test file, built like the
//   extension's browser bundles (no Node module). Both lie inside the extension's folder: a test
//   file runs in the host of the extension whose folder holds it.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { noNodeModules } from '../no-node-modules.mjs';
import { OUT, ROOT } from './config.mjs';

export const SUITE_OUT = join(OUT, 'e2e', 'suite');
export const SUITE_INDEX = join(SUITE_OUT, 'index.js');
export const WEB_SUITE_OUT = join(OUT, 'e2e', 'web-suite');
export const WEB_SUITE_INDEX = join(WEB_SUITE_OUT, 'index.js');
export const FIXTURE_WORKSPACE = join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');
const SUITE_DIR = join(ROOT, 'test', 'e2e', 'suite');

export async function buildSuite() {
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await build({
    entryPoints: readdirSync(SUITE_DIR).filter((f) => f.endsWith('.ts')).map((f) => join(SUITE_DIR, f)),
    outdir: SUITE_OUT,
    bundle: true,
    external: ['vscode', 'mocha'],
    platform: 'node',
    // jsonc-parser's UMD build (its `main`) requires its parts by computed paths that a bundle cannot follow.
    mainFields: ['module', 'main'],
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [sourceDirname],
  });
  return SUITE_INDEX;
}

/** The stand-in VoipNow server (test/live/stand-in) reads its files beside its sources: its `__dirname` stays theirs in the bundle. */
const sourceDirname = {
  name: 'source-dirname',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]test[\\/]live[\\/]stand-in[\\/][^\\/]+\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, 'utf8').replaceAll('__dirname', JSON.stringify(dirname(args.path))),
      loader: 'ts',
    }));
  },
};

/** The test files' `import ... from 'mocha'` is the browser build's globals (suite/web/mocha-globals.ts). */
const mochaGlobals = {
  name: 'mocha-globals',
  setup(builder) {
    builder.onResolve({ filter: /^mocha$/ }, () => ({ path: join(SUITE_DIR, 'web', 'mocha-globals.ts') }));
  },
};

export async function buildWebSuite() {
  rmSync(WEB_SUITE_OUT, { recursive: true, force: true });
  // A `.node.test.ts` file runs in the Node host only (it starts a server of its own).
  const tests = readdirSync(SUITE_DIR).filter((f) => f.endsWith('.test.ts') && !f.endsWith('.node.test.ts')).sort();
  await build({
    stdin: {
      contents: [
        `const { runWith } = require('./web/index.ts');`,
        'exports.run = () => runWith(() => {',
        ...tests.map((t) => `  require('./${t}');`),
        '});',
        '',
      ].join('\n'),
      resolveDir: SUITE_DIR,
      sourcefile: 'web-suite.ts',
      loader: 'ts',
    },
    outfile: WEB_SUITE_INDEX,
    bundle: true,
    external: ['vscode'],
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [mochaGlobals, noNodeModules],
  });
  return WEB_SUITE_INDEX;
}

if (import.meta.url === `file://${process.argv[1]}`) await Promise.all([buildSuite(), buildWebSuite()]);
