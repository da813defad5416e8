// Compiles the extension-host suite (test/e2e/suite/*.ts) to CommonJS in .test-output/e2e/suite/,
// one bundle per file: `vscode` is the extension host's, `mocha` comes from the project's
// node_modules (one instance, so that the files see the runner's describe/it).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT } from './config.mjs';

export const SUITE_OUT = join(OUT, 'e2e', 'suite');
export const SUITE_INDEX = join(SUITE_OUT, 'index.js');
export const FIXTURE_WORKSPACE = join(ROOT, 'test', 'e2e', 'fixtures', 'workspace');

export async function buildSuite() {
  const dir = join(ROOT, 'test', 'e2e', 'suite');
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await build({
    entryPoints: readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)),
    outdir: SUITE_OUT,
    bundle: true,
    external: ['vscode', 'mocha'],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return SUITE_INDEX;
}

if (import.meta.url === `file://${process.argv[1]}`) await buildSuite();
