// The VS Code side: starts the bundled language server for JSON and JSONC documents. All checking
// happens in the server; this file only wires it up.
import * as path from 'node:path';
import { commands, type ExtensionContext } from 'vscode';
import { registerCodeTable } from './code-table';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
    ],
    synchronize: { configurationSection: 'voipnowPayloads' },
  };
  client = new LanguageClient('voipnowPayloads', 'VoipNow Payloads', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('voipnowPayloads.restartServer', () => client?.restart()),
    registerCodeTable(context),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
