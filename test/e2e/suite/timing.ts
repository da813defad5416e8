// Activation to first diagnostics, measured before the tests run: the extension's activate() to
// its server started (what activate() returns says when), plus opening broken.payload.json to its
// documented 617: the extension's own work, even when the workbench activated it earlier (VS Code
// opens the user's settings.json, a JSON document, at startup). Also from asking the host to
// activate it, which adds the host's own loading (more than a second in the web worker host
// between loading the extension's module and calling its activate) when the extension was not
// active yet. The runners print both hosts' side by side.
import { activate, EXTENSION_ID, open, waitForDiagnostics } from './helpers';
import * as vscode from 'vscode';
import { say } from './reporter';

/** Which extension host this is: VS Code's Node host, or the browser's web worker host. */
export const HOST = typeof process === 'undefined' ? 'web worker' : 'Node';

export async function reportFirstDiagnostics(): Promise<void> {
  const wasActive = vscode.extensions.getExtension(EXTENSION_ID)?.isActive === true;
  const asked = Date.now();
  const { activatedAt, startedAt } = (await activate()).exports as { activatedAt: number; startedAt: number };
  const opening = Date.now();
  const { document } = await open('broken.payload.json');
  await waitForDiagnostics(document.uri, (d) => d.some((x) => x.message.startsWith('Invalid flow.')), 'the 617 of broken.payload.json', 60_000);
  const now = Date.now();
  const own = startedAt - activatedAt + (now - opening);
  const fromHost = wasActive ? 'the extension was already active' : `${now - asked} ms from asking the host`;
  say(`timing: ${HOST} extension host: activation to first diagnostics ${own} ms (${fromHost})`);
}
