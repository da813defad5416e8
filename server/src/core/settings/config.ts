// Project settings: `.voipnow/config.json` (shared by the editor and the command line, like a lint
// config; its JSON Schema is schemas/config.schema.json) and the editor's own settings, merged in
// layers: defaults < the project file < the editor's settings (or the command line's options).
//
//   { "include": ["payloads/**/*.json"], "rules": { "617": "warning", "duplicate-key": "off" }, "maxFileSize": 1048576, "maxProblems": 500 }
//
// One validator reads both sources: a project file gets a problem on each bad part (its valid
// parts still apply); the editor's settings drop bad parts silently (VS Code validates them
// against the contributed schema already).
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { allRows, normalizeCode } from '../codes/catalog';
import { globProblem } from '../glob/glob';
import { DEFAULT_INCLUDE } from '../glob/include';
import { DEFAULT_MAX_PROBLEMS } from './max-problems';
import { wordProblem } from '../codes/messages';
import { DEFAULT_MAX_FILE_SIZE, syntaxMessage, tooDeepAt, withinText, withoutBom } from '../parse/limits';
import { tooDeepProblem } from '../engine/parse-document';
import type { Problem, Severity } from '../codes/problem';
import { suggest } from '../codes/suggest';
import { WORD_CODES } from '../codes/word-codes';
import { readServers, type ServerProfile } from './server-profiles';

/** Where the project file stands, relative to the workspace folder (or the folder it configures). */
export const CONFIG_FILE = '.voipnow/config.json';

/** `info` and `information` (the severity's own name) are one level: one vocabulary everywhere a level is written. */
export const RULE_LEVELS = ['off', 'error', 'warning', 'info', 'information'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];
/** Per code (`"617"`, `"030"`) or word code (`"duplicate-key"`). */
export type Rules = Readonly<Record<string, RuleLevel>>;

/** One layer of settings: what it does not say, a lower layer (or the default) decides. */
export interface SettingsLayer {
  include?: readonly string[];
  rules?: Rules;
  maxFileSize?: number;
  /** Problems shown per file (the workspace layer applies the cap, see max-problems.ts). */
  maxProblems?: number;
  /** Connection profiles (server-profiles.ts): the project file's only. */
  servers?: Readonly<Record<string, ServerProfile>>;
}

export interface EffectiveSettings {
  include: readonly string[];
  rules: Rules;
  maxFileSize: number;
  maxProblems: number;
}

export const DEFAULT_EFFECTIVE_SETTINGS: EffectiveSettings = Object.freeze({
  include: DEFAULT_INCLUDE,
  rules: Object.freeze({}),
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  maxProblems: DEFAULT_MAX_PROBLEMS,
});

const KNOWN_KEYS = ['$schema', 'include', 'rules', 'maxFileSize', 'maxProblems', 'servers'];
/** `include, rules, maxFileSize, maxProblems and servers`. */
const SETTING_NAMES = `${KNOWN_KEYS.slice(1, -1).join(', ')} and ${KNOWN_KEYS[KNOWN_KEYS.length - 1]}`;

/** Every code a rule may name: the documented ones (of any method) and the word codes. */
let knownCodes: Set<string> | undefined;
function isKnownCode(code: string): boolean {
  knownCodes ??= new Set([...allRows().map((r) => r.code), ...Object.keys(WORD_CODES)]);
  return knownCodes.has(code);
}

/** `617`, `30` (= `030`) and word codes as written, else undefined. */
export function ruleCode(written: string): string | undefined {
  const code = normalizeCode(written.trim());
  return isKnownCode(code) ? code : undefined;
}

export function levelSeverity(level: Exclude<RuleLevel, 'off'>): Severity {
  return level === 'info' ? 'information' : level;
}

type Report = (path: Array<string | number>, message: string, on?: 'key' | 'value') => void;

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
const didYouMean = (written: string, candidates: readonly string[]) => {
  const close = suggest(written, candidates);
  return close === undefined ? '' : ` Did you mean '${close}'?`;
};

/** Reads a settings object; what is wrong is reported and left out. */
function readLayer(value: unknown, report: Report): SettingsLayer {
  const layer: SettingsLayer = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report([], 'The configuration is an object such as { "include": ["**/*.payload.json"], "rules": { "617": "warning" }, "maxFileSize": 8388608 }.');
    return layer;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!KNOWN_KEYS.includes(key)) report([key], `Unknown setting '${key}': the settings are ${SETTING_NAMES}.${didYouMean(key, KNOWN_KEYS.slice(1))}`, 'key');
  }
  if ('include' in object) {
    const include = object.include;
    if (!Array.isArray(include)) report(['include'], 'include is an array of globs, such as ["**/*.payload.json"].');
    else {
      const globs: string[] = [];
      include.forEach((g, i) => {
        if (typeof g !== 'string' || g.trim() === '') return report(['include', i], 'A glob is a non-empty string, such as "payloads/**/*.json".');
        // A glob past a bound of what matching may cost is not used (see glob.ts).
        const problem = globProblem(g);
        if (problem) report(['include', i], problem);
        else globs.push(g);
      });
      // An empty list is a choice: no file is a payload by its name alone.
      if (globs.length > 0 || include.length === 0) layer.include = globs;
    }
  }
  if ('rules' in object) {
    const rules = object.rules;
    if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
      report(['rules'], 'rules is an object of codes and levels, such as { "617": "warning", "duplicate-key": "off" }.');
    } else {
      const read: Record<string, RuleLevel> = {};
      for (const [written, level] of Object.entries(rules as Record<string, unknown>)) {
        const code = ruleCode(written);
        if (code === undefined) {
          const hint = /^\d+$/.test(written.trim()) ? ' (no method documents it)' : didYouMean(written, Object.keys(WORD_CODES));
          const message = `Unknown code '${written}' in rules: a rule names a documented code ("617") or a word code ("duplicate-key").${hint}`;
          report(['rules', written], message, 'key');
        } else if (typeof level !== 'string' || !(RULE_LEVELS as readonly string[]).includes(level)) {
          const hint = typeof level === 'string' ? didYouMean(level, RULE_LEVELS) : '';
          report(['rules', written], `Invalid level for ${code}: expected ${quoted(RULE_LEVELS)}.${hint}`);
        } else {
          read[code] = level as RuleLevel;
        }
      }
      layer.rules = read;
    }
  }
  if ('maxFileSize' in object) {
    const size = object.maxFileSize;
    if (typeof size === 'number' && Number.isSafeInteger(size) && size >= 1) layer.maxFileSize = size;
    else report(['maxFileSize'], `maxFileSize is a whole number of bytes, at least 1 (default ${DEFAULT_MAX_FILE_SIZE}, 8 MB).`);
  }
  if ('maxProblems' in object) {
    const max = object.maxProblems;
    if (typeof max === 'number' && Number.isSafeInteger(max) && max >= 1) layer.maxProblems = max;
    else report(['maxProblems'], `maxProblems is a whole number of problems shown per file, at least 1 (default ${DEFAULT_MAX_PROBLEMS}).`);
  }
  if ('servers' in object) layer.servers = readServers(object.servers, report);
  return layer;
}

export interface ParsedConfig {
  layer: SettingsLayer;
  /** `invalid-json` and `invalid-config` problems, with offsets into the file's text. */
  problems: Problem[];
}

/** A project file's text → its settings and the problems to show on it. */
export function parseConfig(text: string): ParsedConfig {
  const source = withoutBom(text);
  // jsonc-parser's parseTree recurses: a file nested too deep gets the payloads' one problem and no settings.
  const deep = tooDeepAt(source);
  if (deep !== undefined) return { layer: {}, problems: [tooDeepProblem(deep)] };
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: false, allowTrailingComma: true, allowEmptyContent: true });
  const problems: Problem[] = errors.map((e) => wordProblem('invalid-json', syntaxMessage(e.error), withinText(e, source.length)));
  if (!root) {
    const empty = 'The configuration is empty: write an object such as { "rules": { "617": "warning" } }.';
    if (errors.length === 0) problems.push(wordProblem('invalid-config', empty, { offset: 0, length: 0 }));
    return { layer: {}, problems };
  }
  const report: Report = (path, message, on = 'value') => {
    let node: Node | undefined = path.length === 0 ? root : findNodeAtLocation(root, path);
    if (node && on === 'key' && node.parent?.type === 'property') node = node.parent.children?.[0];
    const at = node ?? root;
    problems.push(wordProblem('invalid-config', message, { offset: at.offset, length: at.type === 'object' || at.type === 'array' ? 1 : at.length }));
  };
  const layer = readLayer(valueOf(root), report);
  problems.sort((a, b) => a.offset - b.offset);
  return { layer, problems };
}

/** A tree's value (jsonc-parser's getNodeValue keeps the last of repeated keys too). */
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object = Object.create(null) as Record<string, unknown>;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) object[key.value as string] = valueOf(value);
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

/** The editor's settings (or initializationOptions): the valid parts only. */
export function settingsLayer(value: unknown): SettingsLayer {
  if (value === null || value === undefined) return {};
  const layer = readLayer(value, () => {});
  // Settings an editor returns but the user did not set (null) say nothing.
  return layer;
}

/** Layers from the lowest to the highest: `include`, `maxFileSize` and `maxProblems` are replaced, `rules` merged code by code. */
export function mergeSettings(...layers: ReadonlyArray<SettingsLayer | undefined>): EffectiveSettings {
  let { include, maxFileSize, maxProblems } = DEFAULT_EFFECTIVE_SETTINGS;
  let rules: Record<string, RuleLevel> | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    if (layer.include) include = layer.include;
    if (layer.maxFileSize !== undefined) maxFileSize = layer.maxFileSize;
    if (layer.maxProblems !== undefined) maxProblems = layer.maxProblems;
    if (layer.rules && Object.keys(layer.rules).length > 0) rules = { ...rules, ...layer.rules };
  }
  return { include, maxFileSize, maxProblems, rules: rules ?? DEFAULT_EFFECTIVE_SETTINGS.rules };
}
