// The outline of a 40,000-request batch held hovers back for about 1.6 s: its 400,000 symbols
// (98 MB of answer) were built at once. It is now bounded as VS Code's JSON outline is (5,000
// symbols and a last entry that says what is left out), built after the requests read with it,
// in slices, and given up when the client cancels. Orders of events, never timings.
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
  const uri = fileUri('fixtures/outline-40000.payload.json');
  const document = TextDocument.create(uri, 'json', 1, BATCH);
  // On "DelChannel" of the last request: a hover with the method's documentation.
  const lastMethod = document.positionAt(BATCH.lastIndexOf('DelChannel') + 2);

  before(async () => {
    await client.initialize(CAPABILITIES);
    await client.open(uri, BATCH);
    await client.diagnosticsFor(uri, 1);
  });
  after(() => client.stop());

  it('answers a hover asked right after the outline before the outline', async () => {
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
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token);
    source.cancel();
    await assert.rejects(cancelled, (error: any) => error.code === -32800);
    const outline: any = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(outline.length, MAX_SYMBOLS + 1);
  });
});
