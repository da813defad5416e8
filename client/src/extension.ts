// The desktop build (`main`): starts the bundled language server as a Node process over IPC for
// JSON and JSONC documents. All checking happens in the server; activate.ts wires up the rest,
// live/desktop.ts the live loop (credentials, the answer beside the file).
import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, CLIENT_ID, CLIENT_NAME, type ExtensionApi } from './activate';
import { desktopLive } from './live/desktop';

let client: BaseLanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<ExtensionApi> {
  const activatedAt = Date.now();
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = await activateClient(context, (options) => new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, options), desktopLive(context, CLIENT_NAME));
  return { activatedAt, startedAt: Date.now() };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
