#!/usr/bin/env node
// Runs the extension-host suite (test/e2e/suite) inside code-server's real VS Code workbench:
// the extension is loaded from this folder as a development extension, the suite's run() executes
// in the extension host, and the workbench's smoke-test driver reports the result through
// window.codeAutomationExit(code) (trusted; the server log says exit 0 even on failure) and the
// host's console through window.codeAutomationLog(type, args).
// `--web` runs it in the browser's web worker extension host instead of the Node host: the user
// setting `remote.extensionKind` moves the extension (which has both `main` and `browser`) there,
// and the suite is its web bundle (build-suite.mjs). Either way the suite prints the activation to
// first diagnostics time of its host.
// Needs `npm run e2e:setup` and a built dist/ (`npm run build`).
import { cpSync, createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSuite, buildWebSuite, FIXTURE_WORKSPACE } from './build-suite.mjs';
import { OUT, ROOT } from './config.mjs';
import { launchChromium, requireSetup, runFolder, startCodeServer, withTimeout, WORKBENCH_SETTINGS, workbenchUrl } from './lib.mjs';

const MARK = '[e2e] ';
const RUN_TIMEOUT_MS = Number(process.env.VOIPNOW_E2E_TIMEOUT_MS || 180_000);

const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** `web`: the extension and the suite in the web worker extension host; else the Node host. */
export async function runExtensionHostTests({ web = false } = {}) {
  requireSetup();
  const bundles = web ? ['extension-browser.js', 'server-browser.js'] : ['extension.js', 'server.js'];
  for (const bundle of bundles) if (!existsSync(join(ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} is missing: run \`npm run build\` first`);
  const started = Date.now();
  const paths = runFolder(join(OUT, 'e2e', web ? 'code-server-exthost-web' : 'code-server-exthost'));
  if (web) {
    const id = `${MANIFEST.publisher}.${MANIFEST.name}`;
    const settings = { ...WORKBENCH_SETTINGS, 'remote.extensionKind': { [id]: ['web'] } };
    writeFileSync(join(paths.userData, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  const suite = web ? await buildWebSuite() : await buildSuite();
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
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`code-server ${web ? 'web worker' : 'Node'} extension-host run: exit ${code} in ${seconds} s (logs in ${paths.dir})`);
    return code;
  } finally {
    await context?.close().catch(() => {});
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runExtensionHostTests({ web: process.argv.includes('--web') }).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`e2e (code-server ${process.argv.includes('--web') ? 'web worker' : 'Node'} extension host): ${error.message}`);
      process.exit(1);
    },
  );
}
