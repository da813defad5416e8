// The VS Code side: starts the bundled language server for JSON and JSONC documents. All checking
// happens in the server; this file only wires it up.
import * as path from 'node:path';
import { commands, Uri, workspace, type ExtensionContext } from 'vscode';
import { registerCodeTable } from './code-table';
import { registerStatusItem } from './status';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

const SECTION = 'voipnowPayloads';
/** The settings the server reads; each sent only when the user set it, so that `.voipnow/config.json` decides the rest. */
const SERVER_SETTINGS = ['include', 'rules', 'maxFileSize'];

/**
 * The `voipnowPayloads` settings of a resource as the user set them (user, workspace or folder): VS Code would otherwise send every default too, and a default
 * would hide the project file's value. `rules` are merged scope by scope, as the server merges layers.
 */
function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const configuration = workspace.getConfiguration(SECTION, scopeUri ? Uri.parse(scopeUri) : undefined);
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    const i = configuration.inspect(key);
    if (!i) continue;
    // Narrower wins; a language-specific value wins over any other (as in VS Code).
    const scopes = [i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue].filter((v) => v !== undefined);
    if (scopes.length === 0) continue;
    settings[key] = key === 'rules' ? Object.assign({}, ...scopes.filter((v) => v !== null && typeof v === 'object')) : scopes[scopes.length - 1];
  }
  return settings;
}

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
    synchronize: { configurationSection: SECTION },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => (item.section === SECTION ? explicitSettings(item.scopeUri) : result[i]));
        },
      },
    },
  };
  client = new LanguageClient('voipnowPayloads', 'VoipNow Payloads', serverOptions, clientOptions);
  context.subscriptions.push(
    commands.registerCommand('voipnowPayloads.restartServer', () => client?.restart()),
    registerCodeTable(context),
  );
  await client.start();
  context.subscriptions.push(registerStatusItem(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
