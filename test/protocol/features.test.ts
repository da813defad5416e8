// The editing features over stdio against the built server: hover, completion, quick fixes,
// source.fixAll.voipnow with its version guard, document symbols and codeDescription links.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, TestClient } from './lsp-client';

const BROKEN = `{
  "method": "AddChannel",
  "params": { "type": "sip", "SIP": { "name": "Carrier A", "flow": "bothh", "dtmfMode": "rfc2833", "qualify": 150 } }
}`;
const FIXED = BROKEN.replace('"bothh"', '"both"').replace('"dtmfMode"', '"dtmf"').replace('150', '200');

const CAPABILITIES = {
  textDocument: {
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
    publishDiagnostics: { codeDescriptionSupport: true },
  },
  workspace: { workspaceEdit: { documentChanges: true } },
};

const pos = (text: string, needle: string, delta = 0) => TextDocument.create('x', 'json', 0, text).positionAt(text.indexOf(needle) + delta);

describe('editing features (a client with snippets, markdown and versioned edits)', () => {
  const client = new TestClient();
  let capabilities: any;
  before(async () => {
    capabilities = (await client.initialize(CAPABILITIES)).capabilities;
  });
  after(() => client.stop());

  it('announces hover, completion, code actions (quickfix and source.fixAll.voipnow) and symbols', () => {
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.completionProvider.triggerCharacters, ['"', ':']);
    assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.voipnow']);
    assert.ok(capabilities.documentSymbolProvider);
  });

  it('answers hover with markdown and the range of the key', async () => {
    const uri = fileUri('fixtures/hover.payload.json');
    await client.open(uri, BROKEN);
    const result: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(BROKEN, '"qualify"', 2) });
    assert.equal(result.contents.kind, 'markdown');
    assert.equal(
      result.contents.value,
      `**qualify** · \`SIP.qualify\` · AddChannel

Qualify: maximum response time, in milliseconds, of the SIP OPTIONS reachability check; a multiple of 100 from 0 to 900.

- Type: integer or string
- Range: 0 to 900, a multiple of 100
- Pattern: \`^[0-9]+$\`

| Code | When | Text |
| --- | --- | --- |
| 619 | invalid value | Invalid qualify. Value must be a multiple of 100, no bigger than 900. |`,
    );
    assert.deepEqual(result.range, { start: pos(BROKEN, '"qualify"'), end: pos(BROKEN, '"qualify"', 9) });
  });

  it('answers completion with snippet text edits', async () => {
    const text = '{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "flow": "" } } }';
    const uri = fileUri('fixtures/completion.payload.json');
    await client.open(uri, text);
    const values: any = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, '""', 1) });
    assert.deepEqual(values.items.map((i: any) => [i.label, i.detail, i.textEdit.newText]), [
      ['"in"', 'Incoming calls only', '"in"'],
      ['"out"', 'Outgoing calls only', '"out"'],
      ['"both"', 'Incoming and outgoing calls', '"both"'],
    ]);
    assert.deepEqual(values.items[0].textEdit.range, { start: pos(text, '""'), end: pos(text, '""', 2) });
    const keys: any = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos(text, '"abc",', 6) });
    const dtmf = keys.items.find((i: any) => i.label === 'dtmf');
    assert.equal(dtmf.insertTextFormat, 2);
    assert.equal(dtmf.textEdit.newText, '"dtmf": "${1|rfc2833,inband,info,auto|}",');
    assert.equal(dtmf.kind, 10);
    assert.equal(dtmf.documentation.kind, 'markdown');
    assert.ok(!keys.items.some((i: any) => i.label === 'flow' || i.label === 'name'));
  });

  it('offers quick fixes from the diagnostics the client sends back, with the document version', async () => {
    const uri = fileUri('fixtures/quickfix.payload.json');
    await client.open(uri, BROKEN);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred ?? false, a.diagnostics[0].code]),
      [
        ['Change to "both" (Incoming and outgoing calls)', 'quickfix', true, '617'],
        ['Change to "out" (Outgoing calls only)', 'quickfix', false, '617'],
        ['Change to "in" (Incoming calls only)', 'quickfix', false, '617'],
        ['Rename to "dtmf"', 'quickfix', true, 'unknown-parameter'],
        ['Round to 200', 'quickfix', true, '619'],
      ],
    );
    const change = actions[0].edit.documentChanges[0];
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.deepEqual(change.edits, [{ range: diagnostics[0].range, newText: '"both"' }]);
    const none: any[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['source.fixAll.voipnow'] } });
    assert.ok(none.every((a) => a.kind === 'source.fixAll.voipnow'));
  });

  it('applies every preferred fix with source.fixAll.voipnow, tied to the version it was computed for', async () => {
    const uri = fileUri('fixtures/fixall.payload.json');
    await client.open(uri, BROKEN);
    await client.diagnosticsFor(uri, 1);
    const request = (only: string[]) => client.connection.sendRequest<any[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only } });
    const [fixAll] = await request(['source.fixAll.voipnow']);
    assert.equal(fixAll.kind, 'source.fixAll.voipnow');
    assert.equal(fixAll.title, 'Fix all VoipNow payload problems that have a safe fix (3)');
    const change = fixAll.edit.documentChanges[0];
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, BROKEN), change.edits), FIXED);
    // `source` (the Source Action menu) covers it too; a request for quick fixes does not.
    assert.deepEqual((await request(['source'])).map((a) => a.kind), ['source.fixAll.voipnow']);
    assert.deepEqual(await request(['quickfix']), []);

    // The document changes: the next fix-all is computed for version 2 and carries it.
    const edited = BROKEN.replace('"qualify": 150', '"qualify": 250');
    await client.change(uri, 2, edited);
    const [again] = await request(['source.fixAll.voipnow']);
    assert.equal(again.edit.documentChanges[0].textDocument.version, 2);
    const result = TextDocument.applyEdits(TextDocument.create(uri, 'json', 2, edited), again.edit.documentChanges[0].edits);
    assert.equal(result, FIXED.replace('"qualify": 200', '"qualify": 300'));
    await client.change(uri, 3, result);
    assert.deepEqual((await client.diagnosticsFor(uri, 3)).diagnostics, []);
    assert.deepEqual(await request(['source.fixAll.voipnow']), []);
  });

  it('lists one symbol per request with its parameters', async () => {
    const text = '[{ "method": "AddChannel", "params": { "SIP": { "name": "Carrier A" } } }, { "method": "DelChannel", "params": { "ID": 4 } }]';
    const uri = fileUri('fixtures/symbols.payload.json');
    await client.open(uri, text);
    const symbols: any[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['AddChannel · Carrier A', 6], ['DelChannel · ID 4', 6]]);
    assert.deepEqual(symbols[0].children.map((c: any) => c.name), ['SIP']);
    assert.deepEqual(symbols[0].children[0].children.map((c: any) => [c.name, c.detail]), [['name', '"Carrier A"']]);
    assert.deepEqual(symbols[1].selectionRange, { start: pos(text, '"DelChannel"'), end: pos(text, '"DelChannel"', 12) });
  });

  it("links each documented code to its documentation, offline: a page and the line of the code's heading", async () => {
    const uri = fileUri('fixtures/links.payload.json');
    await client.open(uri, BROKEN);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const flow = diagnostics.find((d: any) => d.code === '617');
    const href = new URL(flow.codeDescription.href);
    assert.equal(href.protocol, 'file:');
    assert.match(href.pathname, /\/dist\/codes\/AddChannel\.md$/);
    const line = Number(/^#L(\d+)$/.exec(href.hash)![1]);
    const page = readFileSync(fileURLToPath(href), 'utf8').split('\n');
    assert.equal(page[line - 1], '## 617');
    assert.equal(page[line + 1], '> Invalid flow. Here are the values available: in, out, both.');
    assert.equal(diagnostics.find((d: any) => d.code === 'unknown-parameter').codeDescription, undefined);
  });
});

describe('editing features (a client without snippets, hierarchy or versioned edits)', () => {
  const client = new TestClient();
  before(() => client.initialize({}));
  after(() => client.stop());

  it('gets plain text, a flat symbol list and unversioned edits', async () => {
    const uri = fileUri('fixtures/plain.payload.json');
    await client.open(uri, BROKEN);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    const text = '{ "method": "GetPublicNoPoll", "params": {  } }';
    const other = fileUri('fixtures/plain-completion.payload.json');
    await client.open(other, text);
    const completion: any = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: other }, position: pos(text, '{  }', 2) });
    const required = completion.items.find((i: any) => i.label === 'required: userID');
    assert.equal(required.insertTextFormat, 1);
    assert.equal(required.textEdit.newText, '"userID": 1');
    const symbols: any[] = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => [s.name, s.containerName]).slice(0, 3), [['AddChannel · Carrier A', undefined], ['type', 'AddChannel · Carrier A'], ['SIP', 'AddChannel · Carrier A']]);
    const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
    assert.deepEqual(actions[0].edit, { changes: { [uri]: [{ range: diagnostics[0].range, newText: '"both"' }] } });
  });
});

describe('hover for a client that takes plain text only (eglot without markdown-mode)', () => {
  const client = new TestClient();
  before(() => client.initialize({ textDocument: { hover: { contentFormat: ['plaintext'] } } }));
  after(() => client.stop());

  it('answers hover in plain text: the same content without Markdown syntax', async () => {
    const uri = fileUri('fixtures/hover-plain.payload.json');
    await client.open(uri, BROKEN);
    const result: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos(BROKEN, '"qualify"', 2) });
    assert.equal(result.contents.kind, 'plaintext');
    assert.equal(
      result.contents.value,
      `qualify · SIP.qualify · AddChannel

Qualify: maximum response time, in milliseconds, of the SIP OPTIONS reachability check; a multiple of 100 from 0 to 900.

- Type: integer or string
- Range: 0 to 900, a multiple of 100
- Pattern: ^[0-9]+$

Code  When           Text
619   invalid value  Invalid qualify. Value must be a multiple of 100, no bigger than 900.`,
    );
    assert.deepEqual(result.range, { start: pos(BROKEN, '"qualify"'), end: pos(BROKEN, '"qualify"', 9) });
  });
});
