// The live loop in VS Code on the desktop (the Node extension host only: the web extension has none,
// live.web.test.ts): a stand-in VoipNow server (test/live/stand-in, over HTTPS with its own CA)
// started here; the profile's credentials kept in SecretStorage; the code lens's "Send and record"
// sends with them, opens the answer beside the file as a read-only document and records it in the
// request's `response`; the palette's "Pull the records" writes .voipnow/records.json; credentials
// the server refuses are forgotten.
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { startStandIn, type StandIn } from '../../live/stand-in/server';
import * as assert from './assert';
import { activate, code, fixtureUri, open, waitForDiagnostics } from './helpers';
import SECRETS from './live-secrets.json';

const SECRET = SECRETS.secret;
const PROFILE = 'standin';
const encode = (text: string) => new TextEncoder().encode(text);

describe('the live loop (credentials from SecretStorage, the answer beside the file)', () => {
  let s: StandIn;
  let records: Uint8Array;
  const written = ['.voipnow/config.json', 'ca.pem', 'live.payload.json', 'signal.payload.json'];

  before(async () => {
    await activate();
    s = await startStandIn({ version: 'A', clients: { 'workbench-app': SECRET } });
    records = await vscode.workspace.fs.readFile(fixtureUri('.voipnow/records.json'));
    await vscode.workspace.fs.writeFile(fixtureUri('ca.pem'), encode(s.ca));
    await vscode.workspace.fs.writeFile(fixtureUri('live.payload.json'), encode('{\n  "method": "GetChannels"\n}\n'));
    await vscode.workspace.fs.writeFile(fixtureUri('signal.payload.json'), encode('{ "method": "GetChannels", "params": { "bogus": 1 } }\n'));
    const { document } = await open('signal.payload.json');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => code(x) === 'unknown-parameter'), 'unknown-parameter before the config');
    // The config's `rules` make the signal's problem an information: seen, the server has read the config and its profile.
    const config = { servers: { [PROFILE]: { url: s.url, ca: 'ca.pem' } }, rules: { 'unknown-parameter': 'info' } };
    await vscode.workspace.fs.writeFile(fixtureUri('.voipnow/config.json'), encode(JSON.stringify(config)));
    const information = (d: vscode.Diagnostic) => code(d) === 'unknown-parameter' && d.severity === vscode.DiagnosticSeverity.Information;
    await waitForDiagnostics(document.uri, (d) => d.some(information), 'the config read (unknown-parameter as information)');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of written) await vscode.workspace.fs.delete(fixtureUri(name)).then(undefined, () => undefined);
    await vscode.workspace.fs.writeFile(fixtureUri('.voipnow/records.json'), records);
    // The tests after these see the fixture's records again: wait until the server has read them back
    // (its 200 on 'Carrier R' needs the fixture's channels; the pulled records hold other ones).
    const { document } = await open('records.payload.json');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => code(x) === '200'), "the fixture's records read back (200 on Carrier R)");
    await s.stop();
  });

  it('"Send and record" sends with the credentials kept, opens the answer beside the file and records it', async () => {
    const set = await vscode.commands.executeCommand('voipnowPayloads.setCredentials', { name: PROFILE, url: s.url }, { clientId: 'workbench-app', clientSecret: SECRET });
    assert.equal(set, true);
    const { document } = await open('live.payload.json');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.deepEqual(lenses.map((l) => l.command?.title), [`Send to ${PROFILE}`, 'Send and record']);
    const record = lenses[1].command!;
    const result = await vscode.commands.executeCommand<{ ok?: boolean; error?: string }>(record.command, ...(record.arguments ?? []));
    assert.equal(result?.ok, true, JSON.stringify(result));
    // The token was fetched with the kept client ID (and its secret, which the stand-in checked).
    assert.ok(s.requests.some((r) => r.path === '/oauth/token.php' && r.body.includes('client_id=workbench-app')), 'a token fetched with the kept credentials');
    assert.match(document.getText(), /"response": \{[\s\S]*"name": "Carrier One"/);
    const beside = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'voipnow-answer');
    assert.ok(beside, `the answer is open; visible: ${vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join(', ')}`);
    assert.equal(beside.viewColumn, vscode.ViewColumn.Two);
    assert.equal(beside.document.languageId, 'json');
    assert.match(beside.document.getText(), /"channel": \[/);
  });

  it('"Pull the records" from the palette writes .voipnow/records.json from the server', async () => {
    const result = await vscode.commands.executeCommand<{ written?: string; error?: string }>('voipnowPayloads.pullRecords');
    assert.equal(result?.written, fixtureUri('.voipnow/records.json').toString(), JSON.stringify(result));
    const pulled = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('.voipnow/records.json'))));
    assert.deepEqual(pulled.channels, [{ ID: 1, name: 'Carrier One' }]);
  });

  it('credentials the server refuses are said and forgotten: none is kept afterwards', async () => {
    const profile = { name: PROFILE, url: s.url };
    await vscode.commands.executeCommand('voipnowPayloads.setCredentials', profile, { clientId: 'workbench-app', clientSecret: SECRETS.refused });
    const { document } = await open('live.payload.json');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    const send = lenses[0].command!;
    const result = await vscode.commands.executeCommand<{ error?: string; kind?: string }>(send.command, ...(send.arguments ?? []));
    assert.match(result?.error ?? '', /refused the client ID and secret \(HTTP 401\): check the credentials the editor holds for the profile 'standin'/);
    assert.equal(result?.kind, 'credentials');
    // "Forget" offers the profiles with credentials kept: there is none left to offer.
    assert.equal(await vscode.commands.executeCommand('voipnowPayloads.forgetCredentials'), false);
  });
});
