// The web build (`browser`: vscode.dev, github.dev, code-server's web worker extension host):
// starts the same language server built as a Web Worker (dist/server-browser.js) and talks to it
// through vscode-languageclient's browser client. The worker is created from the bundle's URL
// where the workbench allows it (vscode.dev, @vscode/test-web), else from a blob of the bundle read
// with workspace.fs (a remote extension's URL is refused: "Creating workers from remote extensions
// is currently not supported"). Each start (a restart too) ends the previous worker. The client gets
// the worker's message transports, not the worker: a workbench's own Worker class (code-server's)
// makes workers that are no `instanceof Worker`, which the client would take for transports.
import { Uri, workspace, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import type { WorkerPort } from '../../server/src/lsp/extension-protocol';
import { activateClient, CLIENT_ID, CLIENT_NAME, type ExtensionApi } from './activate';
import { registerUnavailable } from './live/unavailable';

interface WebWorker extends WorkerPort {
  terminate(): void;
}

/** The worker globals (this project type-checks without the DOM library). */
const web = globalThis as unknown as {
  Worker: new (url: string, options?: { name?: string }) => WebWorker;
  Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string };
};

let client: BaseLanguageClient | undefined;
let worker: WebWorker | undefined;

async function startWorker(extensionUri: Uri): Promise<MessageTransports> {
  worker?.terminate();
  const bundle = Uri.joinPath(extensionUri, 'dist', 'server-browser.js');
  const options = { name: CLIENT_NAME };
  try {
    worker = new web.Worker(bundle.toString(true), options);
  } catch {
    const bytes = await workspace.fs.readFile(bundle);
    worker = new web.Worker(web.URL.createObjectURL(new web.Blob([bytes], { type: 'application/javascript' })), options);
  }
  const port: WorkerPort = worker;
  return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
}

export async function activate(context: ExtensionContext): Promise<ExtensionApi> {
  const activatedAt = Date.now();
  const create = (options: LanguageClientOptions) => new LanguageClient(CLIENT_ID, CLIENT_NAME, () => startWorker(context.extensionUri), options);
  // No live loop in the browser: its commands say so.
  client = await activateClient(context, create, { register: registerUnavailable });
  return { activatedAt, startedAt: Date.now() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  worker?.terminate();
  worker = undefined;
}
