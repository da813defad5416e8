// The web extension (the web worker extension host only) has no live loop: its palette commands say
// why and what to use instead, and no code lens offers to send.
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import * as assert from './assert';
import { activate } from './helpers';

describe('the live loop in the browser', () => {
  before(async () => {
    await activate();
  });

  it('each of its commands says that sending needs the desktop, and names the command line', async () => {
    for (const command of ['voipnowPayloads.send', 'voipnowPayloads.pullRecords', 'voipnowPayloads.setCredentials']) {
      const said = await vscode.commands.executeCommand<string>(command);
      assert.match(said, /need VS Code on the desktop/);
      assert.match(said, /voipnow-payloads send FILE/);
    }
  });
});
