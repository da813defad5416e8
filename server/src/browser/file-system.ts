// The workspace's files for a language server in a Web Worker: asked of the client, which reads
// them with workspace.fs and finds them with workspace.findFiles (lsp/extension-protocol.ts). A
// request that fails (a client that does not answer them) reads as nothing there.
import type { Connection } from 'vscode-languageserver';
import type { WorkspaceFileSystem } from '../core';
import * as fs from '../lsp/extension-protocol';
import { joinUri } from '../lsp/uri-paths';

async function ask<P, R>(connection: Connection, method: string, params: P, otherwise: R): Promise<R> {
  try {
    return (await connection.sendRequest<R>(method, params)) ?? otherwise;
  } catch {
    return otherwise;
  }
}

export function clientFileSystem(connection: Connection): WorkspaceFileSystem {
  return {
    async readFile(uri, limit) {
      const base64 = await ask<fs.ReadFileParams, fs.ReadFileResult>(connection, fs.FS_READ_FILE, { uri, limit }, null);
      return base64 === null ? undefined : fs.fromBase64(base64).subarray(0, limit);
    },
    async stat(uri) {
      return (await ask<fs.StatParams, fs.StatResult>(connection, fs.FS_STAT, { uri }, null)) ?? undefined;
    },
    async readDirectory(uri) {
      const entries = await ask<fs.ReadDirectoryParams, fs.ReadDirectoryResult>(connection, fs.FS_READ_DIRECTORY, { uri }, []);
      return Array.isArray(entries) ? entries.map(([name, kind]) => ({ name, kind })) : [];
    },
    join: joinUri,
  };
}

/** A folder's JSON files by the client's search (undefined: it cannot search, walk instead). */
export function clientFindFiles(connection: Connection): (folderUri: string) => Promise<string[] | undefined> {
  return async (folder) => {
    const found = await ask<fs.FindFilesParams, fs.FindFilesResult>(connection, fs.FS_FIND_FILES, { folder }, null);
    return Array.isArray(found) ? found : undefined;
  };
}
