// The live loop's commands as an editor that holds the credentials uses them (VS Code passes them
// from its SecretStorage with each command), through the protocol against the stand-in: the
// server's environment has none here. Also: the WSDL kept in the editor's storage folder and
// reloaded on demand, the records pulled beside the config and checked at once, a profile whose
// url changed since its lens, the profiles listed, and a request that hangs cancelled by the editor.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { TestClient } from '../protocol/lsp-client';
import { profileFolder } from './profile-folder';
import { startStandIn, type StandIn } from './stand-in/server';

const SECRET = 'editor-secret-never-shown';
const WRONG = 'wrong-secret-never-shown';
const CREDENTIALS = { clientId: 'editor-app', clientSecret: SECRET };
const CAPABILITIES = { workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true } }, window: { showMessage: {} } };

describe('the live commands with the credentials the editor passes', () => {
  let s: StandIn;
  let dir: string;
  let storage: string;
  const clients: TestClient[] = [];
  let uri: string;
  const edits: unknown[] = [];

  /** A server as the extension starts it (no credentials in its environment, a storage folder of its own). */
  async function startClient(root = dir): Promise<TestClient> {
    const saved = { ...process.env };
    for (const name of ['VOIPNOW_CLIENT_ID', 'VOIPNOW_CLIENT_SECRET', 'VOIPNOW_ACCESS_TOKEN']) delete process.env[name];
    const client = new TestClient();
    Object.assign(process.env, saved);
    client.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      edits.push(params);
      return { applied: true };
    });
    await client.initialize(CAPABILITIES, root, { storagePath: storage });
    clients.push(client);
    return client;
  }
  const execute = (client: TestClient, command: string, args: unknown[], cancel?: CancellationTokenSource): Promise<any> => {
    const params = { command, arguments: args };
    return cancel ? client.connection.sendRequest('workspace/executeCommand', params, cancel.token) : client.connection.sendRequest('workspace/executeCommand', params);
  };
  const wsdlGets = () => s.requests.filter((r) => r.method === 'GET').length;

  before(async () => {
    s = await startStandIn({ version: 'B', clients: { 'editor-app': SECRET } });
    dir = profileFolder(s, 'editor', 20000);
    storage = mkdtempSync(join(tmpdir(), 'voipnow-storage-'));
    uri = pathToFileURL(join(dir, 'list.payload.json')).href;
    writeFileSync(join(dir, 'list.payload.json'), '{ "method": "GetChannels" }\n');
  });
  after(async () => {
    for (const client of clients) await client.stop();
    await s.stop();
    const said = clients.map((c) => JSON.stringify(c.received) + c.stderr).join('') + JSON.stringify(edits) + storedText();
    rmSync(dir, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
    assert.ok(!said.includes(SECRET) && !said.includes(WRONG), 'no secret in any message, log, edit or stored file');
  });
  const storedText = () => (existsSync(join(storage, 'wsdl')) ? readdirSync(join(storage, 'wsdl')).map((f) => readFileSync(join(storage, 'wsdl', f), 'utf8')).join('') : '');

  it("sends with the editor's credentials, and keeps the server's WSDL in the storage folder", async () => {
    const client = await startClient();
    await client.open(uri, '{ "method": "GetChannels" }\n');
    const result = await execute(client, 'voipnow.send', [uri, 0, 'staging', s.url, CREDENTIALS]);
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.equal(result.method, 'GetChannels');
    const stored = readdirSync(join(storage, 'wsdl'));
    assert.equal(stored.length, 1);
    const held = JSON.parse(readFileSync(join(storage, 'wsdl', stored[0]), 'utf8'));
    assert.equal(held.wsdl, s.wsdlUrl);
    // The WSDL and each schema it imports.
    assert.ok(Object.keys(held.files).length >= 2, Object.keys(held.files).join());
  });

  it('a server started later with the same storage reads no WSDL from the network; reloading reads it again', async () => {
    const client = await startClient();
    await client.open(uri, '{ "method": "GetChannels" }\n');
    const before = wsdlGets();
    assert.equal((await execute(client, 'voipnow.send', [uri, 0, 'staging', s.url, CREDENTIALS])).ok, true);
    assert.equal(wsdlGets(), before, 'no GET of the WSDL or its schemas');
    assert.equal(await execute(client, 'voipnow.reloadWsdl', []), null);
    assert.equal(existsSync(join(storage, 'wsdl')), false);
    await client.waitFor('window/showMessage', (m) => /read from the server again/.test(m.message));
    assert.equal((await execute(client, 'voipnow.send', [uri, 0, 'staging', s.url, CREDENTIALS])).ok, true);
    assert.ok(wsdlGets() > before, 'the WSDL was read from the server again');
    assert.equal(readdirSync(join(storage, 'wsdl')).length, 1);
  });

  it('without credentials from the editor or the environment, says which to set and sends nothing', async () => {
    const client = clients[0];
    const sent = s.requests.length;
    const result = await execute(client, 'voipnow.send', [uri, 0, 'staging', s.url]);
    assert.match(result.error, /^No credentials: set VOIPNOW_CLIENT_ID/);
    assert.equal(s.requests.length, sent);
  });

  it("refused credentials are named as the editor's for the profile", async () => {
    const client = clients[0];
    const result = await execute(client, 'voipnow.send', [uri, 0, 'staging', s.url, { clientId: 'editor-app', clientSecret: WRONG }]);
    assert.match(result.error, /refused the client ID and secret \(HTTP 401\): check the credentials the editor holds for the profile 'staging'/);
    await client.waitFor('window/showMessage', (m) => /refused the client ID and secret/.test(m.message) && m.type === 1);
  });

  it('a lens made when the profile named another server sends nothing', async () => {
    const client = clients[0];
    const sent = s.requests.length;
    const result = await execute(client, 'voipnow.send', [uri, 0, 'staging', 'https://elsewhere.example', CREDENTIALS]);
    assert.match(result.error, /^the profile 'staging' now names https:\/\/127\.0\.0\.1:\d+, not https:\/\/elsewhere\.example: nothing is sent/);
    assert.equal(s.requests.length, sent);
  });

  it('lists the profiles (names and urls, for the editor to ask credentials by)', async () => {
    const folder = pathToFileURL(dir).href;
    assert.deepEqual(await execute(clients[0], 'voipnow.profiles', []), [{ folder, name: 'staging', url: s.url }]);
    assert.deepEqual(await execute(clients[0], 'voipnow.profiles', [uri]), [{ folder, name: 'staging', url: s.url }]);
  });

  it('pulls the records beside the config; a request naming a channel the server lacks gets 262 at once', async () => {
    const client = clients[0];
    const records = join(dir, '.voipnow', 'records.json');
    writeFileSync(records, '{ "users": [{ "ID": 4, "name": "Ann" }] }');
    const edit = pathToFileURL(join(dir, 'edit.payload.json')).href;
    await client.open(edit, '{ "method": "EditChannel", "params": { "ID": 99, "type": "sip", "SIP": { "flow": "in" } } }');
    const result = await execute(client, 'voipnow.pullRecords', [pathToFileURL(dir).href, 'staging', s.url, CREDENTIALS]);
    assert.equal(result.written, pathToFileURL(records).href, JSON.stringify(result));
    assert.equal(result.counts.channels, 1);
    const value = JSON.parse(readFileSync(records, 'utf8'));
    assert.deepEqual(value.users, [{ ID: 4, name: 'Ann' }]);
    assert.deepEqual(value.channels, [{ ID: 1, name: 'Carrier One' }]);
    await client.waitUntil('textDocument/publishDiagnostics', (p) => p.uri === edit && p.diagnostics.some((d: any) => d.code === '262'), {
      expected: '262 on edit.payload.json',
    });
  });

  it('a request that hangs is aborted when the editor cancels; nothing is recorded', async () => {
    const client = clients[0];
    s.failures.soap = 'hang';
    const arrived = new Promise<void>((resolve) => {
      const on = (log: { path: string; method: string }) => {
        if (log.method !== 'POST' || !log.path.includes('channel_agent')) return;
        s.events.off('request', on);
        resolve();
      };
      s.events.on('request', on);
    });
    const cancel = new CancellationTokenSource();
    const editsBefore = edits.length;
    const answer = execute(client, 'voipnow.sendAndRecord', [uri, 0, 'staging', s.url, CREDENTIALS], cancel);
    await arrived;
    cancel.cancel();
    const result = await answer;
    s.failures.soap = undefined;
    assert.match(result.error, /^Cancelled: GetChannels was not waited for/);
    assert.equal(edits.length, editsBefore);
  });

  it('a profile that skips the certificate check is warned of on each send and pull, and still used', async () => {
    const lax = mkdtempSync(join(tmpdir(), 'voipnow-lax-'));
    try {
      mkdirSync(join(lax, '.voipnow'));
      // No CA: the stand-in's certificate is checked by nobody.
      writeFileSync(join(lax, '.voipnow', 'config.json'), JSON.stringify({ servers: { lax: { url: s.url, insecure: true } } }));
      const file = pathToFileURL(join(lax, 'list.payload.json')).href;
      writeFileSync(join(lax, 'list.payload.json'), '{ "method": "GetChannels" }\n');
      const client = await startClient(lax);
      await client.open(file, '{ "method": "GetChannels" }\n');
      const warned = () => client.received.filter((m: any) => m.method === 'window/showMessage' && m.params.type === 2 && /certificate of lax is not checked/.test(m.params.message)).length;
      const sent = await execute(client, 'voipnow.send', [file, 0, 'lax', s.url, CREDENTIALS]);
      assert.equal(sent.ok, true, JSON.stringify(sent));
      await client.waitFor('window/showMessage', () => warned() === 1);
      const pulled = await execute(client, 'voipnow.pullRecords', [pathToFileURL(lax).href, 'lax', s.url, CREDENTIALS]);
      assert.ok(pulled.written, JSON.stringify(pulled));
      await client.waitFor('window/showMessage', () => warned() === 2);
    } finally {
      rmSync(lax, { recursive: true, force: true });
    }
  });
});
