// The code pages on Node (platform.codePages): dist/codes beside this bundle, as the build writes
// them. Without them (a server bundled on its own, or run from source) they are written to a
// folder of this process's own: a fixed name in the temporary folder could be made first by
// anyone, with links in it that the writes would follow into their target.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { codePages } from '../core';
import { CODES_FOLDER } from '../lsp/code-links';

let written: string | undefined;

function writePages(): string | undefined {
  if (written !== undefined) return written;
  let folder: string | undefined;
  try {
    // mkdtemp makes a new folder with an unguessable name, mode 0700: no one else can plant in it.
    folder = mkdtempSync(join(tmpdir(), 'voipnow-payloads-codes-'));
    // 'wx' creates each file and fails on anything already there, a link included.
    for (const page of codePages()) writeFileSync(join(folder, page.fileName), page.markdown, { flag: 'wx', mode: 0o600 });
  } catch {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
    return undefined;
  }
  const made = folder;
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  return (written = made);
}

/** The `file:` URI of the folder holding the pages, found (or written). */
export function nodeCodePages(): string | undefined {
  const beside = join(__dirname, CODES_FOLDER);
  const folder = existsSync(join(beside, 'index.md')) ? beside : writePages();
  return folder === undefined ? undefined : URI.file(folder).toString();
}
