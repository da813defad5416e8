// Where a document sits relative to its workspace folder: the include globs match that path. A
// folder holds the documents of its own scheme and authority (uri-paths.ts).
import { URI } from 'vscode-uri';
import { folderKey, uriKey } from './uri-paths';

export class WorkspaceFolders {
  /** Folder keys, longest first, so the innermost folder of a nested pair wins. */
  private folders: string[] = [];

  set(uris: readonly string[]): void {
    this.folders = [...new Set(uris.map(folderKey))].sort((a, b) => b.length - a.length);
  }

  add(uri: string): void {
    this.folders = [...new Set([...this.folders, folderKey(uri)])].sort((a, b) => b.length - a.length);
  }

  remove(uri: string): void {
    const key = folderKey(uri);
    this.folders = this.folders.filter((f) => f !== key);
  }

  /** The document's path relative to its folder, or its whole path when it is in none. */
  relativePath(documentUri: string): string {
    const key = uriKey(documentUri);
    const folder = this.folders.find((f) => key.startsWith(f));
    return folder ? key.slice(folder.length) : URI.parse(documentUri).path.replace(/^\//, '');
  }
}
