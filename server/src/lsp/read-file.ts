// Reading a workspace file from disk for the server: never more than `limit` bytes (a larger file
// is then reported as too large by the engine), undefined when it is gone, a folder or unreadable.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

export function readTextFile(path: string, limit: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
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

/** The same, without blocking the event loop (indexing reads thousands of files this way). */
export async function readTextFileAsync(path: string, limit: number): Promise<string | undefined> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) return undefined;
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
    let total = 0;
    for (let read = -1; read !== 0 && total < buffer.length; total += read) read = (await handle.read(buffer, total, buffer.length - total, null)).bytesRead;
    return buffer.subarray(0, total).toString('utf8');
  } catch {
    return undefined;
  } finally {
    await handle?.close().catch(() => {});
  }
}
