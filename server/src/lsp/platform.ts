// What the language server needs from where it runs, given by its entry: the Node process
// (node/main.ts: the disk, fs.watch, the code pages beside the bundle) or a Web Worker
// (browser/main.ts: the client's workspace.fs and workspace.findFiles, no watching of its own, the
// code pages the client names). Everything else, the handlers and the engine, is the same code.
import type { CheckOptions, PostedLean, PostedAnalysis, ServerProfile, WorkspaceFileSystem } from '../core';
import type { LiveCredentials, LiveFailure } from './live-protocol';

export interface FolderWatch {
  close(): void;
}

/** A check made off the server's thread. */
export interface AsideCheck {
  /** The check of a text (posted with it, or decoded there from bytes whose text is kept: `text`). */
  checked?: PostedAnalysis;
  text?: string;
  /** Bytes of a file that keeps no text: only what the session keeps of it. */
  lean?: PostedLean;
}

/** Checks a large file's content off the server's thread. */
export interface CheckAside {
  /**
   * Checks a text, or a file's bytes (handed over: the caller reads them no more, and reads the
   * file again if the answer is undefined). Undefined: check it here.
   */
  check(content: string | Uint8Array, options: CheckOptions): Promise<AsideCheck | undefined>;
  /** Gets ready for checks soon (the workspace is about to be read). */
  prepare?(): void;
  /** The workspace has been read: what was made ready for nothing may go. */
  settle?(): void;
}

/** A server profile by name, as the project file writes it, and the folder (a path) holding its `.voipnow/`: its relative paths are read from there. */
export interface LiveProfile {
  name: string;
  profile: ServerProfile;
  base: string;
}

/** The server's answer, or why there is none (one line, with no secret in it). */
export type LiveAnswer = { ok: true; response: Record<string, unknown> } | { ok: false; fault: { faultcode: string; faultstring: string } } | { error: string };


export interface LiveOptions {
  credentials?: LiveCredentials;
  /** The editor cancelled: the request is aborted and its answer dropped. */
  signal?: AbortSignal;
  /** A folder where each server's WSDL is kept between sessions (the extension's global storage); none: memory only. */
  storage?: string;
}

/** Records pulled and written, or why not (a fault or a failure: nothing is written). */
export type PulledRecords = { written: string; counts: Record<string, number> } | LiveFailure;

/** Sends requests to VoipNow servers (Node only: the browser has no secrets and no CORS-free network). */
export interface LiveSender {
  send(profile: LiveProfile, method: string, params: unknown, options?: LiveOptions): Promise<LiveAnswer>;
  /** Pulls the records from the server into the file at `path` (atomically; users and timeIntervals kept). */
  pullRecords(profile: LiveProfile, path: string, options?: LiveOptions): Promise<PulledRecords>;
  /** Forgets every server's WSDL, in memory and in `storage`: the next request reads it from the server again. */
  reload(storage?: string): Promise<void>;
}

export interface ServerPlatform {
  /** The workspace's files, named by URI (readFile, stat, readDirectory, join). */
  fs: WorkspaceFileSystem;
  /**
   * A folder's JSON files by the client's search (none found is an answer too); undefined where
   * the client cannot search: the server walks the folder through `fs`.
   */
  findFiles?(folderUri: string): Promise<string[] | undefined>;
  /**
   * Watches one folder, not recursively, for clients that do not watch files for the server (a
   * name in it changed, or undefined when unknown; `onError` once the watch broke and was closed);
   * undefined when it cannot be watched (not there). Absent where the server cannot watch (the
   * browser, where the client always watches).
   */
  watchFolder?: (folderUri: string, onChange: (name: string | undefined) => void, onError?: () => void) => FolderWatch | undefined;
  /**
   * Where a URI leads once every link is followed (undefined: nowhere); absent where the file
   * system has no links to resolve. The index follows no link that leaves the workspace folders.
   */
  realUri?: (uri: string) => Promise<string | undefined>;
  /** Where large files on disk are checked (Node: a worker thread); absent: in the server's thread, in slices. */
  checkAside?: CheckAside;
  /** Sends a request to a VoipNow server (the code lens "Send to ..."); absent in the browser. */
  live?: LiveSender;
  /** The connection's writer sends EncodedParams as they are (report-steps.ts): reports are serialized in slices. */
  encodedParams?: boolean;
  /** The folder (URI) of the code pages when the platform has its own (Node: dist/codes beside the bundle). */
  codePages?(): string | undefined;
}
