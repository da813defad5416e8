// The workspace: its folders (workspace/didChangeWorkspaceFolders), the files that change on disk
// (workspace/didChangeWatchedFiles, registered dynamically when the client can; else the server's own
// watching, fs-watch.ts, where the platform has it), the editor's settings
// (workspace/didChangeConfiguration) and the project settings files, and the index of payload files
// that all of them keep current. `initialized` starts it: the settings and records files are read,
// the watching is set up, and the index reads the folders in the background.
import { CodeLensRefreshRequest, DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import { DirectoryWatcher, type FileChange } from '../fs-watch';
import { number, object, uri } from '../param-checks';
import type { ServerState } from '../server-state';

const fileEvent = object({ uri, type: number });
import type { IndexFolder } from '../workspace-index';

export function registerWorkspaceHandlers(state: ServerState): void {
  const { connection, records, settings } = state;

  connection.onInitialized(async () => {
    // Listened to at once: a folder added just after start is not missed.
    if (state.client.workspaceFolderEvents) connection.workspace.onDidChangeWorkspaceFolders((event) => void workspaceFoldersChanged(state, event));
    // Settings and records: read now (through the client in the browser: not before initialized);
    // read again when the client reports a change, or when the server's own watching sees one.
    await Promise.all([state.configs.setFolders(state.folderUris), records.setFolders(state.folderUris)]);
    state.firstRead();
    watchFiles(state);
    // In the background: open documents are checked meanwhile (the index yields between batches).
    state.index.setFolders(state.indexFolders());
  });

  connection.onDidChangeConfiguration((change) => {
    settings.setPushed(change.settings);
    void settingsChanged(state);
  });

  // Every watched file's change arrives here (one handler per connection): records files, settings files, payload files.
  connection.onDidChangeWatchedFiles((params) => {
    // A malformed notification (no changes, a change without a string uri) is logged and its bad parts dropped.
    const changes = wellFormedChanges(state, params);
    if (changes.length === 0) return;
    void records.filesChanged(changes.map((c) => c.uri));
    void filesChanged(state, changes.map((c) => ({ uri: c.uri, deleted: c.type === FileChangeType.Deleted })));
  });
}

/** Payload files and settings files: created, changed, deleted (folders too, for a folder deleted or renamed); by the client, else by the server. */
function watchFiles(state: ServerState): void {
  const { connection, platform, records } = state;
  const payloadWatchers = [{ globPattern: '**/*.json' }, { globPattern: '**/*.jsonc' }, { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete }];
  if (state.client.watchesFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.voipnow/records.json' }] });
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: payloadWatchers });
  } else if (platform.watchFolder) {
    records.watchFolders();
    state.watcher = new DirectoryWatcher(platform.watchFolder, platform.fs, (changes) => void filesChanged(state, changes));
    watchSettingsFolders(state);
  }
}

/**
 * Folders added or removed (at any time, one change after the other): everything takes the new
 * set at once, in the order the changes came; the index reads the new folders (each with its
 * settings and records, read first) and drops the removed ones, even while it is reading.
 */
async function workspaceFoldersChanged(state: ServerState, event: WorkspaceFoldersChangeEvent): Promise<void> {
  state.changeFolders(event);
  const read = Promise.all([state.records.setFolders(state.folderUris), state.configs.setFolders(state.folderUris)]);
  state.index.setFolders(state.indexFolders());
  state.status.notify();
  watchSettingsFolders(state);
  state.analyses.clear();
  await read;
  state.diagnostics.refreshAll();
}

/** The server's own watching (clients without file watching): each folder and its `.voipnow`, for the settings file. */
function watchSettingsFolders(state: ServerState): void {
  const watcher = state.watcher;
  if (!watcher) return;
  for (const config of state.configs.all()) {
    watcher.watch(config.uri.replace(/\/\.voipnow\/config\.json$/, ''));
    watcher.watch(config.uri.replace(/\/config\.json$/, ''));
  }
}

/** Settings changed (the editor's, or a project file): folders whose files are read differently are indexed again; all report again. */
async function settingsChanged(state: ServerState): Promise<void> {
  const { settings, diagnostics, index } = state;
  settings.forget();
  state.analyses.clear();
  // Reports queued before the change would be stale when sent: every file reports again below.
  diagnostics.dropPending();
  diagnostics.refreshAll();
  const again: IndexFolder[] = [];
  for (const folder of index.allFolders()) {
    const { before, after } = await state.loadFolderSettings(folder);
    index.configChanged(folder);
    // No settings yet: the first indexing has not read them, and will read these.
    if (before && (JSON.stringify(before.include) !== JSON.stringify(after.include) || before.maxFileSize !== after.maxFileSize)) again.push(folder);
    // Only the rules (or the cap) changed: the files keep their checks and take the new settings.
    else if (before && (JSON.stringify(before.rules) !== JSON.stringify(after.rules) || before.maxProblems !== after.maxProblems)) index.rescope(folder);
  }
  // A budget raised lets a full index take the files it left out: all folders are read again.
  if (await state.readBudget()) again.splice(0, again.length, ...index.allFolders());
  if (again.length > 0) await index.index(again);
  diagnostics.republishWorkspace();
}

/** Watched-file events and fs.watch both end here: settings files, then payload files. */
async function filesChanged(state: ServerState, changes: readonly FileChange[]): Promise<void> {
  const { configs } = state;
  let settingsFile = false;
  for (const change of changes) {
    // `.voipnow/config.json` itself, or its `.voipnow` folder appearing or going.
    const config = configs.byFileUri(change.uri) ?? configs.byFileUri(change.uri.replace(/\/?$/, '/config.json'));
    if (config && (await configs.reload(config.uri))) settingsFile = true;
    if (config) watchSettingsFolders(state);
  }
  if (settingsFile) {
    // The profiles may have changed: the editor asks for the code lenses again (they are offered only where the platform can send).
    if (state.client.codeLensRefresh && state.platform.live) void state.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => {});
    await settingsChanged(state);
  }
  await state.index.filesChanged(changes);
}

/** The changes whose uri and type are well formed (the protocol gate has checked that `changes` is a list). */
function wellFormedChanges(state: ServerState, params: unknown): Array<{ uri: string; type: number }> {
  const changes = (params as { changes: unknown[] }).changes;
  const good = changes.filter((c): c is { uri: string; type: number } => fileEvent(c, '') === undefined);
  if (good.length !== changes.length) {
    state.connection.console.warn(`VoipNow: dropped ${changes.length - good.length} malformed file change(s) in workspace/didChangeWatchedFiles`);
  }
  return good;
}
