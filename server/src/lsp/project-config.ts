// The project file of each workspace folder, `<folder>/.voipnow/config.json` (shared with the
// command line), read through the workspace file system (the disk, or the client's workspace.fs in
// the browser) at start and again when the file watching reports a change. Reads are asynchronous
// and run one after the other (a later read never loses to an earlier one); `ready()` resolves when
// the ones asked for are done. Its valid settings are the middle layer of a document's settings
// (defaults < project file < editor settings); its problems are shown on it like a document's (see
// workspace-index.ts).
import { URI } from 'vscode-uri';
import { CONFIG_FILE, parseConfig, readText, type Problem, type SettingsLayer, type WorkspaceFileSystem } from '../core';
import { folderKey, joinUri, uriKey } from './uri-paths';

/** A project file is small: a larger one is read this far and reported as malformed JSON. */
const MAX_CONFIG_SIZE = 1024 * 1024;

export interface FolderConfig {
  /** The folder's key (uri-paths.ts: scheme, authority, path with a trailing slash). */
  folderKey: string;
  uri: string;
  /** The text read (undefined: no file). */
  text: string | undefined;
  layer: SettingsLayer;
  problems: Problem[];
}

export class ProjectConfigs {
  private configs: FolderConfig[] = [];
  /** The reads asked for, one after the other. */
  private reads: Promise<unknown> = Promise.resolve();

  constructor(private readonly fs: WorkspaceFileSystem) {}

  /** The workspace folders changed: their files are read (the ones already known kept); resolves once read. */
  setFolders(folderUris: readonly string[]): Promise<void> {
    const known = new Map(this.configs.map((c) => [c.folderKey, c]));
    this.configs = folderUris.map((folderUri) => {
      const key = folderKey(folderUri);
      const existing = known.get(key);
      if (existing) return existing;
      const uri = joinUri(folderUri, CONFIG_FILE);
      const config: FolderConfig = { folderKey: key, uri, text: undefined, layer: {}, problems: [] };
      void this.load(config);
      return config;
    });
    // Longest first: the innermost folder of a nested pair wins.
    this.configs.sort((a, b) => b.folderKey.length - a.folderKey.length);
    return this.ready();
  }

  /** Resolves once every read asked for so far is done. */
  async ready(): Promise<void> {
    await this.reads;
  }

  /** Whether a URI is a project file (of a workspace folder or not): checked as one, not as a payload. */
  static isConfigFile(uri: string): boolean {
    return URI.parse(uri).path.endsWith(`/${CONFIG_FILE}`);
  }

  /** The project file that applies to a document: its innermost workspace folder's. */
  forDocument(uri: string): FolderConfig | undefined {
    // A folder's own URI (the settings of its files) finds the folder's file.
    const key = uriKey(uri) + '/';
    return this.configs.find((c) => key.startsWith(c.folderKey));
  }

  layerFor(uri: string): SettingsLayer | undefined {
    return this.forDocument(uri)?.layer;
  }

  /** The folder's project file, by the file's own URI. */
  byFileUri(uri: string): FolderConfig | undefined {
    const key = uriKey(uri);
    return this.configs.find((c) => c.folderKey + CONFIG_FILE === key);
  }

  all(): readonly FolderConfig[] {
    return this.configs;
  }

  /** Reads a project file again; resolves with whether its settings or problems changed. */
  reload(uri: string): Promise<boolean> {
    const config = this.byFileUri(uri);
    return config ? this.load(config) : Promise.resolve(false);
  }

  private load(config: FolderConfig): Promise<boolean> {
    const read = this.reads.then(() => readText(this.fs, config.uri, MAX_CONFIG_SIZE + 1)).then((text) => this.apply(config, text));
    this.reads = read.catch(() => {});
    return read;
  }

  private apply(config: FolderConfig, text: string | undefined): boolean {
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
