// The web worker host (no `process`, no check thread): the memory budget is the index's own
// estimate there too, so it stops the same way; and a large file (64 KB and more), checked in the
// worker's one thread and kept without its text, reports its 200 against another with the related
// place where it stands.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { MemoryFiles, startWorkerServer, type WorkerServer } from './worker-host';

const FOLDER = 'vscode-vfs://github/acme/payloads';
/** One request (a 617, and a name), padded to `size` characters with spaces. */
const payload = (name: string, size: number) => {
  const text = JSON.stringify([{ method: 'AddChannel', params: { type: 'sip', SIP: { name, flow: 'bothh' } } }]);
  return text + ' '.repeat(size - text.length - 1) + '\n';
};
/** Many requests a line each, the last one `last`, past 64 KB. */
const large = (tag: string, last: string) => {
  const lines = Array.from({ length: 1500 }, (_, i) => JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name: `${tag} ${i}` } } }));
  lines.push(JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name: last } } }));
  return `[\n${lines.join(',\n')}\n]\n`;
};

interface Started {
  worker: WorkerServer;
  notes: Array<{ method: string; params: any }>;
  /** The first notification (received or coming) that matches. */
  next(method: string, predicate: (params: any) => boolean): Promise<any>;
}

async function start(files: MemoryFiles, initializationOptions: object): Promise<Started> {
  const worker = startWorkerServer();
  const notes: Array<{ method: string; params: any }> = [];
  const waiting: Array<{ method: string; predicate: (params: any) => boolean; resolve: (params: any) => void }> = [];
  const next = (method: string, predicate: (params: any) => boolean) =>
    new Promise<any>((resolve) => {
      const seen = notes.find((n) => n.method === method && predicate(n.params));
      if (seen) resolve(seen.params);
      else waiting.push({ method, predicate, resolve });
    });
  files.answer(worker.connection);
  worker.connection.onRequest('client/registerCapability', () => null);
  worker.connection.onRequest('workspace/diagnostic/refresh', () => null);
  worker.connection.onNotification((method, params) => {
    notes.push({ method, params });
    for (const w of waiting.filter((w) => w.method === method && w.predicate(params))) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(params);
    }
  });
  worker.connection.listen();
  await worker.connection.sendRequest('initialize', {
    processId: null,
    rootUri: FOLDER,
    workspaceFolders: [{ uri: FOLDER, name: 'payloads' }],
    capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostic: { refreshSupport: true } } },
    initializationOptions,
  });
  await worker.connection.sendNotification('initialized', {});
  return { worker, notes, next };
}

const workspacePull = (worker: WorkerServer): Promise<any> => worker.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });

describe('the worker host: the memory budget, and large files kept without text', () => {
  let small: Started;
  let big: Started;
  before(async () => {
    const files = new MemoryFiles();
    for (let i = 0; i < 40; i++) files.set(`${FOLDER}/f${String(i).padStart(2, '0')}.payload.json`, payload(`Carrier ${i}`, 50_000));
    small = await start(files, { maxIndexMemory: 1 });
    const two = new MemoryFiles();
    two.set(`${FOLDER}/a.payload.json`, large('A', 'Shared'));
    two.set(`${FOLDER}/b.payload.json`, large('B', 'shared'));
    big = await start(two, {});
  });
  after(async () => {
    for (const { worker } of [small, big]) {
      await worker.connection.sendRequest('shutdown');
      worker.connection.dispose();
    }
  });

  it('stops taking files past the budget, says so once, and reports what it holds', async () => {
    // The workspace pull answers once the indexing is done.
    const report = await workspacePull(small.worker);
    const held = report.items.length;
    assert.ok(held > 0 && held < 40, `${held} of 40`);
    for (const item of report.items) assert.deepEqual(item.items.map((d: any) => d.code), ['617'], item.uri);
    const status = await small.next('voipnow/status', (s) => s.indexing === false && s.full === true);
    assert.equal(status.indexed, held);
    assert.equal(small.notes.filter((n) => n.method === 'window/showMessage' && n.params.type === 2).length, 1);
  });

  it('a large file reports its 200 across files, the related place where the other value stands', async () => {
    const report = await workspacePull(big.worker);
    const a = report.items.find((item: any) => item.uri.endsWith('/a.payload.json'));
    const [cross] = a.items.filter((d: any) => d.code === '200');
    // The last request stands on line 1501 (0-based), its name at the same column in both files.
    const column = JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name: 'Shared' } } }).indexOf('"Shared"');
    const place = { start: { line: 1501, character: column }, end: { line: 1501, character: column + '"Shared"'.length } };
    assert.deepEqual(cross.range, place);
    assert.equal(cross.relatedInformation[0].location.uri, `${FOLDER}/b.payload.json`);
    assert.deepEqual(cross.relatedInformation[0].location.range, place);
  });
});
