// The language server: `node dist/server.js --stdio` (or --node-ipc, as VS Code starts it).
import { CodeActionKind, createConnection, DidChangeWatchedFilesNotification, MarkupKind, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core';
import { Analyses } from './analyses';
import { codeActionsFor, FIX_ALL_KIND } from './code-actions';
import { completionAt, type CompletionSupport } from './completion';
import { definitionAt } from './definition';
import { Diagnostics, isCandidate } from './diagnostics';
import { hoverAt } from './hover';
import { RecordsStore } from './records';
import { symbolsOf } from './symbols';
import { SettingsStore } from './settings';
import { WorkspaceFolders } from './workspace-folders';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const folders = new WorkspaceFolders();
const analyses = new Analyses((uri) => folders.relativePath(uri));
let settings: SettingsStore;
let diagnostics: Diagnostics;
/** Each workspace folder's `.voipnow/records.json` (spec section 6). */
let records: RecordsStore;
let folderUris: string[] = [];
/** What the client can take, read from its capabilities at initialize. */
const client = { markdownHover: true, completion: { snippets: false, markdown: false } as CompletionSupport, hierarchicalSymbols: false, versionedEdits: false, watchesFiles: false, definitionLinks: false };

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  const pull = capabilities.textDocument?.diagnostic !== undefined;
  settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
  settings.setInitializationOptions(params.initializationOptions);
  diagnostics = new Diagnostics(connection, documents, analyses, settings, pull);
  folderUris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders.set(folderUris);
  records = new RecordsStore(connection, { push: !pull, isOpen: (uri) => documents.get(uri) !== undefined, onChange: () => diagnostics.refreshAll() });
  analyses.useRecords(records);
  client.watchesFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.definitionLinks = capabilities.textDocument?.definition?.linkSupport === true;
  const text = capabilities.textDocument;
  client.markdownHover = text?.hover?.contentFormat?.includes(MarkupKind.Markdown) ?? true;
  client.completion = {
    snippets: text?.completion?.completionItem?.snippetSupport === true,
    markdown: text?.completion?.completionItem?.documentationFormat?.includes(MarkupKind.Markdown) ?? false,
  };
  client.hierarchicalSymbols = text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
  client.versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
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

connection.onInitialized(() => {
  // Records: read now; read again when the client reports a change, or when fs.watch sees one.
  records.setFolders(folderUris);
  if (client.watchesFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.voipnow/records.json' }] });
  else records.watchFolders();
  connection.workspace.onDidChangeWorkspaceFolders?.((event) => {
    event.removed.forEach((f) => folders.remove(f.uri));
    event.added.forEach((f) => folders.add(f.uri));
    folderUris = [...folderUris.filter((u) => !event.removed.some((f) => f.uri === u)), ...event.added.map((f) => f.uri)];
    records.setFolders(folderUris);
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

// Every watched file's change arrives here (one handler per connection): records files so far.
connection.onDidChangeWatchedFiles((params) => records.filesChanged(params.changes.map((c) => c.uri)));

/** The current analysis of an open JSON document (the one diagnostics use), or undefined. */
async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: Analysis } | undefined> {
  const document = documents.get(uri);
  if (!document || !isCandidate(document)) return undefined;
  const analysis = analyses.get(document, await settings.get(uri));
  // Settings are read asynchronously: answer only for the version the analysis was made of.
  return documents.get(uri)?.version === document.version ? { document, analysis } : undefined;
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
  return found ? codeActionsFor(params, found.document, found.analysis, client.versionedEdits) : [];
});

connection.onDefinition(async (params) => {
  const found = await analysisOf(params.textDocument.uri);
  return found ? definitionAt(found.document, found.analysis, params.position, client.definitionLinks) : null;
});

connection.onDocumentSymbol(async (params) => {
  const found = await analysisOf(params.textDocument.uri);
  return found ? symbolsOf(found.document, found.analysis, client.hierarchicalSymbols) : [];
});

// TextDocuments reports an open as a content change too: the first one is checked at once.
const opened = new Set<string>();
documents.onDidOpen((event) => opened.add(event.document.uri));
documents.onDidChangeContent((event) => diagnostics.schedule(event.document, opened.delete(event.document.uri) ? 0 : undefined));
documents.onDidClose((event) => {
  opened.delete(event.document.uri);
  analyses.forget(event.document.uri);
  settings.forget(event.document.uri);
  diagnostics.closed(event.document.uri);
  if (records.isRecordsFile(event.document.uri)) records.closed(event.document.uri);
});

connection.onShutdown(() => records?.dispose());

documents.listen(connection);
connection.listen();
