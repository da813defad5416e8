#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite) inside code-server's real VS Code workbench:
// the extension is loaded from this folder as a development extension, the suite's run() executes
// in the extension host, and the workbench's smoke-test driver reports the result through
// window.codeAutomationExit(code) (trusted; the server log says exit 0 even on failure) and the
// host's console through window.codeAutomationLog(type, args).
// Needs `npm run e2e:setup` and a built dist/ (`npm run build`).
import { cpSync, createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite, FIXTURE_WORKSPACE } from './build-suite.mjs';
import { OUT, ROOT } from './config.mjs';
import { launchChromium, requireSetup, runFolder, startCodeServer, withTimeout, workbenchUrl } from './lib.mjs';

const MARK = '[e2e] ';
const RUN_TIMEOUT_MS = Number(process.env.VOIPNOW_E2E_TIMEOUT_MS || 180_000);

export async function runExtensionHostTests() {
  requireSetup();
  if (!existsSync(join(ROOT, 'dist', 'extension.js')) || !existsSync(join(ROOT, 'dist', 'server.js'))) {
    throw new Error('dist/extension.js or dist/server.js is missing: run `npm run build` first');
  }
  const started = Date.now();
  const paths = runFolder(join(OUT, 'e2e', 'code-server-exthost'));
  const suite = await buildSuite();
  // The tests edit documents: they get a copy of the fixture workspace, never the fixtures.
  const workspace = join(paths.dir, 'workspace');
  cpSync(FIXTURE_WORKSPACE, workspace, { recursive: true });

  const server = await startCodeServer(paths, {
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    env: process.env.VOIPNOW_E2E_GREP ? { VOIPNOW_E2E_GREP: process.env.VOIPNOW_E2E_GREP } : {},
  });
  let context;
  try {
    context = await launchChromium(paths);
    const page = context.pages()[0] ?? (await context.newPage());
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => exit(Number(code)));
    // Everything the workbench logs goes to workbench.log; the suite's own lines (its reporter
    // marks them) go to the terminal too.
    const workbenchLog = createWriteStream(join(paths.dir, 'workbench.log'));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      workbenchLog.write(`[${type}] ${text}\n`);
      for (const line of text.split('\n')) if (line.startsWith(MARK)) console.log(line.slice(MARK.length));
    });
    page.on('pageerror', (error) => workbenchLog.write(`[page error] ${error.stack ?? error.message}\n`));
    const remote = (p) => `vscode-remote://${server.authority}${p}`;
    await page.goto(
      workbenchUrl(server, workspace, [
        ['extensionDevelopmentPath', remote(ROOT)],
        ['extensionTestsPath', remote(suite)],
      ]),
    );
    const code = await withTimeout(exited, RUN_TIMEOUT_MS, `the extension-host tests to finish (codeAutomationExit); code-server log: ${paths.log}`).catch(
      async (error) => {
        await page.screenshot({ path: join(paths.dir, 'timeout.png') }).catch(() => {});
        throw error;
      },
    );
    console.log(`code-server extension-host run: exit ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s (logs in ${paths.dir})`);
    return code;
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runExtensionHostTests().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`e2e (code-server extension host): ${error.message}`);
      process.exit(1);
    },
  );
}
