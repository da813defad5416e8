// Links in the workspace, over the protocol: a link to a file outside the workspace folders and a
// link to a folder outside are never read by the index (at start, on file events, or by the
// server's own watching), so nothing of their contents reaches a diagnostic and nothing is
// published for them; a link to a file inside the folder is read only when the walk does not find
// that file by its own name (in node_modules), so that a file counts once and a unique value in it
// raises no 200 against itself; a document the user opens through the outside link is still
// checked (its text comes from the editor).
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { nextPublished, published, type Files } from './helpers';
import { TestClient } from './lsp-client';

const SECRET = 'SECRET_7f3a';
// A channel name is unique: counted twice, the file would raise 200 against itself.
const TARGET = { method: 'AddChannel', params: { type: 'sip', SIP: { name: 'Carrier T', flow: 'bothh' } } };
const HELD = { method: 'AddChannel', params: { type: 'sip', SIP: { name: 'Carrier H', flow: 'bothh' } } };
/** Written later: a file that holds no unique value. */
const LATER = { method: 'AddChannel', params: { type: 'sip', SIP: { flow: 'bothh' } } };
const DUPLICATE = '200';

/** A folder holding the workspace folder `ws` and, beside it, files it must not read. */
function layout(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'voipnow-links-'));
  mkdirSync(path.join(root, 'outside', 'dir'), { recursive: true });
  writeFileSync(path.join(root, 'outside', 'secret.json'), JSON.stringify({ method: `${SECRET}_FILE`, params: {} }));
  writeFileSync(path.join(root, 'outside', 'dir', 'secret.payload.json'), JSON.stringify({ method: `${SECRET}_DIR`, params: {} }));
  mkdirSync(path.join(root, 'ws', 'real'), { recursive: true });
  writeFileSync(path.join(root, 'ws', 'real', 'target.payload.json'), JSON.stringify(TARGET));
  symlinkSync(path.join(root, 'outside', 'secret.json'), path.join(root, 'ws', 'leak.payload.json'));
  symlinkSync(path.join(root, 'outside', 'dir'), path.join(root, 'ws', 'leakdir'));
  symlinkSync(path.join('real', 'target.payload.json'), path.join(root, 'ws', 'inside.payload.json'));
  // Files the walk does not find by their own names: read through their links.
  mkdirSync(path.join(root, 'ws', 'node_modules', 'pkg'), { recursive: true });
  writeFileSync(path.join(root, 'ws', 'node_modules', 'pkg', 'held.payload.json'), JSON.stringify(HELD));
  writeFileSync(path.join(root, 'ws', 'node_modules', 'pkg', 'other.payload.json'), JSON.stringify(LATER));
  symlinkSync(path.join('node_modules', 'pkg', 'held.payload.json'), path.join(root, 'ws', 'held.payload.json'));
  return root;
}

/** Every diagnostic the server published so far that quotes the secret. */
function leaks(client: TestClient): string[] {
  return client.received
    .filter((n) => n.method === 'textDocument/publishDiagnostics')
    .flatMap((n) => n.params.diagnostics.filter((d: any) => JSON.stringify(d).includes(SECRET)).map((d: any) => `${n.params.uri}: ${d.message}`));
}

const indexed = (client: TestClient) => client.waitFor('voipnow/status', (s) => s.indexing === false);

/** The codes of a file's rows (`line:col severity code message`). */
const codes = (rows: readonly string[]) => rows.map((row) => row.split(' ')[2]);

describe('links that leave the workspace folder are not followed (a client that watches files)', () => {
  const root = layout();
  const client = new TestClient();
  const files: Files = { client, uri: (relative) => pathToFileURL(path.join(root, 'ws', relative)).href };
  let targetRows: string[];
  before(async () => {
    await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, path.join(root, 'ws'));
    await indexed(client);
    targetRows = await published(files, 'real/target.payload.json');
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('at start: a link to a file found by its name is not read (no 200 against itself), one to a file in node_modules is, the links outside are not', async () => {
    assert.ok(targetRows.length > 0);
    assert.ok(!codes(targetRows).includes(DUPLICATE), targetRows.join('\n'));
    assert.equal(client.lastPublished(files.uri('inside.payload.json')), undefined);
    assert.deepEqual(codes(await published(files, 'held.payload.json')), codes(targetRows));
    assert.deepEqual(leaks(client), []);
    assert.equal(client.lastPublished(files.uri('leak.payload.json')), undefined);
    const status: any = await client.connection.sendRequest('voipnow/documentStatus', { uri: files.uri('leak.payload.json') });
    assert.equal(status.indexed, 2, 'the target and the link to the file in node_modules');
  });

  it('file events naming them (created, changed, a file in the linked folder) read nothing outside, nor a link to a file found by its name', async () => {
    symlinkSync(path.join(root, 'outside', 'secret.json'), path.join(root, 'ws', 'real', 'leak2.payload.json'));
    symlinkSync(path.join('target.payload.json'), path.join(root, 'ws', 'real', 'inside2.payload.json'));
    symlinkSync(path.join('..', 'node_modules', 'pkg', 'other.payload.json'), path.join(root, 'ws', 'real', 'other.payload.json'));
    const names = ['leak.payload.json', 'leakdir', 'leakdir/secret.payload.json', 'real/leak2.payload.json', 'inside.payload.json', 'real/inside2.payload.json', 'real/other.payload.json'];
    const mark = client.received.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: names.map((name, i) => ({ uri: files.uri(name), type: i % 2 === 0 ? 1 : 2 })) });
    // The link to the file in node_modules, named last, is read: the changes before it were taken.
    assert.ok((await nextPublished(files, 'real/other.payload.json', { after: mark })).length > 0);
    // A later batch, once reported, has the earlier one's reports sent before it.
    writeFileSync(path.join(root, 'ws', 'later.payload.json'), JSON.stringify(LATER));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: files.uri('later.payload.json'), type: 1 }] });
    await nextPublished(files, 'later.payload.json', { after: mark });
    assert.deepEqual(leaks(client), []);
    const unread = ['leak.payload.json', 'leakdir/secret.payload.json', 'real/leak2.payload.json', 'inside.payload.json', 'real/inside2.payload.json'];
    for (const name of unread) assert.equal(client.lastPublished(files.uri(name)), undefined, name);
    assert.deepEqual(await published(files, 'real/target.payload.json'), targetRows);
  });

  it('a document opened through the link outside is checked from its text; closed, its file is not read', async () => {
    const uri = files.uri('leak.payload.json');
    await client.open(uri, JSON.stringify({ method: `${SECRET}_FILE`, params: {} }));
    const opened = await client.diagnosticsFor(uri, 1);
    assert.ok(opened.diagnostics.some((d: any) => d.message.includes(`${SECRET}_FILE`)), 'the open document is checked');
    const mark = client.received.length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await nextPublished(files, 'leak.payload.json', { after: mark }), []);
  });
});

describe('links that leave the workspace folder are not followed (the server watches the disk itself)', () => {
  const root = layout();
  const client = new TestClient();
  const files: Files = { client, uri: (relative) => pathToFileURL(path.join(root, 'ws', relative)).href };
  before(async () => {
    await client.initialize({}, path.join(root, 'ws'));
    await indexed(client);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('a link to a folder outside, a link to a file outside and a link to a file found by its name appearing are not read', async () => {
    const targetRows = await published(files, 'real/target.payload.json');
    symlinkSync(path.join(root, 'outside', 'dir'), path.join(root, 'ws', 'real', 'leakdir2'));
    symlinkSync(path.join(root, 'outside', 'secret.json'), path.join(root, 'ws', 'real', 'leak3.payload.json'));
    symlinkSync('target.payload.json', path.join(root, 'ws', 'real', 'inside3.payload.json'));
    // A file inside written after them: once it is reported, the watcher has taken the links too.
    writeFileSync(path.join(root, 'ws', 'real', 'later.payload.json'), JSON.stringify(LATER));
    await published(files, 'real/later.payload.json');
    assert.deepEqual(leaks(client), []);
    assert.equal(client.lastPublished(files.uri('real/leak3.payload.json')), undefined);
    assert.equal(client.lastPublished(files.uri('real/inside3.payload.json')), undefined);
    assert.deepEqual(await published(files, 'real/target.payload.json'), targetRows);
    assert.ok(!codes(targetRows).includes(DUPLICATE), targetRows.join('\n'));
  });
});
