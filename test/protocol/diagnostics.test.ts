// The built server over stdio, as an editor runs it: diagnostics after open and after edits,
// pushed or pulled depending on the client's capabilities.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { fileUri, TestClient } from './lsp-client';

const BROKEN = `{
  "method": "AddChannel",
  "params": { "type": "sip", "SIP": { "name": "Carrier A", "flow": "bothh", "dtmfMode": "rfc2833" } }
}`;
const FIXED = BROKEN.replace('"bothh"', '"both"');

function summary(diagnostics: any[]) {
  return diagnostics.map((d) => ({ code: d.code, source: d.source, severity: d.severity, message: d.message, range: d.range }));
}

describe('push diagnostics (client without pull support)', () => {
  const client = new TestClient();
  before(() => client.initialize({ workspace: { configuration: true } }));
  after(() => client.stop());

  it('publishes the documented code and text on the value after open', async () => {
    const uri = fileUri('fixtures/a.payload.json');
    await client.open(uri, BROKEN);
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(summary(published.diagnostics), [
      {
        code: '617',
        source: 'voipnow',
        severity: 1,
        message: 'Invalid flow. Here are the values available: in, out, both.',
        range: { start: { line: 2, character: 67 }, end: { line: 2, character: 74 } },
      },
      {
        code: 'unknown-parameter',
        source: 'voipnow',
        severity: 2,
        message: "Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?",
        range: { start: { line: 2, character: 76 }, end: { line: 2, character: 86 } },
      },
    ]);
    assert.deepEqual(published.diagnostics[0].data.allowed, ['in', 'out', 'both']);
    assert.equal(published.diagnostics[1].data.suggestion, 'dtmf');
  });

  it('publishes only for the latest version after quick edits', async () => {
    const uri = fileUri('fixtures/b.payload.json');
    await client.open(uri, BROKEN);
    await client.diagnosticsFor(uri, 1);
    await client.change(uri, 2, BROKEN.replace('"bothh"', '"bo"'));
    await client.change(uri, 3, BROKEN.replace('"bothh"', '"bot"'));
    await client.change(uri, 4, FIXED);
    const published = await client.diagnosticsFor(uri, 4);
    assert.deepEqual(published.diagnostics.map((d: any) => d.code), ['unknown-parameter']);
    const versions = client.received.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri).map((n) => n.params.version);
    assert.equal(versions.at(-1), 4);
  });

  it('leaves a non-payload JSON file alone and clears diagnostics on close', async () => {
    const uri = fileUri('fixtures/package-like.json');
    await client.open(uri, '{ "name": "x", "version": 1 }');
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(published.diagnostics, []);
    const payload = fileUri('fixtures/c.payload.json');
    await client.open(payload, BROKEN);
    await client.diagnosticsFor(payload, 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: payload } });
    const cleared = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === payload && p.version === undefined);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('reports a missing method only in files the include globs match', async () => {
    const included = fileUri('fixtures/d.payload.json');
    await client.open(included, '{ "params": {} }');
    const published = await client.diagnosticsFor(included, 1);
    assert.deepEqual(published.diagnostics.map((d: any) => d.code), ['missing-method']);
    const other = fileUri('fixtures/d.json');
    await client.open(other, '{ "params": {} }');
    assert.deepEqual((await client.diagnosticsFor(other, 1)).diagnostics, []);
  });

  it('uses the include globs from workspace/configuration after a configuration change', async () => {
    client.configuration = { include: ['**/*.req.json'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const uri = fileUri('fixtures/e.req.json');
    await client.open(uri, '{ "params": {} }');
    const published = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(published.diagnostics.map((d: any) => d.code), ['missing-method']);
    client.configuration = null;
  });
});

describe('pull diagnostics (client with textDocument.diagnostic)', () => {
  const client = new TestClient();
  let capabilities: any;
  before(async () => {
    capabilities = (await client.initialize({ textDocument: { diagnostic: { dynamicRegistration: false } } })).capabilities;
  });
  after(() => client.stop());

  it('announces a diagnostic provider and answers textDocument/diagnostic', async () => {
    assert.ok(capabilities.diagnosticProvider);
    const uri = fileUri('fixtures/pull.payload.json');
    await client.open(uri, BROKEN);
    const report: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d: any) => [d.code, d.message]), [
      ['617', 'Invalid flow. Here are the values available: in, out, both.'],
      ['unknown-parameter', "Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?"],
    ]);
    await client.change(uri, 2, FIXED);
    const again: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(again.items.map((d: any) => d.code), ['unknown-parameter']);
    assert.equal(client.received.filter((n) => n.method === 'textDocument/publishDiagnostics').length, 0);
  });
});
