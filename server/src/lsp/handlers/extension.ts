// The VS Code extension's own requests (extension-protocol.ts, status.ts): voipnow/codePage, the
// code pages' text for a client that cannot read the packaged ones (vscode.dev), and
// voipnow/documentStatus, what the language status item shows for the active payload file. The
// server's own notifications (voipnow/status, sent by status.ts) need no handler. The file requests
// (voipnow/fs/*) go the other way, from a server in a Web Worker to its client (browser/).
import { codePageAnswer, useCodePages } from '../code-links';
import { CODE_PAGE_REQUEST } from '../extension-protocol';
import type { ServerState } from '../server-state';
import { DOCUMENT_STATUS_REQUEST } from '../status';

export function registerExtensionRequests(state: ServerState): void {
  const { connection, status } = state;
  useCodePages(state.codePages);
  connection.onRequest<string | string[] | null, void>(CODE_PAGE_REQUEST, (params: { method?: unknown } | null) => codePageAnswer(params));
  connection.onRequest(DOCUMENT_STATUS_REQUEST, async (params: { uri: string }) => status.document(params.uri, (await state.analysisOf(params.uri))?.analysis));
}
