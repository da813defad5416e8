// The workspace index: every payload file of the workspace folders, open or not, as little as the
// workspace features need (spec section 5's 200 across files, problems of files that are not open,
// go to definition on a clashing name, the count in the status). Per file: the values that must be
// unique (method, key, as written; where they stand is found again from the file when a clash
// needs it), the engine's problems and disable comments when there are any, and the text only
// while something must be shown from it. No trees.
//
// Files are found at start by walking each folder (node_modules, .git and .voipnow skipped) and read
// in small batches that yield to the event loop, so that open documents get their diagnostics
// first. The index then follows the editor (open documents: their current text) and the file
// system (watched-file events, or fs.watch for clients without them). Each change ends in one
// `onChange` with the files whose report may differ.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { URI } from 'vscode-uri';
import {
  analyze,
  CONFIG_FILE,
  crossFileDuplicates,
  clashingKeys,
  findDirectives,
  isIncluded,
  type Analysis,
  type CrossFileDuplicate,
  type Directive,
  type Problem,
  type Records,
  type UniqueEntry,
} from '../core';
import type { Range } from '../core/tree';
import type { FolderConfig } from './project-config';
import { readTextFile, readTextFileAsync } from './read-file';
import type { Settings } from './settings';

/** Folders that never hold the user's payloads (the command line skips the same). */
export const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.voipnow']);
const JSON_FILE = /\.jsonc?$/i;
/** Files read and analyzed between two turns of the event loop. */
const BATCH = 64;
/** Bytes read at once, at most (beyond one file). */
const READ_BUDGET = 16 * 1024 * 1024;

export interface IndexFolder {
  uri: string;
  /** URI path with a trailing slash. */
  path: string;
  fsPath: string;
  name: string;
  /** Position among the workspace folders (files are ordered by folder, then path). */
  order: number;
}

export interface IndexedFile {
  uri: string;
  fsPath: string;
  folder: IndexFolder;
  /** Relative to the folder, forward slashes. */
  relPath: string;
  kind: 'payload' | 'config';
  /** The open document's version; null when read from disk. */
  version: number | null;
  unique: UniqueEntry[];
  /** The engine's problems (payload) or the project file's (config). */
  problems: Problem[];
  directives: Directive[];
  /** Kept while problems, comments or a clash need positions; read again otherwise. */
  text?: string;
  /** Bumped on every change of the file's content (for result ids). */
  stamp: number;
}

export interface RelatedLocation {
  uri: string;
  offset: number;
  length: number;
  message: string;
}

export interface CrossItem {
  problem: Problem;
  related: RelatedLocation[];
}

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  end(): void;
}

export interface WorkspaceIndexOptions {
  /** The settings of a folder's files on disk (project file and editor settings, merged). */
  settingsOf(folder: IndexFolder): Settings;
  /** The records snapshot a file is checked against (spec section 6), if any. */
  recordsFor?(uri: string): Records | undefined;
  /** The project file of a folder, for its problems. */
  configOf?(folder: IndexFolder): FolderConfig | undefined;
  isOpen(uri: string): boolean;
  /** New folders found (for fs.watch). */
  onFolder?(fsPath: string, folder: IndexFolder): void;
}

/** A file's keys in order: equal signatures clash the same way. */
const signature = (unique: readonly UniqueEntry[]) => unique.map((u) => u.key).join('\n');

export class WorkspaceIndex {
  private folders: IndexFolder[] = [];
  private readonly files = new Map<string, IndexedFile>();
  private readonly listeners: Array<(change: IndexChange) => void> = [];
  private generation = 0;
  private indexing: Promise<void> | undefined;
  private readyResolve: (() => void) | undefined;
  /** Pending until the first indexing is done (a workspace pull waits for it). */
  private readyPromise: Promise<void> = new Promise((resolve) => (this.readyResolve = resolve));
  private stampCounter = 0;
  /** Files changed since the last flush, and whether any file's keys changed. */
  private pending = new Set<string>();
  private keysChanged = false;
  private flushScheduled = false;
  /** key → the files (URIs, in the workspace's order) adding it, for the keys more than one file adds. */
  private clashes: Map<string, string[]> | undefined;
  private clashPrint = new Map<string, string>();
  /** The last full indexing: files and milliseconds (for the status and the logs). */
  lastIndex = { files: 0, payloads: 0, ms: 0 };

  constructor(private readonly options: WorkspaceIndexOptions) {}

  onChange(listener: (change: IndexChange) => void): void {
    this.listeners.push(listener);
  }

  setFolders(folders: ReadonlyArray<{ uri: string; name?: string }>): void {
    this.folders = folders.map((f, order) => {
      const uri = URI.parse(f.uri);
      return { uri: f.uri, path: uri.path.replace(/\/?$/, '/'), fsPath: uri.fsPath, name: f.name ?? basename(uri.fsPath), order };
    });
    // Files of folders no longer in the workspace go.
    for (const file of [...this.files.values()]) {
      const folder = this.folderOf(file.uri);
      if (!folder) this.remove(file.uri);
      else file.folder = folder;
    }
  }

  allFolders(): readonly IndexFolder[] {
    return this.folders;
  }

  /** The innermost workspace folder holding a URI. */
  folderOf(uri: string): IndexFolder | undefined {
    const path = URI.parse(uri).path + '/';
    let best: IndexFolder | undefined;
    for (const folder of this.folders) if (path.startsWith(folder.path) && (!best || folder.path.length > best.path.length)) best = folder;
    return best;
  }

  get(uri: string): IndexedFile | undefined {
    return this.files.get(uri);
  }

  all(): IterableIterator<IndexedFile> {
    return this.files.values();
  }

  /** How many payload files the index holds. */
  payloadCount(): number {
    let count = 0;
    for (const file of this.files.values()) if (file.kind === 'payload') count++;
    return count;
  }

  get isIndexing(): boolean {
    return this.indexing !== undefined;
  }

  /** Resolves once the current indexing (if any) is done. */
  ready(): Promise<void> {
    return this.readyPromise;
  }

  /** (Re)indexes the given folders (all by default) from disk; open documents keep their text. False when a later call took over. */
  index(folders: readonly IndexFolder[] = this.folders, progress?: IndexProgress): Promise<boolean> {
    const generation = ++this.generation;
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
    const found: Array<{ fsPath: string; folder: IndexFolder }> = [];
    for (const folder of folders) await this.walk(folder.fsPath, folder, found, generation);
    if (generation !== this.generation) return progress?.end();
    progress?.begin(found.length);
    const seen = new Set<string>();
    let payloads = 0;
    for (let i = 0; i < found.length; i += BATCH) {
      const batch = found.slice(i, i + BATCH);
      const texts = await this.readBatch(batch);
      if (generation !== this.generation) return progress?.end();
      batch.forEach((f, j) => {
        const uri = URI.file(f.fsPath).toString();
        seen.add(uri);
        // An open document's text is what counts.
        const existing = this.files.get(uri);
        if (existing && existing.version !== null) return;
        const text = texts[j];
        if (text === undefined) this.remove(uri);
        else if (this.fromDisk(uri, f.fsPath, f.folder, text)) payloads++;
      });
      progress?.report(Math.min(i + BATCH, found.length), found.length);
      // Let the editor's requests (an open document's diagnostics first) in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (generation !== this.generation) return progress?.end();
    // Files of these folders that are gone (a re-index after a settings change).
    for (const file of [...this.files.values()]) {
      if (folders.includes(file.folder) && file.kind === 'payload' && file.version === null && !seen.has(file.uri)) this.remove(file.uri);
    }
    for (const folder of folders) this.configFile(folder);
    this.lastIndex = { files: found.length, payloads, ms: Date.now() - started };
    progress?.end();
    this.flush();
  }

  /**
   * Reads a batch of files at once, except that large ones (a data set next to the payloads) are
   * read a few at a time: never much more than READ_BUDGET bytes in memory for one batch.
   */
  private async readBatch(batch: ReadonlyArray<{ fsPath: string; folder: IndexFolder }>): Promise<Array<string | undefined>> {
    const sizes = await Promise.all(batch.map((f) => stat(f.fsPath).then((s) => s.size, () => 0)));
    const texts: Array<string | undefined> = new Array(batch.length);
    let start = 0;
    while (start < batch.length) {
      let end = start;
      let bytes = 0;
      do bytes += Math.min(sizes[end], this.options.settingsOf(batch[end].folder).maxFileSize + 1);
      while (++end < batch.length && bytes + sizes[end] <= READ_BUDGET);
      const part = await Promise.all(batch.slice(start, end).map((f) => readTextFileAsync(f.fsPath, this.options.settingsOf(f.folder).maxFileSize + 1)));
      part.forEach((text, k) => (texts[start + k] = text));
      start = end;
    }
    return texts;
  }

  /** Collects the JSON files under a folder, iteratively (a deep tree cannot overflow the stack). */
  private async walk(root: string, folder: IndexFolder, found: Array<{ fsPath: string; folder: IndexFolder }>, generation: number): Promise<void> {
    const pending = [root];
    while (pending.length > 0) {
      if (generation !== this.generation) return;
      const dir = pending.pop()!;
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        continue; // unreadable or gone: nothing to index there
      }
      this.options.onFolder?.(dir, folder);
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          // A nested workspace folder is indexed as itself.
          if (!SKIPPED_FOLDERS.has(entry.name) && !this.folders.some((f) => f !== folder && f.fsPath === path)) pending.push(path);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && JSON_FILE.test(entry.name)) {
          found.push({ fsPath: path, folder });
        }
      }
    }
  }

  /** A file read from disk; returns whether it is a payload (and so in the index). */
  private fromDisk(uri: string, fsPath: string, folder: IndexFolder, text: string): boolean {
    const settings = this.options.settingsOf(folder);
    const relPath = URI.parse(uri).path.slice(folder.path.length);
    const included = isIncluded(relPath, settings.include);
    // Most JSON files that are not payloads do not even mention a method: no need to parse them.
    if (!included && !text.includes('"method"')) {
      this.remove(uri);
      return false;
    }
    const analysis = analyze(text, { included, maxFileSize: settings.maxFileSize, records: this.options.recordsFor?.(uri) });
    if (!analysis.isPayload) {
      this.remove(uri);
      return false;
    }
    const directives = findDirectives(text);
    const keep = analysis.problems.length > 0 || directives.length > 0;
    const file: IndexedFile = {
      uri,
      fsPath,
      folder,
      relPath,
      kind: 'payload',
      version: null,
      // What must be unique, without the analysis (it holds the parsed document): where each
      // stands is found again from the file when a clash needs it.
      unique: [],
      problems: analysis.problems,
      directives,
      text: keep ? text : undefined,
      stamp: ++this.stampCounter,
    };
    file.unique = analysis.unique.map(({ method, key, shown }, index) => ({ method, key, shown, range: () => this.rangeOnDisk(file, index) }));
    this.put(file);
    return true;
  }

  private put(file: IndexedFile): void {
    const before = this.files.get(file.uri);
    if (before ? signature(before.unique) !== signature(file.unique) : file.unique.length > 0) this.keysChanged = true;
    if (this.keysChanged) this.clashes = undefined;
    this.files.set(file.uri, file);
    this.changed(file.uri);
  }

  private remove(uri: string): void {
    const before = this.files.get(uri);
    if (!before) return;
    if (before.unique.length > 0) {
      this.keysChanged = true;
      this.clashes = undefined;
    }
    this.files.delete(uri);
    this.changed(uri);
  }

  private ranges = new WeakMap<IndexedFile, Range[]>();

  /** Where a disk file's unique value stands: found again from its text, once. */
  private rangeOnDisk(file: IndexedFile, index: number): Range {
    let ranges = this.ranges.get(file);
    if (!ranges) {
      const text = this.textOf(file);
      const settings = this.options.settingsOf(file.folder);
      const analysis = text === undefined ? undefined : analyze(text, { included: isIncluded(file.relPath, settings.include), maxFileSize: settings.maxFileSize, records: this.options.recordsFor?.(file.uri) });
      // The file changed on disk and no event came yet: the values as they stand now.
      ranges = analysis && signature(analysis.unique) === signature(file.unique) ? analysis.unique.map((u) => u.range()) : file.unique.map(() => ({ offset: 0, length: 0 }));
      this.ranges.set(file, ranges);
    }
    return ranges[index] ?? { offset: 0, length: 0 };
  }

  /** A file's text: kept, or read again (a clash needs positions). */
  textOf(file: IndexedFile): string | undefined {
    if (file.text === undefined && file.version === null) file.text = readTextFile(file.fsPath, this.options.settingsOf(file.folder).maxFileSize + 1);
    return file.text;
  }

  /** The project file of a folder, as an index entry when it has problems (to show them when it is not open). */
  private configFile(folder: IndexFolder): void {
    const config = this.options.configOf?.(folder);
    if (!config) return;
    const uri = config.uri;
    if (config.problems.length === 0 || config.text === undefined) {
      if (this.files.get(uri)?.kind === 'config') this.remove(uri);
      return;
    }
    const before = this.files.get(uri);
    if (before?.kind === 'config' && before.text === config.text) return;
    this.put({ uri, fsPath: config.fsPath, folder, relPath: CONFIG_FILE, kind: 'config', version: null, unique: [], problems: config.problems, directives: [], text: config.text, stamp: ++this.stampCounter });
  }

  /** A folder's project file was read again. */
  configChanged(folder: IndexFolder): void {
    this.configFile(folder);
    this.scheduleFlush();
  }

  /** An open document's current analysis (diagnostics call this for every version they check). */
  updateOpen(uri: string, version: number, analysis: Analysis): void {
    const folder = this.folderOf(uri);
    // Only files of the workspace take part (a stray file is checked on its own), never a settings file.
    if (!folder || !analysis.isPayload || isSettingsFile(uri)) {
      if (this.files.get(uri)?.kind === 'payload') this.remove(uri);
      this.scheduleFlush();
      return;
    }
    const before = this.files.get(uri);
    if (before && before.version === version && before.unique === analysis.unique) return;
    const file: IndexedFile = {
      uri,
      fsPath: URI.parse(uri).fsPath,
      folder,
      relPath: URI.parse(uri).path.slice(folder.path.length),
      kind: 'payload',
      version,
      unique: analysis.unique,
      problems: analysis.problems,
      directives: [],
      text: analysis.text,
      stamp: ++this.stampCounter,
    };
    this.put(file);
    this.scheduleFlush();
  }

  /** A document was closed: the file is what is on disk again (or nothing). */
  closed(uri: string): void {
    const file = this.files.get(uri);
    const folder = this.folderOf(uri);
    if (!folder || isSettingsFile(uri)) return;
    if (file) file.version = null;
    const fsPath = URI.parse(uri).fsPath;
    const text = URI.parse(uri).scheme === 'file' ? readTextFile(fsPath, this.options.settingsOf(folder).maxFileSize + 1) : undefined;
    if (text === undefined || !JSON_FILE.test(fsPath)) this.remove(uri);
    else this.fromDisk(uri, fsPath, folder, text);
    this.scheduleFlush();
  }

  /** Created, changed or deleted on disk (watched-file events, or fs.watch). */
  async filesChanged(changes: ReadonlyArray<{ uri: string; deleted: boolean }>): Promise<void> {
    const gone = new Set<string>();
    for (const change of changes) {
      const uri = URI.parse(change.uri);
      if (uri.scheme !== 'file') continue;
      const folder = this.folderOf(change.uri);
      if (!folder) continue;
      const rel = uri.path.slice(folder.path.length);
      if (rel.split('/').some((part) => SKIPPED_FOLDERS.has(part))) continue;
      const key = uri.toString();
      if (change.deleted) {
        // A file, or a folder with everything under it (looked for once, below).
        if (this.files.get(key)?.version === null) this.remove(key);
        if (!JSON_FILE.test(uri.path)) gone.add(uri.path.replace(/\/$/, ''));
        continue;
      }
      if (this.options.isOpen(key)) continue;
      let isDirectory = false;
      try {
        isDirectory = (await stat(uri.fsPath)).isDirectory();
      } catch {
        if (this.files.get(key)?.version === null) this.remove(key);
        continue;
      }
      if (isDirectory) {
        // A folder created or renamed into the workspace: everything in it.
        const found: Array<{ fsPath: string; folder: IndexFolder }> = [];
        await this.walk(uri.fsPath, folder, found, this.generation);
        for (const f of found) await this.refreshFromDisk(f.fsPath, folder);
      } else if (JSON_FILE.test(uri.fsPath)) {
        await this.refreshFromDisk(uri.fsPath, folder);
      }
    }
    if (gone.size > 0) {
      for (const file of [...this.files.values()]) {
        if (file.version !== null) continue;
        const path = URI.parse(file.uri).path;
        for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) {
          if (gone.has(path.slice(0, at))) {
            this.remove(file.uri);
            break;
          }
        }
      }
    }
    this.scheduleFlush();
  }

  private async refreshFromDisk(fsPath: string, folder: IndexFolder): Promise<void> {
    const uri = URI.file(fsPath).toString();
    if (this.options.isOpen(uri)) return;
    const text = await readTextFileAsync(fsPath, this.options.settingsOf(folder).maxFileSize + 1);
    if (text === undefined) this.remove(uri);
    else if (this.files.get(uri)?.text !== text || this.files.get(uri) === undefined) this.fromDisk(uri, fsPath, folder, text);
  }

  // ---- duplicates across files ----

  private clashMap(): Map<string, string[]> {
    if (!this.clashes) {
      const order = [...this.files.values()].filter((f) => f.unique.length > 0).sort(byFolderAndPath);
      this.clashes = new Map([...clashingKeys(order)].map(([key, holders]) => [key, holders.map((h) => order[h.fileIndex].uri)]));
    }
    return this.clashes;
  }

  /** How file `other` is named in a message shown in file `from`: relative to its folder, with the folder's name when it is another one. */
  private display(other: IndexedFile, from: IndexedFile): string {
    return other.folder === from.folder ? other.relPath : `${other.folder.name}/${other.relPath}`;
  }

  /** The 200s of one file against the other files, with where the others stand (the same rule as the command line's). */
  crossFor(uri: string): CrossItem[] {
    const file = this.files.get(uri);
    if (!file || file.unique.length === 0) return [];
    const clashes = this.clashMap();
    const keys = new Set(file.unique.map((u) => u.key).filter((k) => clashes.get(k)?.some((holder) => holder !== uri)));
    if (keys.size === 0) return [];
    // Only this file and the files it clashes with (as they are now), in the workspace's order, with only those values.
    const involved = new Set<IndexedFile>([file]);
    for (const key of keys) {
      for (const holder of clashes.get(key)!) {
        const other = this.files.get(holder);
        if (other) involved.add(other);
      }
    }
    const files = [...involved].sort(byFolderAndPath);
    const entries = files.map((f) => ({ display: f.relPath, unique: f.unique.filter((u) => keys.has(u.key)) }));
    const found: CrossFileDuplicate[] = crossFileDuplicates(entries, { display: (other, from) => this.display(files[other], files[from]) });
    const self = files.indexOf(file);
    return found
      .filter((d) => d.fileIndex === self)
      .map((d) => ({ problem: d.problem, related: d.related.map((r) => ({ uri: files[r.fileIndex].uri, offset: r.offset, length: r.length, message: r.message })) }));
  }

  /** What a file clashes on with other files, and with which (changes when its 200s across files may). */
  clashSignature(uri: string): string | undefined {
    const file = this.files.get(uri);
    if (!file || file.unique.length === 0) return undefined;
    const clashes = this.clashMap();
    let signature = '';
    for (const u of file.unique) {
      const holders = clashes.get(u.key);
      if (holders) signature += `${u.key}\u0000${holders.join('\u0000')}\n`;
    }
    return signature;
  }

  /** Where the other files add a value (go to definition), in the workspace's order. */
  holders(key: string, exceptUri: string): Array<{ uri: string; range: Range }> {
    const found: Array<{ uri: string; range: Range }> = [];
    const files = [...this.files.values()].filter((f) => f.uri !== exceptUri && f.unique.some((u) => u.key === key)).sort(byFolderAndPath);
    for (const file of files) for (const u of file.unique) if (u.key === key) found.push({ uri: file.uri, range: u.range() });
    return found;
  }

  // ---- change events ----

  private changed(uri: string): void {
    this.pending.add(uri);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.indexing) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Tells the listeners which files changed, and which files' clashes with others did. */
  private flush(): void {
    const files = this.pending;
    this.pending = new Set();
    const clashes = new Set<string>();
    if (this.keysChanged) {
      this.keysChanged = false;
      const print = new Map<string, string>();
      for (const [key, uris] of this.clashMap()) {
        for (const uri of uris) print.set(uri, (print.get(uri) ?? '') + `${key}\u0000${uris.join('\u0000')}\n`);
      }
      for (const uri of new Set([...print.keys(), ...this.clashPrint.keys()])) if (print.get(uri) !== this.clashPrint.get(uri)) clashes.add(uri);
      this.clashPrint = print;
    }
    if (files.size === 0 && clashes.size === 0) return;
    for (const listener of this.listeners) listener({ files, clashes });
  }
}

export interface IndexChange {
  /** Files whose content (or presence) changed. */
  files: Set<string>;
  /** Files whose clashes with other files changed (their 200s across files differ). */
  clashes: Set<string>;
}

function byFolderAndPath(a: IndexedFile, b: IndexedFile): number {
  return a.folder.order - b.folder.order || (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);
}

/** `.voipnow/config.json` and `.voipnow/records.json`: settings files, never payloads. */
export function isSettingsFile(uri: string): boolean {
  return /\/\.voipnow\/[^/]+$/.test(URI.parse(uri).path);
}
