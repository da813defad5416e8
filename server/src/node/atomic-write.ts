// Replacing a user's file so that it holds, at every moment, either its old bytes or its new ones:
// the new bytes go to a temporary file in the same folder (a rename within one file system is
// atomic), created exclusively under a name no one else holds, given the original's mode and owner,
// flushed to the disk, then renamed over the original. Any failure removes the temporary file and
// leaves the original as it was; so does SIGINT, SIGTERM or SIGHUP while a write is under way
// (the signal then ends the process as it would have). Used by the command line's --fix and report
// file, and by anything else that writes a user's file.
import { randomBytes } from 'node:crypto';
import { unlinkSync, type Stats } from 'node:fs';
import { open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary file being written; commit() puts it in the original's place, discard() removes it. */
export interface AtomicFile {
  /** The file that commit() replaces (links resolved). */
  readonly target: string;
  /** The temporary file, in the target's folder. */
  readonly temp: string;
  readonly handle: FileHandle;
  /** Flushes, closes and renames over the target; on failure the temporary file is removed. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file (the target is untouched); never throws. */
  discard(): Promise<void>;
}

/**
 * Opens a temporary file that will replace `path` (a link is followed: its target is replaced and
 * the link kept). A path that exists but is not a regular file is refused (code ENOTREG): a device
 * or FIFO is written in place, never replaced.
 */
export async function openAtomic(path: string): Promise<AtomicFile> {
  const target = await resolved(path);
  const existing = await statOrUndefined(target);
  if (existing && !existing.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
  const { temp, handle } = await createTemp(target, existing);
  let state: 'open' | 'committed' | 'discarded' = 'open';
  const discard = async () => {
    if (state !== 'open') return;
    state = 'discarded';
    await handle.close().catch(() => {});
    await unlink(temp).catch(() => {});
    forget(temp);
  };
  try {
    if (existing) await keepOwnerAndMode(handle, existing);
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    target,
    temp,
    handle,
    async commit() {
      if (state !== 'open') throw new Error(`the temporary file of '${target}' was ${state} already`);
      try {
        await handle.sync();
        await handle.close();
        await rename(temp, target);
      } catch (error) {
        await discard();
        throw error;
      }
      state = 'committed';
      forget(temp);
      await syncFolder(dirname(target));
    },
    discard,
  };
}

/** Writes `data` to `path` through openAtomic: afterwards the file holds `data`, or (on failure or a signal) what it held before. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const file = await openAtomic(path);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    for (let at = 0; at < bytes.length; ) {
      const { bytesWritten } = await file.handle.write(bytes, at, Math.min(CHUNK, bytes.length - at));
      at += bytesWritten;
      if (PAUSE_FOR_TESTS) await pauseForTests(file.temp);
    }
  } catch (error) {
    await file.discard();
    throw error;
  }
  await file.commit();
}

/** Written in chunks, so that a signal is handled (the temporary file removed) while a large file is written. */
const CHUNK = 1 << 20;

/**
 * TEST ONLY: when VOIPNOW_PAYLOADS_TEST_PAUSE_WRITE is set, each chunk written is followed by a
 * line `voipnow-payloads: paused writing <temp>` on stderr and a wait for standard input to end
 * (once it has ended, no more pauses), so that a test can interrupt a write at a known point
 * (test/cli/fix-interrupt.test.ts).
 */
const PAUSE_FOR_TESTS = Boolean(process.env.VOIPNOW_PAYLOADS_TEST_PAUSE_WRITE);

async function pauseForTests(temp: string): Promise<void> {
  if (process.stdin.readableEnded) return;
  process.stderr.write(`voipnow-payloads: paused writing ${temp}\n`);
  await new Promise<void>((resume) => {
    process.stdin.once('end', resume).once('close', resume).resume();
  });
}

async function resolved(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return path;
    throw error;
  }
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A new file beside the target, created with O_EXCL (never one that is there already, a link planted there included). */
async function createTemp(target: string, existing: Stats | undefined): Promise<{ temp: string; handle: FileHandle }> {
  // A short stem of the target's name says whose it is if one is ever left behind (a power cut).
  const stem = Array.from(basename(target)).slice(0, 32).join('');
  for (let attempt = 0; ; attempt++) {
    const temp = join(dirname(target), `.${stem}.${randomBytes(6).toString('hex')}.tmp`);
    remember(temp);
    try {
      // Private until its mode is set; a new file gets the usual mode less the umask.
      return { temp, handle: await open(temp, 'wx', existing ? 0o600 : 0o666) };
    } catch (error) {
      forget(temp);
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
    }
  }
}

/** The original's owner (where this process may set it) and then its mode (chown can clear set-id bits). */
async function keepOwnerAndMode(handle: FileHandle, original: Stats): Promise<void> {
  const mine = await handle.stat();
  if (mine.uid !== original.uid || mine.gid !== original.gid) {
    // Only root may give a file away; a member of the group may still set the group.
    await handle.chown(original.uid, original.gid).catch(() => handle.chown(mine.uid, original.gid).catch(() => {}));
  }
  await handle.chmod(original.mode & 0o7777);
}

/** Makes the rename itself durable; a folder cannot be opened or flushed on every system (Windows), which is no failure. */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Best effort.
  } finally {
    await handle?.close().catch(() => {});
  }
}

// Temporary files under way, removed if a signal ends the process (the handlers are installed only meanwhile).
const pending = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function onSignal(signal: NodeJS.Signals): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  pending.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // Ends the process as the signal would have without our handler.
  process.kill(process.pid, signal);
}

function remember(temp: string): void {
  if (pending.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pending.add(temp);
}

function forget(temp: string): void {
  if (!pending.delete(temp) || pending.size > 0) return;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}
