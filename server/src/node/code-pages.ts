// The code pages on Node (platform.codePages): dist/codes beside this bundle, as the build writes
// them. Without them (a server bundled on its own, or run from source) they are written once to a
// temporary folder named by their hash.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { codePages } from '../core';
import { CODES_FOLDER } from '../lsp/code-links';

function writePages(): string | undefined {
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
    return undefined;
  }
}

/** The `file:` URI of the folder holding the pages, found (or written). */
export function nodeCodePages(): string | undefined {
  const beside = join(__dirname, CODES_FOLDER);
  const folder = existsSync(join(beside, 'index.md')) ? beside : writePages();
  return folder === undefined ? undefined : URI.file(folder).toString();
}
