// Hover, quick fixes and fix-all as VS Code asks for them (the same commands the editor runs),
// against the real extension and server.
import * as assert from './assert';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, code, open, ours, rangeOf, waitForDiagnostics, waitForText } from './helpers';

const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';
const FIX_ALL = vscode.CodeActionKind.SourceFixAll.append('voipnow');

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `applying "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('hover, quick fixes and fix-all', () => {
  before(async () => {
    await activate();
  });

  it('a hover on the offending value explains its code with the documented text', async () => {
    const { document } = await open('broken.payload.json');
    await waitForDiagnostics(document.uri, (d) => d.length === 3, 'three diagnostics');
    const value = rangeOf(document, '"bothh"');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, value.start.translate(0, 2));
    const text = hoverText(hovers);
    assert.match(text, /617/, `hover names the code: ${text}`);
    assert.ok(text.includes(FLOW_617), `hover shows the documented text: ${text}`);
  });

  it('the 617 diagnostic offers a quick fix for each documented value', async () => {
    const { document } = await open('broken.payload.json');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length === 3, 'three diagnostics');
    const flow = diagnostics.find((d) => code(d) === '617')!;
    const actions = await codeActions(document.uri, flow.range, vscode.CodeActionKind.QuickFix.value);
    // Asked for at the 617 diagnostic's range, which no other diagnostic touches. (The actions that
    // vscode.executeCodeActionProvider returns do not carry their diagnostics.)
    const fixes = actions.filter((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
    const written = fixes.map((a) => (a.edit ? a.edit.get(document.uri).map((e) => e.newText).join('') : ''));
    const seen = actions.map((a) => [a.kind?.value, a.title]);
    assert.ok(written.includes('"both"'), `a fix writes "both" (actions: ${JSON.stringify(seen)}, writes ${JSON.stringify(written)})`);
    const unknown = diagnostics.find((d) => code(d) === 'unknown-parameter')!;
    const renames = await codeActions(document.uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(
      renames.some((a) => a.edit?.get(document.uri).some((e) => e.newText.includes('dtmf') && !e.newText.includes('dtmfMode'))),
      `a fix renames dtmfMode to dtmf (got ${JSON.stringify(renames.map((a) => a.title))})`,
    );
  });

  it('applying the quick fix writes the value and the diagnostic goes away', async () => {
    const { document } = await open('quick-fix.payload.json');
    const [flow] = await waitForDiagnostics(document.uri, (d) => d.length === 1 && code(d[0]) === '617', '617 on "bothh"');
    const actions = await codeActions(document.uri, flow.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit?.get(document.uri).some((e) => e.newText === '"both"'));
    assert.ok(fix, `a quick fix writing "both" (got ${JSON.stringify(actions.map((a) => a.title))})`);
    assert.equal(fix.isPreferred, true, 'the closest value is the preferred fix (the one Fix all and the lightbulb take)');
    await apply(fix);
    const text = await waitForText(document, (t) => !t.includes('bothh'), 'the fix to reach the document');
    assert.ok(text.includes('"flow": "both"'), text);
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after the fix');
  });

  it('fix-all (source.fixAll.voipnow) fixes every fixable problem at once', async () => {
    const { document } = await open('fix-all.payload.json');
    await waitForDiagnostics(document.uri, (d) => d.length === 2, '617 and 629');
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await codeActions(document.uri, whole, FIX_ALL.value);
    const fixAll = actions.find((a) => a.kind && FIX_ALL.contains(a.kind));
    assert.ok(fixAll, `a ${FIX_ALL.value} action (got ${JSON.stringify(actions.map((a) => `${a.kind?.value}: ${a.title}`))})`);
    await apply(fixAll);
    const text = await waitForText(document, (t) => !t.includes('bothh') && !t.includes('tpc'), 'fix-all to reach the document');
    assert.ok(text.includes('"flow": "both"'), text);
    assert.match(text, /"sipTransport": "(tcp|TCP)"/);
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after fix-all');
    assert.deepEqual(ours(document.uri), []);
  });
});
