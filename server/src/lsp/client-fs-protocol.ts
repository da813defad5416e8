// The requests a language server in a Web Worker sends its client for the workspace's files, which
// only the client can reach (workspace.fs, workspace.findFiles): shared by the browser server
// (browser/file-system.ts) and the VS Code client that answers them (client/src/file-requests.ts).
// Every value is plain JSON: bytes travel as base64.
import type { EntryKind } from '../core';

export const FS_READ_FILE = 'voipnow/fs/readFile';
export const FS_STAT = 'voipnow/fs/stat';
export const FS_READ_DIRECTORY = 'voipnow/fs/readDirectory';
export const FS_FIND_FILES = 'voipnow/fs/findFiles';

/** readFile: a regular file's first `limit` bytes, base64, or null (gone, not a regular file, unreadable). */
export interface ReadFileParams {
  uri: string;
  limit: number;
}
export type ReadFileResult = string | null;

/** stat (links followed): null when not there. */
export interface StatParams {
  uri: string;
}
export type StatResult = { kind: Exclude<EntryKind, 'link'>; size: number } | null;

/** readDirectory (links not followed): [] when gone or unreadable. */
export interface ReadDirectoryParams {
  uri: string;
}
export type ReadDirectoryResult = Array<[name: string, kind: EntryKind]>;

/** findFiles: the `*.json` and `*.jsonc` files below a folder, outside node_modules, .git and .voipnow; null when the client cannot search. */
export interface FindFilesParams {
  folder: string;
}
export type FindFilesResult = string[] | null;

const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
