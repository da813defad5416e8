// The server names every file by its URI (the client's documents, the workspace folders, the files
// the index finds), on any scheme: `file:` on the desktop, `vscode-vfs:`, `vscode-remote:` or
// `vscode-test-web:` on the web. A file belongs to a folder when scheme, authority and path agree;
// two URIs of one file are compared in vscode-uri's normal form (URI.toString()).
import { URI, Utils } from 'vscode-uri';

/** The URI of a folder's child, in normal form. */
export function joinUri(folder: string, name: string): string {
  return Utils.joinPath(URI.parse(folder), name).toString();
}

/** A URI in vscode-uri's normal form (the form the index keys files by). */
export function normalUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** What places a URI in a folder: scheme, authority and path with a trailing slash (`file://` + `/a/b/`). */
export function folderKey(uri: string): string {
  const parsed = URI.parse(uri);
  return `${parsed.scheme}://${parsed.authority}${parsed.path.replace(/\/?$/, '/')}`;
}

/** A document's key for `within`: scheme, authority and path (a folder's own URI matches itself). */
export function documentKey(uri: string): string {
  const parsed = URI.parse(uri);
  return `${parsed.scheme}://${parsed.authority}${parsed.path}/`;
}

/** The last segment of a URI's path (a folder's name when the client gives none). */
export function baseName(uri: string): string {
  return URI.parse(uri).path.replace(/\/$/, '').split('/').pop() || uri;
}
