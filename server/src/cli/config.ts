// The command line's settings, per file: defaults < the project file `.voipnow/config.json` (the
// nearest one in the file's folder or above it, or the one `--config` names) < the command line's
// options (--include, --rule, --max-file-size). A project file's include globs are matched against
// the path relative to the folder that holds `.voipnow/` (as in the editor, where that is the
// workspace folder); --include's and --config's against the path relative to the working folder
// (as ESLint and Spectral match their patterns; a file outside it: relative to the folder given).
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { CONFIG_FILE, isIncluded, mergeSettings, parseConfig, ruleCode, RULE_LEVELS } from '../core';
import type { EffectiveSettings, RuleLevel, Rules, SettingsLayer } from '../core';
import { CliError } from './errors';
import { displayPath, toSlashes, type InputFile } from './files';
import { NearestFile, type LoadedFile } from './nearest-file';
import { readText } from './read';

export interface CliSettingsOptions {
  /** --config FILE */
  configFile?: string;
  /** --no-config */
  noConfig?: boolean;
  /** The command line's own layer (what it does not say, the project file decides). */
  layer: SettingsLayer;
}

export interface LoadedConfig extends LoadedFile {
  layer: SettingsLayer;
  /** The folder that holds `.voipnow/` (undefined for --config). */
  base?: string;
}

export interface FileSettings {
  settings: EffectiveSettings;
  /** What the include globs are matched against. */
  includePath: string;
}

/** The --include globs that match none of the files found (each gets a warning: a glob written wrong includes nothing). */
export function unmatchedIncludes(globs: readonly string[] | undefined, inputs: readonly InputFile[]): string[] {
  return (globs ?? []).filter((glob) => !inputs.some((input) => isIncluded(input.includePath, [glob])));
}

/** `--rule 617=off` (repeatable) → rules. */
export function parseRuleOptions(values: readonly string[] | undefined): Rules | undefined {
  if (!values || values.length === 0) return undefined;
  const rules: Record<string, RuleLevel> = {};
  for (const value of values) {
    const at = value.lastIndexOf('=');
    const written = at < 0 ? value : value.slice(0, at);
    const level = at < 0 ? '' : value.slice(at + 1);
    const code = ruleCode(written);
    if (code === undefined) throw new CliError(`invalid value '${value}' for --rule: '${written}' is neither a documented code nor a word code`);
    if (!(RULE_LEVELS as readonly string[]).includes(level)) {
      throw new CliError(`invalid value '${value}' for --rule: expected CODE=LEVEL with LEVEL one of ${RULE_LEVELS.join(', ')}`);
    }
    rules[code] = level as RuleLevel;
  }
  return rules;
}

export class CliSettings {
  private readonly configs = new Map<string, LoadedConfig>();
  private readonly nearest = new NearestFile(CONFIG_FILE, (absolute, folder) => this.load(absolute, folder, false));
  private readonly explicit: LoadedConfig | undefined;

  constructor(
    private readonly cwd: string,
    private readonly options: CliSettingsOptions,
  ) {
    if (options.configFile !== undefined) this.explicit = this.load(resolve(cwd, options.configFile), undefined, true);
  }

  /** Every project file read (their problems are part of the report). */
  loaded(): LoadedConfig[] {
    return [...this.configs.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  }

  forInput(input: InputFile): FileSettings {
    // Looked for from the file's own folder up, so that a file gets its own folder's settings
    // whatever folder was given (as in the editor, where they are its workspace folder's).
    const folder = input.absolute !== undefined ? dirname(input.absolute) : input.root;
    const config = this.explicit ?? (this.options.noConfig ? undefined : this.nearest.find(folder));
    const settings = mergeSettings(config?.layer, this.options.layer);
    let includePath = input.includePath;
    // The project file's globs (not overridden by --include) are relative to its folder.
    if (config?.base !== undefined && config.layer.include && !this.options.layer.include) {
      const absolute = input.absolute ?? (isAbsolute(input.display) ? input.display : resolve(this.cwd, input.display));
      const rel = relative(config.base, absolute);
      if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) includePath = toSlashes(rel);
    }
    return { settings, includePath };
  }

  private load(absolute: string, base: string | undefined, given: boolean): LoadedConfig {
    const cached = this.configs.get(absolute);
    if (cached) return cached;
    const text = readText(absolute, given ? this.options.configFile! : displayPath(absolute, this.cwd));
    const { layer, problems } = parseConfig(text);
    const config: LoadedConfig = { absolute, display: displayPath(absolute, this.cwd), text, problems, layer, base };
    this.configs.set(absolute, config);
    return config;
  }
}
