// Runs headless Emacs (`emacs --batch`) with client.el on a file and returns the JSON it wrote
// (failing clearly when Emacs hangs or writes nothing).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMACS } from '../../../scripts/e2e/config.mjs';

const CLIENT = join(dirname(fileURLToPath(import.meta.url)), 'client.el');

/** `init`: the user's init file; `file`: the file to open; `at`: the text to hover on; `home`: a private HOME. */
export function runEmacs({ init, file, at, home, out }) {
  rmSync(out, { force: true });
  const run = spawnSync(EMACS, ['--batch', '-l', CLIENT], {
    cwd: dirname(file),
    env: { ...process.env, HOME: home, VOIPNOW_INIT: init, VOIPNOW_FILE: file, VOIPNOW_AT: at, VOIPNOW_OUT: out },
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.equal(run.error, undefined, `emacs did not finish: ${run.error?.message}`);
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    assert.fail(`emacs wrote no result (exit ${run.status}); stderr: ${run.stderr}`);
  }
}
