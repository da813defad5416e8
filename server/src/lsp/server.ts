// The language server's handlers, on a connection and a platform given by its entry: the Node
// process (node/main.ts: `node dist/server.js --stdio`, or --node-ipc as VS Code starts it) or a
// Web Worker (browser/main.ts). The same code answers both; only the platform differs.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MarkupKind,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
  type Connection,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { shownAnalysis, type Analysis } from '../core';
import { Analyses } from './analyses';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions';
import { codePageAnswer, useCodePages } from './code-links';
import { completionAt, type CompletionSupport } from './completion';
import { definitionAt } from './definition';
import { Diagnostics, isCandidate } from './diagnostics';
import { duplicateDefinition } from './duplicate-definition';
import { CODE_PAGE_REQUEST } from './extension-protocol';
import { DirectoryWatcher, type FileChange } from './fs-watch';
import { hoverAt } from './hover';
import { IndexBudget, sayBudgetReached } from './index-budget';
import { OpenDocuments } from './open-documents';
import type { ServerPlatform } from './platform';
import { ProjectConfigs } from './project-config';
import { RecordsStore } from './records';
import { answerSymbols } from './symbols';
import { DEFAULT_MAX_INDEX_MEMORY_MB, SettingsStore, type Settings } from './settings';
import { DOCUMENT_STATUS_REQUEST, StatusReporter } from './status';
import { WorkspaceBounds } from './workspace-bounds';
import { folderKey } from './uri-paths';
import { WorkspaceFolders } from './workspace-folders';
import { WorkspaceIndex, type IndexFolder } from './workspace-index';

/** The client's `initializationOptions` besides the settings: where the code pages are (the extension's own folder on the web). */
function codePagesOption(options: unknown): string | undefined {
  const value = (options as { codePages?: unknown } | null | undefined)?.codePages;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Whether a capability's list names a kind (undefined: no list; a client may send anything there). */
function lists(list: unknown, kind: string): boolean | undefined {
  return Array.isArray(list) ? list.includes(kind) : undefined;
}

export function startServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  /** The open documents by any spelling of their URI (the client's, the index's normal form). */
  const open = new OpenDocuments(documents);
  const folders = new WorkspaceFolders();
  const analyses = new Analyses((uri) => folders.relativePath(uri));
  let settings: SettingsStore;
  let diagnostics: Diagnostics;
  /** Each workspace folder's `.voipnow/records.json` (spec section 6). */
  let records: RecordsStore;
  let folderUris: string[] = [];
  /**
   * Workspace features (200 across files, files that are not open, settings files): each folder's
   * `.voipnow/config.json`, the index of payload files, the settings of its files that are not open.
   */
  const configs = new ProjectConfigs(platform.fs);
  let folderNames = new Map<string, string>();
  let index: WorkspaceIndex;
  let status: StatusReporter;
  const folderSettings = new Map<string, Settings>();
  /** The index's memory budget (voipnowPayloads.maxIndexMemory), read before each indexing and on a change of settings. */
  let maxIndexMb = DEFAULT_MAX_INDEX_MEMORY_MB;
  const budget = new IndexBudget(
    () => maxIndexMb * 1024 * 1024,
    sayBudgetReached(connection, () => ({ mb: maxIndexMb, payloads: index.payloadCount() }), () => status.notifySoon()),
  );
  let watcher: DirectoryWatcher | undefined;
  /** The project files and records of the workspace folders, first read after initialize (the browser reads through the client). */
  let startupDone: () => void = () => {};
  const startup = new Promise<void>((resolve) => (startupDone = resolve));
  /** Settings and records files read (at startup, and any read again since): what a document is checked with. */
  const filesRead = async () => {
    await startup;
    await Promise.all([configs.ready(), records.ready()]);
  };
  const client = {
    markdownHover: true,
    completion: { snippets: false, markdown: false } as CompletionSupport,
    hierarchicalSymbols: false,
    versionedEdits: false,
    watchesFiles: false,
    definitionLinks: false,
    workDoneProgress: false,
    workspaceFolderEvents: false,
  };

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    settings = new SettingsStore(connection, capabilities.workspace?.configuration === true, configs);
    settings.setInitializationOptions(params.initializationOptions);
    diagnostics = new Diagnostics(connection, open, checkOpen, pull, platform.encodedParams);
    folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folderNames = new Map((params.workspaceFolders ?? []).map((f) => [f.uri, f.name]));
    folders.set(folderUris);
    useCodePages(platform.codePages?.() ?? codePagesOption(params.initializationOptions));
    index = new WorkspaceIndex({
      fs: platform.fs,
      findFiles: platform.findFiles && ((folder) => platform.findFiles!(folder.uri)),
      settingsOf: (folder) => folderSettings.get(folder.uri) ?? settings.merge(folder.uri, {}),
      recordsFor: (uri) => records.forDocument(uri),
      configOf: (folder) => configs.forDocument(folder.uri),
      isOpen: (uri) => open.get(uri) !== undefined,
      checkAside: platform.checkAside,
      bounds: platform.realUri && new WorkspaceBounds(platform.realUri, () => folderUris),
      onFolder: (dir) => watcher?.watch(dir),
      // A folder is read with its settings and records (read first: a folder just added has its own),
      // and with the memory budget as the settings say it now.
      prepare: async (batch) => {
        await filesRead();
        await Promise.all(batch.map(loadFolderSettings));
        maxIndexMb = await settings.maxIndexMemory();
      },
      progress: () => status.progress(),
      onIndexed: ({ files, payloads, ms }) => {
        connection.console.log(`VoipNow: indexed ${payloads} payload files among ${files} JSON files in ${ms} ms`);
      },
      log: (message) => connection.console.error(message),
      budget,
    });
    diagnostics.useWorkspace({ index, folderSettings: (folder) => folderSettings.get(folder.uri) ?? settings.merge(folder.uri, {}) });
    client.workDoneProgress = capabilities.window?.workDoneProgress === true;
    client.workspaceFolderEvents = capabilities.workspace?.workspaceFolders === true;
    status = new StatusReporter(connection, index, configs, client.workDoneProgress, budget);
    records = new RecordsStore(connection, {
      push: !pull,
      isOpen: (uri) => open.get(uri) !== undefined,
      onChange: (changed) => void recordsChanged(changed),
      fs: platform.fs,
      watchFolder: platform.watchFolder,
    });
    analyses.useRecords(records);
    client.watchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.definitionLinks = capabilities.textDocument?.definition?.linkSupport === true;
    const text = capabilities.textDocument;
    client.markdownHover = lists(text?.hover?.contentFormat, MarkupKind.Markdown) ?? true;
    client.completion = {
      snippets: text?.completion?.completionItem?.snippetSupport === true,
      markdown: lists(text?.completion?.completionItem?.documentationFormat, MarkupKind.Markdown) ?? false,
    };
    client.hierarchicalSymbols = text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
    client.versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        // A payload's diagnostics depend on the other payload files (200 across files).
        diagnosticProvider: pull ? { interFileDependencies: true, workspaceDiagnostics: true } : undefined,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'VoipNow requests' },
        definitionProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'voipnow-payloads' },
    };
  });

  connection.onInitialized(async () => {
    // Listened to at once: a folder added just after start is not missed.
    if (client.workspaceFolderEvents) connection.workspace.onDidChangeWorkspaceFolders((event) => void workspaceFoldersChanged(event));
    // Settings and records: read now (through the client in the browser: not before initialized);
    // read again when the client reports a change, or when the server's own watching sees one.
    await Promise.all([configs.setFolders(folderUris), records.setFolders(folderUris)]);
    startupDone();
    // Payload files and settings files: created, changed, deleted (folders too, for a folder deleted or renamed).
    const payloadWatchers = [{ globPattern: '**/*.json' }, { globPattern: '**/*.jsonc' }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }];
    if (client.watchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.voipnow/records.json' }] });
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: payloadWatchers });
    } else if (platform.watchFolder) {
      records.watchFolders();
      watcher = new DirectoryWatcher(platform.watchFolder, platform.fs, (changes) => void filesChanged(changes));
      watchSettingsFolders();
    }
    // In the background: open documents are checked meanwhile (the index yields between batches).
    index.setFolders(indexFolders());
  });

  /**
   * Folders added or removed (at any time, one change after the other): everything takes the new
   * set at once, in the order the changes came; the index reads the new folders (each with its
   * settings and records, read first) and drops the removed ones, even while it is reading.
   */
  async function workspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): Promise<void> {
    event.removed.forEach((f) => folders.remove(f.uri));
    event.added.forEach((f) => folders.add(f.uri));
    // A folder is removed in whatever spelling of its URI the client uses this time.
    const removed = new Set(event.removed.map((f) => folderKey(f.uri)));
    const gone = folderUris.filter((u) => removed.has(folderKey(u)));
    folderUris = [...folderUris.filter((u) => !gone.includes(u)), ...event.added.map((f) => f.uri)];
    for (const f of event.added) folderNames.set(f.uri, f.name);
    // A folder added again later has its settings read again.
    for (const u of gone) folderSettings.delete(u);
    const read = Promise.all([records.setFolders(folderUris), configs.setFolders(folderUris)]);
    index.setFolders(indexFolders());
    status.notify();
    watchSettingsFolders();
    analyses.clear();
    await read;
    diagnostics.refreshAll();
  }

  /** The workspace folders for the index, in the workspace's order, with their names. */
  function indexFolders(): Array<{ uri: string; name?: string }> {
    return folderUris.map((uri) => ({ uri, name: folderNames.get(uri) }));
  }

  /** The server's own watching (clients without file watching): each folder and its `.voipnow`, for the settings file. */
  function watchSettingsFolders(): void {
    if (!watcher) return;
    for (const config of configs.all()) {
      watcher.watch(config.uri.replace(/\/\.voipnow\/config\.json$/, ''));
      watcher.watch(config.uri.replace(/\/config\.json$/, ''));
    }
  }

  /** A folder's settings for its files that are not open (its project file, the editor's settings for the folder). */
  async function loadFolderSettings(folder: IndexFolder): Promise<Settings> {
    const merged = await settings.get(folder.uri);
    folderSettings.set(folder.uri, merged);
    return merged;
  }

  /** Settings changed (the editor's, or a project file): folders whose files are read differently are indexed again; all report again. */
  async function settingsChanged(): Promise<void> {
    settings.forget();
    analyses.clear();
    // Reports queued before the change would be stale when sent: every file reports again below.
    diagnostics.dropPending();
    diagnostics.refreshAll();
    const again: IndexFolder[] = [];
    for (const folder of index.allFolders()) {
      const before = folderSettings.get(folder.uri);
      const after = await loadFolderSettings(folder);
      index.configChanged(folder);
      // No settings yet: the first indexing has not read them, and will read these.
      if (before && (JSON.stringify(before.include) !== JSON.stringify(after.include) || before.maxFileSize !== after.maxFileSize)) again.push(folder);
      // Only the rules (or the cap) changed: the files keep their checks and take the new settings.
      else if (before && (JSON.stringify(before.rules) !== JSON.stringify(after.rules) || before.maxProblems !== after.maxProblems)) index.rescope(folder);
    }
    // A budget raised lets a full index take the files it left out: all folders are read again.
    const raised = await settings.maxIndexMemory();
    if (budget.full && raised > maxIndexMb) {
      budget.raised();
      again.splice(0, again.length, ...index.allFolders());
    }
    maxIndexMb = raised;
    if (again.length > 0) await index.index(again);
    diagnostics.republishWorkspace();
  }

  /** Watched-file events and fs.watch both end here: settings files, then payload files. */
  async function filesChanged(changes: readonly FileChange[]): Promise<void> {
    let settingsFile = false;
    for (const change of changes) {
      // `.voipnow/config.json` itself, or its `.voipnow` folder appearing or going.
      const config = configs.byFileUri(change.uri) ?? configs.byFileUri(change.uri.replace(/\/?$/, '/config.json'));
      if (config && (await configs.reload(config.uri))) settingsFile = true;
      if (config) watchSettingsFolders();
    }
    if (settingsFile) await settingsChanged();
    await index.filesChanged(changes);
  }

  /** Folders' records changed: open documents are checked again, and the folders' other files too (their IDs and names). */
  async function recordsChanged(changed: readonly string[]): Promise<void> {
    diagnostics.refreshAll();
    const which = index.allFolders().filter((f) => changed.includes(f.uri));
    if (which.length > 0) await index.index(which);
    diagnostics.republishWorkspace();
  }

  connection.onDidChangeConfiguration((change) => {
    settings.setPushed(change.settings);
    void settingsChanged();
  });

  connection.languages.diagnostics.on((params, token) => diagnostics.onPull(params.textDocument.uri, token, params.previousResultId));
  connection.languages.diagnostics.onWorkspace((params, token) => diagnostics.onWorkspacePull(params.previousResultIds, token));

  // Every watched file's change arrives here (one handler per connection): records files, settings files, payload files.
  connection.onDidChangeWatchedFiles((params) => {
    // A malformed notification (no changes, a change without a string uri) is logged and its bad parts dropped.
    const changes = wellFormedChanges(params);
    if (changes.length === 0) return;
    void records.filesChanged(changes.map((c) => c.uri));
    void filesChanged(changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })));
  });

  function wellFormedChanges(params: unknown): Array<{ uri: string; type: number }> {
    const changes = (params as { changes?: unknown } | null)?.changes;
    const list: unknown[] = Array.isArray(changes) ? changes : [];
    const good = list.filter((c): c is { uri: string; type: number } => {
      const change = c as { uri?: unknown; type?: unknown } | null | undefined;
      return typeof change?.uri === 'string' && change.uri.length > 0 && typeof change.type === 'number';
    });
    if (good.length !== list.length || !Array.isArray(changes)) {
      const dropped = Array.isArray(changes) ? list.length - good.length : 'a';
      connection.console.warn(`VoipNow: dropped ${dropped} malformed file change(s) in workspace/didChangeWatchedFiles`);
    }
    return good;
  }

  /** An open document checked into the workspace session (its analysis shared with the other features). */
  async function checkOpen(document: TextDocument) {
    if (!isCandidate(document)) return undefined;
    await filesRead();
    const merged = await settings.get(document.uri);
    const analysis = analyses.get(document, merged);
    return { file: index.updateOpen(document.uri, document.version, analysis, merged), settings: merged };
  }

  /** The current analysis of an open JSON document (the one diagnostics use; its URI in any spelling), or undefined. */
  async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
    const document = open.find(uri);
    if (!document || !isCandidate(document)) return undefined;
    await filesRead();
    const analysis = analyses.get(document, await settings.get(document.uri));
    // Settings are read asynchronously: answer only for the version the analysis was made of.
    return open.get(document.uri)?.version === document.version ? { document, analysis } : undefined;
  }

  connection.onHover(async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    return found ? hoverAt(found.document, found.analysis, params.position, client.markdownHover) : null;
  });

  connection.onCompletion(async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    return found ? completionAt(found.document, found.analysis, params.position, client.completion) : null;
  });

  connection.onCodeAction(async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found) return [];
    // Fix all leaves alone what a rule turns off or a disable comment silences.
    const { rules } = await settings.get(found.document.uri);
    return codeActionsFor(params, found.document, shownAnalysis(found.analysis, rules), client.versionedEdits);
  });

  connection.onDefinition(async (params) => {
    const found = await analysisOf(params.textDocument.uri);
    if (!found) return null;
    // An ID (or a name the records hold): its record; a name or number added elsewhere too: the other requests.
    const record = definitionAt(found.document, found.analysis, params.position, client.definitionLinks);
    if (record) return record;
    const others = duplicateDefinition(index, found.document, found.analysis, found.document.offsetAt(params.position));
    return others.length > 0 ? others : null;
  });

  connection.onRequest<string | string[] | null, void>(CODE_PAGE_REQUEST, (params: { method?: unknown } | null) => codePageAnswer(params));

  connection.onRequest(DOCUMENT_STATUS_REQUEST, async (params: { uri: string }) => status.document(params.uri, (await analysisOf(params.uri))?.analysis));

  connection.onDocumentSymbol(async (params, token) => {
    const found = await analysisOf(params.textDocument.uri);
    return found ? answerSymbols(found.document, found.analysis, client.hierarchicalSymbols, token) : [];
  });

  // TextDocuments reports an open as a content change too: the first one is checked at once.
  const opened = new Set<string>();
  documents.onDidOpen((event) => {
    opened.add(event.document.uri);
    // Opened in another spelling than the index's: what was published from disk under that one is taken back.
    diagnostics.opened(event.document.uri);
    if (records.isRecordsFile(event.document.uri)) records.opened(event.document.uri);
  });
  documents.onDidChangeContent((event) => diagnostics.schedule(event.document, opened.delete(event.document.uri) ? 0 : undefined));
  documents.onDidClose((event) => {
    opened.delete(event.document.uri);
    analyses.forget(event.document.uri);
    settings.forget(event.document.uri);
    diagnostics.closed(event.document.uri);
    if (records.isRecordsFile(event.document.uri)) records.closed(event.document.uri);
  });

  connection.onShutdown(() => {
    diagnostics?.stop();
    records?.dispose();
    watcher?.dispose();
  });

  open.listen(connection);
  connection.listen();
}
