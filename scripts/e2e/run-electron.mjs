#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron:
// the same run() contract as the code-server runner. For machines that can download VS Code
// (into the e2e cache): this one downloads on first use, which is this runner's whole point, so it
// is not part of `npm test`. Set VSCODE_EXECUTABLE to use an installed VS Code instead, and
// VSCODE_VERSION to pick one (default: the `engines.vscode` minimum). On Linux without a display,
// run it under `xvfb-run -a`.
// Where VS Code cannot be downloaded (as on the project's own machines) it fails at once and says
// so: use `npm run e2e:code-server` there.
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite, FIXTURE_WORKSPACE } from './build-suite.mjs';
import { CACHE, OUT, ROOT } from './config.mjs';
import { withTimeout } from './lib.mjs';

const DOWNLOAD_TIMEOUT_MS = Number(process.env.VOIPNOW_E2E_DOWNLOAD_TIMEOUT_MS || 300_000);
const RUN_TIMEOUT_MS = Number(process.env.VOIPNOW_E2E_TIMEOUT_MS || 300_000);

export class DownloadError extends Error {}

export async function runWithElectron() {
  const started = Date.now();
  const { downloadAndUnzipVSCode, runTests, TestRunFailedError } = await import('@vscode/test-electron');
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const version = process.env.VSCODE_VERSION || manifest.engines.vscode.replace(/^[\^~>=]+/, '');

  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await withTimeout(
        downloadAndUnzipVSCode({ version, cachePath: join(CACHE, 'vscode-test') }),
        DOWNLOAD_TIMEOUT_MS,
        `the download of VS Code ${version}`,
      );
    } catch (error) {
      throw new DownloadError(
        `cannot download VS Code ${version} for @vscode/test-electron after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error?.message ?? error}.\n` +
          'This runner needs VS Code\'s download service (or VSCODE_EXECUTABLE=/path/to/code). Where that is unreachable, run the same suite in ' +
          'code-server instead: `npm run e2e:setup` once, then `npm run e2e:code-server`.',
      );
    }
  }

  const suite = await buildSuite();
  const dir = join(OUT, 'e2e', 'electron');
  rmSync(dir, { recursive: true, force: true });
  const workspace = join(dir, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });
  const code = await withTimeout(
    runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: suite,
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(dir, 'user-data'),
        '--extensions-dir', join(dir, 'extensions'),
      ],
      extensionTestsEnv: process.env.VOIPNOW_E2E_GREP ? { VOIPNOW_E2E_GREP: process.env.VOIPNOW_E2E_GREP } : {},
    }).catch((error) => (error instanceof TestRunFailedError ? error.code ?? 1 : Promise.reject(error))),
    RUN_TIMEOUT_MS,
    'the extension-host tests in VS Code',
  );
  console.log(`test-electron extension-host run: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runWithElectron().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`e2e (test-electron): ${error.message}`);
      process.exit(error instanceof DownloadError ? 2 : 1);
    },
  );
}
