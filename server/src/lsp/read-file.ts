// A settings or records file read from disk for the server, at once (they are small and read at
// start): never more than `limit` bytes, undefined when gone, a folder or unreadable. Opened with
// O_NONBLOCK and read only when it is a regular file, so that a FIFO (or socket, or device) in its
// place never blocks the server (node/file-system.ts reads workspace files the same way, asynchronously).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readTextFile(path: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, READ_FLAGS);
    const stats = fstatSync(fd);
    if (!stats.isFile()) return undefined;
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
    let total = 0;
    for (let read = -1; read !== 0 && total < buffer.length; total += read) read = readSync(fd, buffer, total, buffer.length - total, null);
    return buffer.subarray(0, total).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
