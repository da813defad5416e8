// The live loop's group (issue 18): a code lens above each request of a payload file, "Send to
// <profile>" and "Send and record", for each profile of its folder's .voipnow/config.json, and the
// commands behind them and beside them (pull the records, list the profiles, reload the WSDLs),
// where the platform can send (Node; the browser cannot). A command's cancellation (the editor's
// $/cancelRequest) aborts the request on the wire. What each command does: live-commands.ts.
import { MessageType, type CodeLens } from 'vscode-languageserver';
import { profilesList, profilesOf, pullCommand, say, sendCommand } from '../live-commands';
import {
  LIVE_COMMANDS,
  PROFILES_COMMAND,
  PULL_RECORDS_COMMAND,
  RELOAD_WSDL_COMMAND,
  SEND_AND_RECORD_COMMAND,
  SEND_COMMAND,
  type LiveCredentials,
} from '../live-protocol';
import type { ServerState } from '../server-state';

export function registerCommands(state: ServerState): void {
  const { connection, platform } = state;
  // Registered everywhere (the protocol gate's table is one), offered only where the platform can send (server.ts).
  const live = platform.live;

  connection.onCodeLens(async (params): Promise<CodeLens[]> => {
    if (!live) return [];
    const found = await state.analysisOf(params.textDocument.uri);
    const servers = profilesOf(state, params.textDocument.uri);
    if (!found || servers.length === 0) return [];
    const lenses: CodeLens[] = [];
    found.analysis.requests.forEach((request, index) => {
      if (!request.method) return;
      const range = { start: found.document.positionAt(request.node.offset), end: found.document.positionAt(request.node.offset + 1) };
      for (const { name, profile } of servers) {
        const args = [params.textDocument.uri, index, name, profile.url];
        lenses.push({ range, command: { title: `Send to ${name}`, command: SEND_COMMAND, arguments: args } });
        lenses.push({ range, command: { title: 'Send and record', command: SEND_AND_RECORD_COMMAND, arguments: args } });
      }
    });
    return lenses;
  });

  connection.onExecuteCommand(async (params, token) => {
    if (!live || !LIVE_COMMANDS.includes(params.command)) return null;
    const args = params.arguments ?? [];
    const controller = new AbortController();
    const cancelling = token.onCancellationRequested(() => controller.abort());
    try {
      switch (params.command) {
        case PROFILES_COMMAND:
          return profilesList(state, typeof args[0] === 'string' ? args[0] : undefined);
        case RELOAD_WSDL_COMMAND:
          await live.reload(state.storage);
          return say(state, MessageType.Info, "VoipNow: each server's WSDL is read from the server again at its next request.");
        case PULL_RECORDS_COMMAND: {
          const [uri, profile, url, credentials] = args as unknown[];
          if (typeof uri !== 'string' || typeof profile !== 'string') return null;
          return await pullCommand(state, live, { uri, profile, url: stringOr(url), credentials: credentialsOf(credentials) }, controller.signal);
        }
        default: {
          const [uri, index, profile, url, credentials] = args as unknown[];
          if (typeof uri !== 'string' || !Number.isSafeInteger(index) || typeof profile !== 'string') return null;
          const sendArgs = { uri, index: index as number, profile, url: stringOr(url), credentials: credentialsOf(credentials) };
          return await sendCommand(state, live, sendArgs, params.command === SEND_AND_RECORD_COMMAND, controller.signal);
        }
      }
    } finally {
      cancelling.dispose();
    }
  });
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Credentials the editor passed (VS Code: from its SecretStorage); anything else: none, and the server's environment is used. */
function credentialsOf(value: unknown): LiveCredentials | undefined {
  const given = value as { clientId?: unknown; clientSecret?: unknown; accessToken?: unknown } | null | undefined;
  if (typeof given?.clientId === 'string' && typeof given.clientSecret === 'string' && given.clientId && given.clientSecret) {
    return { clientId: given.clientId, clientSecret: given.clientSecret };
  }
  if (typeof given?.accessToken === 'string' && given.accessToken) return { accessToken: given.accessToken };
  return undefined;
}
