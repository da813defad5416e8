// Turns the paths of `check` into the list of files to read: folders are walked for .json/.jsonc
// files, a glob (quoted, so that the shell left it alone) is matched below its fixed part, and each
// file knows the path its include-glob decision is made on and the path it is shown as. A path or
// glob that matches no JSON file is an error, as in ESLint, unless allowed.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isIncluded, isJsonName, SKIPPED_FOLDERS } from '../core';
import { realPath } from '../node/file-system';
import { CliError } from './errors';
import { isFile } from './nearest-file';

export interface InputFile {
  /** As shown in the output: relative to the working directory, forward slashes. */
  display: string;
  /**
   * What --include's globs are matched against: the path relative to the working directory when
   * the file is under it (as ESLint and Spectral match), else relative to the folder given.
   */
  includePath: string;
  /** Absolute path on disk; undefined for standard input. */
  absolute?: string;
  /** The folder given (for a file given, its folder; for standard input the working directory). */
  root: string;
}


export const toSlashes = (path: string): string => (sep === '\\' ? path.replace(/\\/g, '/') : path);

/** Relative to the working directory when inside it, so that output does not depend on the machine. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return toSlashes(rel === '' ? '.' : isOutside(rel) ? absolute : rel);
}

/** A relative path that leaves its base (`..`, `../x`; not a name such as `..x`). */
const isOutside = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || rel.startsWith('../') || isAbsolute(rel);

/** Characters that make an argument a glob (when no file has that very name). */
const GLOB_MAGIC = /[*?[\]{}]|[@!+]\(/;

export interface CollectOptions {
  /** A path or glob that matches no JSON file is an error (default); false skips it silently. */
  errorOnUnmatched?: boolean;
}

/** `-` stands for standard input, named `stdinName` (for the file column and the include globs). */
export function collectFiles(paths: readonly string[], cwd: string, stdinName: string, options: CollectOptions = {}): InputFile[] {
  const errorOnUnmatched = options.errorOnUnmatched ?? true;
  const byPath = new Map<string, InputFile>();
  // Links to files found by a walk (not given by name): counted once with their targets below.
  const walkedLinks = new Set<string>();
  const given = new Set<string>();
  let matched = 0;
  const add = (file: InputFile, link = false) => {
    matched++;
    const key = file.absolute ?? '\0stdin';
    if (link) walkedLinks.add(key);
    if (!byPath.has(key)) byPath.set(key, file);
  };
  const allow = '--no-error-on-unmatched-pattern allows it';
  for (const path of paths) {
    if (path === '-') {
      add(stdinFile(stdinName, cwd));
      continue;
    }
    const absolute = resolve(cwd, path);
    const before = matched;
    const stats = statOf(absolute, path, GLOB_MAGIC.test(path) || !errorOnUnmatched);
    if (stats?.isDirectory()) {
      walk(absolute, cwd, add);
      if (matched === before && errorOnUnmatched) throw new CliError(`no .json or .jsonc file in '${path}' (${allow})`);
    } else if (stats) {
      given.add(absolute);
      add(fileInput(absolute, cwd));
    } else if (GLOB_MAGIC.test(path)) {
      expandGlob(path, cwd, add);
      if (matched === before && errorOnUnmatched) throw new CliError(`no .json or .jsonc file matches '${path}' (${allow})`);
    }
  }
  // Code-unit order, not locale order: the same on every machine.
  const sorted = [...byPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  for (const path of given) walkedLinks.delete(path);
  return walkedLinks.size === 0 ? sorted : withoutRepeatedLinks(sorted, walkedLinks, given);
}

/**
 * A file counts once: a link found by a walk is left out when its target is checked by its own
 * name (found by a walk or given) or through an earlier link (in display order), else the values it
 * holds would clash with themselves. A link whose target nothing else reaches (in node_modules,
 * outside the folders given, not a JSON name) is the only way to that file: it is read as before.
 * A file given by name is checked as given, link or not.
 */
function withoutRepeatedLinks(files: InputFile[], walkedLinks: ReadonlySet<string>, given: ReadonlySet<string>): InputFile[] {
  const realRoots = new Map<string, string | undefined>();
  const realOf = (absolute: string, root: string): string | undefined => {
    if (walkedLinks.has(absolute) || given.has(absolute)) return realPath(absolute);
    // A walk enters no link to a folder: below the folder given's real path, a walked file's path is its own.
    if (!realRoots.has(root)) realRoots.set(root, realPath(root));
    const realRoot = realRoots.get(root);
    return realRoot === undefined ? undefined : join(realRoot, relative(root, absolute));
  };
  const counted = new Set<string>();
  for (const { absolute, root } of files) {
    const real = absolute === undefined || walkedLinks.has(absolute) ? undefined : realOf(absolute, root);
    if (real !== undefined) counted.add(real);
  }
  return files.filter(({ absolute, root }) => {
    if (absolute === undefined || !walkedLinks.has(absolute)) return true;
    const real = realOf(absolute, root);
    // Gone or looping since the walk: kept, and its read says why.
    if (real === undefined) return true;
    if (counted.has(real)) return false;
    counted.add(real);
    return true;
  });
}

function fileInput(absolute: string, cwd: string): InputFile {
  const display = displayPath(absolute, cwd);
  return { display, includePath: isAbsolute(display) ? basename(absolute) : display, absolute, root: dirname(absolute) };
}

/**
 * A glob argument: the folders before its first wildcard are walked (the way a folder is), and the
 * rest is matched against the path below them, with the include globs' matcher. Without a `/` or
 * `**` in the rest (`*.json`), only that folder's own files are candidates, as in a shell.
 */
function expandGlob(pattern: string, cwd: string, add: (file: InputFile, link: boolean) => void): void {
  const segments = toSlashes(pattern).split('/');
  const fixed = segments.findIndex((segment) => GLOB_MAGIC.test(segment));
  const base = resolve(cwd, segments.slice(0, fixed).join('/') || '.');
  const rest = segments.slice(fixed).join('/');
  if (!statOf(base, pattern, true)?.isDirectory()) return;
  const deep = rest.includes('/') || rest.includes('**');
  walk(base, cwd, (file, link) => {
    if (isIncluded(toSlashes(relative(base, file.absolute!)), [rest])) add(file, link);
  }, deep);
}

function stdinFile(name: string, cwd: string): InputFile {
  const slashed = toSlashes(name);
  // An absolute name is matched like a file under the working directory would be.
  const includePath = isAbsolute(name) ? toSlashes(relative(cwd, name)) : slashed.replace(/^(\.\/)+/, '');
  return { display: slashed, includePath, root: cwd };
}

/** The path's stats; undefined when it does not exist and that is allowed (a glob, or unmatched paths allowed). */
function statOf(absolute: string, given: string, missingAllowed: boolean) {
  try {
    return statSync(absolute);
  } catch (error) {
    if (missingAllowed && ['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw new CliError(`cannot read '${given}': ${reason(error)}`);
  }
}

/**
 * Iterative, so that a deep tree cannot overflow the stack; symbolic links to folders are not
 * followed (no cycles). `deep` false: the folder's own files only.
 */
function walk(root: string, cwd: string, add: (file: InputFile, link: boolean) => void, deep = true): void {
  // Paths below the root are built by joining names (path.relative per file costs more than the check).
  const rootDisplay = displayPath(root, cwd);
  const outside = isAbsolute(rootDisplay);
  const displayPrefix = rootDisplay === '.' ? '' : `${rootDisplay}/`;
  const pending: Array<[string, string]> = [[root, '']];
  while (pending.length > 0) {
    const [folder, below] = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      throw new CliError(`cannot read '${displayPath(folder, cwd)}': ${reason(error)}`);
    }
    for (const entry of entries) {
      const absolute = join(folder, entry.name);
      const relativePath = below + entry.name;
      if (entry.isDirectory()) {
        if (deep && !SKIPPED_FOLDERS.has(entry.name)) pending.push([absolute, `${relativePath}/`]);
        continue;
      }
      if (!isJsonName(entry.name)) continue;
      if (entry.isSymbolicLink() && !isFile(absolute)) continue;
      if (entry.isFile() || entry.isSymbolicLink()) {
        const display = outside ? toSlashes(absolute) : displayPrefix + relativePath;
        add({ display, includePath: outside ? relativePath : display, absolute, root }, entry.isSymbolicLink());
      }
    }
  }
}

/** The system's short reason (`no such file or directory`), without the stack or the errno prefix. */
export function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const messages: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a folder',
    ENOTDIR: 'not a folder',
    ELOOP: 'too many symbolic links',
    ENOSPC: 'no space left on device',
    EFBIG: 'file too large',
    EROFS: 'read-only file system',
    EDQUOT: 'disk quota exceeded',
  };
  return (e.code && messages[e.code]) ?? e.message ?? String(error);
}
