// The workspace's file system on Node (the language server): paths are `file:` URIs, as the
// client names files, turned into paths here (other schemes are not on this disk: nothing there).
// Reads open a path with O_NONBLOCK and read only if it is a regular file: a FIFO, socket or device
// named `config.json`, `records.json` or `x.json` is never waited on (opening a FIFO for reading
// would block until a writer comes, holding one of libuv's four threads, and with it every later read).
import { constants, type Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import type { DirectoryEntry, EntryKind, WorkspaceFileSystem } from '../core';
import { joinUri } from '../lsp/uri-paths';

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(entry: Dirent): EntryKind {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  return entry.isSymbolicLink() ? 'link' : 'other';
}

/** The path of a `file:` URI; undefined for any other scheme. */
export function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

/** A regular file's first `limit` bytes; undefined when gone, not a regular file or unreadable. */
export async function readRegularFile(path: string, limit: number): Promise<Buffer | undefined> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, READ_FLAGS);
    const stats = await handle.stat();
    if (!stats.isFile()) return undefined;
    // Sized by the file (plus one byte to see growth), capped by the limit.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size + 1, limit));
    let total = 0;
    while (total < buffer.length) {
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => {});
  }
}

export const nodeFileSystem: WorkspaceFileSystem = {
  async readFile(uri, limit) {
    const path = pathOf(uri);
    return path === undefined ? undefined : readRegularFile(path, limit);
  },
  async stat(uri) {
    const path = pathOf(uri);
    if (path === undefined) return undefined;
    try {
      const stats = await stat(path);
      return { kind: stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other', size: stats.size };
    } catch {
      return undefined;
    }
  },
  async readDirectory(uri): Promise<DirectoryEntry[]> {
    const path = pathOf(uri);
    if (path === undefined) return [];
    try {
      return (await readdir(path, { withFileTypes: true })).map((entry) => ({ name: entry.name, kind: kindOf(entry) }));
    } catch {
      return [];
    }
  },
  join: joinUri,
};
