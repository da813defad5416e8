// The settings of a document, in layers: defaults < the project file of its workspace folder
// (`.voipnow/config.json`, project-config.ts) < the editor's `voipnowPayloads` settings, read per
// resource through workspace/configuration when the client offers it (multi-root), else taken from
// initializationOptions and didChangeConfiguration. `include` and `maxFileSize` of a higher layer
// replace a lower one's; `rules` merge code by code. The index's memory budget (`maxIndexMemory`)
// is the editor's alone, for the whole server: a repository's project file cannot raise it.
import type { Connection } from 'vscode-languageserver';
import { mergeSettings, settingsLayer, type EffectiveSettings, type SettingsLayer } from '../core';
import type { ProjectConfigs } from './project-config';

export type Settings = EffectiveSettings;

/** The workspace index's memory budget in MB (voipnowPayloads.maxIndexMemory) when none is set. */
export const DEFAULT_MAX_INDEX_MEMORY_MB = 1536;

/** `maxIndexMemory` of the editor's `voipnowPayloads` section: a number of MB above 0, else undefined. */
function maxIndexMemoryOf(section: unknown): number | undefined {
  const value = section !== null && typeof section === 'object' ? (section as { maxIndexMemory?: unknown }).maxIndexMemory : undefined;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<SettingsLayer>>();
  /** initializationOptions, then what didChangeConfiguration pushed (clients that cannot be asked). */
  private fallback: SettingsLayer = {};
  /** maxIndexMemory from initializationOptions or didChangeConfiguration (clients that cannot be asked). */
  private memoryFallback: number | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly pullConfiguration: boolean,
    private readonly project?: ProjectConfigs,
  ) {}

  setInitializationOptions(options: unknown): void {
    this.fallback = settingsLayer(options);
    this.memoryFallback = maxIndexMemoryOf(options);
  }

  /**
   * Settings pushed in didChangeConfiguration by clients that cannot be asked. A client that can be
   * asked is asked instead: what it pushes (VS Code pushes every default too, which would hide the
   * project file's values) only says that something changed.
   */
  setPushed(settings: unknown): void {
    if (this.pullConfiguration) return;
    const section = (settings as { voipnowPayloads?: unknown } | null | undefined)?.voipnowPayloads;
    if (section !== undefined && section !== null) this.fallback = { ...this.fallback, ...settingsLayer(section) };
    this.memoryFallback = maxIndexMemoryOf(section) ?? this.memoryFallback;
  }

  /** The index's memory budget in MB: the editor's setting (for the window, not per folder), else the default. */
  async maxIndexMemory(): Promise<number> {
    if (this.pullConfiguration) {
      const raw: unknown = await this.connection.workspace.getConfiguration({ section: 'voipnowPayloads' }).catch(() => undefined);
      const set = maxIndexMemoryOf(raw);
      if (set !== undefined) return set;
    }
    return this.memoryFallback ?? DEFAULT_MAX_INDEX_MEMORY_MB;
  }

  forget(uri?: string): void {
    if (uri) this.perResource.delete(uri);
    else this.perResource.clear();
  }

  /** The editor's layer for a document or a folder (only what is set; the client may send nulls). */
  editorLayer(uri: string): Promise<SettingsLayer> {
    if (!this.pullConfiguration) return Promise.resolve(this.fallback);
    let layer = this.perResource.get(uri);
    if (!layer) {
      layer = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'voipnowPayloads' }).then(
        (raw) => ({ ...this.fallback, ...settingsLayer(raw) }),
        () => this.fallback,
      );
      this.perResource.set(uri, layer);
    }
    return layer;
  }

  /** The settings of a document (or a folder), all layers merged. */
  async get(uri: string): Promise<Settings> {
    const editor = await this.editorLayer(uri);
    return this.merge(uri, editor);
  }

  merge(uri: string, editor: SettingsLayer): Settings {
    return mergeSettings(this.project?.layerFor(uri), editor);
  }
}

