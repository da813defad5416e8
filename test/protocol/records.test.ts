// Records over the protocol (spec section 6), against the built server with a multi-root
// workspace copied from test/fixtures/records-workspace: each folder's .voipnow/records.json applies
// to its documents; the records file's own problems are shown on it; a change on disk is picked up
// through workspace/didChangeWatchedFiles (a client that watches files) or by the server's own
// fs.watch (a client that does not, such as Neovim 0.7), and open documents are checked again
// (pushed again, or a diagnostic refresh for pull clients); definition, hover and completion on IDs.
import { strict as assert } from 'node:assert';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ROOT } from './lsp-client';
import { nextPublished, openFile, published, pull, rows } from './helpers';
import { startSession, stopSession, type Session } from './workspace-session';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'records-workspace');
const FOLDERS = ['north', 'south', 'broken', 'plain'];

const T620 = 'One or several provided codecs are outside the records available.';
const T262 = 'Invalid channel ID.';

/** Window messages (a records file that fails to load) are not what these tests look at. */
async function start(capabilities: object): Promise<Session> {
  const session = await startSession(FIXTURE, FOLDERS, capabilities);
  session.client.connection.onNotification('window/showMessage', () => {});
  return session;
}

const stop = stopSession;

const NORTH_CHANNELS = [
  "2:58 error 200 Duplicate record. A channel named 'carrier a' already exists in the records (.voipnow/records.json).",
  `2:85 error 620 ${T620}`,
  `3:48 error 262 ${T262}`,
  '4:51 warning unknown-record No channel with ID 14 in the records (.voipnow/records.json).',
];
const SOUTH_CHANNELS = [`3:48 error 262 ${T262}`];
const BROKEN_RECORDS = [
  `4:13 error invalid-value Invalid value for 'ID': expected a positive integer (3 or "3").`,
  '5:5 error invalid-value This channel record has no "name".',
  "7:3 warning unknown-parameter Unknown record kind 'codec'; it is not used. Did you mean 'codecs'? The kinds are codecs, channels, channelGroups, publicNumbers, timeIntervals, rulesGroups, rules, users.",
];

describe('records with a client that watches files (push diagnostics)', () => {
  let session: Session;
  before(async () => {
    session = await start({ workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { definition: { linkSupport: true } } });
  });
  after(() => stop(session));

  it('registers a file watcher for the records files and announces definition', async () => {
    // The registration follows `initialized`: wait for the first document's diagnostics to be sure it was sent.
    await openFile(session, 'plain/edit.payload.json');
    assert.deepEqual(await published(session, 'plain/edit.payload.json'), []);
    const watch = session.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watch?.registerOptions, { watchers: [{ globPattern: '**/.voipnow/records.json' }] });
  });

  it("checks each folder's documents against that folder's records", async () => {
    await openFile(session, 'north/payloads/channels.payload.json');
    assert.deepEqual(await published(session, 'north/payloads/channels.payload.json'), NORTH_CHANNELS);
    await openFile(session, 'south/channels.payload.json');
    // Channel 2 is north's, not south's; "Carrier A" is new in south; south holds no codecs (not checked).
    assert.deepEqual(await published(session, 'south/channels.payload.json'), SOUTH_CHANNELS);
    await openFile(session, 'north/payloads/numbers.payload.json');
    assert.deepEqual(await published(session, 'north/payloads/numbers.payload.json'), [
      "2:68 error 200 Duplicate record. The public number '40212345678' already exists in the records (.voipnow/records.json).",
      '2:109 error 262 Invalid channel ID.',
      '3:58 error 623 One or several public phone numbers are outside the records available.',
    ]);
  });

  it('publishes the problems of a malformed records file from disk, and does not use it', async () => {
    assert.deepEqual(await published(session, 'broken/.voipnow/records.json'), BROKEN_RECORDS);
    await openFile(session, 'broken/edit.payload.json');
    assert.deepEqual(await published(session, 'broken/edit.payload.json'), []);
  });

  it('reads a records file again on didChangeWatchedFiles and checks the open documents again', async () => {
    const file = 'north/.voipnow/records.json';
    writeFileSync(path.join(session.dir, file), session.text(file).replace('{ "ID": 3, "name": "G.729" }', '{ "ID": 3, "name": "G.729" },\n    { "ID": 4, "name": "Opus" }'));
    const next = nextPublished(session, 'north/payloads/channels.payload.json');
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(file), type: 2 }] });
    assert.deepEqual(await next, NORTH_CHANNELS.filter((r) => !r.includes(' 620 ')));
  });

  it('forgets a deleted records file (only formats are checked there)', async () => {
    unlinkSync(path.join(session.dir, 'south/.voipnow/records.json'));
    // (The previous change checked every open document again: wait for the one without records.)
    const next = nextPublished(session, 'south/channels.payload.json', { match: (r) => r.length === 0 });
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri('south/.voipnow/records.json'), type: 3 }] });
    assert.deepEqual(await next, []);
  });

  it('shows the problems of an open records file from its text, and from disk again once closed', async () => {
    const file = 'broken/.voipnow/records.json';
    const uri = session.uri(file);
    const text = session.text(file);
    let next = nextPublished(session, file);
    await session.client.open(uri, text, 'json', 1);
    assert.deepEqual(await next, BROKEN_RECORDS);
    next = nextPublished(session, file);
    await session.client.change(uri, 2, '{ "channels": [{ "ID": 2, "name": "Carrier A" }] }');
    assert.deepEqual(await next, []);
    // Closed: the editor's text is gone; the file on disk is still broken. (Closing clears, then the disk's problems come back.)
    next = nextPublished(session, file, { match: (r) => r.length > 0 });
    await session.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual(await next, BROKEN_RECORDS);
  });

  it('fixing the records file on disk puts it to use', async () => {
    const file = 'broken/.voipnow/records.json';
    writeFileSync(path.join(session.dir, file), '{ "channels": [{ "ID": 2, "name": "Carrier A" }] }\n');
    const cleared = nextPublished(session, file);
    const payload = nextPublished(session, 'broken/edit.payload.json');
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(file), type: 2 }] });
    assert.deepEqual(await cleared, []);
    assert.deepEqual(await payload, [`1:46 error 262 ${T262}`]);
  });

  it('keeps the records across a configuration change', async () => {
    const next = nextPublished(session, 'broken/edit.payload.json');
    await session.client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { voipnowPayloads: { include: ['**/*.payload.json'] } } });
    assert.deepEqual(await next, [`1:46 error 262 ${T262}`]);
  });

  it('answers definition on an ID with a link to its record in records.json', async () => {
    const relative = 'north/payloads/channels.payload.json';
    const text = session.text(relative);
    const position = TextDocument.create('x', 'json', 0, text).positionAt(text.indexOf('"channelGroupID": 4') + 18);
    const links: any = await session.client.connection.sendRequest('textDocument/definition', { textDocument: { uri: session.uri(relative) }, position });
    assert.equal(links.length, 1);
    assert.equal(links[0].targetUri, session.uri('north/.voipnow/records.json'));
    assert.deepEqual(links[0].targetRange, { start: { line: 12, character: 4 }, end: { line: 12, character: 38 } });
    assert.deepEqual(links[0].targetSelectionRange, { start: { line: 12, character: 23 }, end: { line: 12, character: 36 } });
    assert.deepEqual(links[0].originSelectionRange, { start: position, end: { line: position.line, character: position.character + 1 } });
  });

  it('reports a payload that is not open again when its folder\'s records change', async () => {
    const relative = 'north/payloads/rules.payload.json';
    const T655 = '3:44 error 655 One or several rule IDs are outside the records available.';
    assert.deepEqual(await published(session, relative, (r) => r.length === 2), [T655, '3:91 error 647 Invalid time interval. Value is outside the records available.']);
    const file = 'north/.voipnow/records.json';
    writeFileSync(path.join(session.dir, file), session.text(file).replace('{ "ID": 5, "name": "Office hours" }', '{ "ID": 5, "name": "Office hours" }, { "ID": 6, "name": "Nights" }'));
    const next = nextPublished(session, relative, { match: (r) => r.length === 1 });
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(file), type: 2 }] });
    assert.deepEqual(await next, [T655]);
  });

  it('answers hover and completion on IDs from the records', async () => {
    const relative = 'north/payloads/rules.payload.json';
    await openFile(session, relative);
    const text = session.text(relative);
    const doc = TextDocument.create('x', 'json', 0, text);
    const hover: any = await session.client.connection.sendRequest('textDocument/hover', { textDocument: { uri: session.uri(relative) }, position: doc.positionAt(text.indexOf('"channelID": 12') + 13) });
    // Line 10: a codec was added above it by an earlier test (and an interval, below it).
    assert.ok(hover.contents.value.startsWith('**Carrier B** · channel `12` in the records\n\nDefined in `.voipnow/records.json` on line 10.\n\n---\n\n**channelID** · `rules[].channelID`'), hover.contents.value);
    const list: any = await session.client.connection.sendRequest('textDocument/completion', { textDocument: { uri: session.uri(relative) }, position: doc.positionAt(text.indexOf('"intervalID": 6') + 14) });
    assert.deepEqual(list.items.map((i: any) => [i.label, i.textEdit.newText]), [['5 - Office hours', '5'], ['6 - Nights', '6']]);
  });
});

describe('records with a client that does not watch files (Neovim 0.7): fs.watch', () => {
  let session: Session;
  before(async () => {
    session = await start({ workspace: { configuration: false } });
  });
  after(() => stop(session));

  it('registers no file watcher, and picks up a change on disk by itself', async () => {
    await openFile(session, 'north/payloads/channels.payload.json');
    assert.deepEqual(await published(session, 'north/payloads/channels.payload.json'), NORTH_CHANNELS);
    assert.equal(session.registrations.length, 0);
    const file = 'north/.voipnow/records.json';
    const next = nextPublished(session, 'north/payloads/channels.payload.json');
    writeFileSync(path.join(session.dir, file), session.text(file).replace('{ "ID": 12, "name": "Carrier B" }', '{ "ID": 12, "name": "Carrier B" },\n    { "ID": 13, "name": "Carrier C" }'));
    assert.deepEqual(await next, NORTH_CHANNELS.filter((r) => !r.includes(' 262 ')));
  });

  it('sees a records file created in a folder that had none (and its .voipnow folder)', async () => {
    await openFile(session, 'plain/edit.payload.json');
    assert.deepEqual(await published(session, 'plain/edit.payload.json'), []);
    const next = nextPublished(session, 'plain/edit.payload.json');
    mkdirSync(path.join(session.dir, 'plain', '.voipnow'));
    writeFileSync(path.join(session.dir, 'plain', '.voipnow', 'records.json'), '{ "channels": [{ "ID": 1, "name": "Only" }] }');
    assert.deepEqual(await next, [`1:46 error 262 ${T262}`]);
  });

  it('sees a records file removed', async () => {
    const next = nextPublished(session, 'plain/edit.payload.json');
    unlinkSync(path.join(session.dir, 'plain', '.voipnow', 'records.json'));
    assert.deepEqual(await next, []);
  });
});

describe('records with a pull client: a change asks the client to pull again', () => {
  let session: Session;
  before(async () => {
    session = await start({ workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: {} } });
  });
  after(() => stop(session));

  const pulled = async (relative: string) => rows(await pull(session.client, session.uri(relative)));

  it('pulls the records problems, and a refresh after a change on disk', async () => {
    await openFile(session, 'south/channels.payload.json');
    assert.deepEqual(await pulled('south/channels.payload.json'), SOUTH_CHANNELS);
    await openFile(session, 'broken/.voipnow/records.json');
    assert.deepEqual(await pulled('broken/.voipnow/records.json'), BROKEN_RECORDS);
    const refreshed = session.client.waitForRefresh(5000);
    const file = 'south/.voipnow/records.json';
    writeFileSync(path.join(session.dir, file), '{ "channels": [{ "ID": 2, "name": "Carrier A" }, { "ID": 20, "name": "Carrier S" }] }');
    await session.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: session.uri(file), type: 2 }] });
    await refreshed;
    // Channel 2 is known now, and "Carrier A" is one of south's names.
    assert.deepEqual(await pulled('south/channels.payload.json'), ["2:58 error 200 Duplicate record. A channel named 'Carrier A' already exists in the records (.voipnow/records.json)."]);
  });
});
