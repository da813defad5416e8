// The workspace's file system on Node (the language server and the command line). Reads open a
// path with O_NONBLOCK and read only if it is a regular file: a FIFO, socket or device named
// `config.json`, `records.json` or `x.json` is never waited on (opening a FIFO for reading would
// block until a writer comes, holding one of libuv's four threads, and with it every later read).
import { constants, type Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DirectoryEntry, EntryKind, WorkspaceFileSystem } from '../core';

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function kindOf(entry: Dirent): EntryKind {
  if (entry.isDirectory()) return 'directory';
  if (entry.isFile()) return 'file';
  return entry.isSymbolicLink() ? 'link' : 'other';
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
  readFile: readRegularFile,
  async stat(path) {
    try {
      const stats = await stat(path);
      return { kind: stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other', size: stats.size };
    } catch {
      return undefined;
    }
  },
  async readDirectory(path): Promise<DirectoryEntry[]> {
    try {
      return (await readdir(path, { withFileTypes: true })).map((entry) => ({ name: entry.name, kind: kindOf(entry) }));
    } catch {
      return [];
    }
  },
  join,
};
