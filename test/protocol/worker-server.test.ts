// The language server as a Web Worker (dist/server-browser.js), in a context with a worker's
// globals and none of Node's, on a `vscode-vfs:` workspace folder (github.dev's scheme) whose files
// only the client can read: the server asks for them with voipnow/fs/* requests, answered here from
// memory as the extension answers them with workspace.fs and workspace.findFiles. The same handlers
// as the Node server: the documented codes and texts, settings from .voipnow/config.json, records
// from .voipnow/records.json and a change to them, 200 across files not open, hover and quick fix.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { MemoryFiles, startWorkerServer, type WorkerServer } from './worker-host';

const FOLDER = 'vscode-vfs://github/acme/payloads';
const CODE_PAGES = 'https://cdn.example/extension/dist/codes';
const EAST = `${FOLDER}/east/carriers.payload.json`;
const WEST = `${FOLDER}/west/carrier.payload.json`;
const EAST_TEXT = '{ "method": "AddChannel", "params": { "type": "sip", ' + '"SIP": { "name": "Carrier B", "flow": "bothh", "codecs": [1, 9], "qualify": 150 } } }\n';
const RECORDS = (codecs: number[]) => JSON.stringify({ codecs: codecs.map((ID) => ({ ID, name: `codec ${ID}` })), channels: [{ ID: 2, name: 'Carrier A' }] });

/** The 1-based column of a value in the one-line payloads. */
const at = (text: string, value: string) => `1:${text.indexOf(value) + 1}`;
const WEST_TEXT = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "carrier b" } } }\n';
const WEST_200 = `${at(WEST_TEXT, '"carrier b"')} 200 1 Duplicate record. A channel named 'Carrier B' is also added in east/carriers.payload.json.`;

const T617 = 'Invalid flow. Here are the values available: in, out, both.';
const T620 = 'One or several provided codecs are outside the records available.';
const T619 = 'Invalid qualify. Value must be a multiple of 100, no bigger than 900.';

function workspaceFiles(): MemoryFiles {
  const files = new MemoryFiles();
  files.set(`${FOLDER}/.voipnow/records.json`, RECORDS([1]));
  files.set(`${FOLDER}/.voipnow/config.json`, JSON.stringify({ rules: { '619': 'warning' } }));
  files.set(EAST, EAST_TEXT);
  files.set(WEST, WEST_TEXT);
  files.set(`${FOLDER}/node_modules/left-out/skip.payload.json`, '{ "method": "AddChannel", "params": { "SIP": { "flow": "x" } } }');
  return files;
}

interface Session {
  worker: WorkerServer;
  files: MemoryFiles;
  refreshes: number;
  nextRefresh(): Promise<void>;
}

async function start(files: MemoryFiles): Promise<Session> {
  const worker = startWorkerServer();
  const waiting: Array<() => void> = [];
  const session: Session = {
    worker,
    files,
    refreshes: 0,
    nextRefresh: () => new Promise((resolve) => waiting.push(resolve)),
  };
  files.answer(worker.connection);
  worker.connection.onRequest('client/registerCapability', () => null);
  worker.connection.onRequest('workspace/diagnostic/refresh', () => {
    session.refreshes++;
    waiting.splice(0).forEach((resolve) => resolve());
    return null;
  });
  worker.connection.onNotification(() => {});
  worker.connection.listen();
  await worker.connection.sendRequest('initialize', {
    processId: null,
    rootUri: FOLDER,
    workspaceFolders: [{ uri: FOLDER, name: 'payloads' }],
    capabilities: {
      textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } },
      workspace: { diagnostic: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
    },
    initializationOptions: { codePages: CODE_PAGES },
  });
  await worker.connection.sendNotification('initialized', {});
  return session;
}

async function stop(session: Session): Promise<void> {
  await session.worker.connection.sendRequest('shutdown');
  session.worker.connection.dispose();
}

/** `line:col code severity message` (from 1). */
function rows(diagnostics: any[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.severity} ${d.message}`);
}

async function pull(session: Session, uri: string): Promise<any[]> {
  const report: any = await session.worker.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  return report.items;
}

/** The workspace pull (it waits for the first indexing): each file's rows. */
async function pullWorkspace(session: Session): Promise<Record<string, string[]>> {
  const report: any = await session.worker.connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
  return Object.fromEntries(report.items.map((item: any) => [item.uri, rows(item.items)]));
}

describe('the worker bundle on a vscode-vfs: folder, files read through the client', () => {
  let session: Session;
  before(async () => {
    session = await start(workspaceFiles());
    await session.worker.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: EAST, languageId: 'json', version: 1, text: EAST_TEXT } });
  });
  after(() => stop(session));

  it('runs in a scope without Node and puts no Node global of its own there (no require, process or Buffer shim)', () => {
    for (const name of ['require', 'process', 'Buffer', 'setImmediate', '__dirname', 'module']) assert.equal(session.worker.scope[name], undefined, name);
    assert.deepEqual(session.worker.errors, []);
  });

  it('reports the documented codes and texts, with the project rules and the records read through the client', async () => {
    await pullWorkspace(session);
    assert.deepEqual(rows(await pull(session, EAST)), [
      `${at(EAST_TEXT, '"Carrier B"')} 200 1 Duplicate record. A channel named 'carrier b' is also added in west/carrier.payload.json.`,
      `${at(EAST_TEXT, '"bothh"')} 617 1 ${T617}`,
      `${at(EAST_TEXT, '9]')} 620 1 ${T620}`,
      `${at(EAST_TEXT, '150')} 619 2 ${T619}`,
    ]);
  });

  it('links each documented code to its page in the folder the client names', async () => {
    const flow = (await pull(session, EAST)).find((d) => d.code === '617');
    assert.match(flow.codeDescription.href, /^https:\/\/cdn\.example\/extension\/dist\/codes\/AddChannel\.md#L\d+$/);
  });

  it('reports a file that is not open, found by the client search; never reads node_modules', async () => {
    const workspace = await pullWorkspace(session);
    assert.deepEqual(workspace[WEST], [WEST_200]);
    assert.equal(session.files.asked.get('findFiles'), 1);
    assert.equal(session.files.asked.get('readDirectory'), undefined);
    assert.deepEqual([...session.files.read].filter((uri) => uri.includes('node_modules')), []);
  });

  it('answers hover and the preferred quick fix from the same handlers', async () => {
    const position = { line: 0, character: EAST_TEXT.indexOf('bothh') };
    const hover: any = await session.worker.connection.sendRequest('textDocument/hover', { textDocument: { uri: EAST }, position });
    assert.ok(hover.contents.value.includes(T617), hover.contents.value);
    const diagnostics = await pull(session, EAST);
    const flow = diagnostics.find((d) => d.code === '617');
    const actions: any[] = await session.worker.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: EAST },
      range: flow.range,
      context: { diagnostics: [flow], only: ['quickfix'] },
    });
    const preferred = actions.find((a) => a.isPreferred);
    assert.equal(preferred?.title, 'Change to "both" (Incoming and outgoing calls)');
  });

  it("answers voipnow/codePage with a method's page, the methods, or null (for clients that cannot read the packaged pages)", async () => {
    const page: string = await session.worker.connection.sendRequest('voipnow/codePage', { method: 'AddChannel' });
    assert.ok(page.includes(`## 617\n\n> ${T617}`), page.slice(0, 400));
    const methods: string[] = await session.worker.connection.sendRequest('voipnow/codePage', {});
    assert.equal(methods.length, 24);
    assert.ok(methods.includes('AddChannel'));
    assert.equal(await session.worker.connection.sendRequest('voipnow/codePage', { method: 'AddChanel' }), null);
  });

  it('reads the records again on a watched-file change and checks again', async () => {
    session.files.set(`${FOLDER}/.voipnow/records.json`, RECORDS([1, 9]));
    let refreshed = session.nextRefresh();
    await session.worker.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${FOLDER}/.voipnow/records.json`, type: 2 }] });
    // The records are read once the file has settled: a refresh asked for before that (another change) is followed by theirs.
    let codes: string[] = [];
    for (let refreshes = 0; refreshes < 3 && (refreshes === 0 || codes.includes('620')); refreshes++) {
      await refreshed;
      refreshed = session.nextRefresh();
      codes = rows(await pull(session, EAST)).map((r) => r.split(' ')[1]);
    }
    assert.deepEqual(codes, ['200', '617', '619']);
  });
});

describe('the worker bundle where the client cannot search', () => {
  let session: Session;
  before(async () => {
    const files = workspaceFiles();
    files.searchable = false;
    session = await start(files);
  });
  after(() => stop(session));

  it('walks the folder with readDirectory and finds the same clash, skipping node_modules', async () => {
    const workspace = await pullWorkspace(session);
    assert.deepEqual(workspace[WEST], [WEST_200]);
    assert.deepEqual(workspace[EAST].map((r) => r.split(' ')[1]), ['200', '617', '620', '619']);
    assert.ok((session.files.asked.get('readDirectory') ?? 0) > 0);
    assert.deepEqual([...session.files.read].filter((uri) => uri.includes('node_modules')), []);
  });
});

describe('the worker bundle where the client search finds no JSON file', () => {
  let session: Session;
  before(async () => {
    const files = new MemoryFiles();
    files.set(`${FOLDER}/docs/readme.md`, '# no payloads here');
    session = await start(files);
  });
  after(() => stop(session));

  it('takes the answer: nothing to index, and no walk of the folder (a request per folder on the web)', async () => {
    assert.deepEqual(await pullWorkspace(session), {});
    assert.equal(session.files.asked.get('findFiles'), 1);
    assert.equal(session.files.asked.get('readDirectory'), undefined);
  });
});
