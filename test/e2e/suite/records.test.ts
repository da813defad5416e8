// Records (spec section 6) as VS Code shows them: the workspace folder's .voipnow/records.json is
// read through the extension host (from disk on the desktop, through workspace.fs from a Web
// Worker), a new channel the records hold gets 200, an unknown codec 620; the file rewritten
// through VS Code is read again (the client's file watching), and go to definition opens a record.
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate, code, describe as lines, fixtureUri, open, waitForDiagnostics } from './helpers';

const T200 = "Duplicate record. A channel named 'Carrier R' already exists in the records (.voipnow/records.json).";
const T620 = 'One or several provided codecs are outside the records available.';
const RECORDS = '.voipnow/records.json';

describe('records', () => {
  let original: Uint8Array;
  before(async () => {
    await activate();
    original = await vscode.workspace.fs.readFile(fixtureUri(RECORDS));
  });
  after(async () => {
    await vscode.workspace.fs.writeFile(fixtureUri(RECORDS), original);
  });

  it('checks IDs and names against the folder\'s records: 200 for a held name, 620 for an unknown codec', async () => {
    const { document } = await open('records.payload.json');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length === 2, 'the 200 and the 620');
    assert.deepEqual(lines(document, diagnostics), [`200 "Carrier R" ${T200}`, `620 9 ${T620}`]);
  });

  it('reads records.json again when it changes, and checks the open document again', async () => {
    const { document } = await open('records.payload.json');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => code(x) === '620'), 'the 620 first');
    const records = JSON.parse(new TextDecoder().decode(original));
    records.codecs.push({ ID: 9, name: 'Opus' });
    await vscode.workspace.fs.writeFile(fixtureUri(RECORDS), new TextEncoder().encode(JSON.stringify(records, null, 2)));
    const after = await waitForDiagnostics(document.uri, (d) => d.length === 1, 'the 620 gone once codec 9 is recorded');
    assert.deepEqual(lines(document, after), [`200 "Carrier R" ${T200}`]);
  });

  it('go to definition on a codec ID opens its record', async () => {
    const { document } = await open('records.payload.json');
    const at = document.positionAt(document.getText().indexOf('[3, 9]') + 1);
    type Target = vscode.Location | vscode.LocationLink;
    const targets = (await vscode.commands.executeCommand<Target[]>('vscode.executeDefinitionProvider', document.uri, at)) ?? [];
    const uris = targets.map((t) => ('targetUri' in t ? t.targetUri : t.uri).toString());
    assert.deepEqual(uris, [fixtureUri(RECORDS).toString()]);
  });
});
