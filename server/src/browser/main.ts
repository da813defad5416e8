// The language server in a Web Worker (dist/server-browser.js, started by the extension's browser
// client): the same handlers as on Node (lsp/server.ts) over the worker's messages. Its platform
// is the client: the workspace's files through workspace.fs and workspace.findFiles, the client's
// file watching (VS Code always offers it), the code pages the client names (the extension's own
// dist/codes). Nothing here may import a Node module: the build fails if anything does.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import type { WorkerPort } from '../lsp/extension-protocol';
import { ProtocolGate } from '../lsp/protocol-gate';
import { startServer } from '../lsp/server';
import { clientFileSystem, clientFindFiles } from './file-system';

/** The worker's global scope: it receives and posts the messages. */
const port = globalThis as unknown as WorkerPort;
// Every message passes the protocol gate first (lifecycle, params: protocol-gate.ts).
const gate = new ProtocolGate();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port), { messageStrategy: gate });
gate.attach(connection);
startServer(connection, { fs: clientFileSystem(connection), findFiles: clientFindFiles(connection) });
