// "VoipNow Payloads: Show a method's code table": opens the method's page of documented error
// codes (dist/codes/<Method>.md, written by the build from the same catalog the server uses) in
// the Markdown preview. The method is the argument, else picked, the active payload's first. The
// pages are the extension's own files, read through workspace.fs (the desktop, a remote, code-
// server's web worker host); where the workbench serves the extension over http(s) and
// workspace.fs cannot read it (vscode.dev, @vscode/test-web), the same pages come from the server
// (`voipnow/codePage`) as `voipnow-codes:/<Method>.md` documents.
import { commands, FileType, Uri, window, workspace, type Disposable, type ExtensionContext, type QuickPickItem } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CODE_PAGE_REQUEST } from '../../server/src/lsp/extension-protocol';

export const SHOW_CODE_TABLE = 'voipnowPayloads.showCodeTable';

/** The method named by the request around the cursor of the active editor (or its first one). */
function methodInEditor(): string | undefined {
  const editor = window.activeTextEditor;
  if (!editor) return undefined;
  const text = editor.document.getText();
  const cursor = editor.document.offsetAt(editor.selection.active);
  let found: string | undefined;
  for (const match of text.matchAll(/"method"\s*:\s*"([A-Za-z]+)"/g)) {
    if (found !== undefined && match.index > cursor) break;
    found = match[1];
  }
  return found;
}

export const CODE_PAGE_SCHEME = 'voipnow-codes';

interface Pages {
  methods: string[];
  page(method: string): Uri;
}

/** The packaged pages, or the server's where the extension's files cannot be read. */
async function findPages(context: ExtensionContext, client: BaseLanguageClient): Promise<Pages> {
  const folder = Uri.joinPath(context.extensionUri, 'dist', 'codes');
  try {
    const files = (await workspace.fs.readDirectory(folder)).filter(([f, type]) => type & FileType.File && f.endsWith('.md') && f !== 'index.md');
    return { methods: files.map(([f]) => f.slice(0, -3)).sort(), page: (method) => Uri.joinPath(folder, `${method}.md`) };
  } catch {
    const methods = await client.sendRequest<string[]>(CODE_PAGE_REQUEST, {});
    return { methods: [...methods].sort(), page: (method) => Uri.from({ scheme: CODE_PAGE_SCHEME, path: `/${method}.md` }) };
  }
}

export function registerCodeTable(context: ExtensionContext, client: BaseLanguageClient): Disposable[] {
  const served = workspace.registerTextDocumentContentProvider(CODE_PAGE_SCHEME, {
    provideTextDocumentContent: async (uri) => {
      const method = uri.path.replace(/^\/|\.md$/g, '');
      return (await client.sendRequest<string | null>(CODE_PAGE_REQUEST, { method })) ?? '';
    },
  });
  const command = commands.registerCommand(SHOW_CODE_TABLE, async (method?: string): Promise<Uri | undefined> => {
    let pages: Pages;
    try {
      pages = await findPages(context, client);
    } catch {
      const where = "the extension's dist/codes, or its language server";
      void window.showErrorMessage(`VoipNow Payloads: the code tables cannot be read (${where}); rebuild the extension.`);
      return undefined;
    }
    const { methods } = pages;
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
    const page = pages.page(method);
    await commands.executeCommand('markdown.showPreview', page);
    return page;
  });
  return [served, command];
}
