// Which files of a workspace the checker reads, and as what (shared by the command line and the
// language server): payload candidates are `*.json` and `*.jsonc`; the two `.voipnow/` files are
// settings and records, never payloads; a few folders never hold the user's payloads.
import type { WorkspaceFileSystem } from './file-system';

export type FileRole = 'payload' | 'settings' | 'records' | 'other';

/** Folders that are never walked: dependencies, version control, the checker's own settings. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.voipnow']);

const JSON_FILE = /\.jsonc?$/i;

/** A path or URI by its name alone (no file system access). */
export function roleOf(path: string): FileRole {
  const slashed = path.replace(/\\/g, '/');
  if (slashed.endsWith('/.voipnow/config.json') || slashed === '.voipnow/config.json') return 'settings';
  if (slashed.endsWith('/.voipnow/records.json') || slashed === '.voipnow/records.json') return 'records';
  return JSON_FILE.test(slashed) ? 'payload' : 'other';
}

export function isJsonName(name: string): boolean {
  return JSON_FILE.test(name);
}

/** Whether a path relative to a folder passes through a skipped folder. */
export function inSkippedFolder(relativePath: string): boolean {
  return relativePath.split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part));
}

export interface WalkOptions {
  /** Folders not to enter (a nested workspace folder, indexed as itself). */
  skip?(path: string): boolean;
  /** Each folder entered (for watching). */
  onFolder?(path: string): void;
  /** Stop early (a later walk took over). */
  cancelled?(): boolean;
}

/**
 * The JSON files below a folder, iteratively (a deep tree cannot overflow the stack). Links to
 * files are listed (the read decides whether they are regular files); links to folders are not
 * followed (no cycles).
 */
export async function listJsonFiles(fs: WorkspaceFileSystem, root: string, options: WalkOptions = {}): Promise<string[]> {
  const found: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    if (options.cancelled?.()) break;
    const folder = pending.pop()!;
    options.onFolder?.(folder);
    for (const entry of await fs.readDirectory(folder)) {
      const path = fs.join(folder, entry.name);
      if (entry.kind === 'directory') {
        if (!SKIPPED_FOLDERS.has(entry.name) && !options.skip?.(path)) pending.push(path);
      } else if ((entry.kind === 'file' || entry.kind === 'link') && JSON_FILE.test(entry.name)) {
        found.push(path);
      }
    }
  }
  return found;
}
