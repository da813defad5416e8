// Runs headless Neovim on a file with the given arguments and environment, and returns the JSON
// its Lua script wrote to `out` (failing clearly when Neovim hangs or writes nothing).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { NVIM } from '../../../scripts/e2e/config.mjs';

export function runNeovimScript(args, { cwd, env, out }) {
  rmSync(out, { force: true });
  const run = spawnSync(NVIM, ['--headless', ...args], {
    cwd,
    env: { ...process.env, ...env, VOIPNOW_OUT: out },
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.equal(run.error, undefined, `nvim did not finish: ${run.error?.message}`);
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    assert.fail(`nvim wrote no result (exit ${run.status}); stderr: ${run.stderr}`);
  }
}
