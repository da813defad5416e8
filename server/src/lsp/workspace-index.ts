// The language server's side of the workspace session (core/workspace): it finds the payload files
// of the workspace folders and keeps the session current, and nothing else. Files are found by
// walking each folder and read a few at a time; they are checked in slices of a few milliseconds
// that yield to the event loop, so that an open document's diagnostics and every request come
// first, and large ones off this thread where the platform can (read-check.ts).
// Then the index follows the editor (open documents: their current text, checked by the
// diagnostics) and the file system (watched-file events or fs.watch, applied one batch after the
// other, in the order they came). Each change ends in one `onChange` with the files whose report
// may differ. Files are named by URI on any scheme the file system reads (`file:`, `vscode-vfs:`, ...).
import { URI } from 'vscode-uri';
import {
  CONFIG_FILE,
  inSkippedFolder,
  isJsonName,
  listJsonFiles,
  readText,
  WorkspaceSession,
  type Analysis,
  type FileScope,
  type Problem,
  type Records,
  type SessionChanges,
  type SessionFile,
  type SessionFolder,
  type WorkspaceFileSystem,
} from '../core';
import type { IndexBudget } from './index-budget';
import { afterRequests, soon, whileWaiting } from './next-turn';
import type { CheckAside } from './platform';
import { checkedNow, readCheck, type Read } from './read-check';
import type { FolderConfig } from './project-config';
import type { Settings } from './settings';
import { baseName, folderKey, normalUri, uriKey, within } from './uri-paths';

/** Milliseconds of checking between two turns of the event loop. */
const SLICE_MS = 8;
/** Files read ahead of the one being checked (at most this many texts wait in memory). */
const READ_AHEAD = 8;

export interface IndexFolder extends SessionFolder {
  uri: string;
  /** URI path with a trailing slash. */
  path: string;
  /** Scheme, authority and path with a trailing slash (uri-paths.ts): what places a file in the folder. */
  key: string;
  name: string;
  order: number;
}

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  end(): void;
}

export interface WorkspaceIndexOptions {
  fs: WorkspaceFileSystem;
  /** The settings of a folder's files on disk (project file and editor settings, merged). */
  settingsOf(folder: IndexFolder): Settings;
  /** The records snapshot a file is checked against (spec section 6), if any. */
  recordsFor?(uri: string): Records | undefined;
  /** The project file of a folder, for its problems. */
  configOf?(folder: IndexFolder): FolderConfig | undefined;
  isOpen(uri: string): boolean;
  /** New folders found (their URIs, for the server's own watching). */
  onFolder?(uri: string, folder: IndexFolder): void;
  /** The JSON files of a folder by the client's search (workspace.findFiles); undefined: it cannot search, walk the folder. */
  findFiles?(folder: IndexFolder): Promise<string[] | undefined>;
  /** Checks large files off the server's thread (platform.ts). */
  checkAside?: CheckAside;
  /** Past this memory budget it takes no more files (index-budget.ts). */ budget?: IndexBudget;
}

export type IndexChange = SessionChanges;

export { nextTurn } from './next-turn';

export class WorkspaceIndex {
  readonly session = new WorkspaceSession();
  private folders: IndexFolder[] = [];
  private readonly listeners: Array<(change: IndexChange) => void> = [];
  private generation = 0;
  private indexing: Promise<void> | undefined;
  private readyResolve: (() => void) | undefined;
  /** Pending until the first indexing is done (a workspace pull waits for it). */
  private readyPromise: Promise<void> = new Promise((resolve) => (this.readyResolve = resolve));
  private flushScheduled = false;
  /** File events, applied one batch after the other (a later batch never overtakes an earlier one). */
  private events: Promise<void> = Promise.resolve();
  /** The last full indexing: files and milliseconds (for the status and the logs). */
  lastIndex = { files: 0, payloads: 0, ms: 0 };

  constructor(private readonly options: WorkspaceIndexOptions) {}

  onChange(listener: (change: IndexChange) => void): void {
    this.listeners.push(listener);
  }

  setFolders(folders: ReadonlyArray<{ uri: string; name?: string }>): void {
    // The same folder keeps its object: files in the session refer to it.
    const known = new Map(this.folders.map((f) => [f.uri, f]));
    this.folders = folders.map((f, order) => {
      const existing = known.get(f.uri);
      if (existing) return Object.assign(existing, { order });
      const uri = URI.parse(f.uri);
      return { uri: f.uri, path: uri.path.replace(/\/?$/, '/'), key: folderKey(f.uri), name: f.name ?? baseName(f.uri), order };
    });
    // Files of folders no longer in the workspace go; the others are placed in their folder again.
    for (const file of [...this.session.all()]) {
      if (file.version !== null || !file.scope.folder) continue;
      const folder = this.folderOf(file.id);
      if (folder !== file.scope.folder) this.session.remove(file.id);
    }
    this.scheduleFlush();
  }

  allFolders(): readonly IndexFolder[] {
    return this.folders;
  }

  /** The innermost workspace folder holding a URI. */
  folderOf(uri: string): IndexFolder | undefined {
    const key = uriKey(uri) + '/';
    let best: IndexFolder | undefined;
    for (const folder of this.folders) if (key.startsWith(folder.key) && (!best || folder.key.length > best.key.length)) best = folder;
    return best;
  }

  /** Where a file sits and what applies to it. */
  scopeOf(uri: string, settings: Settings, folder = this.folderOf(uri)): FileScope {
    const path = URI.parse(uri).path;
    const decoded = folder ? path.slice(folder.path.length) : path.replace(/^\//, '');
    // Most URIs end with the path as written: then a slice of the URI (kept anyway) is the relative path.
    const relPath = uri.endsWith(decoded) ? uri.slice(uri.length - decoded.length) : decoded;
    return { folder, relPath, includePath: relPath, settings, records: this.options.recordsFor?.(uri) };
  }

  get(uri: string): SessionFile | undefined {
    return this.session.get(uri);
  }

  /** How many payload files the session holds. */
  payloadCount(): number {
    let count = 0;
    for (const file of this.session.all()) if (file.isPayload) count++;
    return count;
  }

  get isIndexing(): boolean {
    return this.indexing !== undefined;
  }

  /** Resolves once the current indexing (if any) and the file events received so far are done. */
  async ready(): Promise<void> {
    await this.readyPromise;
    await this.events;
  }

  /** (Re)indexes the given folders (all by default) from disk; open documents keep their text. False when a later call took over. */
  index(folders: readonly IndexFolder[] = this.folders, progress?: IndexProgress): Promise<boolean> {
    const generation = ++this.generation;
    // A thread for large files starts loading while the folders are listed.
    if (folders.length > 0) this.options.checkAside?.prepare?.();
    if (!this.readyResolve) this.readyPromise = new Promise((resolve) => (this.readyResolve = resolve));
    const run = this.run(folders, generation, progress).finally(() => {
      if (generation !== this.generation) return;
      this.indexing = undefined;
      this.readyResolve?.();
      this.readyResolve = undefined;
    });
    this.indexing = run;
    return run.then(() => generation === this.generation);
  }

  private async run(folders: readonly IndexFolder[], generation: number, progress?: IndexProgress): Promise<void> {
    const started = Date.now();
    const cancelled = () => generation !== this.generation;
    const found: Array<{ uri: string; folder: IndexFolder }> = [];
    for (const folder of folders) {
      for (const uri of await this.listFolder(folder, cancelled)) found.push({ uri, folder });
    }
    if (cancelled()) return progress?.end();
    progress?.begin(found.length);
    const seen = new Set<string>();
    let payloads = 0;
    let sliceStart = Date.now();
    // A few reads ahead of the checking (the browser's file system answers each over a round trip).
    const read = (i: number) => this.readOne(found[i]).then((text) => this.checkAside(found[i].uri, found[i].folder, text));
    const ahead: Array<Promise<Read>> = [];
    for (let i = 0; i < Math.min(READ_AHEAD, found.length); i++) ahead.push(read(i));
    for (let i = 0; i < found.length; i++) {
      // While a large file is checked in its thread, this one finds where the clashes so far stand.
      const { text, checked } = await whileWaiting(ahead.shift()!, (deadline) => this.session.placeSome(deadline), SLICE_MS);
      if (i + READ_AHEAD < found.length) ahead.push(read(i + READ_AHEAD));
      if (cancelled()) return progress?.end();
      const { uri, folder } = found[i];
      seen.add(uri);
      if (text === undefined) this.removeDisk(uri);
      else if (this.fromDisk(uri, folder, { text, checked })?.isPayload) payloads++;
      // Let the editor's requests (an open document's diagnostics first) in between slices.
      if (Date.now() - sliceStart >= SLICE_MS) {
        progress?.report(i + 1, found.length);
        await afterRequests();
        if (cancelled()) return progress?.end();
        sliceStart = Date.now();
      }
    }
    progress?.report(found.length, found.length);
    // Files of these folders that are gone (a re-index after a settings change).
    for (const file of [...this.session.all()]) {
      const ofTheseFolders = file.version === null && file.role === 'payload' && folders.includes(file.scope.folder as IndexFolder);
      if (ofTheseFolders && !seen.has(file.id)) this.session.remove(file.id);
    }
    for (const folder of folders) this.configFile(folder);
    this.options.checkAside?.settle?.();
    this.lastIndex = { files: found.length, payloads, ms: Date.now() - started };
    progress?.end();
    this.flush();
  }

  /** A folder's JSON files (normal-form URIs): the client's search, else a walk; a nested workspace folder is its own. */
  private async listFolder(folder: IndexFolder, cancelled: () => boolean): Promise<string[]> {
    const nested = (uri: string) => this.folders.some((f) => f !== folder && f.key.length > folder.key.length && within(uri, f.key));
    const searched = await this.options.findFiles?.(folder);
    if (searched) {
      const listed = (uri: string) => this.folderOf(uri) === folder && isJsonName(uri) && !inSkippedFolder(URI.parse(uri).path.slice(folder.path.length));
      return searched.map(normalUri).filter(listed);
    }
    return listJsonFiles(this.options.fs, folder.uri, { skip: nested, onFolder: (uri) => this.options.onFolder?.(uri, folder), cancelled });
  }

  /** A file's text (null: an open document, whose copy on disk is not even read, or a file the full index does not take). */
  private async readOne({ uri, folder }: { uri: string; folder: IndexFolder }): Promise<string | undefined | null> {
    if (this.options.isOpen(uri) || (this.options.budget?.full && !this.session.get(uri))) return null;
    return readText(this.options.fs, uri, this.options.settingsOf(folder).maxFileSize + 1);
  }

  /** A large file's check, made off this thread while the next files are read (read-check.ts). */
  private checkAside(uri: string, folder: IndexFolder, text: string | undefined | null): Promise<Read> {
    return readCheck(this.options.checkAside, this.scopeOf(uri, this.options.settingsOf(folder), folder), text);
  }

  /** A file read from disk (null: open, left alone); returns what the session holds (none past the memory budget). */
  private fromDisk(uri: string, folder: IndexFolder, read: Read & { text: string | null }): SessionFile | undefined {
    if (read.text === null || this.options.isOpen(uri) || this.options.budget?.admits(this.session, uri) === false) return this.session.get(uri);
    const scope = this.scopeOf(uri, this.options.settingsOf(folder), folder);
    const file = this.session.update(uri, read.text, scope, { checked: checkedNow(read, scope) });
    // A JSON file that is no payload has nothing to say and holds no place.
    if (!file.isPayload && file.problems.length === 0) this.session.remove(uri);
    return file;
  }

  private removeDisk(uri: string): void {
    if (this.session.get(uri)?.version === null) this.session.remove(uri);
  }

  /** The project file of a folder, as a file of the session when it has problems (to show them when it is not open). */
  private configFile(folder: IndexFolder): void {
    const config = this.options.configOf?.(folder);
    if (!config || this.options.isOpen(config.uri)) return;
    const before = this.session.get(config.uri);
    if (config.problems.length === 0 || config.text === undefined) {
      if (before?.role === 'settings') this.session.remove(config.uri);
      return;
    }
    if (before?.role === 'settings' && before.text === config.text) return;
    const scope = { ...this.scopeOf(config.uri, this.options.settingsOf(folder), folder), relPath: CONFIG_FILE };
    this.session.update(config.uri, config.text, scope, { role: 'settings', problems: config.problems });
  }

  /** A folder's project file was read again. */
  configChanged(folder: IndexFolder): void {
    this.configFile(folder);
    this.scheduleFlush();
  }

  /** A folder's rules changed (not what is read or how): its files on disk take the new settings without being checked again. */
  rescope(folder: IndexFolder): void {
    for (const file of [...this.session.all()]) {
      if (file.version !== null || file.scope.folder !== folder || file.role !== 'payload') continue;
      this.session.rescope(file.id, { ...file.scope, settings: this.options.settingsOf(folder) });
    }
    this.scheduleFlush();
  }

  /** An open document's current content and analysis (checked by the diagnostics). */
  updateOpen(uri: string, version: number, analysis: Analysis, settings: Settings, problems?: readonly Problem[]): SessionFile {
    const before = this.session.get(uri);
    if (before && before.version === version && before.analysis === analysis && before.scope.settings === settings) return before;
    const file = this.session.update(uri, analysis.text, this.scopeOf(uri, settings), { version, analysis, problems: problems ?? analysis.problems });
    this.scheduleFlush();
    return file;
  }

  /** A document was closed: the file is what is on disk again (or nothing), once read. */
  closed(uri: string): Promise<void> {
    const folder = this.folderOf(uri);
    const parsed = URI.parse(uri);
    return this.queue(async () => {
      // An editor often opens the document again at once (a preview, a language change): the
      // messages already read go first, so that its copy on disk is not read and checked for nothing.
      await afterRequests();
      if (this.options.isOpen(uri)) return;
      const config = folder && this.options.configOf?.(folder);
      const readable = folder && isJsonName(parsed.path) && config?.uri !== uri;
      const text = readable ? await readText(this.options.fs, uri, this.options.settingsOf(folder).maxFileSize + 1) : undefined;
      if (this.options.isOpen(uri)) return;
      // Saved and closed (the usual case): what was checked is what is on disk.
      if (text !== undefined && folder && this.session.closedAsOnDisk(uri, text, this.scopeOf(uri, this.options.settingsOf(folder), folder))) return;
      const read = config?.uri === uri || text === undefined ? undefined : await this.checkAside(uri, folder!, text);
      if (this.options.isOpen(uri)) return;
      if (config?.uri !== uri && read) this.fromDisk(uri, folder!, { ...read, text: text! });
      else this.session.remove(uri);
      if (config?.uri === uri) this.configFile(folder!);
    });
  }

  /** Created, changed or deleted on disk (watched-file events, or fs.watch): applied after the batches before. */
  filesChanged(changes: ReadonlyArray<{ uri: string; deleted: boolean }>): Promise<void> {
    return this.queue(() => this.applyChanges(changes));
  }

  private queue(work: () => Promise<void> | void): Promise<void> {
    this.events = this.events.then(work).catch(() => {}).then(() => this.scheduleFlush());
    return this.events;
  }

  private async applyChanges(changes: ReadonlyArray<{ uri: string; deleted: boolean }>): Promise<void> {
    const gone = new Set<string>();
    for (const change of changes) {
      const uri = URI.parse(change.uri);
      const folder = this.folderOf(change.uri);
      if (!folder) continue;
      if (inSkippedFolder(uri.path.slice(folder.path.length))) continue;
      const key = uri.toString();
      if (change.deleted) {
        // A file, or a folder with everything under it (looked for once, below).
        this.removeDisk(key);
        if (!isJsonName(uri.path)) gone.add(folderKey(key).slice(0, -1));
        continue;
      }
      if (this.options.isOpen(key)) continue;
      const stat = await this.options.fs.stat(key);
      if (!stat) {
        this.removeDisk(key);
      } else if (stat.kind === 'directory') {
        // A folder created or renamed into the workspace: everything in it.
        const files = await listJsonFiles(this.options.fs, key, { onFolder: (dir) => this.options.onFolder?.(dir, folder) });
        for (const file of files) await this.refreshFromDisk(file, folder);
      } else if (isJsonName(uri.path)) {
        await this.refreshFromDisk(key, folder);
      }
    }
    if (gone.size > 0) {
      for (const file of [...this.session.all()]) {
        if (file.version !== null) continue;
        // Scheme, authority and path: a folder's files are those of its own scheme.
        const path = uriKey(file.id);
        for (let at = path.lastIndexOf('/'); at > path.indexOf('//') + 1; at = path.lastIndexOf('/', at - 1)) {
          if (gone.has(path.slice(0, at))) {
            this.session.remove(file.id);
            break;
          }
        }
      }
    }
  }

  private async refreshFromDisk(uri: string, folder: IndexFolder): Promise<void> {
    if (this.options.isOpen(uri) || (this.options.budget?.full && !this.session.get(uri))) return;
    const text = await readText(this.options.fs, uri, this.options.settingsOf(folder).maxFileSize + 1);
    if (text === undefined) return this.removeDisk(uri);
    if (this.session.get(uri)?.text === text) return;
    const read = await this.checkAside(uri, folder, text);
    if (!this.options.isOpen(uri)) this.fromDisk(uri, folder, { ...read, text });
  }

  /** Where the other files add a value (go to definition), in the workspace's order. */
  holders(key: string, exceptUri: string) {
    return this.session.holders(key, exceptUri);
  }

  // ---- change events ----

  private scheduleFlush(): void {
    if (this.flushScheduled || this.indexing) return;
    this.flushScheduled = true;
    soon(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Tells the listeners which files changed, and which files' clashes with others did. */
  private flush(): void {
    const change = this.session.takeChanges();
    if (change.files.size === 0 && change.clashes.size === 0) return;
    for (const listener of this.listeners) listener(change);
  }
}
