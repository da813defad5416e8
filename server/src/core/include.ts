// Which files are payload files by name (the `include` globs, spec section 1).
import { Minimatch } from 'minimatch';

export const DEFAULT_INCLUDE = ['**/*.payload.json', '**/*.payload.jsonc'];

/** `relativePath` uses forward slashes, relative to the workspace folder (or the checked folder). */
// Compiling a glob costs far more than matching it: each is compiled once.
const compiled = new Map<string, Minimatch>();

function matcher(glob: string): Minimatch {
  let m = compiled.get(glob);
  if (!m) compiled.set(glob, (m = new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') })));
  return m;
}

export function isIncluded(relativePath: string, globs: readonly string[] = DEFAULT_INCLUDE): boolean {
  return globs.some((glob) => matcher(glob).match(relativePath));
}
