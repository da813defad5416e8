// The language server, on a connection and a platform given by its entry: the Node process
// (node/main.ts: `node dist/server.js --stdio`, or --node-ipc as VS Code starts it) or a Web Worker
// (browser/main.ts). The same code answers both; only the platform differs. `initialize` builds the
// server's one state (server-state.ts) and each group of handlers registers on it (handlers/*; the
// groups and their files: README.md beside this file). The protocol gate (protocol-gate.ts) lets no
// other message through before `initialize`, so no handler runs without the state.
import { CodeActionKind, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientSupport } from './client-capabilities';
import { FIX_ALL_KIND } from './code-actions';
import { registerDocumentHandlers } from './handlers/documents';
import { registerCommands } from './handlers/commands';
import { LIVE_COMMANDS } from './live-protocol';
import { registerExtensionRequests } from './handlers/extension';
import { registerLanguageFeatures } from './handlers/language-features';
import { registerWorkspaceHandlers } from './handlers/workspace';
import { OpenDocuments } from './open-documents';
import type { ServerPlatform } from './platform';
import { ServerState } from './server-state';

/** What the server offers, given what the client supports. */
function initializeResult(client: ClientSupport, canSend: boolean): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      // A payload's diagnostics depend on the other payload files (200 across files).
      diagnosticProvider: client.pullDiagnostics ? { interFileDependencies: true, workspaceDiagnostics: true } : undefined,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', ':'] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      documentSymbolProvider: { label: 'VoipNow requests' },
      definitionProvider: true,
      // Sending to a VoipNow server (handlers/commands.ts): where the platform can.
      codeLensProvider: canSend ? { resolveProvider: false } : undefined,
      executeCommandProvider: canSend ? { commands: LIVE_COMMANDS } : undefined,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'voipnow-payloads' },
  };
}

export function startServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  const open = new OpenDocuments(documents);
  let state: ServerState | undefined;

  connection.onInitialize((params): InitializeResult => {
    state = new ServerState(connection, platform, documents, open, params);
    registerDocumentHandlers(state);
    registerLanguageFeatures(state);
    registerWorkspaceHandlers(state);
    registerExtensionRequests(state);
    registerCommands(state);
    return initializeResult(state.client, platform.live !== undefined);
  });

  connection.onShutdown(() => state?.stop());

  open.listen(connection);
  connection.listen();
}
