// Links in the workspace that lead outside it are not followed: a `leak.payload.json` linking to a
// file elsewhere would have that file's contents quoted in diagnostics, and a link to a folder
// elsewhere would have its files read. The index reads from disk what a walk of the workspace
// folders finds: files in folders reached without a link (the walk enters no link to a folder,
// which also keeps it from cycles and from counting a tree twice), and links to files that lead
// into a workspace folder where the walk does not find the file by its own name (in node_modules,
// say): a file counts once, else the values it holds would clash with themselves through its link.
// A document the user opens is checked whatever its path: its text comes from the editor. Compared
// by real path (every link followed), where the platform has links to resolve (Node; the browser's
// workspace.fs resolves none).
import { URI, Utils } from 'vscode-uri';
import { isJsonName, SKIPPED_FOLDERS, type DirectoryEntry, type WorkspaceFileSystem } from '../core';
import { folderKey, uriKey } from './uri-paths';

export class WorkspaceBounds {
  /** Each workspace folder's real path, as a key with a trailing slash (kept once found). */
  private readonly roots = new Map<string, string>();

  constructor(
    /** Where a URI leads once every link is followed; undefined when nowhere (gone, a broken link). */
    private readonly realUri: (uri: string) => Promise<string | undefined>,
    /** The workspace folders now (URIs). */
    private readonly folders: () => readonly string[],
  ) {}

  /**
   * Whether a link is read: it leads into a workspace folder, and the walk of no workspace folder
   * finds where it leads by that file's own name (a JSON name reached through no skipped folder;
   * the walk enters no link, and a real path passes through none).
   */
  async followed(link: string): Promise<boolean> {
    const real = await this.realUri(link);
    return real !== undefined && (await this.leadsIn(real));
  }

  /** Whether a link's real URI is one it is read through (followed). */
  private async leadsIn(real: string): Promise<boolean> {
    const roots = await this.rootsHolding(real);
    if (roots.length === 0) return false;
    const key = uriKey(real);
    const byName = (root: string) => {
      const segments = key.slice(root.length).split('/');
      return isJsonName(segments[segments.length - 1]) && !segments.slice(0, -1).some((segment) => SKIPPED_FOLDERS.has(segment));
    };
    return !roots.some(byName);
  }

  /** The real paths (keys with a trailing slash) of the workspace folders a real URI lies in. */
  private async rootsHolding(real: string): Promise<string[]> {
    const key = folderKey(real);
    const holding: string[] = [];
    for (const folder of this.folders()) {
      const root = await this.root(folder);
      if (root !== undefined && key.startsWith(root)) holding.push(root);
    }
    return holding;
  }

  /** Whether a URI of `folder` (or the folder itself) is reached without a link on the way, itself included. */
  async asNamed(uri: string, folder: string): Promise<boolean> {
    const real = await this.realUri(uri);
    return real !== undefined && (await this.named(uri, real, folder));
  }

  /** Whether `real` is where `uri` leads with no link on the way (below `folder`). */
  private async named(uri: string, real: string, folder: string): Promise<boolean> {
    const root = await this.root(folder);
    return root !== undefined && folderKey(real) === root + folderKey(uri).slice(folderKey(folder).length);
  }

  /** A file named by a file event or a closed document: read only if the walk would find it (see above). */
  async readable(uri: string, folder: string): Promise<boolean> {
    if (!(await this.asNamed(Utils.dirname(URI.parse(uri)).toString(), folder))) return false;
    // The file itself, by its name; else a link (gone: neither). Its real path is found once.
    const real = await this.realUri(uri);
    return real !== undefined && ((await this.named(uri, real, folder)) || (await this.leadsIn(real)));
  }

  /** The file system as the walk sees it: directory entries that are links not followed (see above) are left out. */
  walkable(fs: WorkspaceFileSystem): WorkspaceFileSystem {
    return {
      readFile: (uri, limit) => fs.readFile(uri, limit),
      stat: (uri) => fs.stat(uri),
      join: (folder, name) => fs.join(folder, name),
      readDirectory: async (uri) => {
        const kept: DirectoryEntry[] = [];
        for (const entry of await fs.readDirectory(uri)) if (entry.kind !== 'link' || (await this.followed(fs.join(uri, entry.name)))) kept.push(entry);
        return kept;
      },
    };
  }

  private async root(folder: string): Promise<string | undefined> {
    let root = this.roots.get(folder);
    if (root === undefined) {
      const real = await this.realUri(folder);
      // Not there (yet): asked again next time.
      if (real === undefined) return undefined;
      root = folderKey(real);
      this.roots.set(folder, root);
    }
    return root;
  }
}

/** The file system as a walk of the index sees it (no bounds: the file system itself). */
export function walkable({ bounds, fs }: { bounds?: WorkspaceBounds; fs: WorkspaceFileSystem }): WorkspaceFileSystem {
  return bounds?.walkable(fs) ?? fs;
}
