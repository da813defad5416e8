// The project file of each workspace folder, `<folder>/.voipnow/config.json` (shared with the
// command line), read from disk at start and read again when the file watching reports a change.
// Its valid settings are the middle layer of a document's settings (defaults < project file <
// editor settings); its problems are shown on it like a document's (see workspace-index.ts).
import { URI } from 'vscode-uri';
import { CONFIG_FILE, parseConfig, type Problem, type SettingsLayer } from '../core';
import { readTextFile } from './read-file';

/** A project file is small: a larger one is read this far and reported as malformed JSON. */
const MAX_CONFIG_SIZE = 1024 * 1024;

export interface FolderConfig {
  /** The folder's path with a trailing slash (URI path). */
  folderPath: string;
  uri: string;
  fsPath: string;
  /** The text read (undefined: no file). */
  text: string | undefined;
  layer: SettingsLayer;
  problems: Problem[];
}

export class ProjectConfigs {
  private configs: FolderConfig[] = [];

  /** The workspace folders changed: their files are read (the ones already known kept). */
  setFolders(folderUris: readonly string[]): void {
    const known = new Map(this.configs.map((c) => [c.folderPath, c]));
    this.configs = folderUris.map((folderUri) => {
      const folderPath = URI.parse(folderUri).path.replace(/\/?$/, '/');
      const existing = known.get(folderPath);
      if (existing) return existing;
      const uri = URI.parse(folderUri).with({ path: folderPath + CONFIG_FILE }).toString();
      const config: FolderConfig = { folderPath, uri, fsPath: URI.parse(uri).fsPath, text: undefined, layer: {}, problems: [] };
      this.load(config);
      return config;
    });
    // Longest first: the innermost folder of a nested pair wins.
    this.configs.sort((a, b) => b.folderPath.length - a.folderPath.length);
  }

  /** Whether a URI is a project file (of a workspace folder or not): checked as one, not as a payload. */
  static isConfigFile(uri: string): boolean {
    return URI.parse(uri).path.endsWith(`/${CONFIG_FILE}`);
  }

  /** The project file that applies to a document: its innermost workspace folder's. */
  forDocument(uri: string): FolderConfig | undefined {
    // A folder's own URI (the settings of its files) has no trailing slash.
    const path = URI.parse(uri).path + '/';
    return this.configs.find((c) => path.startsWith(c.folderPath));
  }

  layerFor(uri: string): SettingsLayer | undefined {
    return this.forDocument(uri)?.layer;
  }

  /** The folder's project file, by the file's own URI. */
  byFileUri(uri: string): FolderConfig | undefined {
    const path = URI.parse(uri).path;
    return this.configs.find((c) => c.folderPath + CONFIG_FILE === path);
  }

  all(): readonly FolderConfig[] {
    return this.configs;
  }

  /** Reads a project file again; returns whether its settings or problems changed. */
  reload(uri: string): boolean {
    const config = this.byFileUri(uri);
    return config ? this.load(config) : false;
  }

  private load(config: FolderConfig): boolean {
    const text = readTextFile(config.fsPath, MAX_CONFIG_SIZE);
    if (text === config.text) return false;
    config.text = text;
    if (text === undefined) {
      config.layer = {};
      config.problems = [];
    } else {
      const parsed = parseConfig(text);
      config.layer = parsed.layer;
      config.problems = parsed.problems;
    }
    return true;
  }
}
