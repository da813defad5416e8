// The custom requests between the language server and the VS Code extension, shared by both sides
// (and free of the engine, so that the client's bundles stay small). The file requests: a server
// in a Web Worker asks its client for the workspace's files, which only the client can reach
// (workspace.fs, workspace.findFiles); browser/file-system.ts asks, client/src/file-requests.ts
// answers. Every value is plain JSON: bytes travel as base64.
import type { EntryKind } from '../core';

/**
 * The code pages' text, for a client that cannot read the packaged pages (vscode.dev, test-web):
 * `{ method }` → the method's page (Markdown), or null for no such method; `{}` → the methods.
 */
export const CODE_PAGE_REQUEST = 'voipnow/codePage';

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

/**
 * A Web Worker's end of the messages, as the browser message reader and writer use it: the worker in
 * the client, the worker's global scope in the server (this project type-checks without the DOM library).
 */
export interface WorkerPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

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
