// Runs headless Neovim on a file with the given arguments and environment, and returns the JSON
// its Lua script wrote to `out` (failing clearly when Neovim hangs or writes nothing).
import { NVIM } from '../../../scripts/e2e/config.mjs';
import { runHeadless } from '../run-headless.mjs';

export function runNeovimScript(args, { cwd, env, out }) {
  return runHeadless('nvim', NVIM, ['--headless', ...args], { cwd, env, out });
}
