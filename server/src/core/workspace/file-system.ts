// The file system as the workspace sees it, passed in by the host: Node's on the desktop and the
// command line, the client's (workspace.fs) in the browser. Asynchronous, so that no read blocks
// the event loop; a read returns the bytes of a regular file only (a FIFO, a socket or a device is
// never opened for reading: it could block forever), at most `limit` of them.
export type EntryKind = 'file' | 'directory' | 'link' | 'other';

export interface DirectoryEntry {
  name: string;
  kind: EntryKind;
}

export interface WorkspaceFileSystem {
  /** A regular file's first `limit` bytes (a link is followed); undefined when it is gone, not a regular file, or unreadable. */
  readFile(path: string, limit: number): Promise<Uint8Array | undefined>;
  /** What a path is (links followed); undefined when it is not there. */
  stat(path: string): Promise<{ kind: Exclude<EntryKind, 'link'>; size: number } | undefined>;
  /** A folder's entries (links not followed); empty when it is gone or unreadable. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** A child's URI (both platforms join URIs: the paths are URI strings everywhere). */
  join(folder: string, name: string): string;
}

const decoder = new TextDecoder('utf-8');

/**
 * A file's bytes as text, the one decoding of the server and the command line: invalid UTF-8 reads
 * as U+FFFD and a byte order mark is dropped, as editors show the file (so columns on line 1 are
 * the editor's).
 */
export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** The UTF-8 byte order mark's length: decodeText drops it. */
export const BOM_LENGTH = 3;

export function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/**
 * A file's text (decoded by decodeText) from at most `limit` bytes after its byte order mark: the
 * mark is read past and not counted, as the command line reads it, else a file just over the limit
 * with its mark would be checked cut short, as if it ended there, instead of whole.
 */
export async function readText(fs: WorkspaceFileSystem, path: string, limit: number): Promise<string | undefined> {
  const bytes = await readBytes(fs, path, limit);
  return bytes && decodeText(bytes);
}

/** The bytes readText decodes (for a host that decodes them elsewhere: a thread). */
export async function readBytes(fs: WorkspaceFileSystem, path: string, limit: number): Promise<Uint8Array | undefined> {
  const bytes = await fs.readFile(path, limit + BOM_LENGTH);
  if (bytes === undefined) return undefined;
  return bytes.length <= limit || startsWithBom(bytes) ? bytes : bytes.subarray(0, limit);
}
