// The server's one state, built when the client's `initialize` arrives (server.ts): what the client
// can do (client-capabilities.ts), the workspace folders, and every part the handler groups share
// (handlers/*): open documents, settings, records, the workspace index, diagnostics, status. The
// parts are made and wired to one another here, in this order (listeners of the index's changes:
// diagnostics first, then the status); a handler group takes the state and registers its handlers.
import type { Connection, InitializeParams, TextDocuments, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core';
import { Analyses } from './analyses';
import { clientSupport, type ClientSupport } from './client-capabilities';
import { Diagnostics, isCandidate } from './diagnostics';
import type { DirectoryWatcher } from './fs-watch';
import { IndexBudget, sayBudgetReached } from './index-budget';
import type { OpenDocuments } from './open-documents';
import type { ServerPlatform } from './platform';
import { ProjectConfigs } from './project-config';
import { RecordsStore } from './records';
import { DEFAULT_MAX_INDEX_MEMORY_MB, SettingsStore, type Settings } from './settings';
import { StatusReporter } from './status';
import { folderKey } from './uri-paths';
import { WorkspaceBounds } from './workspace-bounds';
import { WorkspaceFolders } from './workspace-folders';
import { WorkspaceIndex, type IndexFolder } from './workspace-index';

/** The client's `initializationOptions` besides the settings: where the code pages are (the extension's own folder on the web). */
function codePagesOption(options: unknown): string | undefined {
  const value = (options as { codePages?: unknown } | null | undefined)?.codePages;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The client's `initializationOptions.storagePath`: a folder of its own where the server may keep each server's WSDL (VS Code's global storage). */
function storageOption(options: unknown): string | undefined {
  const value = (options as { storagePath?: unknown } | null | undefined)?.storagePath;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export class ServerState {
  readonly client: ClientSupport;
  /** Where the code pages are: the platform's own, else the client's initializationOptions. */
  readonly codePages: string | undefined;
  /** Where the live loop keeps each server's WSDL between sessions (storageOption); none: in memory only. */
  readonly storage: string | undefined;
  /** Each folder's `.voipnow/config.json` (the project settings file). */
  readonly configs: ProjectConfigs;
  readonly settings: SettingsStore;
  /** Where a document sits in its workspace folder (the include globs match that path). */
  readonly folders = new WorkspaceFolders();
  readonly analyses = new Analyses((uri) => this.folders.relativePath(uri));
  readonly diagnostics: Diagnostics;
  /** Each workspace folder's `.voipnow/records.json` (spec section 6). */
  readonly records: RecordsStore;
  /** The payload files of the workspace folders (200 across files, files that are not open). */
  readonly index: WorkspaceIndex;
  readonly status: StatusReporter;
  readonly budget: IndexBudget;
  /** The workspace folders' URIs, in the workspace's order, and their names. */
  private uris: string[];
  private readonly folderNames: Map<string, string>;
  /** The settings of each folder's files that are not open (project file and editor settings, merged). */
  private readonly folderSettings = new Map<string, Settings>();
  /** The index's memory budget (voipnowPayloads.maxIndexMemory), read before each indexing and on a change of settings. */
  private maxIndexMb = DEFAULT_MAX_INDEX_MEMORY_MB;
  /** The last read of the budget (readBudget: reads never overlap). */
  private budgetRead: Promise<boolean> = Promise.resolve(false);
  /** The server's own watching (clients that do not watch files for it), once initialized. */
  watcher: DirectoryWatcher | undefined;
  /** The project files and records of the workspace folders, first read after initialized (the browser reads through the client). */
  private readonly startup: Promise<void>;
  private startupDone: () => void = () => {};

  constructor(
    readonly connection: Connection,
    readonly platform: ServerPlatform,
    /** The TextDocuments behind `open` (its open, change and close events). */
    readonly documents: TextDocuments<TextDocument>,
    /** The open documents by any spelling of their URI (the client's, the index's normal form). */
    readonly open: OpenDocuments,
    params: InitializeParams,
  ) {
    this.client = clientSupport(params.capabilities);
    this.codePages = platform.codePages?.() ?? codePagesOption(params.initializationOptions);
    this.storage = storageOption(params.initializationOptions);
    this.startup = new Promise<void>((resolve) => (this.startupDone = resolve));
    this.configs = new ProjectConfigs(platform.fs);
    this.budget = new IndexBudget(
      () => this.maxIndexMb * 1024 * 1024,
      sayBudgetReached(connection, () => ({ mb: this.maxIndexMb, payloads: this.index.payloadCount() }), () => this.status.notifySoon()),
    );
    this.settings = new SettingsStore(connection, this.client.configuration, this.configs);
    this.settings.setInitializationOptions(params.initializationOptions);
    this.diagnostics = new Diagnostics(connection, open, (document) => this.checkOpen(document), this.client.pullDiagnostics, platform.encodedParams);
    this.uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folderNames = new Map((params.workspaceFolders ?? []).map((f) => [f.uri, f.name]));
    this.folders.set(this.uris);
    this.index = this.makeIndex();
    this.diagnostics.useWorkspace({ index: this.index, folderSettings: (folder) => this.settingsOfFolder(folder) });
    this.status = new StatusReporter(connection, this.index, this.configs, this.client.workDoneProgress, this.budget);
    this.records = new RecordsStore(connection, {
      push: !this.client.pullDiagnostics,
      isOpen: (uri) => open.get(uri) !== undefined,
      onChange: (changed) => void this.recordsChanged(changed),
      fs: platform.fs,
      watchFolder: platform.watchFolder,
    });
    this.analyses.useRecords(this.records);
  }

  private makeIndex(): WorkspaceIndex {
    const { connection, platform } = this;
    return new WorkspaceIndex({
      fs: platform.fs,
      findFiles: platform.findFiles && ((folder) => platform.findFiles!(folder.uri)),
      settingsOf: (folder) => this.settingsOfFolder(folder),
      recordsFor: (uri) => this.records.forDocument(uri),
      configOf: (folder) => this.configs.forDocument(folder.uri),
      isOpen: (uri) => this.open.get(uri) !== undefined,
      checkAside: platform.checkAside,
      bounds: platform.realUri && new WorkspaceBounds(platform.realUri, () => this.uris),
      onFolder: (dir) => this.watcher?.watch(dir),
      // A folder is read with its settings and records (read first: a folder just added has its own),
      // and with the memory budget as the settings say it now.
      prepare: async (batch) => {
        await this.filesRead();
        await Promise.all(batch.map((folder) => this.loadFolderSettings(folder)));
        // A raise seen here (not by the settings handler, whose read comes after) lets in the files left out everywhere.
        if (await this.readBudget()) void this.index.index();
      },
      progress: () => this.status.progress(),
      onIndexed: ({ files, payloads, ms }) => {
        connection.console.log(`VoipNow: indexed ${payloads} payload files among ${files} JSON files in ${ms} ms`);
      },
      log: (message) => connection.console.error(message),
      budget: this.budget,
    });
  }

  /** The workspace folders' URIs, in the workspace's order. */
  get folderUris(): readonly string[] {
    return this.uris;
  }

  /**
   * Folders added or removed: the folders' list, names and relative paths take the new set (a
   * folder is removed in whatever spelling of its URI the client uses this time); a folder removed
   * forgets its settings, so that it has them read again if added again later.
   */
  changeFolders(event: WorkspaceFoldersChangeEvent): void {
    event.removed.forEach((f) => this.folders.remove(f.uri));
    event.added.forEach((f) => this.folders.add(f.uri));
    const removed = new Set(event.removed.map((f) => folderKey(f.uri)));
    const gone = this.uris.filter((u) => removed.has(folderKey(u)));
    this.uris = [...this.uris.filter((u) => !gone.includes(u)), ...event.added.map((f) => f.uri)];
    for (const f of event.added) this.folderNames.set(f.uri, f.name);
    for (const u of gone) this.folderSettings.delete(u);
  }

  /** The settings and records files have been read for the first time (after initialized). */
  firstRead(): void {
    this.startupDone();
  }

  /** Settings and records files read (at startup, and any read again since): what a document is checked with. */
  async filesRead(): Promise<void> {
    await this.startup;
    await Promise.all([this.configs.ready(), this.records.ready()]);
  }

  /** The settings of a folder's files that are not open: as last read, else the editor's alone. */
  settingsOfFolder(folder: IndexFolder): Settings {
    return this.folderSettings.get(folder.uri) ?? this.settings.merge(folder.uri, {});
  }

  /**
   * A folder's settings for its files that are not open (its project file, the editor's settings for
   * the folder) read again: as they were before (undefined: never read yet), and as they are now.
   */
  async loadFolderSettings(folder: IndexFolder): Promise<{ before: Settings | undefined; after: Settings }> {
    const before = this.folderSettings.get(folder.uri);
    const after = await this.settings.get(folder.uri);
    this.folderSettings.set(folder.uri, after);
    return { before, after };
  }

  /** The memory budget read again from the settings: whether the index had reached it and may now take the files it left out. */
  readBudget(): Promise<boolean> {
    // The only writer of maxIndexMb, one read after the other: a raise is seen by exactly one reader
    // (two interleaved reads once both took the new value before either compared, and none saw it).
    const read = this.budgetRead.then(async () => {
      const mb = await this.settings.maxIndexMemory();
      const reopened = this.budget.full && mb > this.maxIndexMb;
      if (reopened) this.budget.raised();
      this.maxIndexMb = mb;
      return reopened;
    });
    this.budgetRead = read.catch(() => false);
    return read;
  }

  /** The workspace folders for the index, in the workspace's order, with their names. */
  indexFolders(): Array<{ uri: string; name?: string }> {
    return this.uris.map((uri) => ({ uri, name: this.folderNames.get(uri) }));
  }

  /** An open document checked into the workspace session (its analysis shared with the other features). */
  private async checkOpen(document: TextDocument) {
    if (!isCandidate(document)) return undefined;
    await this.filesRead();
    const merged = await this.settings.get(document.uri);
    const analysis = this.analyses.get(document, merged);
    return { file: this.index.updateOpen(document.uri, document.version, analysis, merged), settings: merged };
  }

  /** The current analysis of an open JSON document (the one diagnostics use; its URI in any spelling), or undefined. */
  async analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
    const document = this.open.find(uri);
    if (!document || !isCandidate(document)) return undefined;
    await this.filesRead();
    const analysis = this.analyses.get(document, await this.settings.get(document.uri));
    // Settings are read asynchronously: answer only for the version the analysis was made of.
    return this.open.get(document.uri)?.version === document.version ? { document, analysis } : undefined;
  }

  /** Folders' records changed: open documents are checked again, and the folders' other files too (their IDs and names). */
  private async recordsChanged(changed: readonly string[]): Promise<void> {
    this.diagnostics.refreshAll();
    const which = this.index.allFolders().filter((f) => changed.includes(f.uri));
    if (which.length > 0) await this.index.index(which);
    this.diagnostics.republishWorkspace();
  }

  /** Shutdown: nothing more is sent, read or watched. */
  stop(): void {
    this.diagnostics.stop();
    this.records.dispose();
    this.watcher?.dispose();
  }
}
