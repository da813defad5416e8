// The editor's side of the live loop through the protocol (the built server over stdio, as an
// editor runs it): a code lens above each request for each profile of the folder's
// .voipnow/config.json; the command sends the request to the stand-in VoipNow server with the
// credentials of the server's environment, asks before a request that changes the server, says
// the answer, and "Send and record" writes it into the request's response with one versioned edit.
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TestClient } from '../protocol/lsp-client';
import { profileFolder } from './profile-folder';
import { startStandIn, type StandIn } from './stand-in/server';

const SECRET = 'lens-secret-never-shown';
const CAPABILITIES = {
  workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, codeLens: { refreshSupport: true } },
  window: { showMessage: {} },
};

describe('the code lens and its command, through the protocol', () => {
  let s: StandIn;
  let dir: string;
  let client: TestClient;
  let uri: string;
  const edits: any[] = [];
  const questions: any[] = [];
  let answerQuestion: { title: string } | null = null;

  before(async () => {
    s = await startStandIn({ version: 'A', clients: { 'lens-app': SECRET } });
    dir = profileFolder(s, 'lens');
    // The server's environment holds the credentials (the child inherits this process's).
    process.env.VOIPNOW_CLIENT_ID = 'lens-app';
    process.env.VOIPNOW_CLIENT_SECRET = SECRET;
    client = new TestClient();
    delete process.env.VOIPNOW_CLIENT_ID;
    delete process.env.VOIPNOW_CLIENT_SECRET;
    client.connection.onRequest('workspace/applyEdit', (params: any) => {
      edits.push(params);
      return { applied: true };
    });
    client.connection.onRequest('window/showMessageRequest', (params: any) => {
      questions.push(params);
      return answerQuestion;
    });
    await client.initialize(CAPABILITIES, dir);
    uri = pathToFileURL(join(dir, 'two.payload.json')).href;
    const text = '[\n  { "method": "GetChannels" },\n  { "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier One", "hostname": "h.example", "flow": "in" } } }\n]\n';
    writeFileSync(join(dir, 'two.payload.json'), text);
    await client.open(uri, text);
  });
  after(async () => {
    await client.stop();
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
    const said = JSON.stringify(client.received) + client.stderr + JSON.stringify(edits);
    assert.ok(!said.includes(SECRET));
  });

  it('offers "Send to staging" and "Send and record" above each request', async () => {
    const result = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    const lenses = (result as any[]).map((l) => `${l.range.start.line} ${l.command.title} ${JSON.stringify(l.command.arguments)}`);
    assert.deepEqual(lenses, [
      `1 Send to staging ${JSON.stringify([uri, 0, 'staging', s.url])}`,
      `1 Send and record ${JSON.stringify([uri, 0, 'staging', s.url])}`,
      `2 Send to staging ${JSON.stringify([uri, 1, 'staging', s.url])}`,
      `2 Send and record ${JSON.stringify([uri, 1, 'staging', s.url])}`,
    ]);
  });

  it('"Send and record" sends, says the answer, and records it with one edit for the version sent from', async () => {
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'voipnow.sendAndRecord', arguments: [uri, 0, 'staging'] });
    assert.equal((result as any).ok, true);
    await client.waitFor('window/showMessage', (m) => /request 0 GetChannels on staging: ok/.test(m.message));
    assert.equal(edits.length, 1);
    const [change] = edits[0].edit.documentChanges;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    // The request is on one line: so is its response, dates as their ISO text.
    assert.match(change.edits[0].newText, /^, "response": \{ "channel": \[\{ "ID": 1, "name": "Carrier One", .*"crDate": "2026-01-05T10:00:00\.000Z" \}\] \}$/);
    assert.equal(change.edits[0].range.start.line, 1);
  });

  it('asks before a request that changes the server: refused, nothing is sent; accepted, its fault is said', async () => {
    const sent = s.requests.length;
    answerQuestion = { title: 'Cancel' };
    const refused = await client.connection.sendRequest('workspace/executeCommand', { command: 'voipnow.send', arguments: [uri, 1, 'staging'] });
    assert.equal(refused, null);
    assert.match(questions[0].message, /AddChannel changes the server staging \(https:\/\/127\.0\.0\.1:\d+\)\. Send it\?/);
    assert.equal(s.requests.length, sent);
    answerQuestion = { title: 'Send to staging' };
    const result = await client.connection.sendRequest('workspace/executeCommand', { command: 'voipnow.send', arguments: [uri, 1, 'staging'] });
    assert.equal((result as any).ok, false);
    assert.equal((result as any).response.faultcode, '200');
    assert.deepEqual(Object.keys(result as object), ['file', 'request', 'method', 'server', 'ok', 'response']);
    await client.waitFor('window/showMessage', (m) => /request 1 AddChannel on staging: fault 200/.test(m.message));
  });

  it('asks the editor for the lenses again when the config changes (a profile added), and offers the new profile', { timeout: 20_000 }, async () => {
    const refreshed = new Promise<void>((resolve) =>
      client.connection.onRequest('workspace/codeLens/refresh', () => {
        resolve();
        return null;
      }),
    );
    const servers = { staging: { url: s.url, ca: 'ca.pem' }, second: { url: 'https://127.0.0.1:1' } };
    writeFileSync(join(dir, '.voipnow', 'config.json'), JSON.stringify({ servers }));
    await refreshed;
    const result = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    const titles = (result as any[]).filter((l) => l.range.start.line === 1).map((l) => l.command.title);
    assert.deepEqual(titles, ['Send to staging', 'Send and record', 'Send to second', 'Send and record']);
  });
});
