// Protocol abuse from a client (issue: hostile repositories and faults): the server stays up on a
// malformed notification, closes the connection with an error on a Content-Length it cannot
// trust, sends nothing after shutdown, and ends when the editor's end of the connection closes.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileUri, SERVER, TestClient } from './lsp-client';

const FLOW = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier A", "flow": "bothh" } } }';

/** Writes raw bytes to a fresh server (then closes its input when `end`); resolves with its exit code and stderr. */
function raw(bytes: string, end = false): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill(), 10_000);
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stderr })));
    child.stdin.write(bytes);
    if (end) child.stdin.end();
  });
}

const message = (body: object) => {
  const text = JSON.stringify(body);
  return `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
};

describe('protocol abuse', { timeout: 60_000 }, () => {
  for (const [name, header] of [
    ['a negative Content-Length', 'Content-Length: -5'],
    ['a huge Content-Length', 'Content-Length: 99999999999999'],
    ['no Content-Length', 'Content-Type: application/vscode-jsonrpc'],
  ]) {
    it(`${name} closes the connection with an error`, async () => {
      const { code, stderr } = await raw(`${message({ jsonrpc: '2.0', method: '$/noop' })}${header}\r\n\r\n{}`);
      assert.equal(code, 1);
      assert.match(stderr, /closing the connection/);
    });
  }

  it('an editor that goes away (its end of the input closed) ends the server: 1 before shutdown, 0 after', async () => {
    const initialize = message({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    assert.equal((await raw(initialize, true)).code, 1);
    // After its answer to shutdown (an editor waits for it).
    const client = new TestClient();
    await client.initialize({});
    await client.connection.sendRequest('shutdown');
    const exited = new Promise((resolve) => client.process.once('exit', resolve));
    client.process.stdin!.end();
    assert.equal(await exited, 0);
  });

  it('a didChangeWatchedFiles change with a null uri is dropped; the server answers on', async () => {
    const client = new TestClient();
    await client.initialize({});
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: null, type: 1 }, { type: 2 }] });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: null });
    const uri = fileUri('hostile-null.payload.json');
    const published = client.diagnosticsFor(uri);
    await client.open(uri, FLOW);
    assert.deepEqual((await published).diagnostics.map((d: any) => d.code), ['617']);
    assert.ok(client.received.some((n) => n.method === 'window/logMessage' && /malformed file change/.test(n.params.message)));
    assert.equal(client.exited, false);
    await client.stop();
  });

  it('nothing is published after shutdown', async () => {
    const client = new TestClient();
    await client.initialize({});
    const uri = fileUri('hostile-shutdown.payload.json');
    const first = client.diagnosticsFor(uri, 1);
    await client.open(uri, FLOW);
    await first;
    // A change is published after the debounce (200 ms): shutdown comes before it.
    await client.change(uri, 2, FLOW.replace('bothh', 'both'));
    await client.connection.sendRequest('shutdown');
    // An absence has no event: the publish would come within the debounce, so three times it is waited for.
    await assert.rejects(client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2, 600), /no textDocument\/publishDiagnostics/);
    await client.stop();
  });
});
