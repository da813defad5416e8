// One file, two spellings of its URI (issue 17): Neovim 0.7 and eglot percent-encode `(` `)` `@` `!`
// `'` `:` `*` `&` `=` `+` `,` `;` `$` and non-ASCII with lower-case hex, where the server's index
// (vscode-uri's normal form) writes `%28` or leaves them. A client sees diagnostics per file, by
// whatever spelling they come under (Neovim maps each URI to its buffer): so for every file, the
// latest diagnostics of all its spellings together must be its report, once. The open document's
// come under the client's spelling, a file that is not open under the index's; no file clashes
// with itself; a real clash between two such files is still one.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { pullWorkspace } from './helpers';
import { rows, TestClient } from './lsp-client';

const FLOW = (name: string) => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "${name}", "flow": "bothh" } } }\n`;
const PUBLISH = 'textDocument/publishDiagnostics';

const CARRIER = 'carrier (1).payload.json';
/** Two files adding the same channel name: a 200 in each, naming the other. */
const CLASH_A = "a@b!c'd.payload.json";
const CLASH_B = 'x:y*z&=+,;$.payload.json';
const UNICODE = 'café €.payload.json';
const FILES: Record<string, string> = { [CARRIER]: FLOW('Carrier One'), [CLASH_A]: FLOW('Shared'), [CLASH_B]: FLOW('Shared'), [UNICODE]: FLOW('Café') };
/** A records file with an error: its problems are published from disk by the records store, not the index. */
const RECORDS = '.voipnow/records.json';
const RECORDS_TEXT = '{ "channels": [{ "ID": "x", "name": "A" }] }\n';

/** A client's spelling: every byte but letters, digits, `-._~/` and `keep` percent-encoded, in lower-case hex. */
function spelled(file: string, keep: string): string {
  let uri = '';
  for (const byte of Buffer.from(file, 'utf8')) {
    const char = String.fromCharCode(byte);
    uri += /[A-Za-z0-9\-._~/]/.test(char) || (byte < 128 && keep.includes(char)) ? char : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return `file://${uri}`;
}

/** Neovim 0.7's (vim.uri_from_fname): sub-delimiters, `:` and `@` as they are. */
const neovim = (file: string) => spelled(file, "!$&'()*+,;=:@");
/** Eglot's: every reserved character encoded. */
const eglot = (file: string) => spelled(file, '');
/** How the client spells each file (each unlike the index's spelling, asserted). */
const CLIENT: Record<string, (file: string) => string> = { [CARRIER]: neovim, [CLASH_A]: neovim, [CLASH_B]: eglot, [UNICODE]: eglot, 'records.json': neovim };
const clientUri = (file: string) => CLIENT[path.basename(file)](file);

/** The server's own spelling of a file (its index's: vscode-uri's normal form). */
const indexUri = (file: string) => URI.file(file).toString();

describe('URI spellings', { timeout: 120_000 }, () => {
  // The folder's name is spelled otherwise too (and the client gives it as Node's pathToFileURL does: a third spelling).
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow spellings ('));
  const file = (name: string) => path.join(dir, name);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(file(name), text);
  mkdirSync(file('.voipnow'));
  writeFileSync(file(RECORDS), RECORDS_TEXT);

  /** Every publish, and what the client shows for a file: the latest diagnostics of each spelling, together. */
  const publishes = (client: TestClient, name: string) =>
    client.received.filter((n) => n.method === PUBLISH && URI.parse(n.params.uri).fsPath === file(name)).map((n) => n.params);
  const shown = (client: TestClient, name: string) => {
    const latest = new Map<string, any[]>();
    for (const params of publishes(client, name)) latest.set(params.uri, params.diagnostics);
    return [...latest.values()].flatMap(rows).sort();
  };
  const codes = (diagnostics: any[]) => diagnostics.map((d) => d.code).sort();

  describe('pushed (Neovim 0.7)', () => {
    const client = new TestClient();
    before(async () => {
      for (const name of [...Object.keys(FILES), RECORDS]) assert.notEqual(clientUri(file(name)), indexUri(file(name)));
      await client.initialize({ workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, dir);
      // The index reports every file from disk, under its own spelling.
      for (const name of [...Object.keys(FILES), RECORDS]) await client.waitFor(PUBLISH, (p) => p.uri === indexUri(file(name)) && p.diagnostics.length > 0);
    });
    after(() => client.stop());

    it('a document opened in another spelling is reported once, under that spelling, without a 200 against itself', async () => {
      const uri = clientUri(file(CARRIER));
      const mark = client.received.length;
      await client.open(uri, FILES[CARRIER]);
      const own = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(codes(own.diagnostics), ['617']);
      // What the index published under its spelling is taken back: the client shows the report once.
      await client.waitUntil(PUBLISH, (p) => p.uri === indexUri(file(CARRIER)) && p.diagnostics.length === 0, { from: mark });
      assert.deepEqual(shown(client, CARRIER), rows(own.diagnostics));
      // Hover, code actions and changes in the other spelling find the document; edits name it as the client does.
      const hover: any = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: indexUri(file(CARRIER)) }, position: { line: 0, character: 15 } });
      assert.match(hover.contents.value, /AddChannel/);
      const actions: any[] = await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: indexUri(file(CARRIER)) },
        range: own.diagnostics[0].range,
        context: { diagnostics: own.diagnostics },
      });
      assert.ok(actions.length > 0);
      for (const action of actions) assert.deepEqual(Object.keys(action.edit.changes), [uri]);
      await client.change(indexUri(file(CARRIER)), 2, FILES[CARRIER].replace('bothh', 'both'));
      assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
      assert.deepEqual(shown(client, CARRIER), []);
    });

    it('a clash between two such files is one in each, the open one under its spelling', async () => {
      const uri = clientUri(file(CLASH_A));
      await client.open(uri, FILES[CLASH_A]);
      const own = await client.diagnosticsFor(uri, 1);
      assert.deepEqual(codes(own.diagnostics), ['200', '617']);
      const clash = own.diagnostics.find((d: any) => d.code === '200');
      assert.match(clash.message, /also added in x:y\*z&=\+,;\$\.payload\.json/);
      assert.deepEqual(clash.relatedInformation.map((r: any) => URI.parse(r.location.uri).fsPath), [file(CLASH_B)]);
      assert.deepEqual(shown(client, CLASH_A), rows(own.diagnostics));
      // The other file, not open: its report from disk names the open one, once.
      const other = shown(client, CLASH_B);
      assert.equal(other.length, 2);
      assert.match(other.find((r) => r.includes(' 200 '))!, /also added in a@b!c'd\.payload\.json/);
      assert.deepEqual(publishes(client, CLASH_B).map((p) => p.uri), publishes(client, CLASH_B).map(() => indexUri(file(CLASH_B))));
    });

    it('a watched-file event in the client spelling updates the file the index holds', async () => {
      const mark = client.received.length;
      writeFileSync(file(CLASH_B), FLOW('Not shared'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: clientUri(file(CLASH_B)), type: 2 }] });
      const opened = await client.waitUntil(PUBLISH, (p) => p.uri === clientUri(file(CLASH_A)) && p.diagnostics.length === 1, { from: mark });
      assert.deepEqual(codes(opened.diagnostics), ['617']);
      await client.waitUntil(PUBLISH, (p) => p.uri === indexUri(file(CLASH_B)) && p.diagnostics.length === 1, { from: mark });
      assert.deepEqual(shown(client, CLASH_B).map((r) => r.split(' ')[2]), ['617']);
      assert.deepEqual(new Set(publishes(client, CLASH_B).map((p) => p.uri)), new Set([indexUri(file(CLASH_B))]));
    });

    it('closed, the file on disk is reported once, under the index spelling', async () => {
      const uri = clientUri(file(UNICODE));
      await client.open(uri, FILES[UNICODE].replace('"Café"', '"Café", "extra": 1'));
      const open = await client.diagnosticsFor(uri, 1);
      assert.ok(open.diagnostics.length > 1, JSON.stringify(rows(open.diagnostics)));
      const mark = client.received.length;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.waitUntil(PUBLISH, (p) => p.uri === uri && p.diagnostics.length === 0, { from: mark });
      const disk = await client.waitUntil(PUBLISH, (p) => p.uri === indexUri(file(UNICODE)) && p.diagnostics.length > 0, { from: mark });
      assert.deepEqual(codes(disk.diagnostics), ['617']);
      assert.deepEqual(shown(client, UNICODE), rows(disk.diagnostics));
    });
    it('a records file opened in another spelling: its problems once, under that spelling; closed, under the records store spelling', async () => {
      const uri = clientUri(file(RECORDS));
      const disk = shown(client, RECORDS);
      assert.equal(disk.length, 1, JSON.stringify(disk));
      let mark = client.received.length;
      await client.open(uri, RECORDS_TEXT);
      const open = await client.diagnosticsFor(uri, 1);
      await client.waitUntil(PUBLISH, (p) => p.uri === indexUri(file(RECORDS)) && p.diagnostics.length === 0, { from: mark });
      assert.deepEqual(shown(client, RECORDS), rows(open.diagnostics));
      assert.deepEqual(rows(open.diagnostics), disk);
      mark = client.received.length;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      await client.waitUntil(PUBLISH, (p) => p.uri === uri && p.diagnostics.length === 0, { from: mark });
      await client.waitUntil(PUBLISH, (p) => p.uri === indexUri(file(RECORDS)) && p.diagnostics.length > 0, { from: mark });
      assert.deepEqual(shown(client, RECORDS), disk);
    });
  });

  describe('pulled', () => {
    const client = new TestClient();
    before(() => client.initialize({ textDocument: { diagnostic: {} }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, dir));
    after(() => client.stop());

    it('a document opened in another spelling: its pull has no 200 against itself, the workspace pull leaves it out', async () => {
      writeFileSync(file(CLASH_B), FLOW('Shared'));
      const uri = clientUri(file(CARRIER));
      await client.open(uri, FILES[CARRIER]);
      for (const spelled of [uri, indexUri(file(CARRIER))]) {
        const report: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: spelled } });
        assert.deepEqual(codes(report.items), ['617'], spelled);
      }
      const workspace = await pullWorkspace(client);
      const reported = workspace.items.map((i: any) => URI.parse(i.uri).fsPath).sort();
      assert.deepEqual(reported, [CLASH_A, CLASH_B, UNICODE].map(file).sort());
      for (const item of workspace.items) assert.equal(item.uri, indexUri(URI.parse(item.uri).fsPath));
      const clash = workspace.items.find((i: any) => i.uri === indexUri(file(CLASH_A)));
      assert.deepEqual(codes(clash.items), ['200', '617']);
    });
  });

  after(() => rmSync(dir, { recursive: true, force: true }));
});
