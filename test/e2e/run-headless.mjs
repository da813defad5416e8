// Runs a headless editor (Neovim, Emacs) whose script writes its findings as JSON to `out`, and
// returns them, failing clearly when the editor hangs or writes nothing.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

/** `name` names the editor in failures; `env` is added to this process's environment, with VOIPNOW_OUT. */
export function runHeadless(name, command, args, { cwd, env, out }) {
  rmSync(out, { force: true });
  const run = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env, VOIPNOW_OUT: out },
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.equal(run.error, undefined, `${name} did not finish: ${run.error?.message}`);
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    assert.fail(`${name} wrote no result (exit ${run.status}); stderr: ${run.stderr}`);
  }
}
