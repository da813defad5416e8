// What the manifest contributes, as VS Code sees it: settings with their defaults, the commands,
// and "Show a method's code table" opening the generated page in the Markdown preview.
import * as assert from './assert';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { activate, EXTENSION_ID } from './helpers';

/** Resolves once a tab with this label is open; fails after `timeoutMs`. */
function waitForTab(label: string, timeoutMs = 15_000): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === label);
  return new Promise((resolve, reject) => {
    const done = (tab: vscode.Tab) => {
      clearTimeout(timer);
      subscription.dispose();
      resolve(tab);
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      const open = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the tab "${label}"; open tabs: ${JSON.stringify(open)}`));
    }, timeoutMs);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (tab) done(tab);
    });
    const tab = find();
    if (tab) done(tab);
  });
}

describe('contributions', () => {
  before(async () => {
    await activate();
  });

  it('settings: include globs and trace.server, with their defaults', () => {
    const config = vscode.workspace.getConfiguration('voipnowPayloads');
    assert.equal(config.get('trace.server'), 'off');
    assert.deepEqual(config.get('include'), ['**/*.payload.json', '**/*.payload.jsonc']);
  });

  it("commands: restart the server, show a method's code table, and the live loop's", async () => {
    const all = await vscode.commands.getCommands(true);
    const live = ['send', 'pullRecords', 'setCredentials', 'forgetCredentials', 'reloadWsdl'].map((c) => `voipnowPayloads.${c}`);
    for (const command of ['voipnowPayloads.restartServer', 'voipnowPayloads.showCodeTable', ...live]) {
      assert.ok(all.includes(command), `${command} is registered`);
    }
  });

  it("show a method's code table opens the method's documented codes in the Markdown preview", async () => {
    const page = await vscode.commands.executeCommand<vscode.Uri | undefined>('voipnowPayloads.showCodeTable', 'AddChannel');
    assert.ok(page, 'the command returns the page it opened');
    // The packaged page; where the workbench cannot read the extension's files (test-web,
    // vscode.dev), the server's copy of it.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    if (page.scheme === 'voipnow-codes') assert.equal(page.path, '/AddChannel.md');
    else assert.equal(page.toString(), vscode.Uri.joinPath(extension.extensionUri, 'dist', 'codes', 'AddChannel.md').toString());
    const text = (await vscode.workspace.openTextDocument(page)).getText();
    assert.ok(text.includes('| 617 | Invalid flow. Here are the values available: in, out, both. |'), 'the page lists 617 with its text');
    await waitForTab('Preview AddChannel.md');
  });

  it('show a method\'s code table refuses a method the service does not have', async () => {
    assert.equal(await vscode.commands.executeCommand('voipnowPayloads.showCodeTable', 'AddChanel'), undefined);
  });
});
