// The extension's activation, shared by its two builds: the desktop's (extension.ts, the server
// as a Node process) and the web's (browser.ts, the server in a Web Worker). Both check the same
// documents, send the same settings, answer the same file requests and offer the same commands
// and status item; only how the server is started differs.
import { commands, Uri, workspace, type Disposable, type ExtensionContext } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerCodeTable } from './code-table';
import { answerFileRequests } from './file-requests';
import { documentSelector } from './selector';
import { registerStatusItem } from './status';

/** What activate() returns: when VS Code called it and when the server had started (the end-to-end tests time activation from these). */
export interface ExtensionApi {
  activatedAt: number;
  startedAt: number;
}

export const CLIENT_ID = 'voipnowPayloads';
export const CLIENT_NAME = 'VoipNow Payloads';
const SECTION = 'voipnowPayloads';
/** The settings the server reads; each sent only when the user set it, so that `.voipnow/config.json` decides the rest. */
const SERVER_SETTINGS = ['include', 'rules', 'maxFileSize', 'maxProblems'];

/**
 * The `voipnowPayloads` settings of a resource as the user set them (user, workspace or folder): VS Code would otherwise
 * send every default too, and a default would hide the project file's value. `rules` are merged scope by scope, as the
 * server merges layers.
 */
function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const configuration = workspace.getConfiguration(SECTION, scopeUri ? Uri.parse(scopeUri) : undefined);
  const settings: Record<string, unknown> = {};
  for (const key of SERVER_SETTINGS) {
    const i = configuration.inspect(key);
    if (!i) continue;
    // Narrower wins; a language-specific value wins over any other (as in VS Code).
    const scopes = [
      i.globalValue,
      i.workspaceValue,
      i.workspaceFolderValue,
      i.globalLanguageValue,
      i.workspaceLanguageValue,
      i.workspaceFolderLanguageValue,
    ].filter((v) => v !== undefined);
    if (scopes.length === 0) continue;
    settings[key] = key === 'rules' ? Object.assign({}, ...scopes.filter((v) => v !== null && typeof v === 'object')) : scopes[scopes.length - 1];
  }
  return settings;
}

export function clientOptions(context: ExtensionContext): LanguageClientOptions {
  return {
    documentSelector: documentSelector((workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)),
    synchronize: { configurationSection: SECTION },
    // The code pages the diagnostics link to: the ones this extension ships (a server in a worker has no folder of its own).
    initializationOptions: { codePages: Uri.joinPath(context.extensionUri, 'dist', 'codes').toString() },
    middleware: {
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          const answers: unknown[] = result;
          return params.items.map((item, i) => (item.section === SECTION ? explicitSettings(item.scopeUri) : answers[i]));
        },
      },
    },
  };
}

/** What one build adds to the client: the desktop's live loop (live/desktop.ts), the web's word that it has none (live/unavailable.ts). */
export interface ClientPart {
  /** The client's options with this part's added. */
  options?(options: LanguageClientOptions): LanguageClientOptions;
  /** Registers what needs the client (made, not yet started). */
  register(client: BaseLanguageClient): Disposable[];
}

/** Starts the client made by `create` and registers everything around it. */
export async function activateClient(
  context: ExtensionContext,
  create: (options: LanguageClientOptions) => BaseLanguageClient,
  part: ClientPart,
): Promise<BaseLanguageClient> {
  const options = clientOptions(context);
  const client = create(part.options ? part.options(options) : options);
  context.subscriptions.push(
    ...part.register(client),
    ...answerFileRequests(client),
    // Both builds' clients: stop, then start a new server (a new process or worker).
    commands.registerCommand('voipnowPayloads.restartServer', async () => {
      await client.stop();
      await client.start();
    }),
    ...registerCodeTable(context, client),
  );
  await client.start();
  context.subscriptions.push(registerStatusItem(client));
  return client;
}
