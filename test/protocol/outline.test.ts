// The outline of a 40,000-request batch held hovers back for about 1.6 s: its 400,000 symbols
// (98 MB of answer) were built at once. It is now bounded as VS Code's JSON outline is (5,000
// symbols and a last entry that says what is left out), built after the requests read with it,
// in slices, and given up when the client cancels or the document changes. Orders of events,
// never timings.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MAX_SYMBOLS } from '../../server/src/core';
import { fileUri, TestClient } from './lsp-client';

const REQUESTS = 40_000;
const BATCH = `[\n${Array.from({ length: REQUESTS }, (_, i) => `  { "method": "DelChannel", "params": { "ID": ${i + 1} } }`).join(',\n')}\n]\n`;
const CAPABILITIES = { textDocument: { hover: { contentFormat: ['markdown'] }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } } };
const EVENT = 24; // SymbolKind.Event: the entry that says what is left out

describe('the outline of a 40,000-request batch', { timeout: 120_000 }, () => {
  const client = new TestClient();
  const document = TextDocument.create('file:///batch', 'json', 1, BATCH);
  // On "DelChannel" of the last request: a hover with the method's documentation.
  const lastMethod = document.positionAt(BATCH.lastIndexOf('DelChannel') + 2);

  /**
   * Opens the batch as a new document and waits for its report. Its parse tree is not made yet
   * (the report needs none): the outline's first slice makes it, so whatever the client sends
   * right after the outline is read before the outline's second slice.
   */
  async function openBatch(name: string): Promise<string> {
    const uri = fileUri(`fixtures/${name}.payload.json`);
    await client.open(uri, BATCH);
    await client.diagnosticsFor(uri, 1);
    return uri;
  }

  before(() => client.initialize(CAPABILITIES));
  after(() => client.stop());

  it('answers a hover asked right after the outline before the outline', async () => {
    const uri = await openBatch('outline-hover');
    const answered: string[] = [];
    const symbols = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).then((result: any) => {
      answered.push('symbols');
      return result;
    });
    const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: lastMethod }).then((result: any) => {
      answered.push('hover');
      return result;
    });
    const [outline, shown]: any[] = await Promise.all([symbols, hover]);
    assert.deepEqual(answered, ['hover', 'symbols']);
    assert.match(shown.contents.value, /DelChannel/);

    // Bounded: the first 5,000 requests in order, then one entry for the 35,000 left out.
    assert.equal(outline.length, MAX_SYMBOLS + 1);
    outline.slice(0, MAX_SYMBOLS).forEach((symbol: any, i: number) => {
      assert.equal(symbol.name, `DelChannel · ID ${i + 1}`);
      assert.equal(symbol.kind, 6);
    });
    const first = BATCH.indexOf(`{ "method": "DelChannel", "params": { "ID": ${MAX_SYMBOLS + 1} } }`);
    assert.deepEqual(outline[MAX_SYMBOLS], {
      name: '… 35,000 more requests not listed: the outline shows at most 5,000 symbols',
      kind: EVENT,
      range: { start: document.positionAt(first), end: document.positionAt(BATCH.lastIndexOf('}') + 1) },
      selectionRange: { start: document.positionAt(first), end: document.positionAt(first + 1) },
    });
  });

  it('gives the outline up when the client cancels it (RequestCancelled), and answers the next one', async () => {
    const uri = await openBatch('outline-cancel');
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(cancelled, (error: any) => error.code === -32800);
    const outline: any = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(outline.length, MAX_SYMBOLS + 1);
  });

  it('gives the outline up when the document changes meanwhile (ContentModified), and outlines the new text', async () => {
    const uri = await openBatch('outline-change');
    const outdated = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const first = '{ "method": "DelChannel", "params": { "ID": 1 } }';
    const range = { start: document.positionAt(BATCH.indexOf(first)), end: document.positionAt(BATCH.indexOf(first) + first.length) };
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range, text: '{ "method": "GetCodecs" }' }] });
    await assert.rejects(outdated, (error: any) => error.code === -32801);
    await client.diagnosticsFor(uri, 2);
    const outline: any = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(outline.slice(0, 2).map((s: any) => s.name), ['GetCodecs', 'DelChannel · ID 2']);
  });
});
