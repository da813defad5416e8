// The parameters of every method the server takes (ours, TextDocuments' and the library's own),
// checked before any handler reads them (protocol-gate.ts): a malformed request is answered with
// InvalidParams, a malformed notification is dropped. A method that is not here is not handled
// (the library answers MethodNotFound); test/protocol/malformed-params.test.ts checks that this
// table and the handlers the server registers are the same methods.
import { CODE_PAGE_REQUEST } from './extension-protocol';
import {
  anything,
  arrayOf,
  boolean,
  either,
  integer,
  number,
  maybe,
  object,
  oneOf,
  optional,
  present,
  progressToken,
  progressTokens,
  range,
  position,
  string,
  textDocumentIdentifier,
  uinteger,
  uri,
  workspaceFolder,
  type Check,
} from './param-checks';
import { SOURCE } from './to-diagnostic';
import { DOCUMENT_STATUS_REQUEST } from './status';

/** LSP's integer (a process id: the library watches it, and ends the server once it is gone). */
const int32: Check = (value, at) =>
  Number.isSafeInteger(value) && (value as number) >= -(2 ** 31) && (value as number) < 2 ** 31 ? undefined : `${at} must be an integer from -2^31 to 2^31 - 1`;

const traceValue = oneOf('off', 'messages', 'compact', 'verbose');

const positionParams = object({ textDocument: textDocumentIdentifier, position, ...progressTokens });

/** What a quick fix reads of one of our diagnostics' data (code-actions.ts; core FixData). */
const fixData = object({
  param: optional(string),
  allowed: optional(arrayOf(either(string, number, boolean))),
  suggestion: optional(string),
  insertInto: optional(uinteger),
  documentedText: optional(string),
  missing: optional(boolean),
  method: optional(string),
});

/** A diagnostic sent back with a code action request: ours (source voipnow) carry the data their fixes read. */
const contextDiagnostic: Check = (value, at) =>
  object({ range, message: string, source: optional(string), code: optional(either(integer, string)) })(value, at) ??
  ((value as { source?: unknown }).source === SOURCE ? object({ data: optional(fixData) })(value, at) : undefined);

const contentChange = object({ text: string, range: optional(range), rangeLength: optional(uinteger) });

export const REQUEST_PARAMS: Readonly<Record<string, Check>> = {
  initialize: object({
    processId: maybe(int32),
    // An empty root is no root (server.ts): only its type matters.
    rootUri: maybe(string),
    workspaceFolders: maybe(arrayOf(workspaceFolder)),
    capabilities: object(),
    trace: optional(traceValue),
    initializationOptions: anything,
    ...progressTokens,
  }),
  // Its params are void: nothing is read of whatever comes.
  shutdown: anything,
  'textDocument/hover': positionParams,
  'textDocument/completion': positionParams,
  'textDocument/definition': positionParams,
  'textDocument/codeLens': object({ textDocument: textDocumentIdentifier, ...progressTokens }),
  'workspace/executeCommand': object({ command: string, arguments: optional(arrayOf(anything)), ...progressTokens }),
  'textDocument/codeAction': object({
    textDocument: textDocumentIdentifier,
    range,
    context: object({ diagnostics: arrayOf(contextDiagnostic), only: optional(arrayOf(string)) }),
    ...progressTokens,
  }),
  'textDocument/documentSymbol': object({ textDocument: textDocumentIdentifier, ...progressTokens }),
  'textDocument/diagnostic': object({
    textDocument: textDocumentIdentifier,
    identifier: optional(string),
    previousResultId: optional(string),
    ...progressTokens,
  }),
  'workspace/diagnostic': object({ identifier: optional(string), previousResultIds: arrayOf(object({ uri, value: string })), ...progressTokens }),
  'textDocument/willSaveWaitUntil': object({ textDocument: textDocumentIdentifier, reason: integer }),
  // `{}` lists the methods, `{ method }` is one page (code-links.ts); no params at all is `{}`.
  [CODE_PAGE_REQUEST]: maybe(object({ method: optional(string) })),
  [DOCUMENT_STATUS_REQUEST]: object({ uri }),
};

export const NOTIFICATION_PARAMS: Readonly<Record<string, Check>> = {
  // Both carry nothing the server reads.
  initialized: anything,
  exit: anything,
  '$/setTrace': object({ value: traceValue }),
  '$/cancelRequest': object({ id: either(integer, string) }),
  '$/progress': object({ token: progressToken, value: present }),
  'window/workDoneProgress/cancel': object({ token: progressToken }),
  'textDocument/didOpen': object({ textDocument: object({ uri, languageId: string, version: integer, text: string }) }),
  'textDocument/didChange': object({ textDocument: object({ uri, version: integer }), contentChanges: arrayOf(contentChange) }),
  'textDocument/didClose': object({ textDocument: textDocumentIdentifier }),
  'textDocument/willSave': object({ textDocument: textDocumentIdentifier, reason: integer }),
  'textDocument/didSave': object({ textDocument: textDocumentIdentifier, text: optional(string) }),
  'workspace/didChangeConfiguration': object({ settings: present }),
  // The changes themselves are looked at one by one: a malformed one is dropped, the others kept (server.ts).
  'workspace/didChangeWatchedFiles': object({ changes: arrayOf(anything) }),
  'workspace/didChangeWorkspaceFolders': object({ event: object({ added: arrayOf(workspaceFolder), removed: arrayOf(workspaceFolder) }) }),
};

/** What is wrong with a message's params (undefined: usable, or a method the server does not take). */
export function paramsProblem(method: string, params: unknown, request: boolean): string | undefined {
  const table = request ? REQUEST_PARAMS : NOTIFICATION_PARAMS;
  const check = Object.hasOwn(table, method) ? table[method] : undefined;
  return check?.(params, 'params');
}
