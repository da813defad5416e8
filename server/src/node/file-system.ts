// The workspace's file system on Node (the language server): paths are `file:` URIs, as the
// client names files, turned into paths here (other schemes are not on this disk: nothing there).
// Reads open a path with O_NONBLOCK and read only if it is a regular file: a FIFO, socket or device
// named `config.json`, `records.json` or `x.json` is never waited on (opening a FIFO for reading
// would block until a writer comes, holding one of libuv's four threads, and with it every later read).
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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

/**
 * Where a `file:` URI leads once every link is followed (a `file:` URI); undefined when it leads
 * nowhere (gone, a broken link, a loop) or is not on this disk. The system's realpath: a few
 * system calls, answered at once by a local disk (lsp/workspace-bounds.ts asks it for links only).
 */
export async function realUri(uri: string): Promise<string | undefined> {
  const path = pathOf(uri);
  const real = path === undefined ? undefined : realPath(path);
  return real === undefined ? undefined : URI.file(real).toString();
}

/** Where a path leads once every link is followed; undefined when nowhere (gone, a broken link, a loop). */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

/** Files up to this size are read at once; larger ones in chunks that let the event loop in. */
const READ_AT_ONCE = 1024 * 1024;

/** glibc's allocator maps a block this large on its own, always (DEFAULT_MMAP_THRESHOLD_MAX, 64-bit). */
const MAPPED_ALONE = 32 * 1024 * 1024;
/** glibc's first threshold for mapping a block on its own: freeing a larger one raises it. */
const MAPPED_FROM = 128 * 1024;

/**
 * A buffer for `size` bytes. A large one takes 32 MB of address space (only the pages read into
 * count as memory): glibc frees a block that large by unmapping it and leaves its threshold as it
 * was. A block of 7.5 MB, mapped too, raised that threshold to 7.5 MB when freed, and the blocks
 * allocated after it (the index's arrays among them) were placed among freed ones in the process's
 * heap, which it cannot give back: after indexing 1 GB of 7.5 MB batches the server held 100 MB
 * more, for good (`npm run bench -- workspace index1g`). Elsewhere this costs address space only.
 */
function readBuffer(size: number): Buffer {
  return size < MAPPED_FROM ? Buffer.allocUnsafe(size) : Buffer.allocUnsafe(Math.max(size, MAPPED_ALONE + 1)).subarray(0, size);
}

/**
 * Reads a regular file's first `limit` bytes, pausing (a `yield`) between chunks of a large one;
 * throws when the path is not a regular file (code ENOTREG) or cannot be read. A small file (most
 * payloads) is read with direct system calls: four thread-pool round trips per file cost far more
 * than the read (100,000 files of 200 bytes: 7 s through the pool). A regular file on a local disk
 * answers in microseconds; the O_NONBLOCK open keeps anything else from blocking.
 */
function* regularFileReader(path: string, limit: number): Generator<void, Buffer, void> {
  const fd = openSync(path, READ_FLAGS);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    // Sized by the file (plus one byte to see growth), capped by the limit.
    const size = Math.min(stats.size + 1, limit);
    const buffer = readBuffer(size);
    let total = 0;
    while (total < size) {
      const length = Math.min(size - total, READ_AT_ONCE);
      const read = readSync(fd, buffer, total, length, null);
      if (read === 0) break;
      total += read;
      // Short of the size: the file is read (the byte past it was only to see growth).
      if (total >= stats.size && read < length) break;
      if (total < size) yield;
    }
    return buffer.subarray(0, total);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's first `limit` bytes, at once (the command line); throws as regularFileReader does. */
export function readRegularFileSync(path: string, limit: number): Buffer {
  const reader = regularFileReader(path, limit);
  for (;;) {
    const step = reader.next();
    if (step.done) return step.value;
  }
}

/** A regular file's first `limit` bytes, letting the event loop in between large chunks; undefined when gone, not a regular file or unreadable. */
export async function readRegularFile(path: string, limit: number): Promise<Buffer | undefined> {
  try {
    const reader = regularFileReader(path, limit);
    for (;;) {
      const step = reader.next();
      if (step.done) return step.value;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } catch {
    return undefined;
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
