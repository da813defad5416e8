// Hostile workspaces and faults (issue: stay up, stay responsive, keep every byte), through the
// built server: FIFOs where settings, records and payload files stand; a folder moved away and
// back while events queue up; a version sent twice with other text; a file with more problems
// than the editor shows.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { cli } from '../cli/run-cli';
import { pull, pullWorkspace } from './helpers';
import { TestClient } from './lsp-client';

const FLOW = (name: string) => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "${name}", "flow": "bothh" } } }\n`;
const PULL = { textDocument: { diagnostic: {} }, workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } };

function workspace(): string {
  return mkdtempSync(path.join(tmpdir(), 'voipnow-hostile-ws-'));
}

describe('hostile workspaces', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('FIFOs as config.json, records.json and *.json (and a link to one) are never waited on', async () => {
    const dir = workspace();
    dirs.push(dir);
    mkdirSync(path.join(dir, '.voipnow'));
    execFileSync('mkfifo', [path.join(dir, '.voipnow', 'config.json'), path.join(dir, '.voipnow', 'records.json'), path.join(dir, 'pipe.payload.json')]);
    symlinkSync(path.join(dir, 'pipe.payload.json'), path.join(dir, 'link.payload.json'));
    writeFileSync(path.join(dir, 'a.payload.json'), FLOW('Carrier A'));
    const client = new TestClient();
    try {
      // initialize is answered, indexing ends, the real file is checked.
      await client.initialize(PULL, dir);
      const report = await pullWorkspace(client);
      assert.deepEqual(report.items.map((i: any) => [path.basename(i.uri), i.items.map((d: any) => d.code)]), [['a.payload.json', ['617']]]);
    } finally {
      await client.stop();
    }
    // The command line too: a FIFO given as a path is an error, not a hang; found in a folder, it is skipped.
    const run = (args: string[]) => {
      const checked = cli(['check', '--fail-on', 'never', ...args], { cwd: dir, timeout: 20_000 });
      return { status: checked.status, out: checked.status === 0 ? checked.stdout : checked.stderr };
    };
    assert.match(run(['.']).out, /a\.payload\.json:1:\d+ +warning|a\.payload\.json:1:\d+ +error +617/);
    const fifo = run(['pipe.payload.json']);
    assert.equal(fifo.status, 2);
    assert.match(fifo.out, /cannot read 'pipe\.payload\.json': not a regular file/);
  });

  it('a folder moved away and back while events queue up keeps its files', async () => {
    const dir = workspace();
    dirs.push(dir);
    mkdirSync(path.join(dir, 'batch'));
    for (let i = 0; i < 20; i++) writeFileSync(path.join(dir, 'batch', `r${i}.payload.json`), FLOW(`Carrier ${i}`));
    const client = new TestClient();
    try {
      await client.initialize(PULL, dir);
      const count = async () => (await pullWorkspace(client)).items.length;
      assert.equal(await count(), 20);
      const folder = pathToFileURL(path.join(dir, 'batch')).href;
      const away = pathToFileURL(path.join(dir, 'away')).href;
      renameSync(path.join(dir, 'batch'), path.join(dir, 'away'));
      // The move away: batch deleted, away created...
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: folder, type: 3 }, { uri: away, type: 1 }] });
      renameSync(path.join(dir, 'away'), path.join(dir, 'batch'));
      // ...and back at once, before the first batch is done.
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: away, type: 3 }, { uri: folder, type: 1 }] });
      const status: any = await client.connection.sendRequest('voipnow/documentStatus', { uri: pathToFileURL(path.join(dir, 'batch', 'r0.payload.json')).href });
      // The status is answered after both batches have been applied (file events are applied in order)... eventually:
      const report = await pullWorkspace(client);
      assert.ok(status.indexed >= 0);
      assert.deepEqual(report.items.map((i: any) => path.relative(dir, new URL(i.uri).pathname)).sort(), Array.from({ length: 20 }, (_, i) => `batch/r${i}.payload.json`).sort());
    } finally {
      await client.stop();
    }
  });

  it('a version sent twice with other text is checked again', async () => {
    const client = new TestClient();
    try {
      await client.initialize({ textDocument: { diagnostic: {} } });
      const uri = pathToFileURL(path.join(tmpdir(), 'voipnow-repeat.payload.json')).href;
      const codes = async () => (await pull(client, uri)).map((d) => d.code);
      await client.open(uri, FLOW('Carrier A'));
      assert.deepEqual(await codes(), ['617']);
      await client.change(uri, 2, FLOW('Carrier A').replace('bothh', 'both'));
      assert.deepEqual(await codes(), []);
      await client.change(uri, 2, FLOW('Carrier A').replace('"bothh"', '"x", "qualify": 150'));
      assert.deepEqual(await codes(), ['617', '619']);
    } finally {
      await client.stop();
    }
  });

  it('the editor shows at most maxProblems problems of a file, then says how many more there are', async () => {
    const client = new TestClient();
    try {
      client.configuration = { maxProblems: 50 };
      await client.initialize({ textDocument: { diagnostic: {} }, workspace: { configuration: true } });
      const uri = pathToFileURL(path.join(tmpdir(), 'voipnow-many.payload.json')).href;
      const keys = Array.from({ length: 120 }, (_, i) => `"x${i}": 1`).join(', ');
      await client.open(uri, `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier A", ${keys} } } }`);
      const items = await pull(client, uri);
      assert.equal(items.length, 51);
      assert.deepEqual(items.slice(0, 50).map((d) => d.code), Array(50).fill('unknown-parameter'));
      assert.deepEqual([items[50].code, items[50].severity, items[50].message], ['too-many-problems', 3, '70 more problems in this file are not shown (maxProblems is 50).']);
    } finally {
      await client.stop();
    }
  });
});
