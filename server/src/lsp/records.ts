// The records snapshot of each workspace folder (spec section 6): `<folder>/.voipnow/records.json`,
// read through the workspace file system (the disk, or the client's workspace.fs in the browser)
// and read again when it changes; reads run one after the other, `ready()` resolves when the ones
// asked for are done. Changes come from the client's file watching (workspace/didChangeWatchedFiles,
// registered for `**/.voipnow/records.json` when the client can register it dynamically) or, for
// clients without it (Neovim 0.7), from the platform's own watching (fs.watch) of the folder and of
// its `.voipnow` folder. A records file with an error is not used; its problems are shown on it:
// pulled or pushed like any document's while it is open, pushed from disk otherwise (push clients).
import { MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DEFAULT_MAX_FILE_SIZE, parseRecords, readText, RECORDS_PATH } from '../core';
import type { Analysis, ParsedRecords, Records, WorkspaceFileSystem } from '../core';
import { afterRequests } from './next-turn';
import type { FolderWatch, ServerPlatform } from './platform';
import { toDiagnostic } from './to-diagnostic';
import { folderKey, joinUri, uriKey } from './uri-paths';

/**
 * Changes come in bursts (an editor writes, renames, touches; a tool rewrites the file in place,
 * truncating it first): the file is read once no change came for this long.
 */
export const RELOAD_DELAY_MS = 100;

interface FolderRecords {
  /** The folder's URI as the client gave it, and its key (uri-paths.ts). */
  uri: string;
  key: string;
  /** The records file's URI (normal form) and key. */
  fileUri: string;
  fileKey: string;
  /** The text last read (undefined: no file). */
  text: string | undefined;
  parsed: ParsedRecords | undefined;
  /** Problems published from disk for the (closed) records file. */
  published: boolean;
  watchers: FolderWatch[];
  timer?: ReturnType<typeof setTimeout>;
  /** Changes seen so far: a read made before the last one may have found the file half written. */
  changes: number;
}

export interface RecordsStoreOptions {
  /** Push mode: the problems of a closed records file are published from disk. */
  push: boolean;
  /** Whether a document is open (its own diagnostics then come from its text). */
  isOpen(uri: string): boolean;
  /** Called after folders' records changed (their URIs as the client gave them), to check their documents again. */
  onChange(folders: string[]): void;
  fs: WorkspaceFileSystem;
  /** The platform's own watching, for clients that watch no files (undefined: none). */
  watchFolder?: ServerPlatform['watchFolder'];
}

export class RecordsStore {
  private folders: FolderRecords[] = [];
  /** Watch the folders (the client does not watch files for us). */
  private watchItself = false;
  private disposed = false;
  /** The reads asked for, one after the other. */
  private reads: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly options: RecordsStoreOptions,
  ) {}

  /** The records that apply to a document: its innermost workspace folder's, if usable. */
  forDocument(uri: string): Records | undefined {
    const key = uriKey(uri) + '/';
    return this.folders.find((f) => key.startsWith(f.key))?.parsed?.records;
  }

  /** A `.voipnow/records.json` (of a workspace folder or not): checked as a records file, not a payload. */
  isRecordsFile(uri: string): boolean {
    return URI.parse(uri).path.endsWith(`/${RECORDS_PATH}`);
  }

  /** A records file's own analysis (its problems; no payload features), from the editor's text. */
  analyzeRecordsFile(text: string): Analysis {
    const { problems } = parseRecords(text);
    return { text, root: undefined, isPayload: false, requests: [], problems, unique: [] };
  }

  /** The workspace folders changed: the new ones' records are read; resolves once read. */
  setFolders(uris: readonly string[]): Promise<void> {
    const given = new Map(uris.map((u) => [folderKey(u), u]));
    for (const folder of this.folders) if (!given.has(folder.key)) this.drop(folder);
    const known = new Set(this.folders.map((f) => f.key));
    const added = [...given].filter(([key]) => !known.has(key));
    this.folders = this.folders.filter((f) => given.has(f.key));
    for (const [key, uri] of added) {
      const fileUri = joinUri(uri, RECORDS_PATH);
      const fileKey = uriKey(fileUri);
      const folder: FolderRecords = { uri, key, fileUri, fileKey, text: undefined, parsed: undefined, published: false, watchers: [], changes: 0 };
      this.folders.push(folder);
      void this.load(folder);
      if (this.watchItself) this.watch(folder);
    }
    // Longest first: the innermost folder of a nested pair wins.
    this.folders.sort((a, b) => b.key.length - a.key.length);
    return this.ready();
  }

  /** Resolves once every read asked for so far is done. */
  async ready(): Promise<void> {
    await this.reads;
  }

  /** The client offers no file watching: watch each folder ourselves. */
  watchFolders(): void {
    this.watchItself = true;
    for (const folder of this.folders) this.watch(folder);
  }

  /** workspace/didChangeWatchedFiles: the records files that changed are read again once settled. */
  filesChanged(uris: readonly string[]): void {
    const keys = new Set(uris.map(uriKey));
    for (const folder of this.folders) if (keys.has(folder.fileKey)) this.changed(folder);
  }

  /** A change of the folder's records file was seen (the client's, or the platform's watching): read once no other came for a while. */
  private changed(folder: FolderRecords): void {
    folder.changes++;
    if (folder.timer) clearTimeout(folder.timer);
    folder.timer = setTimeout(() => void this.settled(folder), RELOAD_DELAY_MS);
  }

  /** The quiet time passed: the file is read, and counts only if no change came while it was read. */
  private async settled(folder: FolderRecords): Promise<void> {
    folder.timer = undefined;
    const seen = folder.changes;
    // Messages already received go first (after a busy stretch the timer fires before they are read): a change among them waits again.
    await afterRequests();
    if (folder.changes !== seen || this.disposed || !this.folders.includes(folder)) return;
    // `.voipnow` may have appeared or gone: watch again what is there now.
    if (this.watchItself) this.watch(folder);
    const changed = await this.load(folder, () => folder.changes === seen);
    if (changed && !this.disposed) this.options.onChange([folder.uri]);
  }

  /** A records file was opened in another spelling than its own: its problems published from disk under that one are taken back. */
  opened(uri: string): void {
    const key = uriKey(uri);
    const folder = this.folders.find((f) => f.fileKey === key);
    if (!folder?.published || folder.fileUri === uri || this.disposed) return;
    folder.published = false;
    void this.connection.sendDiagnostics({ uri: folder.fileUri, diagnostics: [] });
  }

  /** A records file was closed in the editor: its problems on disk are shown again (push mode). */
  closed(uri: string): void {
    const key = uriKey(uri);
    const folder = this.folders.find((f) => f.fileKey === key);
    if (folder) {
      folder.published = false;
      this.publish(folder);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const folder of this.folders) this.drop(folder);
    this.folders = [];
  }

  /** Reads the folder's records file (after the reads before); resolves with whether anything changed (a read no longer `current` changes nothing). */
  private load(folder: FolderRecords, current = () => true): Promise<boolean> {
    const read = this.reads
      .then(() => readText(this.options.fs, folder.fileUri, DEFAULT_MAX_FILE_SIZE + 2))
      .then((text) => current() && this.apply(folder, text));
    this.reads = read.catch(() => {});
    return read;
  }

  private apply(folder: FolderRecords, text: string | undefined): boolean {
    if (this.disposed || !this.folders.includes(folder)) return false;
    if (text === folder.text && (text === undefined || folder.parsed)) return false;
    const before = folder.parsed;
    folder.text = text;
    folder.parsed = text === undefined ? undefined : parseRecords(text, { display: RECORDS_PATH, location: folder.fileUri });
    const broken = folder.parsed !== undefined && folder.parsed.records === undefined;
    // Said once as it breaks (absent or usable before), not again while it stays broken.
    if (broken && (before === undefined || before.records !== undefined)) {
      const message = `VoipNow: ${shownUri(folder.fileUri)} has errors and is not used until they are fixed (IDs are checked for their format only).`;
      this.connection.console.warn(message);
      // A notification (window/showMessage), not a request: nothing to wait for, nothing a client can fail.
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    this.publish(folder);
    return true;
  }

  /** Push mode, file not open: its problems from disk (or none, once fixed or gone). */
  private publish(folder: FolderRecords): void {
    if (!this.options.push || this.options.isOpen(folder.fileUri) || this.disposed) return;
    const problems = folder.parsed?.problems ?? [];
    if (problems.length === 0 && !folder.published) return;
    const document = TextDocument.create(folder.fileUri, 'json', 0, folder.text ?? '');
    const diagnostics: Diagnostic[] = problems.map((p) => toDiagnostic(p, document));
    folder.published = diagnostics.length > 0;
    void this.connection.sendDiagnostics({ uri: folder.fileUri, diagnostics });
  }

  /** The platform watches the folder (for `.voipnow` appearing or going) and `.voipnow` (for records.json). */
  private watch(folder: FolderRecords): void {
    for (const watcher of folder.watchers) watcher.close();
    folder.watchers = [];
    const watchFolder = this.options.watchFolder;
    if (!watchFolder) return;
    // A folder that does not exist (yet) gives no watch: the parent's watcher sees it appear.
    const add = (uri: string, name: string) => {
      const watcher = watchFolder(uri, (changed) => (changed === undefined || changed === name) && this.changed(folder));
      if (watcher) folder.watchers.push(watcher);
    };
    add(folder.uri, '.voipnow');
    add(joinUri(folder.uri, '.voipnow'), 'records.json');
  }

  private drop(folder: FolderRecords): void {
    for (const watcher of folder.watchers) watcher.close();
    folder.watchers = [];
    if (folder.timer) clearTimeout(folder.timer);
    if (folder.published && !this.disposed) void this.connection.sendDiagnostics({ uri: folder.fileUri, diagnostics: [] });
  }
}

/** A file as a message names it: its path on this disk, else its URI. */
function shownUri(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
