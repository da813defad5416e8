// The records snapshot of each workspace folder (spec section 6): `<folder>/.voipnow/records.json`,
// read from disk and read again when it changes. Changes come from the client's file watching
// (workspace/didChangeWatchedFiles, registered for `**/.voipnow/records.json` when the client can
// register it dynamically) or, for clients without it (Neovim 0.7), from fs.watch on the folder and
// on its `.voipnow` folder. A records file with an error is not used; its problems are shown on it:
// pulled or pushed like any document's while it is open, pushed from disk otherwise (push clients).
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { MessageType, ShowMessageNotification, type Connection, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { DEFAULT_MAX_FILE_SIZE, parseRecords, RECORDS_PATH, type Analysis, type ParsedRecords, type Records } from '../core';
import { readTextFile } from './read-file';
import { toDiagnostic } from './to-diagnostic';

/** fs.watch events come in bursts (an editor writes, renames, touches): one reload after this quiet time. */
export const RELOAD_DELAY_MS = 50;

interface FolderRecords {
  /** The folder's URI as the client gave it, the same normalized, and its path with a trailing slash. */
  uri: string;
  key: string;
  path: string;
  /** The records file: URI and path on disk. */
  fileUri: string;
  filePath: string;
  /** The text last read (undefined: no file). */
  text: string | undefined;
  parsed: ParsedRecords | undefined;
  /** Problems published from disk for the (closed) records file. */
  published: boolean;
  watchers: FSWatcher[];
  timer?: NodeJS.Timeout;
}

export interface RecordsStoreOptions {
  /** Push mode: the problems of a closed records file are published from disk. */
  push: boolean;
  /** Whether a document is open (its own diagnostics then come from its text). */
  isOpen(uri: string): boolean;
  /** Called after folders' records changed (their URIs as the client gave them), to check their documents again. */
  onChange(folders: string[]): void;
}

export class RecordsStore {
  private folders: FolderRecords[] = [];
  /** fs.watch the folders (the client does not watch files for us). */
  private watchItself = false;
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly options: RecordsStoreOptions,
  ) {}

  /** The records that apply to a document: its innermost workspace folder's, if usable. */
  forDocument(uri: string): Records | undefined {
    const path = URI.parse(uri).path;
    return this.folders.find((f) => path.startsWith(f.path))?.parsed?.records;
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

  setFolders(uris: readonly string[]): void {
    const given = new Map(uris.map((u) => [URI.parse(u).toString(), u]));
    for (const folder of this.folders) if (!given.has(folder.key)) this.drop(folder);
    const known = new Set(this.folders.map((f) => f.key));
    const added = [...given].filter(([key]) => !known.has(key));
    this.folders = this.folders.filter((f) => given.has(f.key));
    for (const [key, uri] of added) {
      const fsPath = URI.parse(uri).fsPath;
      const filePath = join(fsPath, ...RECORDS_PATH.split('/'));
      const folder: FolderRecords = { uri, key, path: URI.parse(uri).path.replace(/\/?$/, '/'), fileUri: URI.file(filePath).toString(), filePath, text: undefined, parsed: undefined, published: false, watchers: [] };
      this.folders.push(folder);
      this.load(folder);
      if (this.watchItself) this.watch(folder);
    }
    // Longest first: the innermost folder of a nested pair wins.
    this.folders.sort((a, b) => b.path.length - a.path.length);
  }

  /** The client offers no file watching: watch each folder ourselves. */
  watchFolders(): void {
    this.watchItself = true;
    for (const folder of this.folders) this.watch(folder);
  }

  /** workspace/didChangeWatchedFiles: read again the records files that changed. */
  filesChanged(uris: readonly string[]): void {
    const changed = new Set<string>();
    for (const uri of uris) {
      const path = URI.parse(uri).path;
      for (const folder of this.folders) if (URI.parse(folder.fileUri).path === path && this.load(folder)) changed.add(folder.uri);
    }
    if (changed.size > 0) this.options.onChange([...changed]);
  }

  /** A records file was closed in the editor: its problems on disk are shown again (push mode). */
  closed(uri: string): void {
    const folder = this.folders.find((f) => f.fileUri === URI.parse(uri).toString());
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

  /** Reads the folder's records file; returns whether anything changed. */
  private load(folder: FolderRecords): boolean {
    const text = readTextFile(folder.filePath, DEFAULT_MAX_FILE_SIZE + 1);
    if (text === folder.text && (text === undefined || folder.parsed)) return false;
    const before = folder.parsed;
    folder.text = text;
    folder.parsed = text === undefined ? undefined : parseRecords(text, { display: RECORDS_PATH, location: folder.fileUri });
    const broken = folder.parsed !== undefined && folder.parsed.records === undefined;
    if (broken && (before === undefined || before.records !== undefined)) {
      const message = `VoipNow: ${URI.parse(folder.uri).fsPath}/${RECORDS_PATH} has errors and is not used until they are fixed (IDs are checked for their format only).`;
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

  /** fs.watch on the folder (for `.voipnow` appearing or going) and on `.voipnow` (for records.json). */
  private watch(folder: FolderRecords): void {
    for (const watcher of folder.watchers) watcher.close();
    folder.watchers = [];
    const dir = join(folder.filePath, '..');
    const schedule = () => {
      if (folder.timer) clearTimeout(folder.timer);
      folder.timer = setTimeout(() => {
        folder.timer = undefined;
        if (this.disposed || !this.folders.includes(folder)) return;
        // `.voipnow` may have appeared or gone: watch again what is there now.
        this.watch(folder);
        if (this.load(folder)) this.options.onChange([folder.uri]);
      }, RELOAD_DELAY_MS);
    };
    const add = (path: string, relevant: (name: string | null) => boolean) => {
      try {
        const watcher = watch(path, { persistent: false }, (_event, name) => {
          if (relevant(name === null ? null : String(name))) schedule();
        });
        watcher.on('error', () => watcher.close());
        folder.watchers.push(watcher);
      } catch {
        // The folder (or .voipnow) does not exist (yet): the parent's watcher sees it appear.
      }
    };
    add(join(dir, '..'), (name) => name === null || name === '.voipnow');
    add(dir, (name) => name === null || name === 'records.json');
  }

  private drop(folder: FolderRecords): void {
    for (const watcher of folder.watchers) watcher.close();
    folder.watchers = [];
    if (folder.timer) clearTimeout(folder.timer);
    if (folder.published && !this.disposed) void this.connection.sendDiagnostics({ uri: folder.fileUri, diagnostics: [] });
  }
}
