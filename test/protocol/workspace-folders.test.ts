// Workspace folders added and removed while the index reads them, over the protocol: the server
// starts with folder A (1,000 files, so that its indexing takes a while) and each change is sent
// once the server has said it is indexing (its first `voipnow/status`). Whatever the sequence, the
// index must end holding exactly the folders then open: every file of theirs reported, no file of
// another reported (diagnostics published before are cleared), and the status saying so.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { published, type Files } from './helpers';
import { TestClient } from './lsp-client';
import { seeded } from '../unit/random';

/** Files per folder: sums of any subset differ, so the status's count names the set of folders indexed. */
const SIZES: Record<string, number> = { A: 1000, B: 16, C: 32, D: 64, E: 128, F: 256 };
const NAMES = Object.keys(SIZES);

const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-folders-'));
const folderUri = (name: string) => pathToFileURL(path.join(dir, name)).href;
const fileOf = (name: string, i: number) => `${name}/p${i}.payload.json`;

before(() => {
  for (const name of NAMES) {
    mkdirSync(path.join(dir, name));
    // Each file has something to say (617 on flow) and no clash with another (names differ).
    for (let i = 0; i < SIZES[name]; i++) {
      const request = { method: 'AddChannel', params: { type: 'sip', SIP: { name: `${name} ${i}`, flow: 'bothh' } } };
      writeFileSync(path.join(dir, fileOf(name, i)), JSON.stringify(request));
    }
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A folder G of 10 files holding a folder `inner` of 5, opened as a workspace folder of its own too. */
function nestedLayout(): void {
  mkdirSync(path.join(dir, 'G', 'inner'), { recursive: true });
  for (let i = 0; i < 15; i++) {
    const request = { method: 'AddChannel', params: { type: 'sip', SIP: { name: `G ${i}`, flow: 'bothh' } } };
    writeFileSync(path.join(dir, i < 10 ? 'G' : 'G/inner', `g${i}.payload.json`), JSON.stringify(request));
  }
}

interface Server extends Files {
  open: Set<string>;
}

/** A server on folder A, once it says that it is indexing. */
async function startOnA(): Promise<Server> {
  const client = new TestClient();
  await client.initialize({ workspace: { workspaceFolders: true, configuration: false, didChangeWatchedFiles: { dynamicRegistration: true } } }, [{ path: path.join(dir, 'A'), name: 'A' }]);
  const status = await client.waitFor('voipnow/status');
  assert.equal(status.indexing, true, 'the first status is sent as indexing starts');
  return { client, uri: (relative) => pathToFileURL(path.join(dir, relative)).href, open: new Set(['A']) };
}

function change(server: Server, added: readonly string[], removed: readonly string[]): Promise<void> {
  for (const name of added) server.open.add(name);
  for (const name of removed) server.open.delete(name);
  return server.client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: added.map((name) => ({ uri: folderUri(name), name })), removed: removed.map((name) => ({ uri: folderUri(name), name })) },
  });
}

/**
 * Waits until the index has taken every change sent and read what it was asked to: a request
 * answered after the changes says whether it is still indexing (the changes before it are
 * applied by then); if it is, the status that says it is done follows.
 */
async function settled(server: Server): Promise<{ indexing: boolean; indexed: number; folders: number }> {
  const { client } = server;
  const answer: any = await client.connection.sendRequest('voipnow/documentStatus', { uri: folderUri('none.json') });
  const from = client.received.length;
  if (!answer.indexing) return { indexing: answer.indexing, indexed: answer.indexed, folders: answer.folders };
  return client.waitUntil('voipnow/status', (s) => s.indexing === false, { from, expected: 'the status saying that indexing is done' });
}

/** The status and the diagnostics say exactly the open folders' files, no other. */
async function assertHoldsExactly(server: Server): Promise<void> {
  const status = await settled(server);
  const open = NAMES.filter((name) => server.open.has(name));
  const expected = open.reduce((sum, name) => sum + SIZES[name], 0);
  assert.deepEqual(status, { indexing: false, indexed: expected, folders: open.length }, `open: ${open.join(', ') || 'none'}`);
  for (const name of NAMES) {
    for (let i = 0; i < SIZES[name]; i++) {
      const relative = fileOf(name, i);
      if (server.open.has(name)) await published(server, relative, (rows) => rows.length > 0);
      // A file of a folder not open: nothing reported, or its diagnostics cleared.
      else if (server.client.lastPublished(server.uri(relative))) await published(server, relative, (rows) => rows.length === 0);
    }
  }
}

describe('workspace folders changed while the index reads them', () => {
  const servers: Server[] = [];
  const start = async () => {
    const server = await startOnA();
    servers.push(server);
    return server;
  };
  after(async () => {
    for (const server of servers) await server.client.stop();
  });

  it('a folder added just after start: both are indexed', async () => {
    const server = await start();
    await change(server, ['B'], []);
    await assertHoldsExactly(server);
  });

  it('a folder added then removed: the first is still indexed, whole', async () => {
    const server = await start();
    await change(server, ['C'], []);
    await change(server, [], ['C']);
    await assertHoldsExactly(server);
  });

  it('the folder being indexed removed: nothing of it stays reported', async () => {
    const server = await start();
    await change(server, [], ['A']);
    await assertHoldsExactly(server);
    // And added back, it is read again, whole.
    await change(server, ['A'], []);
    await assertHoldsExactly(server);
  });

  it('a folder removed in another spelling of its URI than it was added in (%42 for B, a trailing slash): it goes', async () => {
    const server = await start();
    await change(server, ['B'], []);
    await assertHoldsExactly(server);
    server.open.delete('B');
    const otherSpelling = `${folderUri('B').replace(/B$/, '%42')}/`;
    await server.client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: otherSpelling, name: 'B' }] } });
    await assertHoldsExactly(server);
  });

  it('a nested folder added then removed: its files are the outer folder\'s again, read once more', async () => {
    nestedLayout();
    const server = await start();
    const inner = { uri: folderUri('G/inner'), name: 'inner' };
    await server.client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: folderUri('G'), name: 'G' }, inner], removed: [] } });
    assert.deepEqual(await settled(server), { indexing: false, indexed: SIZES.A + 15, folders: 3 });
    await server.client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [inner] } });
    assert.deepEqual(await settled(server), { indexing: false, indexed: SIZES.A + 15, folders: 2 });
    for (let i = 10; i < 15; i++) await published(server, `G/inner/g${i}.payload.json`, (rows) => rows.length > 0);
  });

  it('a random sequence of additions and removals (seeded) ends with exactly the folders open', async () => {
    const random = seeded(17);
    const server = await start();
    for (let step = 0; step < 36; step++) {
      const closed = NAMES.filter((name) => !server.open.has(name));
      const opened = NAMES.filter((name) => server.open.has(name));
      const add = closed.filter(() => random() < 0.4);
      const remove = opened.filter(() => random() < 0.3);
      await change(server, add, remove);
      // Now and then a pause for the index to take them all: later changes then come to a settled index.
      if (step % 12 === 11) await assertHoldsExactly(server);
    }
    await assertHoldsExactly(server);
  });
});
