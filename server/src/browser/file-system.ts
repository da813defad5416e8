// The workspace's files for a language server in a Web Worker: asked of the client, which reads
// them with workspace.fs and finds them with workspace.findFiles (lsp/extension-protocol.ts). A
// request that fails (a client that does not answer them), or an answer of another shape, reads as
// nothing there.
import type { Connection } from 'vscode-languageserver';
import type { WorkspaceFileSystem } from '../core';
import * as fs from '../lsp/extension-protocol';
import { arrayOf, number, object, oneOf, string, uri, type Check } from '../lsp/param-checks';
import { joinUri } from '../lsp/uri-paths';

/** The client's answer when it has the shape `check` takes (anything else reads as `otherwise`, as a failure does). */
async function ask<P, R>(connection: Connection, method: string, params: P, otherwise: R, check: Check): Promise<R> {
  try {
    const answer = await connection.sendRequest<R>(method, params);
    return answer !== null && answer !== undefined && check(answer, 'result') === undefined ? answer : otherwise;
  } catch {
    return otherwise;
  }
}

const isBase64 = (text: string) => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
const base64Text: Check = (value, at) => (typeof value === 'string' && isBase64(value) ? undefined : `${at} must be base64`);
const entryKind = oneOf('file', 'directory', 'link', 'other');
const statResult = object({ kind: entryKind, size: number });
const directoryEntry: Check = (value, at) =>
  Array.isArray(value) ? (string(value[0], `${at}[0]`) ?? entryKind(value[1], `${at}[1]`)) : `${at} must be an array`;
const directoryEntries = arrayOf(directoryEntry);

export function clientFileSystem(connection: Connection): WorkspaceFileSystem {
  return {
    async readFile(uri, limit) {
      const base64 = await ask<fs.ReadFileParams, fs.ReadFileResult>(connection, fs.FS_READ_FILE, { uri, limit }, null, base64Text);
      return base64 === null ? undefined : fs.fromBase64(base64).subarray(0, limit);
    },
    async stat(uri) {
      return (await ask<fs.StatParams, fs.StatResult>(connection, fs.FS_STAT, { uri }, null, statResult)) ?? undefined;
    },
    async readDirectory(uri) {
      const entries = await ask<fs.ReadDirectoryParams, fs.ReadDirectoryResult>(connection, fs.FS_READ_DIRECTORY, { uri }, [], directoryEntries);
      return entries.map(([name, kind]) => ({ name, kind }));
    },
    join: joinUri,
  };
}

/** A folder's JSON files by the client's search (undefined: it cannot search, walk instead). */
export function clientFindFiles(connection: Connection): (folderUri: string) => Promise<string[] | undefined> {
  return async (folder) => {
    const found = await ask<fs.FindFilesParams, fs.FindFilesResult>(connection, fs.FS_FIND_FILES, { folder }, null, arrayOf(uri));
    return found ?? undefined;
  };
}
