// "VoipNow Payloads: Show a method's code table": opens the method's page of documented error
// codes (dist/codes/<Method>.md, written by the build from the same catalog the server uses) in
// the Markdown preview. The method is the argument, else picked, the active payload's first. The
// pages are read through workspace.fs from the extension's own folder, on the desktop and the web.
import { commands, FileType, Uri, window, workspace, type Disposable, type ExtensionContext, type QuickPickItem } from 'vscode';

export const SHOW_CODE_TABLE = 'voipnowPayloads.showCodeTable';

/** The method named by the request around the cursor of the active editor (or its first one). */
function methodInEditor(): string | undefined {
  const editor = window.activeTextEditor;
  if (!editor) return undefined;
  const text = editor.document.getText();
  const cursor = editor.document.offsetAt(editor.selection.active);
  let found: string | undefined;
  for (const match of text.matchAll(/"method"\s*:\s*"([A-Za-z]+)"/g)) {
    if (found !== undefined && match.index! > cursor) break;
    found = match[1];
  }
  return found;
}

export function registerCodeTable(context: ExtensionContext): Disposable {
  return commands.registerCommand(SHOW_CODE_TABLE, async (method?: string): Promise<Uri | undefined> => {
    const folder = Uri.joinPath(context.extensionUri, 'dist', 'codes');
    let methods: string[];
    try {
      const pages = (await workspace.fs.readDirectory(folder)).filter(([f, type]) => type & FileType.File && f.endsWith('.md') && f !== 'index.md');
      methods = pages.map(([f]) => f.slice(0, -3)).sort();
    } catch {
      void window.showErrorMessage(`VoipNow Payloads: the code tables are missing (${folder.toString(true)}); rebuild the extension.`);
      return undefined;
    }
    if (typeof method !== 'string') {
      const current = methodInEditor();
      const items: QuickPickItem[] = methods.map((m) => ({ label: m, description: m === current ? 'in the active file' : undefined }));
      if (current && methods.includes(current)) items.unshift(...items.splice(methods.indexOf(current), 1));
      method = (await window.showQuickPick(items, { placeHolder: "The method whose documented error codes to show" }))?.label;
      if (!method) return undefined;
    }
    if (!methods.includes(method)) {
      void window.showErrorMessage(`VoipNow Payloads: ${method} is not a method of the Channel service.`);
      return undefined;
    }
    const page = Uri.joinPath(folder, `${method}.md`);
    await commands.executeCommand('markdown.showPreview', page);
    return page;
  });
}
