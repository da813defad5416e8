// Open documents found by any spelling of their URI (lsp/open-documents.ts): by the spelling a
// document was opened with, by the index's normal form, by any other through `find`; notifications
// in another spelling reach the document; a file opened twice in two spellings stays found by its
// normal form until both are closed.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocuments } from '../../../server/src/lsp/open-documents';

// One file, `a*b (1).json`, in three spellings.
const NEOVIM = 'file:///w/a*b%20(1).json';
const EGLOT = 'file:///w/a%2ab%20%281%29.json';
const NORMAL = 'file:///w/a%2Ab%20%281%29.json';

/** A connection that keeps the document notifications' handlers, to call them as the client's messages would. */
function fakeConnection() {
  const handlers = new Map<string, (params: any) => unknown>();
  const on = (name: string) => (handler: (params: any) => unknown) => (handlers.set(name, handler), { dispose() {} });
  const connection = {
    onDidOpenTextDocument: on('open'),
    onDidChangeTextDocument: on('change'),
    onDidCloseTextDocument: on('close'),
    onWillSaveTextDocument: on('willSave'),
    onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
    onDidSaveTextDocument: on('save'),
  } as unknown as Connection;
  const send = (name: string, params: object) => handlers.get(name)!(params);
  return { connection, send };
}

/** Open documents listening on a stand-in connection, and a way to send them notifications. */
function listening() {
  const open = new OpenDocuments(new TextDocuments(TextDocument));
  const { connection, send } = fakeConnection();
  open.listen(connection);
  return { open, send };
}

describe('open documents by any spelling', () => {
  it('finds, changes and closes a document whatever spelling the messages use', () => {
    const { open, send } = listening();
    send('open', { textDocument: { uri: NEOVIM, languageId: 'json', version: 1, text: '{}' } });
    assert.equal(open.get(NEOVIM)?.uri, NEOVIM);
    assert.equal(open.get(NORMAL)?.uri, NEOVIM);
    assert.equal(open.get(EGLOT), undefined);
    assert.equal(open.find(EGLOT)?.uri, NEOVIM);
    send('change', { textDocument: { uri: EGLOT, version: 2 }, contentChanges: [{ text: '{ "a": 1 }' }] });
    assert.equal(open.get(NORMAL)?.getText(), '{ "a": 1 }');
    assert.equal(open.get(NORMAL)?.version, 2);
    send('close', { textDocument: { uri: NORMAL } });
    assert.equal(open.find(NEOVIM), undefined);
    assert.equal(open.get(NORMAL), undefined);
    assert.deepEqual(open.all(), []);
  });

  it('a file opened in two spellings is found by its normal form until both are closed', () => {
    const { open, send } = listening();
    send('open', { textDocument: { uri: NEOVIM, languageId: 'json', version: 1, text: 'a' } });
    send('open', { textDocument: { uri: EGLOT, languageId: 'json', version: 1, text: 'b' } });
    assert.equal(open.get(NORMAL)?.uri, EGLOT);
    send('close', { textDocument: { uri: EGLOT } });
    assert.equal(open.get(NORMAL)?.uri, NEOVIM);
    send('close', { textDocument: { uri: NEOVIM } });
    assert.equal(open.get(NORMAL), undefined);
  });
});
