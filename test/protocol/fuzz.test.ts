// A few hundred hostile documents through one server process, as an editor would send them while
// someone types: the server must stay up, answer every request, and still be right afterwards.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { extremes, hostileDocuments } from '../unit/engine/hostile';
import { fileUri, TestClient } from './lsp-client';

describe('hostile documents through one server', () => {
  const client = new TestClient();
  before(() => client.initialize({ textDocument: { diagnostic: {} } }));
  after(() => client.stop());

  it('answers every diagnostic, hover and completion request and stays up', async () => {
    const documents = [...hostileDocuments(300, 7), ...extremes().slice(0, 4).map((e) => e.text)];
    const uri = fileUri('fuzz/doc.payload.json');
    await client.open(uri, documents[0]);
    for (let i = 0; i < documents.length; i++) {
      const text = documents[i];
      await client.change(uri, i + 2, text);
      const report: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      for (const d of report.items) assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line);
      const position = { line: 0, character: i % 40 };
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    }
    assert.equal(client.exited, false);
    await client.change(uri, documents.length + 2, '{"method":"GetChannels","params":{"flow":"x"}}');
    const report: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((d: any) => d.code), ['invalid-value']);
  });
});
