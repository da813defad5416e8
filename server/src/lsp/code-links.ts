// Where a documented code's documentation is, offline: one page per method, `<Method>.md`, in a
// folder the server is told at start (server.ts): the pages the build writes to dist/codes and
// the VSIX ships, beside the Node bundle or named by the client (the extension's own URI on the
// web). `codeDescription.href` is that page plus the line of the code's heading: the fragment is
// `#L<line>` because VS Code opens a link's `#<number>` or `#L<number>` as a line to reveal; other
// clients open the page. No folder, no links. Where the client cannot read the extension's own
// files (vscode.dev, @vscode/test-web serve them over https), it asks for a page's text instead:
// `voipnow/codePage`.
import { codePage, isMethod, METHODS } from '../core';
import { joinUri } from './uri-paths';

export const CODES_FOLDER = 'codes';

export function codePageAnswer(params: { method?: unknown } | null | undefined): string | string[] | null {
  const method = params?.method;
  if (method === undefined) return [...METHODS];
  return typeof method === 'string' && isMethod(method) ? codePage(method).markdown : null;
}

let folder: string | undefined;
const hrefs = new Map<string, string | undefined>();

/** The folder (a URI) of the code pages, or undefined for none. */
export function useCodePages(folderUri: string | undefined): void {
  folder = folderUri;
  hrefs.clear();
}

/** A URI that shows the method's documentation of the code, or undefined. */
export function codeHref(method: string, code: string): string | undefined {
  if (!folder) return undefined;
  const key = `${method} ${code}`;
  if (hrefs.has(key)) return hrefs.get(key);
  const line = codePage(method).lines.get(code);
  const href = line ? `${joinUri(folder, `${method}.md`)}#L${line}` : undefined;
  hrefs.set(key, href);
  return href;
}
