// Safety (issue 6): nothing named in a payload, records or settings file is fetched or run, and
// checking writes nothing. A loopback server stands for "anything named": it must see no connection.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { cli } from '../cli/run-cli';
import { pull } from './helpers';
import { TestClient } from './lsp-client';

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => `${f}:${statSync(path.join(dir, f)).mtimeMs}`)
    .sort();
}

describe('nothing named in a file is fetched, run or written', () => {
  let server: Server;
  let connections = 0;
  let url = '';
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-safety-'));

  before(async () => {
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    url = `http://127.0.0.1:${port}/x.json`;
    const marker = path.join(dir, 'ran');
    mkdirSync(path.join(dir, '.voipnow'));
    writeFileSync(path.join(dir, '.voipnow', 'records.json'), JSON.stringify({ $schema: url, codecs: [{ ID: 1, name: `$(touch ${marker})` }] }));
    writeFileSync(path.join(dir, '.voipnow', 'config.json'), JSON.stringify({ $schema: url, include: ['**/*.payload.json'] }));
    writeFileSync(
      path.join(dir, 'a.payload.json'),
      JSON.stringify({ $schema: url, method: 'AddChannel', params: { SIP: { name: `\`touch ${marker}\``, hostname: url, proxy: '127.0.0.1', fromDomain: 'localhost', codecs: [1, 2] } } }),
    );
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('the command line', () => {
    const before = listing(dir);
    const run = cli(['check', '--format', 'json', '.'], { cwd: dir });
    assert.equal(run.status, 1, run.stderr);
    assert.ok(JSON.parse(run.stdout).length > 0);
    assert.deepEqual(listing(dir), before);
    assert.equal(connections, 0);
  });

  it('the language server, with the folder as its workspace', async () => {
    const before = listing(dir);
    const client = new TestClient();
    await client.initialize({ textDocument: { diagnostic: {} }, workspace: { configuration: true } }, dir, undefined);
    const uri = pathToFileURL(path.join(dir, 'a.payload.json')).href;
    await client.open(uri, readFileSync(path.join(dir, 'a.payload.json'), 'utf8'));
    assert.ok((await pull(client, uri)).length > 0);
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
    await client.stop();
    assert.deepEqual(listing(dir), before);
    assert.equal(connections, 0);
  });
});
