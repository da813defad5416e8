// The extension-host suite (test/e2e/suite, mocha) against the real extension, in both runners:
// inside code-server's VS Code workbench (here and in CI), and through @vscode/test-electron,
// which needs to download desktop VS Code: here only its fast, clear failure can be checked.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT } from '../../scripts/e2e/config.mjs';
import { freePort } from '../../scripts/e2e/lib.mjs';

describe('extension-host tests', () => {
  it('pass inside code-server (smoke-test driver, codeAutomationExit)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'run-code-server.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    process.stdout.write(run.stdout);
    process.stderr.write(run.stderr);
    assert.equal(run.error, undefined, `the runner did not finish: ${run.error?.message}`);
    assert.equal(run.status, 0, 'the suite failed in code-server (its report is above)');
    assert.match(run.stdout, /extension host: \d+ passed, 0 failed/);
  });

  it('@vscode/test-electron fails fast and says why when VS Code cannot be downloaded', async () => {
    // Downloads go through a proxy on a closed loopback port, so that no machine downloads here.
    const closed = await freePort();
    const started = Date.now();
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'run-electron.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, VSCODE_EXECUTABLE: '', npm_config_https_proxy: `http://127.0.0.1:${closed}`, npm_config_proxy: `http://127.0.0.1:${closed}` },
    });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(run.status, 2, `exit code 2 for "cannot download" (stderr: ${run.stderr})`);
    assert.ok(seconds < 30, `failed within 30 s (took ${seconds} s)`);
    assert.match(run.stderr, /cannot download VS Code \S+ for @vscode\/test-electron/);
    assert.match(run.stderr, /npm run e2e:code-server/);
  });
});
