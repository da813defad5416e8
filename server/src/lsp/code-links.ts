// Where a documented code's documentation is, offline: the build writes one page per method to
// dist/codes/<Method>.md (beside this bundle); `codeDescription.href` is that file plus the line of
// the code's heading. The fragment is `#L<line>` because VS Code opens a file link's `#<number>`
// or `#L<number>` as a line to reveal; other clients open the page. Without the built pages (a
// server bundled on its own, or run from source) they are written once to a temporary folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codePage, codePages } from '../core';

export const CODES_FOLDER = 'codes';

let folder: string | null | undefined;

function writePages(): string | null {
  const pages = codePages();
  const hash = createHash('sha256');
  for (const page of pages) hash.update(page.fileName).update(page.markdown);
  const target = join(tmpdir(), `voipnow-payloads-codes-${hash.digest('hex').slice(0, 12)}`);
  try {
    if (!existsSync(join(target, 'index.md'))) {
      mkdirSync(target, { recursive: true });
      for (const page of pages) writeFileSync(join(target, page.fileName), page.markdown);
    }
    return target;
  } catch {
    return null;
  }
}

/** The folder holding the pages, found (or written) once. */
export function codesFolder(): string | undefined {
  if (folder === undefined) {
    const beside = join(__dirname, CODES_FOLDER);
    folder = existsSync(join(beside, 'index.md')) ? beside : writePages();
  }
  return folder ?? undefined;
}

const hrefs = new Map<string, string | undefined>();

/** A file: URI that shows the method's documentation of the code, or undefined. */
export function codeHref(method: string, code: string): string | undefined {
  const key = `${method} ${code}`;
  if (hrefs.has(key)) return hrefs.get(key);
  const dir = codesFolder();
  const line = dir ? codePage(method).lines.get(code) : undefined;
  const href = dir && line ? `${pathToFileURL(join(dir, `${method}.md`)).href}#L${line}` : undefined;
  hrefs.set(key, href);
  return href;
}
