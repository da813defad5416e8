// The live loop's part of the desktop client (extension.ts): the server gets a storage folder for
// the servers' WSDLs (the extension's global storage), the client's output channel masks the
// credentials passed in this session, and the live commands are wired (commands.ts).
import { window, type ExtensionContext } from 'vscode';
import type { ClientPart } from '../activate';
import { AnswerView } from './answer-view';
import { LiveCommands } from './commands';
import { CredentialStore } from './credentials';
import { maskingChannel } from './masking-channel';

export function desktopLive(context: ExtensionContext, channelName: string): ClientPart {
  const live = new LiveCommands(new CredentialStore(context), new AnswerView());
  const channel = window.createOutputChannel(channelName, { log: true });
  context.subscriptions.push(channel);
  return {
    options: (options) => ({
      ...options,
      outputChannel: maskingChannel(channel, () => live.store.secretsUsed()),
      initializationOptions: { ...(options.initializationOptions as object), storagePath: context.globalStorageUri.fsPath },
      middleware: { ...options.middleware, executeCommand: live.middleware },
    }),
    register: (client) => live.register(client),
  };
}
