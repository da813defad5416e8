#!/usr/bin/env node
// The last step of `npm test`: the packaging test always, then the end-to-end tests (extension
// host in code-server, Node and web worker; @vscode/test-web; the VSIX in the workbench with
// Chromium; Neovim; Emacs) when `npm run e2e:setup` has been run. Without that setup it says how
// to enable them and passes, except under CI=true, where a missing setup fails (.ci/run runs the
// setup first). `--require` fails without a setup anywhere (`npm run e2e`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { notReadyReason, ROOT } from './config.mjs';

const started = Date.now();
const required = process.env.CI === 'true' || process.argv.includes('--require');
const reason = notReadyReason();

/** Runs a command quietly; prints its output only when it fails, else its last line. */
function run(cmd, args, what) {
  const result = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    process.stdout.write(result.stdout ?? '');
    process.stderr.write(result.stderr ?? '');
    console.error(`e2e: ${what} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    process.exit(result.status || 1);
  }
  return result.stdout.trim().split('\n').pop();
}

if (reason && required) {
  console.error(
    `e2e: the end-to-end tests cannot run: ${reason}.\n` +
      `${process.env.CI === 'true' ? 'Under CI=true they are required' : 'They were required'}: run \`npm run e2e:setup\` first (.ci/run does).`,
  );
  process.exit(1);
}

// Packaging needs nothing beyond node_modules: always checked. vsce runs the build first.
console.log(`e2e: npm run package: ${run('npm', ['run', '--silent', 'package'], '`npm run package`')}`);

const files = readdirSync(join(ROOT, 'test', 'e2e'))
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => !reason || f === 'package.e2e.mjs')
  .sort()
  .map((f) => join('test', 'e2e', f));
// One file at a time: code-server and Chromium each want most of a 2-core machine.
console.log(`e2e: ${files.join(', ')} (after ${((Date.now() - started) / 1000).toFixed(1)} s of packaging)`);
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], { cwd: ROOT, stdio: 'inherit' });
if (reason) {
  console.log(
    '\ne2e: the end-to-end tests (VS Code extension host in code-server, Node and web worker; @vscode/test-web; the VSIX in the workbench with Chromium; ' +
      `Neovim; Emacs) were SKIPPED: ${reason}.\n` +
      'e2e: to enable them, run `npm run e2e:setup` once (Debian packages with apt-get; code-server, Node 24 and playwright-core from npm ' +
      'into ~/.cache/voipnow-payloads-e2e; a few minutes), then `npm test` again.',
  );
}
process.exit(result.status ?? 1);
