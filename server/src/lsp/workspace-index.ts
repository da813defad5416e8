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
  readBytes,
  readText,
  WorkspaceSession,
  type Analysis,
  type FileScope,
  type Problem,
  type SessionChanges,
  type SessionFile,
} from '../core';
import { afterRequests, soon, whileWaiting } from './next-turn';
import { FoldersToIndex, type Asked } from './folders-to-index';
import { IndexRun } from './index-run';
import { checkedNow, leanNow, readCheck, type Read } from './read-check';
import type { Settings } from './settings';
import { walkable } from './workspace-bounds';
import type { WorkspaceIndexOptions } from './workspace-index-options';
import { nextFolders, type IndexFolder } from './workspace-folders';
import { folderKey, normalUri, uriKey, within } from './uri-paths';

/** Milliseconds of checking between two turns of the event loop. */
const SLICE_MS = 8;
/** Files read ahead of the one being checked (at most this many texts wait in memory). */
const READ_AHEAD = 8;

export type { IndexFolder } from './workspace-folders';
export type { WorkspaceIndexOptions } from './workspace-index-options';
export type { IndexProgress } from './index-run';


export type IndexChange = SessionChanges;

export { nextTurn } from './next-turn';

export class WorkspaceIndex {
  readonly session = new WorkspaceSession();
  private folders: IndexFolder[] = [];
  private readonly listeners: Array<(change: IndexChange) => void> = [];
  /** The folders still to read, and the loop that reads them (folders-to-index.ts). */
  private readonly toIndex = new FoldersToIndex<IndexFolder>((batch) => this.run(batch), () => this.runEnded(), (line) => this.options.log?.(line));
  private currentRun: IndexRun | undefined;
  private flushScheduled = false;
  /** File events, applied one batch after the other (a later batch never overtakes an earlier one). */
  private events: Promise<void> = Promise.resolve();

  constructor(private readonly options: WorkspaceIndexOptions) {}

  onChange(listener: (change: IndexChange) => void): void {
    this.listeners.push(listener);
  }

  /** Called when the index starts reading folders and when it has read all it was asked to. */
  onIndexing = (listener: (indexing: boolean) => void): void => this.toIndex.onBusy(listener);

  /** The workspace folders now: the ones to read are asked for, removed ones take their files along at once (even while read). */
  setFolders(folders: ReadonlyArray<{ uri: string; name?: string }>): void {
    const { next, toRead, removed } = nextFolders(this.folders, folders);
    this.folders = next;
    // Files of folders no longer in the workspace go; the others are placed in their folder again.
    for (const file of [...this.session.all()]) {
      if (file.version !== null || !file.scope.folder) continue;
      const folder = this.folderOf(file.id);
      if (folder !== file.scope.folder) this.session.remove(file.id);
    }
    this.toIndex.setFolders(toRead, removed);
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
    // The session keys files by the normal form; a client may spell a file otherwise.
    return this.session.get(normalUri(uri));
  }

  /** How many payload files the session holds. */
  payloadCount(): number {
    let count = 0;
    for (const file of this.session.all()) if (file.isPayload) count++;
    return count;
  }

  get isIndexing(): boolean {
    return this.toIndex.busy;
  }

  /** Resolves once the folders are read (the first time, and any asked for since) and the file events received so far are done. */
  async ready(): Promise<void> {
    await this.toIndex.settled();
    await this.events;
  }

  /** Reads the given folders (all by default) from disk again; open documents keep their text. Resolves once nothing waits to be read. */
  index(folders: readonly IndexFolder[] = this.folders): Promise<void> {
    this.toIndex.ask(folders.filter((f) => this.folders.includes(f)));
    return this.toIndex.settled();
  }

  /** One pass: lists and reads a batch of folders; a folder removed or asked for again meanwhile is left to the next pass. */
  private async run(batch: ReadonlyArray<Asked<IndexFolder>>): Promise<void> {
    const run = (this.currentRun ??= new IndexRun(this.options.progress?.() ?? Promise.resolve(undefined)));
    // A thread for large files starts loading while the folders are listed.
    this.options.checkAside?.prepare?.();
    await this.options.prepare?.(batch.map(([folder]) => folder));
    await run.ready();
    const current = ([folder, ask]: Asked<IndexFolder>) => this.toIndex.current(folder, ask);
    const found: Array<{ uri: string; folder: IndexFolder; asked: Asked<IndexFolder> }> = [];
    for (const asked of batch) {
      const uris = current(asked) ? await this.listFolder(asked[0], () => !current(asked)) : [];
      if (current(asked)) for (const uri of uris) found.push({ uri, folder: asked[0], asked });
    }
    run.listed(found.length);
    // A file counts while its folder's read does and it is still that folder's (a nested folder may have come).
    const counts = (i: number) => current(found[i].asked) && this.folderOf(found[i].uri) === found[i].folder;
    const seen = new Set<string>();
    let sliceStart = Date.now();
    // A few reads ahead of the checking (the browser's file system answers each over a round trip).
    const readAt = (i: number): Promise<Read> =>
      counts(i) ? this.readOne(found[i]).then((bytes) => this.checkAside(found[i].uri, found[i].folder, bytes)) : Promise.resolve({ text: undefined });
    const ahead: Array<Promise<Read>> = [];
    for (let i = 0; i < Math.min(READ_AHEAD, found.length); i++) ahead.push(readAt(i));
    let i;
    for (i = 0; i < found.length && batch.some(current); i++) {
      // While a large file is checked in its thread, this one finds where the clashes so far stand.
      const read = await whileWaiting(ahead.shift()!, (deadline) => this.session.placeSome(deadline), SLICE_MS);
      if (i + READ_AHEAD < found.length) ahead.push(readAt(i + READ_AHEAD));
      run.done++;
      const { uri, folder } = found[i];
      if (counts(i)) {
        seen.add(uri);
        if (read.text === undefined && !read.lean) this.removeDisk(uri);
        else if (this.fromDisk(uri, folder, read)?.isPayload) run.payloads++;
      }
      // Let the editor's requests (an open document's diagnostics first) in between slices.
      if (Date.now() - sliceStart >= SLICE_MS) {
        run.report();
        await afterRequests();
        sliceStart = Date.now();
      }
    }
    run.skipped(found.length - i);
    const finished = batch.filter(current);
    // Files of these folders that are gone (a re-index after a settings change): one look through the session.
    const folders = new Set(finished.map(([folder]) => folder));
    const gone = [...this.session.all()].filter(
      (f) => f.version === null && f.role === 'payload' && folders.has(f.scope.folder as IndexFolder) && !seen.has(f.id),
    );
    for (const file of gone) this.session.remove(file.id);
    for (const asked of finished) {
      this.configFile(asked[0]);
      this.toIndex.done(...asked);
    }
    this.flush();
  }

  /** The run ended: what it found is told, then its progress ends (the status says done after this). */
  private runEnded(): void {
    this.flush();
    const run = this.currentRun;
    this.currentRun = undefined;
    this.options.checkAside?.settle?.();
    if (run) this.options.onIndexed?.(run.end());
  }

  /** A folder's JSON files (normal-form URIs): the client's search, else a walk; a nested workspace folder is its own. */
  private async listFolder(folder: IndexFolder, cancelled: () => boolean): Promise<string[]> {
    const nested = (uri: string) => this.folders.some((f) => f !== folder && f.key.length > folder.key.length && within(uri, f.key));
    const searched = await this.options.findFiles?.(folder);
    if (searched) {
      const listed = (uri: string) => this.folderOf(uri) === folder && isJsonName(uri) && !inSkippedFolder(URI.parse(uri).path.slice(folder.path.length));
      return searched.map(normalUri).filter(listed);
    }
    return listJsonFiles(walkable(this.options), folder.uri, { skip: nested, onFolder: (uri) => this.options.onFolder?.(uri, folder), cancelled });
  }

  /** A file's bytes (null: an open document, whose copy on disk is not even read, or a file the full index does not take). */
  private async readOne({ uri, folder }: { uri: string; folder: IndexFolder }): Promise<Uint8Array | undefined | null> {
    if (this.options.isOpen(uri) || this.options.budget?.refuses(this.session, uri)) return null;
    return readBytes(this.options.fs, uri, this.options.settingsOf(folder).maxFileSize + 1);
  }

  /** A large file's check, made off this thread while the next files are read (read-check.ts). */
  private checkAside(uri: string, folder: IndexFolder, content: string | Uint8Array | undefined | null): Promise<Read> {
    const readAgain = () => readText(this.options.fs, uri, this.options.settingsOf(folder).maxFileSize + 1);
    return readCheck(this.options.checkAside, this.scopeOf(uri, this.options.settingsOf(folder), folder), content, readAgain);
  }

  /** A file read from disk (text null: open, left alone); returns what the session holds (none past the memory budget). */
  private fromDisk(uri: string, folder: IndexFolder, read: Read): SessionFile | undefined {
    if (read.text === null || this.options.isOpen(uri) || this.options.budget?.admits(this.session, uri) === false) return this.session.get(uri);
    const scope = this.scopeOf(uri, this.options.settingsOf(folder), folder);
    let file: SessionFile;
    if (read.lean) {
      const lean = leanNow(read, scope);
      // Checked before its settings changed, and no text here to check again: read again, as a change on disk.
      if (!lean) {
        void this.filesChanged([{ uri, deleted: false }]);
        return this.session.get(uri);
      }
      file = this.session.updateLean(uri, scope, lean);
    } else if (read.text === undefined) return this.session.get(uri);
    else file = this.session.update(uri, read.text, scope, { checked: checkedNow(read, scope) });
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

  /** An open document's current content and analysis (checked by the diagnostics), under its normal form whatever the client's spelling. */
  updateOpen(spelled: string, version: number, analysis: Analysis, settings: Settings, problems?: readonly Problem[]): SessionFile {
    const uri = normalUri(spelled);
    const before = this.session.get(uri);
    if (before && before.version === version && before.analysis === analysis && before.scope.settings === settings) return before;
    const file = this.session.update(uri, analysis.text, this.scopeOf(uri, settings), { version, analysis, problems: problems ?? analysis.problems });
    this.scheduleFlush();
    return file;
  }

  /** A document was closed (in any spelling): the file is what is on disk again (or nothing), once read. */
  closed(spelled: string): Promise<void> {
    const uri = normalUri(spelled);
    const [folder, parsed] = [this.folderOf(uri), URI.parse(uri)];
    return this.queue(async () => {
      // An editor often opens the document again at once (a preview, a language change): the
      // messages already read go first, so that its copy on disk is not read and checked for nothing.
      await afterRequests();
      if (this.options.isOpen(uri)) return;
      const config = folder && this.options.configOf?.(folder);
      const readable = folder && isJsonName(parsed.path) && config?.uri !== uri && ((await this.options.bounds?.readable(uri, folder.uri)) ?? true);
      const text = readable ? await readText(this.options.fs, uri, this.options.settingsOf(folder).maxFileSize + 1) : undefined;
      if (this.options.isOpen(uri)) return;
      // Saved and closed (the usual case): what was checked is what is on disk.
      if (text !== undefined && folder && this.session.closedAsOnDisk(uri, text, this.scopeOf(uri, this.options.settingsOf(folder), folder))) return;
      const read = config?.uri === uri || text === undefined ? undefined : await this.checkAside(uri, folder!, text);
      if (this.options.isOpen(uri)) return;
      if (config?.uri !== uri && read) this.fromDisk(uri, folder!, read);
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
        // A folder created or renamed into the workspace: everything in it (not one reached through a link: the walk enters none).
        if (!((await this.options.bounds?.asNamed(key, folder.uri)) ?? true)) continue;
        const files = await listJsonFiles(walkable(this.options), key, { onFolder: (dir) => this.options.onFolder?.(dir, folder) });
        for (const file of files) await this.refreshFromDisk(file, folder, true);
      } else if (isJsonName(uri.path)) {
        await this.refreshFromDisk(key, folder, false);
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

  /** A file read again (`walked`: found by a walk, else named by an event: read only if a walk would find it). */
  private async refreshFromDisk(uri: string, folder: IndexFolder, walked: boolean): Promise<void> {
    if (this.options.isOpen(uri) || this.options.budget?.refuses(this.session, uri)) return;
    if (!walked && !((await this.options.bounds?.readable(uri, folder.uri)) ?? true)) return this.removeDisk(uri);
    const text = await readText(this.options.fs, uri, this.options.settingsOf(folder).maxFileSize + 1);
    if (text === undefined) return this.removeDisk(uri);
    if (this.session.get(uri)?.text === text) return;
    const read = await this.checkAside(uri, folder, text);
    if (!this.options.isOpen(uri)) this.fromDisk(uri, folder, read);
  }

  /** Where the other files add a value (go to definition), in the workspace's order. */
  holders(key: string, exceptUri: string) {
    return this.session.holders(key, normalUri(exceptUri));
  }

  // ---- change events ----

  private scheduleFlush(): void {
    if (this.flushScheduled || this.toIndex.busy) return;
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
