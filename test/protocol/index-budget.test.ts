// The index's memory budget (voipnowPayloads.maxIndexMemory, in MB): past it the index takes no more
// files, says so once (a warning) and in its status, and keeps serving what it holds. 40 files of
// 50 KB (their text kept: under 64 KB) against a budget of 1 MB: the index stops after about 20.
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { WorkspaceStatus } from '../../server/src/lsp/status';
import { TestClient } from './lsp-client';

const FILES = 40;
const PUSH = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } };
/** A file of about 50 KB with one 617 (flow), or two when `qualify` is broken too. */
const payload = (name: string, qualify = 200) =>
  JSON.stringify([{ method: 'AddChannel', params: { type: 'sip', SIP: { name, flow: 'bothh', qualify } } }]) + ' '.repeat(50_000) + '\n';
const name = (i: number) => `f${String(i).padStart(2, '0')}.payload.json`;

describe('the index past its memory budget', () => {
  let dir: string;
  let client: TestClient;
  const uri = (file: string) => pathToFileURL(path.join(dir, file)).href;
  const warnings = () => client.received.filter((n) => n.method === 'window/showMessage' && n.params.type === 2);
  const reported = () => new Set(client.received.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.diagnostics.length > 0).map((n) => n.params.uri));

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'voipnow-budget-'));
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(dir, name(i)), payload(`Carrier ${i}`));
    client = new TestClient();
    client.configuration = { maxIndexMemory: 1 };
    await client.initialize(PUSH, dir);
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops taking files, says so once and in its status, and reports the files it holds', async () => {
    const status: WorkspaceStatus = await client.waitFor('voipnow/status', (s: WorkspaceStatus) => s.indexing === false && s.full === true, 60_000);
    assert.ok(status.indexed > 0 && status.indexed < FILES, `indexed ${status.indexed} of ${FILES}`);
    const [warning] = warnings();
    assert.match(warning.params.message, /memory budget \(1 MB, voipnowPayloads\.maxIndexMemory\)/);
    // Each file it holds is reported (its 617), and no other.
    await client.waitFor('textDocument/publishDiagnostics', () => reported().size === status.indexed);
    const held = [...reported()];
    for (const file of held) {
      const { params } = client.lastPublished(file)!;
      assert.deepEqual(params.diagnostics.map((d: any) => d.code), ['617'], file);
    }

    // A file created now is not taken; a file it holds that changes is checked again and reported
    // (file events are applied in order: once that report comes, the new file has been passed over).
    writeFileSync(path.join(dir, 'new.payload.json'), payload('New'));
    const changed = held[0];
    const from = client.received.length;
    writeFileSync(new URL(changed), payload('Changed', 150));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri('new.payload.json'), type: 1 },
        { uri: changed, type: 2 },
      ],
    });
    const again = await client.waitUntil('textDocument/publishDiagnostics', (p) => p.uri === changed, { from });
    assert.deepEqual(again.diagnostics.map((d: any) => d.code).sort(), ['617', '619']);
    assert.equal(client.lastPublished(uri('new.payload.json')), undefined);
    assert.equal(warnings().length, 1, 'said once');

    // An open document is checked as always, held or not.
    const outside = [...Array(FILES).keys()].map((i) => uri(name(i))).find((u) => !held.includes(u))!;
    await client.open(outside, payload('Opened'));
    const opened = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === outside && p.version === 1);
    assert.deepEqual(opened.diagnostics.map((d: any) => d.code), ['617']);
  });

  it('a budget raised takes the files left out', async () => {
    client.configuration = { maxIndexMemory: 100 };
    const from = client.received.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    // All the files on disk (the 40 and the new one; the open one counts once).
    const status: WorkspaceStatus = await client.waitUntil('voipnow/status', (s: WorkspaceStatus) => s.indexing === false && s.indexed === FILES + 1, { from, timeoutMs: 60_000 });
    assert.equal(status.full, undefined);
    await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri('new.payload.json'));
    assert.equal(warnings().length, 1);
  });
});

describe('a budget raised while a folder is added', () => {
  let dirs: string[];
  let client: TestClient;

  before(async () => {
    dirs = [0, 1].map(() => mkdtempSync(path.join(tmpdir(), 'voipnow-budget-race-')));
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(dirs[0], name(i)), payload(`Carrier ${i}`));
    for (let i = 0; i < 5; i++) writeFileSync(path.join(dirs[1], name(i)), payload(`Other ${i}`));
    client = new TestClient();
    client.configuration = { maxIndexMemory: 1 };
    await client.initialize({ ...PUSH, workspace: { ...PUSH.workspace, workspaceFolders: true } }, [{ path: dirs[0], name: 'a' }]);
  });
  after(async () => {
    await client.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('is not lost between the reads of the two (the folder read and the settings change both read it): every file comes in', async () => {
    await client.waitFor('voipnow/status', (s: WorkspaceStatus) => s.indexing === false && s.full === true, 60_000);
    const from = client.received.length;
    client.configuration = { maxIndexMemory: 100 };
    // The folder's read asks for the settings first; the change comes while it waits.
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: pathToFileURL(dirs[1]).href, name: 'b' }], removed: [] },
    });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const status: WorkspaceStatus = await client.waitUntil('voipnow/status', (s: WorkspaceStatus) => s.indexing === false && s.indexed === FILES + 5, {
      from,
      timeoutMs: 60_000,
    });
    assert.equal(status.full, undefined);
  });
});
