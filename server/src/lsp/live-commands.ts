// What the live loop's commands do (handlers/commands.ts registers them): send a request of a
// payload file to a profile's server (asking first when it changes the server), record its answer
// with one workspace edit guarded by the document's version, pull the records into the folder's
// .voipnow/records.json, list the profiles, forget the WSDLs held. Every outcome is said with
// window/showMessage; none holds a secret (the messages are made from what was asked).
import { URI, Utils } from 'vscode-uri';
import { getNodeValue } from 'jsonc-parser';
import { MessageType, type TextDocumentEdit } from 'vscode-languageserver';
import { changesServer, documentedText, insecureWarning, recordResponse } from '../core';
import type { LiveCredentials, LiveFailure, ProfileEntry, PullResult, SendResult } from './live-protocol';
import type { LiveAnswer, LiveProfile, LiveSender } from './platform';
import type { ServerState } from './server-state';

export interface SendArgs {
  uri: string;
  index: number;
  profile: string;
  /** The profile's url when the lens was made: a profile since pointed elsewhere is not sent to. */
  url?: string;
  credentials?: LiveCredentials;
}

export async function sendCommand(state: ServerState, live: LiveSender, args: SendArgs, record: boolean, signal: AbortSignal): Promise<SendResult | null> {
  const { uri, index, profile: name } = args;
  const found = await state.analysisOf(uri);
  const request = found?.analysis.requests[index];
  const profile = profileNamed(state, uri, name, args.url);
  if (!found || !request?.method || typeof profile !== 'object') {
    return fail(state, typeof profile === 'string' ? profile : `nothing to send (request ${index} or profile '${name}' is gone).`);
  }
  const method = request.method;
  if (changesServer(method)) {
    const yes = `Send to ${name}`;
    const question = `${method} changes the server ${name} (${profile.profile.url}). Send it?`;
    const choice = await state.connection.window.showWarningMessage(question, { title: yes }, { title: 'Cancel' });
    if (choice?.title !== yes) return null;
  }
  warnIfInsecure(state, profile);
  const version = found.document.version;
  const options = { credentials: args.credentials, signal, storage: state.storage };
  const answer = await live.send(profile, method, request.params ? getNodeValue(request.params) : {}, options);
  say(state, 'error' in answer ? MessageType.Error : answer.ok ? MessageType.Info : MessageType.Warning, shown(index, method, name, answer));
  if ('error' in answer) return answer;
  if (record) await recordAnswer(state, uri, version, index, answer);
  return { file: uri, request: index, method, server: name, ok: answer.ok, response: answer.ok ? answer.response : answer.fault };
}

export interface PullArgs {
  /** A document or folder of the workspace: its folder's .voipnow/config.json names the profile. */
  uri: string;
  profile: string;
  url?: string;
  credentials?: LiveCredentials;
}

export async function pullCommand(state: ServerState, live: LiveSender, args: PullArgs, signal: AbortSignal): Promise<PullResult> {
  const config = state.configs.forDocument(args.uri);
  const profile = profileNamed(state, args.uri, args.profile, args.url);
  if (!config || typeof profile !== 'object') return fail(state, typeof profile === 'string' ? profile : `no .voipnow/config.json names '${args.profile}'.`);
  // Beside the .voipnow/config.json that names the server.
  const records = Utils.joinPath(Utils.dirname(URI.parse(config.uri)), 'records.json');
  warnIfInsecure(state, profile);
  const pulled = await live.pullRecords(profile, records.fsPath, { credentials: args.credentials, signal, storage: state.storage });
  if ('error' in pulled) return { ...fail(state, pulled.error), kind: pulled.kind };
  // The workspace reads the new records at once (a client's file watch may come later, or never).
  state.records.filesChanged([records.toString()]);
  const counts = Object.entries(pulled.counts).map(([kind, count]) => `${count} ${kind}`);
  say(state, MessageType.Info, `VoipNow: wrote ${records.fsPath} from ${args.profile}: ${counts.join(', ')}.`);
  return { written: records.toString(), counts: pulled.counts };
}

/** The profiles of every folder (or of one document's or folder's), with no secret: the editor asks for credentials by them. */
export function profilesList(state: ServerState, uri?: string): ProfileEntry[] {
  const configs = uri === undefined ? state.configs.all() : [state.configs.forDocument(uri)].filter((c) => c !== undefined);
  return configs.flatMap((config) => {
    const folder = Utils.dirname(Utils.dirname(URI.parse(config.uri))).toString();
    return Object.entries(config.layer.servers ?? {}).map(([name, p]) => ({ folder, name, url: p.url }));
  });
}

/** The folder's profiles, with the folder that holds .voipnow/ (their relative paths are read from there). */
export function profilesOf(state: ServerState, uri: string): LiveProfile[] {
  const config = state.configs.forDocument(uri);
  if (!config) return [];
  const base = Utils.dirname(Utils.dirname(URI.parse(config.uri))).fsPath;
  return Object.entries(config.layer.servers ?? {}).map(([name, profile]) => ({ name, profile, base }));
}

/** The profile by name, or why it cannot be used (gone, or its url changed since the editor was told). */
function profileNamed(state: ServerState, uri: string, name: string, url: string | undefined): LiveProfile | string | undefined {
  const profile = profilesOf(state, uri).find((p) => p.name === name);
  if (profile && url !== undefined && profile.profile.url !== url) {
    return `the profile '${name}' now names ${profile.profile.url}, not ${url}: nothing is sent; try again.`;
  }
  return profile;
}

/** The answer written into the request's `response`, as one edit for the version it was sent from. */
type Answered = Exclude<LiveAnswer, LiveFailure>;

async function recordAnswer(state: ServerState, uri: string, version: number, index: number, answer: Answered): Promise<void> {
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
  const documented = documentedText(method, faultcode);
  const note = documented === undefined ? `, which ${method} does not document` : documented !== faultstring ? ` (documented as: ${documented})` : '';
  return `VoipNow: request ${index} ${method} on ${server}: fault ${faultcode} ${faultstring}${note}`;
}

/** A profile that skips the certificate check is warned of on every use, as on the command line. */
function warnIfInsecure(state: ServerState, profile: LiveProfile): void {
  if (profile.profile.insecure) say(state, MessageType.Warning, `VoipNow: ${insecureWarning(profile.name)}.`);
}

function fail(state: ServerState, message: string): LiveFailure {
  say(state, MessageType.Error, `VoipNow: ${message}`);
  return { error: message };
}

export function say(state: ServerState, type: MessageType, message: string): null {
  void state.connection.sendNotification('window/showMessage', { type, message });
  return null;
}
