// The `voipnowPayloads` settings of a document: read per resource through workspace/configuration
// when the client offers it (multi-root), else from initializationOptions, else the defaults.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_INCLUDE } from '../core';

export interface Settings {
  include: string[];
}

export const DEFAULT_SETTINGS: Settings = { include: DEFAULT_INCLUDE };

function sanitize(raw: unknown, fallback: Settings): Settings {
  const include = (raw as { include?: unknown } | null | undefined)?.include;
  return { include: Array.isArray(include) && include.every((g) => typeof g === 'string') ? include : fallback.include };
}

export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private fallback: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private pullConfiguration: boolean,
  ) {}

  setInitializationOptions(options: unknown): void {
    this.fallback = sanitize(options, DEFAULT_SETTINGS);
  }

  /** Settings pushed in didChangeConfiguration by clients that cannot be asked. */
  setPushed(settings: unknown): void {
    const section = (settings as { voipnowPayloads?: unknown } | null | undefined)?.voipnowPayloads;
    if (section !== undefined) this.fallback = sanitize(section, this.fallback);
  }

  forget(uri?: string): void {
    if (uri) this.perDocument.delete(uri);
    else this.perDocument.clear();
  }

  get(uri: string): Promise<Settings> {
    if (!this.pullConfiguration) return Promise.resolve(this.fallback);
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'voipnowPayloads' })
        .then((raw) => sanitize(raw, this.fallback), () => this.fallback);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }
}
