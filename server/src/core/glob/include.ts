// Which files are payload files by name (the `include` globs, spec section 1).
import { compileGlob, type CompiledGlob } from './glob';

export const DEFAULT_INCLUDE = ['**/*.payload.json', '**/*.payload.jsonc'];

// Each glob is compiled once. The settings hold a handful; the cap keeps globs of settings that
// changed many times from piling up.
const MAX_COMPILED = 256;
const compiled = new Map<string, CompiledGlob>();

function matcher(glob: string): CompiledGlob {
  let m = compiled.get(glob);
  if (!m) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(glob, (m = compileGlob(glob)));
  }
  return m;
}

/**
 * `relativePath` uses forward slashes, relative to the workspace folder (or the checked folder).
 * A glob with a problem (see globProblem) matches nothing: settings leave such globs out already.
 */
export function isIncluded(relativePath: string, globs: readonly string[] = DEFAULT_INCLUDE): boolean {
  for (const glob of globs) if (matcher(glob).matches(relativePath)) return true;
  return false;
}
