#!/usr/bin/env node
// The last step of `npm test`: the packaging test always, then the end-to-end tests (extension
// host in code-server, the VSIX in the workbench with Chromium, Neovim) when `npm run e2e:setup`
// has been run. Without that setup it says how to enable them and passes, except under CI=true,
// where a missing setup fails (.ci/run runs the setup first). `--require` fails without a setup
// anywhere (`npm run e2e`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { notReadyReason, ROOT } from './config.mjs';

const started = Date.now();
const required = process.env.CI === 'true' || process.argv.includes('--require');
const reason = notReadyReason();

function run(cmd, args, what) {
  const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`e2e: ${what} failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`);
    process.exit(result.status || 1);
  }
}

if (reason && required) {
  console.error(
    `e2e: the end-to-end tests cannot run: ${reason}.\n` +
      `${process.env.CI === 'true' ? 'Under CI=true they are required' : 'They were required'}: run \`npm run e2e:setup\` first (.ci/run does).`,
  );
  process.exit(1);
}

// Packaging needs nothing beyond node_modules: always checked. vsce runs the build first.
run('npm', ['run', '--silent', 'package'], '`npm run package`');

const files = readdirSync(join(ROOT, 'test', 'e2e'))
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => !reason || f === 'package.e2e.mjs')
  .sort()
  .map((f) => join('test', 'e2e', f));
if (reason) {
  console.log(
    `\ne2e: the end-to-end tests (VS Code extension host in code-server, the VSIX in the workbench with Chromium, Neovim) are SKIPPED: ${reason}.\n` +
      'e2e: to enable them, run `npm run e2e:setup` once (Debian packages with apt-get, code-server, Node 24 and playwright-core from npm into ~/.cache/voipnow-payloads-e2e; a few minutes), then `npm test` again.\n',
  );
}
// One file at a time: code-server and Chromium each want most of a 2-core machine.
console.log(`e2e: ${files.join(', ')} (packaged in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files], { cwd: ROOT, stdio: 'inherit' });
process.exit(result.status ?? 1);
