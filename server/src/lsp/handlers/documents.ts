// Documents and their diagnostics: textDocument/didOpen, didChange, didClose (through TextDocuments,
// which open-documents.ts listens for in every spelling of a URI), and the diagnostics pulled by
// the client (textDocument/diagnostic, workspace/diagnostic) or pushed by diagnostics.ts. Nothing is
// done on save: a document is checked as it changes.
import type { ServerState } from '../server-state';

export function registerDocumentHandlers(state: ServerState): void {
  const { connection, documents, diagnostics, records, analyses, settings } = state;

  connection.languages.diagnostics.on((params, token) => diagnostics.onPull(params.textDocument.uri, token, params.previousResultId));
  connection.languages.diagnostics.onWorkspace((params, token) => diagnostics.onWorkspacePull(params.previousResultIds, token));

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
}
