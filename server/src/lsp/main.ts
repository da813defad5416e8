// The language server: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyses } from './analyses';
import { Diagnostics } from './diagnostics';
import { SettingsStore } from './settings';
import { WorkspaceFolders } from './workspace-folders';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const folders = new WorkspaceFolders();
const analyses = new Analyses((uri) => folders.relativePath(uri));
let settings: SettingsStore;
let diagnostics: Diagnostics;

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
  settings.setInitializationOptions(params.initializationOptions);
  diagnostics = new Diagnostics(connection, documents, analyses, settings, pull);
  folders.set(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'voipnow-payloads' },
  };
});

connection.onInitialized(() => {
  connection.workspace.onDidChangeWorkspaceFolders?.((event) => {
    event.removed.forEach((f) => folders.remove(f.uri));
    event.added.forEach((f) => folders.add(f.uri));
    analyses.clear();
    diagnostics.refreshAll();
  });
});

connection.onDidChangeConfiguration((change) => {
  settings.setPushed(change.settings);
  settings.forget();
  analyses.clear();
  diagnostics.refreshAll();
});

connection.languages.diagnostics.on((params, token) => diagnostics.onPull(params.textDocument.uri, token));

// TextDocuments reports an open as a content change too: the first one is checked at once.
const opened = new Set<string>();
documents.onDidOpen((event) => opened.add(event.document.uri));
documents.onDidChangeContent((event) => diagnostics.schedule(event.document, opened.delete(event.document.uri) ? 0 : undefined));
documents.onDidClose((event) => {
  opened.delete(event.document.uri);
  analyses.forget(event.document.uri);
  settings.forget(event.document.uri);
  diagnostics.closed(event.document.uri);
});

documents.listen(connection);
connection.listen();
