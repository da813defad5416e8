// Turns the paths of `check` into the list of files to read: folders are walked for .json/.jsonc
// files, each file knows the path its include-glob decision is made on and the path it is shown as.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CliError } from './errors';
import { isFile } from './nearest-file';

export interface InputFile {
  /** As shown in the output: relative to the working directory, forward slashes. */
  display: string;
  /** What the include globs are matched against: relative to the folder argument, or the file's name. */
  includePath: string;
  /** Absolute path on disk; undefined for standard input. */
  absolute?: string;
  /** The folder given (for a file given, its folder; for standard input the working directory). */
  root: string;
}

/** Folders that never hold the user's payloads and can be huge (`.voipnow` holds the project's settings and records). */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.voipnow']);
const JSON_FILE = /\.jsonc?$/i;

export const toSlashes = (path: string): string => (sep === '\\' ? path.replace(/\\/g, '/') : path);

/** Relative to the working directory when inside it, so that output does not depend on the machine. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return toSlashes(rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel);
}

/** `-` stands for standard input, named `stdinName` (for the file column and the include globs). */
export function collectFiles(paths: readonly string[], cwd: string, stdinName: string): InputFile[] {
  const byPath = new Map<string, InputFile>();
  const add = (file: InputFile) => {
    const key = file.absolute ?? '\0stdin';
    if (!byPath.has(key)) byPath.set(key, file);
  };
  for (const path of paths) {
    if (path === '-') {
      add(stdinFile(stdinName, cwd));
      continue;
    }
    const absolute = resolve(cwd, path);
    const stats = statOrFail(absolute, path);
    if (stats.isDirectory()) walk(absolute, cwd, add);
    else add({ display: displayPath(absolute, cwd), includePath: basename(absolute), absolute, root: dirname(absolute) });
  }
  // Code-unit order, not locale order: the same on every machine.
  return [...byPath.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

function stdinFile(name: string, cwd: string): InputFile {
  const slashed = toSlashes(name);
  // An absolute name is matched like a file under the working directory would be.
  const includePath = isAbsolute(name) ? toSlashes(relative(cwd, name)) : slashed.replace(/^(\.\/)+/, '');
  return { display: slashed, includePath, root: cwd };
}

function statOrFail(absolute: string, given: string) {
  try {
    return statSync(absolute);
  } catch (error) {
    throw new CliError(`cannot read '${given}': ${reason(error)}`);
  }
}

/** Iterative, so that a deep tree cannot overflow the stack; symbolic links to folders are not followed (no cycles). */
function walk(root: string, cwd: string, add: (file: InputFile) => void): void {
  // Paths below the root are built by joining names (path.relative per file costs more than the check).
  const rootDisplay = displayPath(root, cwd);
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
        if (!SKIPPED_FOLDERS.has(entry.name)) pending.push([absolute, `${relativePath}/`]);
        continue;
      }
      if (!JSON_FILE.test(entry.name)) continue;
      if (entry.isSymbolicLink() && !isFile(absolute)) continue;
      if (entry.isFile() || entry.isSymbolicLink()) {
        add({ display: rootDisplay.startsWith('/') ? toSlashes(absolute) : displayPrefix + relativePath, includePath: relativePath, absolute, root });
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
  };
  return (e.code && messages[e.code]) ?? e.message ?? String(error);
}
