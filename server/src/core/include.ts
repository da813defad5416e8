// Which files are payload files by name (the `include` globs, spec section 1).
import { minimatch } from 'minimatch';

export const DEFAULT_INCLUDE = ['**/*.payload.json', '**/*.payload.jsonc'];

/** `relativePath` uses forward slashes, relative to the workspace folder (or the checked folder). */
export function isIncluded(relativePath: string, globs: readonly string[] = DEFAULT_INCLUDE): boolean {
  return globs.some((glob) => minimatch(relativePath, glob, { dot: true, matchBase: !glob.includes('/') }));
}
