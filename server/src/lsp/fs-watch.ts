// File watching for clients that do not watch files for the server (no dynamic registration of
// workspace/didChangeWatchedFiles, such as Neovim 0.7): one non-recursive fs.watch per folder the
// index walked (node_modules and .git are never walked, so never watched), plus each workspace
// folder's `.voipnow`. Events come in bursts (an editor writes, renames, touches): they are
// gathered for a moment, then each path is looked at once: there, or gone. Folders and changes are
// named by their `file:` URIs.
import { statSync, watch, type FSWatcher } from 'node:fs';
import { pathOf } from '../node/file-system';
import { joinUri } from './uri-paths';

export const WATCH_DELAY_MS = 50;

export interface FileChange {
  uri: string;
  deleted: boolean;
}

export class DirectoryWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly onChanges: (changes: FileChange[]) => void) {}

  /** Watches a folder (once, by its URI); a folder that is not there is skipped. */
  watch(dir: string): void {
    const path = pathOf(dir);
    if (this.disposed || this.watchers.has(dir) || path === undefined) return;
    try {
      const watcher = watch(path, { persistent: false }, (_event, name) => {
        if (name !== null && name !== undefined) this.queue(joinUri(dir, String(name)));
        else this.queue(dir);
      });
      watcher.on('error', () => this.unwatch(dir));
      this.watchers.set(dir, watcher);
    } catch {
      // Not there (yet): its parent's watcher sees it appear.
    }
  }

  private unwatch(dir: string): void {
    this.watchers.get(dir)?.close();
    this.watchers.delete(dir);
  }

  private queue(path: string): void {
    this.pending.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), WATCH_DELAY_MS);
  }

  private flush(): void {
    this.timer = undefined;
    if (this.disposed) return;
    const changes: FileChange[] = [];
    for (const path of this.pending) {
      let exists = true;
      try {
        statSync(pathOf(path)!);
      } catch {
        exists = false;
      }
      if (!exists) {
        // A folder that went takes its watchers (and those of the folders in it) along.
        for (const dir of [...this.watchers.keys()]) if (dir === path || dir.startsWith(path + '/')) this.unwatch(dir);
      }
      changes.push({ uri: path, deleted: !exists });
    }
    this.pending.clear();
    if (changes.length > 0) this.onChanges(changes);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}
