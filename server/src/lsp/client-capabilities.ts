// What the client said it can do (initialize's `capabilities`), resolved once into plain flags: the
// handlers read these, never the capabilities' nested shape. The protocol gate (protocol-gate.ts)
// has checked the params' outer shape; inside `capabilities` a client may send anything, so a flag
// is true only for the value the protocol names (`=== true`, or a list that names the kind).
import { MarkupKind, type ClientCapabilities } from 'vscode-languageserver';
import type { CompletionSupport } from './completion';

export interface ClientSupport {
  /** Diagnostics pulled (textDocument/diagnostic, workspace/diagnostic) rather than pushed. */
  pullDiagnostics: boolean;
  /** workspace/configuration: the editor's settings asked for, per scope. */
  configuration: boolean;
  /** Hovers in Markdown (the default when the client names no formats). */
  markdownHover: boolean;
  completion: CompletionSupport;
  hierarchicalSymbols: boolean;
  /** Workspace edits with versioned documentChanges. */
  versionedEdits: boolean;
  /** workspace/didChangeWatchedFiles registered dynamically; else the server watches (fs.watch) where it can. */
  watchesFiles: boolean;
  definitionLinks: boolean;
  /** window/workDoneProgress/create for the index's progress. */
  workDoneProgress: boolean;
  /** workspace/didChangeWorkspaceFolders. */
  workspaceFolderEvents: boolean;
  /** workspace/codeLens/refresh: the lenses asked for again (a profile added to or removed from a config). */
  codeLensRefresh: boolean;
}

/** Whether a capability's list names a kind (undefined: no list; a client may send anything there). */
function lists(list: unknown, kind: string): boolean | undefined {
  return Array.isArray(list) ? list.includes(kind) : undefined;
}

export function clientSupport(capabilities: ClientCapabilities): ClientSupport {
  const text = capabilities.textDocument;
  const workspace = capabilities.workspace;
  return {
    pullDiagnostics: text?.diagnostic !== undefined,
    configuration: workspace?.configuration === true,
    markdownHover: lists(text?.hover?.contentFormat, MarkupKind.Markdown) ?? true,
    completion: {
      snippets: text?.completion?.completionItem?.snippetSupport === true,
      markdown: lists(text?.completion?.completionItem?.documentationFormat, MarkupKind.Markdown) ?? false,
    },
    hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    versionedEdits: workspace?.workspaceEdit?.documentChanges === true,
    watchesFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    definitionLinks: text?.definition?.linkSupport === true,
    workDoneProgress: capabilities.window?.workDoneProgress === true,
    workspaceFolderEvents: workspace?.workspaceFolders === true,
    codeLensRefresh: workspace?.codeLens?.refreshSupport === true,
  };
}
