// Malformed parameters (issue 17: `workspace/didChangeWorkspaceFolders` with `{}` ended the server):
// every method the server registers handlers for (registered-methods.ts: the list is what the
// server registers, and it must be the protocol gate's table of params, lsp/method-params.ts) is
// sent each malformed shape; a request is answered InvalidParams, a notification is dropped and
// logged; the server stays up, its documents untouched, and answers as before.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { NOTIFICATION_PARAMS, REQUEST_PARAMS } from '../../server/src/lsp/method-params';
import { fileUri, rows } from './lsp-client';
import { RawClient } from './raw-client';
import { registeredMethods } from './registered-methods';

const INVALID_PARAMS = -32602;
const FLOW = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier A", "flow": "bothh" } } }';
const uri = fileUri('malformed-params/doc.payload.json');
const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

/** Shapes no method takes (but the code page request: `null` and an object without a method ask for its list). */
const GENERIC: unknown[] = [null, {}, [], [null], 42, 'text', true, { textDocument: null, uri: null, event: null, changes: null, id: null, token: null, value: null }];

const position = { line: 0, character: 0 };
const huge = `file:///${'a'.repeat(1_000_000)}.json`;
const positional = [
  { textDocument: { uri } },
  { textDocument: { uri: 5 }, position },
  { textDocument: { uri: '' }, position },
  { textDocument: { uri }, position: { line: -1, character: 0 } },
  { textDocument: { uri }, position: { line: 0, character: 0.5 } },
  { textDocument: { uri: huge }, position: { line: 2 ** 31, character: 1e300 } },
  { textDocument: { uri }, position: { line: '0', character: 0 } },
  { textDocument: { uri }, position, workDoneToken: {} },
];
const ourDiagnostic = { range, message: 'm', source: 'voipnow', code: '617' };

/** Each method's own malformed shapes: wrong types, nulls in arrays, huge and odd values where it reads them. */
const SPECIFIC: Record<string, unknown[]> = {
  'textDocument/hover': positional,
  'textDocument/completion': positional,
  'textDocument/definition': positional,
  'textDocument/codeLens': [{ textDocument: null }, { textDocument: { uri: 5 } }],
  'workspace/executeCommand': [{ command: 5 }, { command: 'voipnow.send', arguments: 'x' }, {}],
  'textDocument/codeAction': [
    { textDocument: { uri }, range, context: null },
    { textDocument: { uri }, range: { start: null, end: position }, context: { diagnostics: [] } },
    { textDocument: { uri }, range, context: { diagnostics: [null] } },
    { textDocument: { uri }, range, context: { diagnostics: [{ ...ourDiagnostic, range: null }] } },
    { textDocument: { uri }, range, context: { diagnostics: [{ ...ourDiagnostic, data: { allowed: [{}] } }] } },
    { textDocument: { uri }, range, context: { diagnostics: [{ ...ourDiagnostic, data: { suggestion: 5, insertInto: -3 } }] } },
    { textDocument: { uri }, range, context: { diagnostics: [], only: [5] } },
  ],
  'textDocument/documentSymbol': [{ textDocument: {} }, { textDocument: { uri: ['x'] } }],
  'textDocument/diagnostic': [{ textDocument: { uri }, identifier: 5 }, { textDocument: { uri }, previousResultId: null }, { textDocument: { uri: null } }],
  'workspace/diagnostic': [{ previousResultIds: null }, { previousResultIds: [null] }, { previousResultIds: [{ uri: null, value: 1 }] }, { previousResultIds: [], identifier: 3 }],
  'textDocument/willSaveWaitUntil': [{ textDocument: { uri }, reason: '1' }, { textDocument: { uri: 1 }, reason: 1 }],
  'voipnow/codePage': [{ method: 5 }, { method: null }, { method: ['AddChannel'] }],
  'voipnow/documentStatus': [{ uri: '' }, { uri: ['x'] }, { uri: 1e300 }],
  '$/setTrace': [{ value: 'loud' }, { value: 1 }],
  '$/cancelRequest': [{ id: {} }, { id: 1.5 }],
  '$/progress': [{ token: {}, value: 1 }, { token: 't' }],
  'window/workDoneProgress/cancel': [{ token: {} }, { token: 2 ** 60 }],
  'textDocument/didOpen': [
    { textDocument: { uri, languageId: 'json', version: 1.5, text: 'x' } },
    { textDocument: { uri, languageId: 'json', version: 1, text: null } },
    { textDocument: { uri: huge, languageId: null, version: 1, text: '' } },
  ],
  'textDocument/didChange': [
    { textDocument: { uri, version: 'x' }, contentChanges: [{ text: '' }] },
    { textDocument: { uri, version: 9 }, contentChanges: null },
    { textDocument: { uri, version: 9 }, contentChanges: [null] },
    { textDocument: { uri, version: 9 }, contentChanges: [{ text: 5 }] },
    { textDocument: { uri, version: 9 }, contentChanges: [{ text: '', range: { start: null, end: position } }] },
    { textDocument: { uri, version: 9 }, contentChanges: [{ text: '', range: { start: position, end: { line: 0, character: -4 } } }] },
  ],
  'textDocument/didClose': [{ textDocument: { uri: 5 } }, { textDocument: [uri] }],
  'textDocument/willSave': [{ textDocument: { uri }, reason: '1' }],
  'textDocument/didSave': [{ textDocument: { uri }, text: 5 }, { textDocument: null }],
  'workspace/didChangeConfiguration': [{ setting: {} }],
  'workspace/didChangeWatchedFiles': [{ changes: null }, { changes: 'x' }, { changes: { 0: { uri, type: 2 } } }],
  'workspace/didChangeWorkspaceFolders': [
    { event: null },
    { event: { added: null, removed: [] } },
    { event: { added: [null], removed: [] } },
    { event: { added: [{ uri: 5, name: 'x' }], removed: [] } },
    { event: { added: [], removed: [{}] } },
    { event: { added: [{ uri: huge }], removed: null } },
  ],
};

/** The methods that take anything (void params): exit ends the process, shutdown ends the session (shutdown.test.ts); a second initialized is dropped. */
const VOID = new Set(['shutdown', 'exit', 'initialized']);

/** The code page request lists the methods for no params, null, or an object without a method. */
const takesShape = (method: string, shape: unknown) =>
  method === 'voipnow/codePage' && (shape === null || (typeof shape === 'object' && !Array.isArray(shape) && !('method' in shape)));

const shapesFor = (method: string) => [...GENERIC, ...SPECIFIC[method]];

/** The items of a pull: `line:col severity code message` rows. */
async function pulled(client: RawClient, doc: string): Promise<string[]> {
  const answer = await client.request('textDocument/diagnostic', { textDocument: { uri: doc } });
  assert.equal(answer.error, undefined, JSON.stringify(answer.error));
  return rows(answer.result.items);
}

describe('malformed parameters', { timeout: 120_000 }, () => {
  const client = new RawClient();
  before(() => client.initialize({ workspace: { workspaceFolders: true }, textDocument: { diagnostic: {} } }));
  after(() => client.stop());

  it('the server registers handlers for exactly the methods whose params it checks, and this test has shapes for each', async () => {
    const registered = await registeredMethods();
    assert.deepEqual(registered.requests, Object.keys(REQUEST_PARAMS).sort());
    assert.deepEqual(registered.notifications, Object.keys(NOTIFICATION_PARAMS).sort());
    const taking = [...registered.requests, ...registered.notifications].filter((m) => !VOID.has(m) && m !== 'initialize');
    assert.deepEqual(taking.filter((m) => !SPECIFIC[m]), []);
  });

  it('every registered method takes every malformed shape: InvalidParams or dropped, never an end', async () => {
    const { requests, notifications } = await registeredMethods();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: FLOW } });
    const before = await pulled(client, uri);
    assert.deepEqual(before.map((r) => r.split(' ')[2]), ['617']);
    for (const method of notifications.filter((m) => !VOID.has(m))) {
      for (const shape of shapesFor(method)) await client.notify(method, shape);
    }
    for (const method of requests.filter((m) => !VOID.has(m) && m !== 'initialize')) {
      for (const shape of shapesFor(method)) {
        const answer = await client.request(method, shape);
        const shown = `${method} ${JSON.stringify(shape)?.slice(0, 200)}: ${JSON.stringify(answer).slice(0, 300)}`;
        if (takesShape(method, shape)) assert.equal(answer.error, undefined, shown);
        else assert.equal(answer.error?.code, INVALID_PARAMS, shown);
      }
    }
    // Answered after every notification before it: the server is up, and the document as it was.
    assert.deepEqual(await pulled(client, uri), before);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 15 } });
    assert.match(hover.result.contents.value, /AddChannel/);
    assert.equal(client.process.exitCode, null);
    // Each dropped notification's method is named in the log, once.
    for (const method of notifications.filter((m) => !VOID.has(m))) {
      assert.equal(client.logged().filter((m) => m.startsWith(`VoipNow: ignored a malformed ${method} notification`)).length, 1, method);
    }
  });

  it('a malformed initialize is answered InvalidParams; a good one then starts the server', async () => {
    const fresh = new RawClient();
    try {
      for (const shape of [undefined, null, {}, [], 5, { capabilities: null }, { capabilities: {}, processId: 1e300 }, { capabilities: {}, workspaceFolders: [null] }, { capabilities: {}, rootUri: 5 }, { capabilities: {}, trace: 'loud' }]) {
        assert.equal((await fresh.request('initialize', shape)).error?.code, INVALID_PARAMS, JSON.stringify(shape));
      }
      // Capabilities of odd types inside are read as not offered.
      const capabilities = { textDocument: { hover: { contentFormat: 5 }, completion: { completionItem: { documentationFormat: 'markdown' } }, diagnostic: {} }, workspace: { workspaceFolders: 'yes' }, window: [] };
      const result = (await fresh.initialize(capabilities)).result;
      assert.equal(result?.serverInfo?.name, 'voipnow-payloads');
      const doc = fileUri('malformed-params/fresh.payload.json');
      await fresh.notify('textDocument/didOpen', { textDocument: { uri: doc, languageId: 'json', version: 1, text: FLOW } });
      assert.deepEqual((await pulled(fresh, doc)).map((r) => r.split(' ')[2]), ['617']);
      const hover = await fresh.request('textDocument/hover', { textDocument: { uri: doc }, position: { line: 0, character: 15 } });
      assert.match(hover.result.contents.value, /AddChannel/);
    } finally {
      await fresh.stop();
    }
  });
});
