// The server names every file by its URI (the client's documents, the workspace folders, the files
// the index finds), on any scheme: `file:` on the desktop, `vscode-vfs:`, `vscode-remote:` or
// `vscode-test-web:` on the web. A file belongs to a folder when scheme, authority and path agree;
// two URIs of one file are compared in vscode-uri's normal form (URI.toString()), which is the
// same for every spelling of a file: `%20` or ` `, `(` or `%28`, `%2a` or `%2A`, `C%3A` or `c:`.
import { URI, Utils } from 'vscode-uri';

/** The URI of a folder's child, in normal form. */
export function joinUri(folder: string, name: string): string {
  return Utils.joinPath(URI.parse(folder), name).toString();
}

/** A URI in vscode-uri's normal form (the form the index keys files by). */
export function normalUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** A URI by scheme, authority and decoded path (no query, no fragment): `file://` + `/a/b (1).json`; drive and authority lower case as in normalUri. */
export function uriKey(uri: string): string {
  const parsed = URI.parse(uri);
  const path = /^\/[A-Z]:/.test(parsed.path) ? `/${parsed.path[1].toLowerCase()}${parsed.path.slice(2)}` : parsed.path;
  return `${parsed.scheme}://${parsed.authority.toLowerCase()}${path}`;
}

/** What places a URI in a folder: its key with a trailing slash. */
export function folderKey(uri: string): string {
  return uriKey(uri).replace(/\/?$/, '/');
}

/** Whether a URI is in a folder (given by its folderKey), or is the folder itself. */
export function within(uri: string, folder: string): boolean {
  return (uriKey(uri) + '/').startsWith(folder);
}

/** The last segment of a URI's path (a folder's name when the client gives none). */
export function baseName(uri: string): string {
  return URI.parse(uri).path.replace(/\/$/, '').split('/').pop() || uri;
}
