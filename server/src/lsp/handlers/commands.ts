// Commands (issue 18): a code lens above each request of a payload file, "Send to <profile>" and
// "Send and record", for each profile of its folder's .voipnow/config.json, where the platform can
// send (Node; the browser cannot). The command sends the request through the platform
// (node/live-service.ts), asks first for a request that changes the server, says the answer
// (window/showMessage) and returns it; recording writes the answer into the request's `response`
// with one workspace edit, guarded by the document's version.
import { URI, Utils } from 'vscode-uri';
import { getNodeValue } from 'jsonc-parser';
import { MessageType, type CodeLens, type TextDocumentEdit } from 'vscode-languageserver';
import { changesServer, documentedText, recordResponse, type ServerProfile } from '../../core';
import type { LiveAnswer, LiveProfile } from '../platform';
import type { ServerState } from '../server-state';

export const SEND_COMMAND = 'voipnow.send';
export const SEND_AND_RECORD_COMMAND = 'voipnow.sendAndRecord';
export const LIVE_COMMANDS = [SEND_COMMAND, SEND_AND_RECORD_COMMAND];

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
      for (const { name } of servers) {
        lenses.push({ range, command: { title: `Send to ${name}`, command: SEND_COMMAND, arguments: [params.textDocument.uri, index, name] } });
        lenses.push({ range, command: { title: 'Send and record', command: SEND_AND_RECORD_COMMAND, arguments: [params.textDocument.uri, index, name] } });
      }
    });
    return lenses;
  });

  connection.onExecuteCommand(async (params) => {
    if (!live || !LIVE_COMMANDS.includes(params.command)) return null;
    const [uri, index, name] = (params.arguments ?? []) as unknown[];
    if (typeof uri !== 'string' || !Number.isSafeInteger(index) || typeof name !== 'string') return null;
    const found = await state.analysisOf(uri);
    const request = found?.analysis.requests[index as number];
    const profile = profilesOf(state, uri).find((p) => p.name === name);
    if (!found || !request?.method || !profile) {
      return say(state, MessageType.Error, `VoipNow: nothing to send (request ${String(index)} or profile '${name}' is gone).`);
    }
    const method = request.method;
    if (changesServer(method)) {
      const yes = `Send to ${name}`;
      const question = `${method} changes the server ${name} (${profile.url}). Send it?`;
      const choice = await connection.window.showWarningMessage(question, { title: yes }, { title: 'Cancel' });
      if (choice?.title !== yes) return null;
    }
    const version = found.document.version;
    const answer = await live.send(profile, method, request.params ? getNodeValue(request.params) : {});
    say(state, 'error' in answer ? MessageType.Error : answer.ok ? MessageType.Info : MessageType.Warning, shown(index as number, method, name, answer));
    if (params.command === SEND_AND_RECORD_COMMAND && !('error' in answer)) await record(state, uri, version, index as number, answer);
    return answer;
  });
}

/** The folder's profiles, paths made absolute against the folder that holds .voipnow/. */
function profilesOf(state: ServerState, uri: string): LiveProfile[] {
  const config = state.configs.forDocument(uri);
  const servers: Readonly<Record<string, ServerProfile>> = config?.layer.servers ?? {};
  const base = Utils.dirname(Utils.dirname(URI.parse(config?.uri ?? uri)));
  const path = (relative: string) => Utils.joinPath(base, relative).fsPath;
  return Object.entries(servers).map(([name, p]) => ({
    name, url: p.url, insecure: p.insecure, timeoutMs: p.timeoutMs,
    caFile: p.ca === undefined ? undefined : path(p.ca),
    wsdl: p.wsdl === undefined || /^https?:/.test(p.wsdl) ? p.wsdl : path(p.wsdl),
  }));
}

/** The answer written into the request's `response`, as one edit for the version it was sent from. */
type Answered = Exclude<LiveAnswer, { error: string }>;

async function record(state: ServerState, uri: string, version: number, index: number, answer: Answered): Promise<void> {
  const document = state.documents.get(uri);
  if (!document || document.version !== version) {
    return void say(state, MessageType.Warning, 'VoipNow: the file changed while it was sent: the answer is not recorded.');
  }
  const made = recordResponse(document.getText(), index, answer.ok ? answer.response : answer.fault);
  if ('error' in made) return void say(state, MessageType.Warning, `VoipNow: ${made.error}`);
  const { offset, length, newText } = made.edit;
  const edit: TextDocumentEdit = {
    textDocument: { uri, version },
    edits: [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + length) }, newText }],
  };
  await state.connection.workspace.applyEdit({ label: 'Record the answer', edit: { documentChanges: [edit] } });
}

function shown(index: number, method: string, server: string, answer: LiveAnswer): string {
  if ('error' in answer) return `VoipNow: ${answer.error}`;
  if (answer.ok) return `VoipNow: request ${index} ${method} on ${server}: ok`;
  const { faultcode, faultstring } = answer.fault;
  const documented = documentedText(method, faultcode) === undefined ? `, which ${method} does not document` : '';
  return `VoipNow: request ${index} ${method} on ${server}: fault ${faultcode} ${faultstring}${documented}`;
}

function say(state: ServerState, type: MessageType, message: string): null {
  void state.connection.sendNotification('window/showMessage', { type, message });
  return null;
}
