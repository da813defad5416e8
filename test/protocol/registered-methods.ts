// The methods the language server registers handlers for, as it registers them: the server's
// handlers (lsp/handlers/*, TextDocuments, the protocol gate) and vscode-languageserver's own,
// started in this process over a message connection that records every onRequest and
// onNotification, and initialized with every capability that makes it register more. vscode-jsonrpc
// handles two notifications itself, before any registration: they are added by name.
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { ProposedFeatures } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ProtocolGate, REFUSED } from '../../server/src/lsp/protocol-gate';
import { startServer } from '../../server/src/lsp/server';
import { ROOT } from './lsp-client';

/** vscode-languageserver's connection from a factory of message connections (its exports map offers only the transports' entries). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createConnection } = require(path.join(ROOT, 'node_modules', 'vscode-languageserver', 'lib', 'common', 'server.js'));

/** vscode-jsonrpc's own: cancellation and progress are handled inside the message connection. */
const JSONRPC_NOTIFICATIONS = ['$/cancelRequest', '$/progress'];

export interface Registered {
  requests: string[];
  notifications: string[];
}

const methodOf = (type: unknown): string | undefined => (typeof type === 'string' ? type : (type as { method?: unknown } | undefined)?.method as string | undefined);

export async function registeredMethods(): Promise<Registered> {
  const requests = new Set<string>();
  const notifications = new Set<string>(JSONRPC_NOTIFICATIONS);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const gate = new ProtocolGate();
  const factory = (logger: unknown) => {
    const inner = createMessageConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger as never, { messageStrategy: gate });
    return new Proxy(inner, {
      get(target, key) {
        const value = (target as any)[key];
        if (key === 'onRequest' || key === 'onNotification') {
          return (type: unknown, ...rest: unknown[]) => {
            const method = methodOf(type);
            if (method !== undefined) (key === 'onRequest' ? requests : notifications).add(method);
            return value.call(target, type, ...rest);
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  let shutdown = false;
  const watchDog = { initialize() {}, get shutdownReceived() { return shutdown; }, set shutdownReceived(value: boolean) { shutdown = value; }, exit() {} };
  const connection = createConnection(factory, watchDog, ProposedFeatures.all);
  gate.attach(connection);
  startServer(connection, { fs: { readFile: async () => undefined, stat: async () => undefined, readDirectory: async () => [], join: (a: string, b: string) => `${a}/${b}` } });
  const client: MessageConnection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  client.onRequest(() => null);
  client.listen();
  try {
    // Every capability after which the server or the library registers more handlers.
    const capabilities = {
      workspace: { workspaceFolders: true, configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { diagnostic: {} },
      window: { workDoneProgress: true },
    };
    await client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities });
    await client.sendNotification('initialized', {});
    // Answered once initialized has been handled (messages are handled in order).
    await client.sendRequest('voipnow/codePage', {});
    await client.sendRequest('shutdown');
  } finally {
    client.dispose();
    connection.dispose();
  }
  requests.delete(REFUSED);
  return { requests: [...requests].sort(), notifications: [...notifications].sort() };
}
