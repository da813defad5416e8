// The nearest `.voipnow/<file>` to a folder, looking in it and then upward (as a lint config is
// found): shared by the command line's settings and records. Each folder is looked up once.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Problem } from '../core';

/** A `.voipnow/` file the command line read: its problems are part of the report. */
export interface LoadedFile {
  absolute: string;
  /** As the report (and the messages that name it) show it. */
  display: string;
  text: string;
  problems: Problem[];
}

export class NearestFile<T> {
  /** folder → what applies there (null: nothing). */
  private readonly nearest = new Map<string, T | null>();

  constructor(
    /** Below each folder, with forward slashes (`.voipnow/config.json`). */
    private readonly relativePath: string,
    /** Reads the file found; `folder` is the one holding the relative path. */
    private readonly load: (absolute: string, folder: string) => T,
  ) {}

  find(folder: string): T | undefined {
    const seen: string[] = [];
    let found: T | null | undefined;
    for (let dir = folder; ; dir = dirname(dir)) {
      found = this.nearest.get(dir);
      if (found !== undefined) break;
      seen.push(dir);
      const candidate = join(dir, ...this.relativePath.split('/'));
      if (isFile(candidate)) {
        found = this.load(candidate, dir);
        break;
      }
      if (dirname(dir) === dir) {
        found = null;
        break;
      }
    }
    for (const dir of seen) this.nearest.set(dir, found);
    return found ?? undefined;
  }
}

/** A file, or a link to one (a dangling link is not a file the user meant). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
