// Where a document sits relative to its workspace folder: the include globs match that path.
import { URI } from 'vscode-uri';

export class WorkspaceFolders {
  private folders: string[] = [];

  set(uris: readonly string[]): void {
    // Longest first, so the innermost folder of a nested pair wins.
    this.folders = uris.map((u) => URI.parse(u).path.replace(/\/?$/, '/')).sort((a, b) => b.length - a.length);
  }

  add(uri: string): void {
    this.set([...this.folders.map((f) => URI.file(f).toString()), uri]);
  }

  remove(uri: string): void {
    const path = URI.parse(uri).path.replace(/\/?$/, '/');
    this.folders = this.folders.filter((f) => f !== path);
  }

  /** The document's path relative to its folder, or its whole path when it is in none. */
  relativePath(documentUri: string): string {
    const path = URI.parse(documentUri).path;
    const folder = this.folders.find((f) => path.startsWith(f));
    return folder ? path.slice(folder.length) : path.replace(/^\//, '');
  }
}
