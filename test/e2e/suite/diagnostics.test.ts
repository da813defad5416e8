// Diagnostics as VS Code shows them: the documented code and exact text, on the offending value,
// from the real extension and its bundled server.
import * as assert from './assert';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, code, describe as lines, open, ours, rangeOf, SOURCE, waitForDiagnostics } from './helpers';

const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';

describe('diagnostics', () => {
  before(async () => {
    await activate();
  });

  it('*.payload.json opens as JSON with comments', async () => {
    const { document } = await open('broken.payload.json');
    assert.equal(document.languageId, 'jsonc');
  });

  it('reports the documented code and exact text on each offending value', async () => {
    const { document } = await open('broken.payload.json');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 3, 'three voipnow diagnostics');
    assert.deepEqual(lines(document, diagnostics), [
      `617 "bothh" ${FLOW_617}`,
      `unknown-parameter "dtmfMode" Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?`,
      '619 150 Invalid qualify. Value must be a multiple of 100, no bigger than 900.',
    ]);
    const flow = diagnostics.find((d) => code(d) === '617')!;
    assert.equal(flow.source, SOURCE);
    assert.equal(flow.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(flow.range.isEqual(rangeOf(document, '"bothh"')), `617 covers ${document.getText(flow.range)}`);
    const unknown = diagnostics.find((d) => code(d) === 'unknown-parameter')!;
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('follows edits: a corrected value loses its diagnostic, a broken one gets it back', async () => {
    const { document, editor } = await open('live-edit.payload.json');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => code(x) === '617' && x.message === FLOW_617), '617 on "inn"');
    const value = rangeOf(document, '"inn"');
    assert.ok(await editor.edit((b) => b.replace(value, '"in"')));
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after writing "in"');
    assert.ok(await editor.edit((b) => b.replace(rangeOf(document, '"in"'), '"out "')));
    const back = await waitForDiagnostics(document.uri, (d) => d.length === 1, '617 again on "out "');
    assert.deepEqual(lines(document, back), [`617 "out " ${FLOW_617}`]);
  });

  it('a valid payload has none: breaking it and undoing gives one, then none', async () => {
    const { document, editor } = await open('valid.payload.json');
    assert.ok(await editor.edit((b) => b.replace(rangeOf(document, '"both"'), '"bothh"')));
    await waitForDiagnostics(document.uri, (d) => d.length === 1 && d[0].message === FLOW_617, '617 after breaking the flow');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after the undo');
    assert.ok(!document.getText().includes('bothh'));
  });

  it('an ordinary JSON file is left alone until it names a method', async () => {
    const { document, editor } = await open('not-a-payload.json');
    assert.equal(document.languageId, 'json');
    assert.ok(await editor.edit((b) => b.insert(document.positionAt(1), ' "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "X", "flow": "bothh" } },')));
    await waitForDiagnostics(document.uri, (d) => d.some((x) => code(x) === '617'), '617 once the file names AddChannel');
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after the undo');
  });

  it('restarting the server brings the diagnostics back', async () => {
    const { document } = await open('broken.payload.json');
    await waitForDiagnostics(document.uri, (d) => d.length === 3, 'three diagnostics before the restart');
    let cleared = false;
    const watch = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === document.uri.toString()) && ours(document.uri).length === 0) cleared = true;
    });
    try {
      await vscode.commands.executeCommand('voipnowPayloads.restartServer');
      await waitForDiagnostics(document.uri, (d) => cleared && d.length === 3, 'the diagnostics cleared by the stop, then published by the new server');
    } finally {
      watch.dispose();
    }
    assert.deepEqual(lines(document, ours(document.uri))[0], `617 "bothh" ${FLOW_617}`);
  });
});
