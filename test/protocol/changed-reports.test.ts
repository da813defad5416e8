// An edit that ends one clash sends only the reports that changed (issue 17: an edit among 1,500
// files sent all 1,500 again, about 32 MB). 1,500 files on disk add one channel name, and so does an
// open document that sorts 101st: each file's 200 names the first other file and up to 100 related
// places, so the open document is among the related places of the first 100 files only. Renaming
// its channel changes those 100 reports, and no other: pushed, or in a workspace pull with the ids
// the client has; a document pulled again with the id of a report that says the same is `unchanged`.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { MAX_RELATED } from '../../server/src/core';
import { pullWorkspace } from './helpers';
import { TestClient } from './lsp-client';

const FILES = 1500;
const PUSH = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } };
const PULL = { ...PUSH, textDocument: { diagnostic: { dynamicRegistration: false } } };
const request = (name: string) => JSON.stringify([{ method: 'AddChannel', params: { type: 'sip', SIP: { name, flow: 'in' } } }]) + '\n';
/** File names in the workspace's order: f0000 ... f1499, and the open document between f0099 and f0100 ('-' sorts before '.'). */
const diskName = (i: number) => `f${String(i).padStart(4, '0')}.payload.json`;
const OPEN = 'f0100-open.payload.json';

/** The 1,500 files and the document, in a temporary folder; a client started on it with `capabilities`. */
function workspace(capabilities: object) {
  const state = { dir: '', client: undefined as unknown as TestClient, uri: (name: string) => pathToFileURL(path.join(state.dir, name)).href };
  before(async () => {
    state.dir = mkdtempSync(path.join(tmpdir(), 'voipnow-changed-'));
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(state.dir, diskName(i)), request('Shared'));
    writeFileSync(path.join(state.dir, OPEN), request('Shared'));
    state.client = new TestClient(undefined, { keepReports: true });
    await state.client.initialize(capabilities, state.dir);
  });
  after(async () => {
    await state.client.stop();
    rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}

/** The files whose related places named the open document: the first 100. */
const changedNames = () => Array.from({ length: MAX_RELATED }, (_, i) => diskName(i));

describe('push: an edit that ends a clash among 1,500 files', () => {
  const state = workspace(PUSH);

  it('sends again exactly the reports whose related places named the open document', async () => {
    const { client, dir, uri } = state;
    const open = uri(OPEN);
    // Every file reports its clash; the open document's own report comes with its version.
    const reported = new Set<string>();
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.diagnostics.length > 0 && reported.add(p.uri).size === FILES + 1, 120_000);
    await client.open(open, request('Shared'));
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === open && p.version === 1 && p.diagnostics.length === 1, 60_000);
    const from = client.received.length;
    await client.change(open, 2, request('Renamed'));
    await client.waitUntil('textDocument/publishDiagnostics', (p) => p.uri === open && p.version === 2, { from, timeoutMs: 60_000 });
    // A file created afterwards is reported after everything queued before it (reports of files
    // that are not open go out one after the other, in order): once it is, the edit has settled.
    const sentinel = 'zz-sentinel.payload.json';
    writeFileSync(path.join(dir, sentinel), request('Sentinel').replace('"in"', '"bothh"'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(sentinel), type: 1 }] });
    await client.waitUntil('textDocument/publishDiagnostics', (p) => p.uri === uri(sentinel), { from, timeoutMs: 60_000 });
    const resent = client.received
      .slice(from)
      .filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri !== open && n.params.uri !== uri(sentinel))
      .map((n) => n.params);
    assert.deepEqual(resent.map((p) => p.uri).sort(), changedNames().map(uri));
    // Each lost one related place; the 200 still names its first other file.
    for (const p of resent) assert.equal(p.diagnostics[0].relatedInformation.length, MAX_RELATED, p.uri);
  });
});

describe('pull: an edit that ends a clash among 1,500 files', () => {
  const state = workspace(PULL);

  it('a workspace pull with the ids the client has returns exactly the reports that changed; a pull of a report unchanged is unchanged', async () => {
    const { client, uri } = state;
    const open = uri(OPEN);
    const first = await pullWorkspace(client);
    assert.equal(first.items.length, FILES + 1);
    await client.open(open, request('Shared'));
    const ids = new Map<string, string>(first.items.filter((r: any) => r.uri !== open).map((r: any) => [r.uri, r.resultId]));
    const opened: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: open } });
    assert.equal(opened.kind, 'full');
    assert.equal(opened.items.length, 1);
    // The same text again: the client's report still holds.
    await client.change(open, 2, request('Shared'));
    const again: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: open }, previousResultId: opened.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: opened.resultId });
    const refreshed = client.waitForRefresh(60_000);
    await client.change(open, 3, request('Renamed'));
    const renamed: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: open }, previousResultId: opened.resultId });
    assert.deepEqual(renamed.items, []);
    await refreshed;
    const second = await pullWorkspace(client, [...ids].map(([u, value]) => ({ uri: u, value })));
    assert.deepEqual(second.items.map((r: any) => r.uri).sort(), changedNames().map(uri));
    // A file not open pulled with the id it has: unchanged.
    const last = uri(diskName(FILES - 1));
    assert.deepEqual(await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: last }, previousResultId: ids.get(last) }), {
      kind: 'unchanged',
      resultId: ids.get(last),
    });
  });
});
