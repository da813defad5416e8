// Helpers for the extension-host tests: open a fixture, wait (on events, with a bounded time) for
// the extension's diagnostics, and describe what was seen when a wait fails.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'voipnow-payloads.voipnow-payloads';
export const SOURCE = 'voipnow';

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace (test/e2e/fixtures/workspace) open as a folder');
  return folder;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, name);
}

export async function activate(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  await extension.activate();
  return extension;
}

export async function open(name: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(document);
  return { document, editor };
}

/** The extension's own diagnostics for a document. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function code(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/** One line per diagnostic: code, the text it covers, its message. */
export function describe(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .slice()
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((d) => `${code(d)} ${document.getText(d.range)} ${d.message}`);
}

/** Resolves with the extension's diagnostics once `ready` holds for them; fails after `timeoutMs`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const now = ours(uri);
      if (!ready(now)) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(now);
      return true;
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}:${code(d)} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; diagnostics now: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Waits for a document's text to satisfy `ready` (an applied edit reaches the model asynchronously). */
export function waitForText(document: vscode.TextDocument, ready: (text: string) => boolean, what: string, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = (): boolean => {
      if (!ready(document.getText())) return false;
      clearTimeout(timer);
      subscription.dispose();
      resolve(document.getText());
      return true;
    };
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; text now:\n${document.getText()}`));
    }, timeoutMs);
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => e.document === document && finish());
    finish();
  });
}

export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const at = document.getText().indexOf(needle);
  if (at < 0) throw new Error(`${needle} not found in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + needle.length));
}
