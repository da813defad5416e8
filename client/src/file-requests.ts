// The client's answers to a language server in a Web Worker that cannot reach the workspace's
// files itself (server/src/lsp/extension-protocol.ts): read with workspace.fs (regular files
// only, at most `limit` bytes passed on), found with workspace.findFiles. Any failure answers
// "nothing there", as the Node server's own reads do.
import { FileType, RelativePattern, Uri, workspace, type Disposable, type FileStat } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import * as fs from '../../server/src/lsp/extension-protocol';
import type { EntryKind } from '../../server/src/core';

const JSON_FILES = '**/*.{json,jsonc}';
/** The folders the server never walks (server/src/core/workspace/files.ts). */
const SKIPPED = '**/{node_modules,.git,.voipnow}/**';

function kindOf(type: FileType): EntryKind {
  if (type & FileType.SymbolicLink) return 'link';
  if (type & FileType.Directory) return 'directory';
  return type & FileType.File ? 'file' : 'other';
}

async function statOf(uri: string): Promise<FileStat | undefined> {
  try {
    return await workspace.fs.stat(Uri.parse(uri));
  } catch {
    return undefined;
  }
}

export function answerFileRequests(client: BaseLanguageClient): Disposable[] {
  return [
    client.onRequest(fs.FS_READ_FILE, async ({ uri, limit }: fs.ReadFileParams): Promise<fs.ReadFileResult> => {
      // Links followed; a FIFO or device (FileType.Unknown) is never read.
      const stat = await statOf(uri);
      if (!stat || !(stat.type & FileType.File)) return null;
      try {
        return fs.toBase64((await workspace.fs.readFile(Uri.parse(uri))).subarray(0, Math.max(0, limit)));
      } catch {
        return null;
      }
    }),
    client.onRequest(fs.FS_STAT, async ({ uri }: fs.StatParams): Promise<fs.StatResult> => {
      const stat = await statOf(uri);
      if (!stat) return null;
      const kind = stat.type & FileType.Directory ? 'directory' : stat.type & FileType.File ? 'file' : 'other';
      return { kind, size: stat.size };
    }),
    client.onRequest(fs.FS_READ_DIRECTORY, async ({ uri }: fs.ReadDirectoryParams): Promise<fs.ReadDirectoryResult> => {
      try {
        return (await workspace.fs.readDirectory(Uri.parse(uri))).map(([name, type]) => [name, kindOf(type)]);
      } catch {
        return [];
      }
    }),
    client.onRequest(fs.FS_FIND_FILES, async ({ folder }: fs.FindFilesParams): Promise<fs.FindFilesResult> => {
      try {
        return (await workspace.findFiles(new RelativePattern(Uri.parse(folder), JSON_FILES), SKIPPED)).map((uri) => uri.toString());
      } catch {
        // No search for this scheme: the server walks the folder with readDirectory.
        return null;
      }
    }),
  ];
}
