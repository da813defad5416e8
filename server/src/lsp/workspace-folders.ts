// Where a document sits relative to its workspace folder: the include globs match that path. A
// folder holds the documents of its own scheme and authority (uri-paths.ts).
import { URI } from 'vscode-uri';
import type { SessionFolder } from '../core';
import { baseName, folderKey, uriKey } from './uri-paths';

/** A workspace folder as the index holds it (workspace-index.ts). */
export interface IndexFolder extends SessionFolder {
  uri: string;
  /** URI path with a trailing slash. */
  path: string;
  /** Scheme, authority and path with a trailing slash (uri-paths.ts): what places a file in the folder. */
  key: string;
  name: string;
  order: number;
}

/**
 * The index's folders once the workspace holds `given` (in its order, each folder once), which
 * were removed, and which are to read: the added ones, and a folder that held a nested one removed
 * (those files are its own again). A folder still there keeps its object: files refer to it.
 */
export function nextFolders(previous: readonly IndexFolder[], given: ReadonlyArray<{ uri: string; name?: string }>) {
  const known = new Map(previous.map((f) => [f.key, f]));
  const next: IndexFolder[] = [];
  for (const f of given) {
    const key = folderKey(f.uri);
    if (next.some((n) => n.key === key)) continue;
    const existing = known.get(key);
    if (existing) next.push(Object.assign(existing, { order: next.length }));
    else next.push({ uri: f.uri, path: URI.parse(f.uri).path.replace(/\/?$/, '/'), key, name: f.name ?? baseName(f.uri), order: next.length });
  }
  const added = next.filter((f) => !previous.includes(f));
  const removed = previous.filter((f) => !next.includes(f));
  const outer = (inner: IndexFolder) => next.filter((f) => inner.key.startsWith(f.key)).sort((a, b) => b.key.length - a.key.length)[0];
  const holders = removed.map(outer).filter((f): f is IndexFolder => f !== undefined && !added.includes(f));
  return { next, removed, toRead: [...new Set([...added, ...holders])] };
}

export class WorkspaceFolders {
  /** Folder keys, longest first, so the innermost folder of a nested pair wins. */
  private folders: string[] = [];

  set(uris: readonly string[]): void {
    this.folders = [...new Set(uris.map(folderKey))].sort((a, b) => b.length - a.length);
  }

  add(uri: string): void {
    this.folders = [...new Set([...this.folders, folderKey(uri)])].sort((a, b) => b.length - a.length);
  }

  remove(uri: string): void {
    const key = folderKey(uri);
    this.folders = this.folders.filter((f) => f !== key);
  }

  /** The document's path relative to its folder, or its whole path when it is in none. */
  relativePath(documentUri: string): string {
    const key = uriKey(documentUri);
    const folder = this.folders.find((f) => key.startsWith(f));
    return folder ? key.slice(folder.length) : URI.parse(documentUri).path.replace(/^\//, '');
  }
}
