// Workspace features over the protocol, against the built server with the multi-root fixture
// workspace (test/fixtures/workspace: east, west, broken-config) copied to a temporary folder:
// the index built at start with work-done progress, 200 across files with related information,
// reports of files that are not open (published, or workspace/diagnostic), definition on a
// clashing name, the index kept current (didChangeWatchedFiles, or fs.watch without it), settings
// in layers (.voipnow/config.json < the editor's settings, changes without a restart), disable
// comments, the document status; and 5,000 files indexed without delaying an open document.
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { nextPublished, openFile, published, pull, pullWorkspace, rows } from './helpers';
import { ROOT, TestClient } from './lsp-client';
import { startSession, stopSession, type Session } from './workspace-session';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'workspace');
const FOLDERS = ['east', 'west', 'broken-config'];
const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';
const QUALIFY_619 = 'Invalid qualify. Value must be a multiple of 100, no bigger than 900.';

const start = (capabilities: object, configuration: unknown = null): Promise<Session> => startSession(FIXTURE, FOLDERS, capabilities, configuration);
const stop = stopSession;

const indexed = (session: Session) => session.client.waitFor('voipnow/status', (s) => s.indexing === false);

const EAST_CARRIER = [
  "3:47 error 200 Duplicate record. A channel named ' carrier a' is also added in west/carriers/carrier-a.payload.json.",
  `3:68 warning 617 ${FLOW_617}`,
];
const WEST_CARRIER = ["3:47 error 200 Duplicate record. A channel named 'Carrier A' is also added in east/payloads/carrier-a.payload.json."];

describe('workspace: a client that watches files, pushed diagnostics', () => {
  let session: Session;
  before(async () => {
    session = await start({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } });
    await indexed(session);
  });
  after(() => stop(session));

  it('indexes at start with work-done progress, and registers file watchers for payload files', async () => {
    assert.equal(session.progress[0].kind, 'begin');
    assert.equal(session.progress[0].title, 'VoipNow: indexing payload files');
    assert.equal(session.progress.at(-1).kind, 'end');
    const status = await indexed(session);
    assert.deepEqual(status, { indexing: false, indexed: 8, folders: 3 });
    const watchers = session.registrations.filter((r) => r.method === 'workspace/didChangeWatchedFiles').flatMap((r) => r.registerOptions.watchers.map((w: any) => w.globPattern));
    assert.ok(watchers.includes('**/*.json') && watchers.includes('**/*.jsonc') && watchers.includes('**/*'), String(watchers));
  });

  it('reports the files that are not open: 200 across folders, folder rules, disable comments, a bad settings file', async () => {
    assert.deepEqual(await published(session, 'east/payloads/carrier-a.payload.json'), EAST_CARRIER);
    assert.deepEqual(await published(session, 'west/carriers/carrier-a.payload.json'), WEST_CARRIER);
    assert.deepEqual(await published(session, 'east/payloads/groups.json'), ["3:74 error 200 Duplicate record. A channel group named 'Carriers' is also added on line 2 of this file."]);
    assert.deepEqual(await published(session, 'east/payloads/no-method.json'), ['1:1 error missing-method This request has no "method". Name one of the 24 methods of the Channel service.']);
    assert.deepEqual(await published(session, 'west/disabled.payload.json'), ['1:20 warning unused-disable Unused disable comment: no 618 problem in this file.', `8:18 error 619 ${QUALIFY_619}`]);
    assert.deepEqual(await published(session, 'broken-config/large.payload.json'), ['1:1 info file-too-large This file is larger than maxFileSize (200 bytes) and is not checked.']);
    assert.deepEqual(await published(session, 'broken-config/.voipnow/config.json'), [
      `2:21 error invalid-config Invalid level for 617: expected "off", "error", "warning", "info", "information". Did you mean 'warning'?`,
      `2:29 error invalid-config Unknown code '6177' in rules: a rule names a documented code ("617") or a word code ("duplicate-key"). (no method documents it)`,
    ]);
    // Nothing for a JSON file that is not a payload.
    assert.equal(session.client.lastPublished(session.uri('west/not-a-payload.json')), undefined);
  });

  it('an open document gets the 200 with related information on the other request; definition jumps there', async () => {
    const relative = 'east/payloads/carrier-a.payload.json';
    await openFile(session, relative);
    const params = await session.client.diagnosticsFor(session.uri(relative), 1);
    assert.deepEqual(rows(params.diagnostics), EAST_CARRIER);
    assert.deepEqual(params.diagnostics[0].relatedInformation, [
      {
        location: { uri: session.uri('west/carriers/carrier-a.payload.json'), range: { start: { line: 2, character: 46 }, end: { line: 2, character: 58 } } },
        message: "A channel named ' carrier a' is also added here.",
      },
    ]);
    const definition = await session.client.connection.sendRequest('textDocument/definition', { textDocument: { uri: session.uri(relative) }, position: { line: 2, character: 50 } });
    assert.deepEqual(definition, [{ uri: session.uri('west/carriers/carrier-a.payload.json'), range: { start: { line: 2, character: 46 }, end: { line: 2, character: 58 } } }]);
  });

  it('an edit that removes the clash clears the 200 in both files, the other one not open', async () => {
    const relative = 'east/payloads/carrier-a.payload.json';
    const mark = session.client.received.length;
    await session.client.change(session.uri(relative), 2, session.text(relative).replace('Carrier A', 'Carrier Z'));
    const params = await session.client.diagnosticsFor(session.uri(relative), 2);
    assert.deepEqual(rows(params.diagnostics), [`3:68 warning 617 ${FLOW_617}`]);
    assert.deepEqual(await nextPublished(session, 'west/carriers/carrier-a.payload.json', { after: mark }), []);
  });

  it('didChangeWatchedFiles: a file created clashes with the open document; deleted, the clash goes', async () => {
    const created = 'west/carriers/carrier-z.payload.json';
    let mark = session.client.received.length;
    writeFileSync(path.join(session.dir, created), '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "carrier z" } } }\n');
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(created), type: 1 }] });
    assert.deepEqual(await published(session, created), ["1:71 error 200 Duplicate record. A channel named 'Carrier Z' is also added in east/payloads/carrier-a.payload.json."]);
    const open = 'east/payloads/carrier-a.payload.json';
    assert.deepEqual(await nextPublished(session, open, { after: mark, match: (r) => r.length === 2 }), [
      "3:47 error 200 Duplicate record. A channel named 'carrier z' is also added in west/carriers/carrier-z.payload.json.",
      `3:68 warning 617 ${FLOW_617}`,
    ]);
    mark = session.client.received.length;
    unlinkSync(path.join(session.dir, created));
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(created), type: 3 }] });
    assert.deepEqual(await nextPublished(session, open, { after: mark, match: (r) => r.length === 1 }), [`3:68 warning 617 ${FLOW_617}`]);
    assert.deepEqual(await nextPublished(session, created, { after: mark }), []);
  });

  it('a folder deleted takes its files out of the index', async () => {
    rmSync(path.join(session.dir, 'west', 'carriers'), { recursive: true });
    let mark = session.client.received.length;
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('west/carriers'), type: 3 }] });
    await session.client.waitUntil('voipnow/status', (s) => s.indexed === 7, { from: mark });
    rmSync(path.join(session.dir, 'west'), { recursive: true });
    mkdirSync(path.join(session.dir, 'west'));
    cpSync(path.join(FIXTURE, 'west'), path.join(session.dir, 'west'), { recursive: true });
    // (The status said 8 before the folder went: only one from now on tells that it is back.)
    mark = session.client.received.length;
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('west/carriers'), type: 1 }] });
    await session.client.waitUntil('voipnow/status', (s) => s.indexed === 8, { from: mark });
  });

  it("the editor's settings win over the project file, code by code, without a restart", async () => {
    // What VS Code pushes (every setting with its default) is only a signal: the settings are asked for.
    await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { voipnowPayloads: { include: ['**/*.payload.json', '**/*.payload.jsonc'], rules: {}, maxFileSize: 8388608 } } });
    session.client.configuration = { rules: { '617': 'error', '619': 'info' } };
    let mark = session.client.received.length;
    await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const open = 'east/payloads/carrier-a.payload.json';
    assert.deepEqual(await nextPublished(session, open, { after: mark }), [`3:68 error 617 ${FLOW_617}`]);
    assert.deepEqual(await nextPublished(session, 'west/disabled.payload.json', { after: mark }), ['1:20 warning unused-disable Unused disable comment: no 618 problem in this file.', `8:18 info 619 ${QUALIFY_619}`]);
    session.client.configuration = null;
    mark = session.client.received.length;
    await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    assert.deepEqual(await nextPublished(session, open, { after: mark }), [`3:68 warning 617 ${FLOW_617}`]);
    // East's include globs still apply: no-method.json is still a payload file.
    assert.equal(((await session.client.connection.sendRequest('voipnow/documentStatus', { uri: session.uri(open) })) as any).indexed, 8);
  });

  it('a project file changed on disk applies at once: its include globs, its rules', async () => {
    const config = 'east/.voipnow/config.json';
    const mark = session.client.received.length;
    writeFileSync(path.join(session.dir, config), '{ "rules": { "617": "off" } }\n');
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(config), type: 2 }] });
    // No include globs now: no-method.json is an ordinary JSON file again.
    assert.deepEqual(await nextPublished(session, 'east/payloads/no-method.json', { after: mark }), []);
    assert.deepEqual(await nextPublished(session, 'east/payloads/carrier-a.payload.json', { after: mark }), []);
    // duplicate-key is no longer off for east's files.
    assert.deepEqual((await nextPublished(session, 'east/payloads/groups.json', { after: mark })).map((r) => r.split(' ').slice(0, 3).join(' ')), ['3:66 warning duplicate-key', '3:74 error 200']);
  });

  it('Fix all leaves what a disable comment silences', async () => {
    const relative = 'west/disabled.payload.json';
    await openFile(session, relative);
    const actions: any[] = await session.client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: session.uri(relative) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.voipnow'] },
    });
    assert.equal(actions.length, 1);
    // qualify 150 is rounded; the flow that the comment silences is left as it is.
    assert.deepEqual(actions[0].edit.changes[session.uri(relative)].map((e: any) => e.newText), ['200']);
    await session.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: session.uri(relative) } });
  });

  it('voipnow/documentStatus: the methods of the document, the index, the settings file', async () => {
    const status: any = await session.client.connection.sendRequest('voipnow/documentStatus', { uri: session.uri('east/payloads/carrier-a.payload.json') });
    assert.deepEqual(status, {
      indexing: false,
      // no-method.json is no longer a payload file (east's include globs are gone).
      indexed: 7,
      folders: 3,
      isPayload: true,
      methods: ['AddChannel'],
      requests: 1,
      folder: 'east',
      configFile: session.uri('east/.voipnow/config.json'),
      recordsFile: null,
    });
  });

  it('a document closed reports what is on disk again', async () => {
    const relative = 'east/payloads/carrier-a.payload.json';
    let mark = session.client.received.length;
    writeFileSync(path.join(session.dir, 'east/.voipnow/config.json'), '{}\n');
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('east/.voipnow/config.json'), type: 2 }] });
    // 617 is an error again in east (defaults), and the clash is back once closed (the file on disk says Carrier A).
    assert.deepEqual(await nextPublished(session, relative, { after: mark }), [`3:68 error 617 ${FLOW_617}`]);
    mark = session.client.received.length;
    await session.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: session.uri(relative) } });
    assert.deepEqual(await nextPublished(session, relative, { after: mark }), ["3:47 error 200 Duplicate record. A channel named ' carrier a' is also added in west/carriers/carrier-a.payload.json.", `3:68 error 617 ${FLOW_617}`]);
  });
});

describe('workspace: a client that pulls diagnostics (workspace/diagnostic)', () => {
  let session: Session;
  before(async () => {
    session = await start({ workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } });
  });
  after(() => stop(session));

  const byFile = (report: any) => Object.fromEntries(report.items.map((i: any) => [i.uri.slice(pathToFileURL(session.dir).href.length + 1), rows(i.items)]));

  it('announces inter-file dependencies and workspace diagnostics', () => {
    assert.deepEqual(session.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
  });

  it('answers once the index is ready, with the files that have something to say', async () => {
    const report = await pullWorkspace(session.client);
    assert.deepEqual(Object.keys(byFile(report)).sort(), [
      'broken-config/.voipnow/config.json',
      'broken-config/large.payload.json',
      'east/payloads/carrier-a.payload.json',
      'east/payloads/groups.json',
      'east/payloads/no-method.json',
      'east/payloads/numbers.json',
      'west/carriers/carrier-a.payload.json',
      'west/disabled.payload.json',
      'west/numbers.json',
    ]);
    assert.deepEqual(byFile(report)['west/numbers.json'], ["3:41 error 200 Duplicate record. The public number '40210000001' is also added in east/payloads/numbers.json."]);
    const numbers = report.items.find((i: any) => i.uri.endsWith('west/numbers.json'));
    assert.equal(numbers.items[0].relatedInformation[0].location.uri, session.uri('east/payloads/numbers.json'));
    assert.equal(numbers.version, null);
    // Asked again with the result ids it has, the client gets nothing new.
    assert.deepEqual((await pullWorkspace(session.client, report.items.map((i: any) => ({ uri: i.uri, value: i.resultId })))).items, []);
  });

  it('open documents are pulled one by one (and left out of the workspace report); a clash changed asks for a refresh', async () => {
    const relative = 'west/numbers.json';
    await openFile(session, relative);
    assert.deepEqual(rows(await pull(session.client, session.uri(relative))), ["3:41 error 200 Duplicate record. The public number '40210000001' is also added in east/payloads/numbers.json."]);
    assert.ok(!(await pullWorkspace(session.client)).items.some((i: any) => i.uri === session.uri(relative)));
    const refreshed = session.client.waitForRefresh(5000);
    await session.client.change(session.uri(relative), 2, session.text(relative).replace('+40210000001', '+40210000002'));
    assert.deepEqual(await pull(session.client, session.uri(relative)), []);
    // East's file no longer clashes: the workspace report says so (an empty report replaces the old one).
    const east = session.uri('east/payloads/numbers.json');
    const previous = [{ uri: east, value: 'anything-older' }];
    assert.deepEqual((await pullWorkspace(session.client, previous)).items.find((i: any) => i.uri === east)?.items, []);
    await refreshed;
  });

  it('a file changed on disk gets a new result id', async () => {
    const first = await pullWorkspace(session.client);
    const ids = first.items.map((i: any) => ({ uri: i.uri, value: i.resultId }));
    const relative = 'west/disabled.payload.json';
    writeFileSync(path.join(session.dir, relative), session.text(relative).replace('"qualify": 150', '"qualify": 100'));
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(relative), type: 2 }] });
    let changed: any[] = [];
    const deadline = Date.now() + 5000;
    while (changed.length === 0 && Date.now() < deadline) changed = (await pullWorkspace(session.client, ids)).items;
    assert.deepEqual(byFile({ items: changed }), { [relative]: ['1:20 warning unused-disable Unused disable comment: no 618 problem in this file.'] });
  });

  it('voipnow/documentStatus names the records file in use', async () => {
    const status: any = await session.client.connection.sendRequest('voipnow/documentStatus', { uri: session.uri('west/numbers.json') });
    assert.equal(status.recordsFile, session.uri('west/.voipnow/records.json'));
    assert.equal(status.configFile, null);
    assert.deepEqual(status.methods, ['AddPublicNo']);
  });

  it('a settings file opened in the editor is checked from its text', async () => {
    const relative = 'broken-config/.voipnow/config.json';
    await session.client.open(session.uri(relative), '{ "rulez": {} }');
    assert.deepEqual(rows(await pull(session.client, session.uri(relative))), ["1:3 error invalid-config Unknown setting 'rulez': the settings are include, rules, maxFileSize, maxProblems and servers. Did you mean 'rules'?"]);
  });
});

describe('workspace: a client without file watching (fs.watch)', () => {
  let session: Session;
  before(async () => {
    session = await start({});
    await indexed(session);
  });
  after(() => stop(session));

  it('sees a file created and a settings file changed on disk by itself', async () => {
    const created = 'east/payloads/more.json';
    writeFileSync(path.join(session.dir, created), '{ "method": "AddChannelGroup", "params": { "name": "CARRIERS" } }\n');
    assert.deepEqual(await published(session, created), ["1:52 error 200 Duplicate record. A channel group named 'Carriers' is also added in payloads/groups.json."]);
    writeFileSync(path.join(session.dir, 'east/.voipnow/config.json'), '{ "include": ["payloads/**/*.json"], "rules": { "200": "warning" } }\n');
    assert.deepEqual(await published(session, created, (r) => r.some((x) => x.includes('warning 200'))), ["1:52 warning 200 Duplicate record. A channel group named 'Carriers' is also added in payloads/groups.json."]);
  });
});

describe('workspace: 5,000 payload files', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-index-'));
  const client = new TestClient();
  const COUNT = 5000;
  before(() => {
    for (let folder = 0; folder < 50; folder++) {
      mkdirSync(path.join(dir, `f${folder}`));
      for (let i = 0; i < COUNT / 50; i++) {
        const n = folder * 100 + i;
        const request = { method: 'AddChannel', params: { type: 'sip', SIP: { name: `Carrier ${n}`, hostname: `sip${n}.example.net`, flow: n % 10 === 7 ? 'bothh' : 'both', qualify: 200, codecs: [1, 3] } } };
        writeFileSync(path.join(dir, `f${folder}`, `c${n}.payload.json`), JSON.stringify(request, null, 2));
      }
    }
    // One name added twice, far apart.
    writeFileSync(path.join(dir, 'f49', 'again.payload.json'), JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name: 'carrier 7' } } }));
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes in seconds, and an open document gets its diagnostics before the index is done', async () => {
    const started = Date.now();
    await client.initialize({}, dir);
    const open = pathToFileURL(path.join(dir, 'open.payload.json')).href;
    await client.open(open, '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Open", "flow": "bothh" } } }');
    await client.diagnosticsFor(open, 1);
    const firstDiagnostics = Date.now() - started;
    const log = await client.waitFor('window/logMessage', (m) => /indexed \d+ payload files/.test(m.message), 60_000);
    const done = client.received.findIndex((n) => n.method === 'window/logMessage' && n.params === log);
    const openAt = client.received.findIndex((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === open);
    const [, payloads, ms] = /indexed (\d+) payload files among \d+ JSON files in (\d+) ms/.exec(log.message)!;
    console.log(`# 5,000 files: indexed ${payloads} payload files in ${(Number(ms) / 1000).toFixed(2)} s; the open document's diagnostics after ${firstDiagnostics} ms`);
    assert.equal(Number(payloads), COUNT + 1);
    assert.ok(openAt < done, 'the open document was checked before indexing ended');
    assert.ok(Number(ms) < 60_000);
    const files = { client, uri: (relative: string) => pathToFileURL(path.join(dir, relative)).href };
    assert.deepEqual(await published(files, 'f49/again.payload.json'), ["1:61 error 200 Duplicate record. A channel named 'Carrier 7' is also added in f0/c7.payload.json."]);
  });
});
