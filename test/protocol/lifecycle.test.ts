// The protocol's lifecycle (issue 17: requests after shutdown were answered): after `shutdown`
// every request, well formed or not, gets InvalidRequest and notifications are dropped; `exit`
// ends the process with 0 after shutdown and 1 without; before `initialize` a request gets
// ServerNotInitialized. Every request method the server registers (registered-methods.ts) is asked.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fileUri } from './lsp-client';
import { RawClient } from './raw-client';
import { registeredMethods } from './registered-methods';

const INVALID_REQUEST = -32600;
const SERVER_NOT_INITIALIZED = -32002;
const FLOW = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier A", "flow": "bothh" } } }';
const uri = fileUri('lifecycle/doc.payload.json');
const position = { line: 0, character: 15 };
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } };

/** Well-formed params of each request method: what they get after shutdown is no params problem. */
const WELL_FORMED: Record<string, unknown> = {
  initialize: { processId: null, rootUri: null, capabilities: {} },
  shutdown: undefined,
  'textDocument/hover': { textDocument: { uri }, position },
  'textDocument/completion': { textDocument: { uri }, position },
  'textDocument/definition': { textDocument: { uri }, position },
  'textDocument/codeAction': { textDocument: { uri }, range, context: { diagnostics: [] } },
  'textDocument/documentSymbol': { textDocument: { uri } },
  'textDocument/codeLens': { textDocument: { uri } },
  'workspace/executeCommand': { command: 'voipnow.send', arguments: [uri, 0, 'staging'] },
  'textDocument/diagnostic': { textDocument: { uri } },
  'workspace/diagnostic': { previousResultIds: [] },
  'textDocument/willSaveWaitUntil': { textDocument: { uri }, reason: 1 },
  'voipnow/codePage': {},
  'voipnow/documentStatus': { uri },
};

describe('lifecycle', { timeout: 60_000 }, () => {
  it('after shutdown every request gets InvalidRequest, notifications are dropped, exit ends with 0', async () => {
    const { requests } = await registeredMethods();
    assert.deepEqual(Object.keys(WELL_FORMED).sort(), requests);
    const client = new RawClient();
    await client.initialize({ textDocument: { diagnostic: {} }, workspace: { workspaceFolders: true } });
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: FLOW } });
    // Answered before shutdown, as after it they are not.
    for (const method of requests.filter((m) => m !== 'initialize' && m !== 'shutdown')) {
      assert.equal((await client.request(method, WELL_FORMED[method])).error, undefined, method);
    }
    // Its params are void: whatever comes is not read.
    const shutdown = await client.request('shutdown', { odd: true });
    assert.deepEqual([shutdown.result, shutdown.error], [null, undefined]);
    for (const method of requests) {
      const answer = await client.request(method, WELL_FORMED[method]);
      assert.equal(answer.error?.code, INVALID_REQUEST, `${method}: ${JSON.stringify(answer)}`);
    }
    // Dropped (a malformed one too): nothing is done, nothing published, the server still answers.
    const before = client.notifications.length;
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: FLOW.replace('bothh', 'both') }] });
    await client.notify('workspace/didChangeWorkspaceFolders', {});
    assert.equal((await client.request('textDocument/hover', WELL_FORMED['textDocument/hover'])).error?.code, INVALID_REQUEST);
    assert.deepEqual(client.notifications.slice(before), []);
    assert.equal(client.process.exitCode, null);
    await client.notify('exit', [1]);
    assert.equal(await client.exited, 0);
  });

  it('exit without shutdown ends with 1', async () => {
    const client = new RawClient();
    await client.initialize({});
    await client.notify('exit');
    assert.equal(await client.exited, 1);
  });

  it('before initialize a request gets ServerNotInitialized and a notification is dropped; initialize is taken once', async () => {
    const client = new RawClient();
    try {
      await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: FLOW } });
      const early = await client.request('textDocument/hover', WELL_FORMED['textDocument/hover']);
      assert.equal(early.error?.code, SERVER_NOT_INITIALIZED);
      await client.initialize({ textDocument: { diagnostic: {} } });
      // The document sent before initialize was dropped: it is not open.
      assert.equal((await client.request('textDocument/hover', WELL_FORMED['textDocument/hover'])).result, null);
      assert.equal((await client.request('initialize', WELL_FORMED.initialize)).error?.code, INVALID_REQUEST);
    } finally {
      await client.stop();
    }
  });
});
