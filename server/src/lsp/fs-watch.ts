// The server's own file watching, for clients that do not watch files for it (no dynamic
// registration of workspace/didChangeWatchedFiles, such as Neovim 0.7): one non-recursive watch
// per folder the index walked (node_modules and .git are never walked, so never watched), plus each
// workspace folder's `.voipnow`, through the platform (fs.watch on Node). Events come in bursts (an
// editor writes, renames, touches): they are gathered for a moment, then each URI is looked at
// once: there, or gone. Folders and changes are named by URI.
import type { WorkspaceFileSystem } from '../core';
import type { FolderWatch, ServerPlatform } from './platform';
import { joinUri } from './uri-paths';

export const WATCH_DELAY_MS = 50;

export interface FileChange {
  uri: string;
  deleted: boolean;
}

export class DirectoryWatcher {
  private readonly watchers = new Map<string, FolderWatch>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** Flushes one after the other: a later burst's changes never arrive before an earlier one's. */
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly watchFolder: NonNullable<ServerPlatform['watchFolder']>,
    private readonly fs: WorkspaceFileSystem,
    private readonly onChanges: (changes: FileChange[]) => void,
  ) {}

  /** Watches a folder (once); a folder that is not there is skipped. */
  watch(dir: string): void {
    if (this.disposed || this.watchers.has(dir)) return;
    // Not there (yet): its parent's watcher sees it appear.
    const watcher = this.watchFolder(dir, (name) => this.queue(name === undefined ? dir : joinUri(dir, name)), () => this.unwatch(dir));
    if (watcher) this.watchers.set(dir, watcher);
  }

  private unwatch(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }

  private queue(uri: string): void {
    this.pending.add(uri);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.flushing = this.flushing.then(() => this.flush());
    }, WATCH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const uris = [...this.pending];
    this.pending.clear();
    const changes: FileChange[] = [];
    for (const uri of uris) {
      const exists = (await this.fs.stat(uri)) !== undefined;
      if (!exists) {
        // A folder that went takes its watchers (and those of the folders in it) along.
        for (const dir of [...this.watchers.keys()]) if (dir === uri || dir.startsWith(uri + '/')) this.unwatch(dir);
      }
      changes.push({ uri, deleted: !exists });
    }
    if (changes.length > 0 && !this.disposed) this.onChanges(changes);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
