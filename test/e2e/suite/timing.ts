// Activation to first diagnostics, measured before the tests run (the extension is not active yet:
// no JSON document was open): from activating the extension to the documented 617 of
// broken.payload.json. The runners print the Node host's and the web worker host's side by side.
import { activate, EXTENSION_ID, open, waitForDiagnostics } from './helpers';
import * as vscode from 'vscode';
import { say } from './reporter';

/** Which extension host this is: VS Code's Node host, or the browser's web worker host. */
export const HOST = typeof process === 'undefined' ? 'web worker' : 'Node';

export async function reportFirstDiagnostics(): Promise<void> {
  const wasActive = vscode.extensions.getExtension(EXTENSION_ID)?.isActive === true;
  const started = Date.now();
  await activate();
  const { document } = await open('broken.payload.json');
  await waitForDiagnostics(document.uri, (d) => d.some((x) => x.message.startsWith('Invalid flow.')), 'the 617 of broken.payload.json', 60_000);
  const note = wasActive ? ' (the extension was already active)' : '';
  say(`timing: ${HOST} extension host: activation to first diagnostics ${Date.now() - started} ms${note}`);
}
