// The server in a Web Worker reads the workspace through the client (voipnow/fs/* requests): a
// client whose answers are of another shape (a directory entry that is null, a stat of an unknown
// kind, text that is no base64, a search listing numbers) is read as nothing there, and the server
// goes on: it indexes what it can, checks the open document and answers.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { startWorkerServer } from './worker-host';

const FOLDER = 'vscode-vfs://github/acme/odd';
const DOC = `${FOLDER}/open.payload.json`;
const FLOW = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier A", "flow": "bothh" } } }';

describe('a worker server whose client answers file requests oddly', { timeout: 60_000 }, () => {
  for (const [name, answers] of [
    ['null entries and odd kinds', { findFiles: [null, 5], readDirectory: [null, ['a.payload.json', 'socket']], stat: { kind: 7 }, readFile: '!!not base64!!' }],
    ['wrong types throughout', { findFiles: 'all', readDirectory: { entries: [] }, stat: [], readFile: 12 }],
  ] as const) {
    it(`${name}: indexes nothing, checks the open document, answers`, async () => {
      const worker = startWorkerServer();
      const asked = new Set<string>();
      for (const [method, answer] of Object.entries(answers)) {
        worker.connection.onRequest(`voipnow/fs/${method}`, () => (asked.add(method), answer));
      }
      worker.connection.onRequest('client/registerCapability', () => null);
      worker.connection.onNotification(() => {});
      worker.connection.listen();
      try {
        await worker.connection.sendRequest('initialize', { processId: null, rootUri: FOLDER, workspaceFolders: [{ uri: FOLDER, name: 'odd' }], capabilities: { textDocument: { diagnostic: {} } } });
        await worker.connection.sendNotification('initialized', {});
        const workspace: any = await worker.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
        assert.deepEqual(workspace.items, []);
        assert.ok(asked.has('findFiles') && asked.has('readDirectory'), [...asked].join());
        await worker.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: DOC, languageId: 'json', version: 1, text: FLOW } });
        const report: any = await worker.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: DOC } });
        assert.deepEqual(report.items.map((d: any) => d.code), ['617']);
        assert.deepEqual(worker.errors, []);
      } finally {
        await worker.connection.sendRequest('shutdown');
        worker.connection.dispose();
      }
    });
  }
});
