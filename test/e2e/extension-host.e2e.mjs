// The extension-host suite (test/e2e/suite, mocha) against the real extension, in both runners:
// inside code-server's VS Code workbench (here and in CI), once in its Node extension host and once
// in the browser's web worker extension host (the extension's browser build, its server in a Web
// Worker); and through @vscode/test-electron, which needs to download desktop VS Code: here only
// its fast, clear failure can be checked. The two code-server runs print their activation to first
// diagnostics times side by side (not asserted).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { OUT, ROOT } from '../../scripts/e2e/config.mjs';
import { freePort } from '../../scripts/e2e/lib.mjs';

/** Runs the suite in code-server; returns its activation to first diagnostics times (from activate(), from asking the host). */
function runInCodeServer(args, where) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'run-code-server.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  assert.equal(run.error, undefined, `the runner did not finish: ${run.error?.message}`);
  assert.equal(run.status, 0, `the suite failed in code-server's ${where} (its report is above)`);
  assert.match(run.stdout, /extension host: \d+ passed, 0 failed/);
  const timing = /activation to first diagnostics (\d+) ms \(((\d+) ms from asking the host|the extension was already active)\)/.exec(run.stdout);
  return timing ? { activate: Number(timing[1]), host: timing[3] ? Number(timing[3]) : undefined } : undefined;
}

/** Every file under a folder (links not followed). */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

describe('extension-host tests', () => {
  const timings = {};
  after(() => {
    if (!timings.node || !timings.web) return;
    const row = (name, t, base) => {
      const cell = (key) => {
        if (t[key] === undefined) return 'already active'.padEnd(19);
        return `${String(t[key]).padStart(6)} ms${base?.[key] ? `  (${(t[key] / base[key]).toFixed(2)}x)` : '         '}`;
      };
      return `  ${name.padEnd(26)} ${cell('activate')}   ${cell('host')}`;
    };
    console.log(
      'activation to first diagnostics, same workspace, code-server 4.139.1 (target: web worker within 2x of Node):\n' +
        `  ${''.padEnd(26)} ${'activate() on'.padEnd(19)}   from asking the host\n` +
        `${row('Node extension host', timings.node)}\n${row('web worker extension host', timings.web, timings.node)}`,
    );
  });

  it('pass inside code-server (smoke-test driver, codeAutomationExit)', () => {
    timings.node = runInCodeServer([], 'Node extension host');
    // The live loop's test (live.node.test.ts) kept credentials in SecretStorage and sent with them:
    // no file of the run (logs, user data, the browser's profile, the workspace) holds them, and
    // the server's WSDL was kept in the extension's global storage.
    const run = join(OUT, 'e2e', 'code-server-exthost');
    const secrets = JSON.parse(readFileSync(join(ROOT, 'test', 'e2e', 'suite', 'live-secrets.json'), 'utf8'));
    const found = filesUnder(run).filter((file) => {
      const bytes = readFileSync(file);
      return [secrets.secret, secrets.refused].some((secret) => bytes.includes(secret));
    });
    assert.deepEqual(found, [], 'no file of the run holds a secret');
    const stored = join(run, 'user-data', 'User', 'globalStorage', 'voipnow-payloads.voipnow-payloads', 'wsdl');
    assert.equal(readdirSync(stored).filter((f) => f.endsWith('.json')).length, 1, 'one WSDL kept in the global storage');
  });

  it("pass in code-server's web worker extension host (remote.extensionKind: web; the server in a Web Worker)", () => {
    timings.web = runInCodeServer(['--web'], 'web worker extension host');
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
