// What the workspace index is given by the server (workspace-index.ts): the file system, each
// folder's settings, records and project file, and the hooks it calls as it reads.
import type { Records, WorkspaceFileSystem } from '../core';
import type { IndexBudget } from './index-budget';
import type { IndexProgress } from './index-run';
import type { CheckAside } from './platform';
import type { FolderConfig } from './project-config';
import type { Settings } from './settings';
import type { WorkspaceBounds } from './workspace-bounds';
import type { IndexFolder } from './workspace-folders';

export interface WorkspaceIndexOptions {
  fs: WorkspaceFileSystem;
  /** The settings of a folder's files on disk (project file and editor settings, merged). */
  settingsOf(folder: IndexFolder): Settings;
  /** The records snapshot a file is checked against (spec section 6), if any. */
  recordsFor?(uri: string): Records | undefined;
  /** The project file of a folder, for its problems. */
  configOf?(folder: IndexFolder): FolderConfig | undefined;
  isOpen(uri: string): boolean;
  /** New folders found (their URIs, for the server's own watching). */
  onFolder?(uri: string, folder: IndexFolder): void;
  /** The JSON files of a folder by the client's search (workspace.findFiles); undefined: it cannot search, walk the folder. */
  findFiles?(folder: IndexFolder): Promise<string[] | undefined>;
  /** Checks large files off the server's thread (platform.ts). */
  checkAside?: CheckAside;
  /** What may be read from disk: no link that leaves the workspace folders is followed (workspace-bounds.ts). */
  bounds?: WorkspaceBounds;
  /** Gets folders ready to be read (their settings and records): awaited before each pass. */
  prepare?(folders: readonly IndexFolder[]): Promise<void>;
  /** A run's work-done progress, created as it starts; what it read once it ends; a fault (for the logs). */
  progress?(): Promise<IndexProgress | undefined>;
  onIndexed?(run: { files: number; payloads: number; ms: number }): void;
  log?(message: string): void;
  /** Past this memory budget it takes no more files (index-budget.ts). */
  budget?: IndexBudget;
}
