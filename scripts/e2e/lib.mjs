// Shared by the code-server runners: a private code-server started from the cache with Node 24,
// headless Debian Chromium driven by playwright-core, bounded waits, and clean stops.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CACHE, CHROMIUM, CODE_SERVER_ENTRY, NODE24, TOOLS_DIR, notReadyReason } from './config.mjs';

export function requireSetup() {
  const reason = notReadyReason();
  if (reason) {
    console.error(`e2e: not set up (${reason}); run \`npm run e2e:setup\` first`);
    process.exit(1);
  }
}

/** Rejects with a message that says what was awaited when `promise` takes longer than `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
};

/** A fresh folder for one run: user data, extensions, config, XDG folders and TMPDIR all inside it. */
export function runFolder(dir) {
  rmSync(dir, { recursive: true, force: true });
  const paths = {
    dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    config: join(dir, 'config.yaml'),
    tmp: join(dir, 'tmp'),
    xdg: join(dir, 'xdg'),
    browserProfile: join(dir, 'chromium-profile'),
    log: join(dir, 'code-server.log'),
  };
  for (const p of [paths.userData, paths.extensions, paths.tmp, paths.xdg, paths.browserProfile]) mkdirSync(p, { recursive: true });
  writeFileSync(paths.config, '# everything else is given on the command line\nauth: none\n');
  // User settings that keep the workbench quiet and its first screen predictable: no welcome page,
  // no chat panel, no git prompts (the run folder sits inside this repository), no update checks.
  mkdirSync(join(paths.userData, 'User'), { recursive: true });
  writeFileSync(join(paths.userData, 'User', 'settings.json'), JSON.stringify(WORKBENCH_SETTINGS, null, 2));
  return paths;
}

function codeServerEnv(paths) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key.startsWith('npm_')) delete env[key];
  return {
    ...env,
    XDG_CONFIG_HOME: join(paths.xdg, 'config'),
    XDG_DATA_HOME: join(paths.xdg, 'data'),
    XDG_CACHE_HOME: join(paths.xdg, 'cache'),
    TMPDIR: paths.tmp,
    // The default, kept explicit: the workbench must not try to reach a marketplace.
    EXTENSIONS_GALLERY: '{}',
  };
}

function commonArgs(paths) {
  return ['--config', paths.config, '--user-data-dir', paths.userData, '--extensions-dir', paths.extensions];
}

/** `code-server --install-extension x.vsix` into the run's private extensions folder. */
export function installExtension(paths, vsix) {
  const result = spawnSync(NODE24, [CODE_SERVER_ENTRY, ...commonArgs(paths), '--install-extension', vsix, '--force'], {
    env: codeServerEnv(paths),
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout.trim();
}

/**
 * Starts code-server on a free loopback port; resolves once it logs `HTTP server listening`.
 * `stop()` ends its whole process group (it was started in a group of its own).
 */
export async function startCodeServer(paths, { extraArgs = [], env = {} } = {}) {
  const port = await freePort();
  const log = createWriteStream(paths.log);
  const child = spawn(
    NODE24,
    [
      CODE_SERVER_ENTRY,
      ...commonArgs(paths),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...extraArgs,
    ],
    { env: { ...codeServerEnv(paths), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let exited = null;
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      log.write(chunk);
      output += chunk;
      if (output.includes('HTTP server listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      reject(new Error(`code-server exited (${code ?? signal}) before listening; log ${paths.log}:\n${output}`));
    });
    child.once('error', reject);
  });
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // The process group is gone already.
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The process group is gone already.
      }
    }, 5000);
    await gone;
    clearTimeout(timer);
    log.end();
  };
  try {
    await withTimeout(listening, 60_000, `code-server to listen (log ${paths.log})`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, url: `http://127.0.0.1:${port}`, authority: `127.0.0.1:${port}`, stop, output: () => output };
}

/** Headless Debian Chromium through playwright-core (from the cache: no browser download). */
export async function launchChromium(paths) {
  const { chromium } = createRequire(join(TOOLS_DIR, 'package.json'))('playwright-core');
  const context = await chromium.launchPersistentContext(paths.browserProfile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  return context;
}

export function workbenchUrl(server, folder, payload) {
  const url = new URL(server.url);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

export { CACHE };
