// 200 within one file: a channel name, a channel group name or a public number added twice
// (spec section 5), each rule one record. Each entry is also what a workspace index needs for
// duplicates across files.
import type { Node } from 'jsonc-parser';
import { code } from '../codes/markdown';
import { documentedProblem } from '../codes/messages';
import type { Problem } from '../codes/problem';
import type { RecordEntry, Records } from '../engine/records-snapshot';
import { propertyValue, rangeOf, writtenText, type Range } from '../parse/tree';
import { shownPath } from './paths';
import type { UniqueValueRule } from './rule-types';

export interface UniqueEntry {
  method: string;
  /** What must be unique, normalised for comparison (method + value). */
  key: string;
  /** The value as written, for messages. */
  shown: string;
  /** Where the value stands (found on demand: the quick path has no tree until it is asked). */
  range(): Range;
}

/** A 200 rule: its record, with the hover and explanation texts every unique value shares. */
function uniqueValue(method: string, value: readonly string[], rest: Pick<UniqueValueRule, 'normalize' | 'describe' | 'records'>): UniqueValueRule {
  const path = ['params', ...value].join('.').replace(/\.\*/g, '[]');
  const cause = `Another request adds the same ${code(shownPath(path))} (in this file or in another payload file).`;
  const raised = { code: '200', path, params: [path], absent: false, when: 'added twice', cause };
  return { name: `unique ${shownPath(path)}`, methods: [method], raises: [raised], words: [], value, ...rest };
}

const caseInsensitive = (v: string) => v.trim().toLowerCase();

export const UNIQUE_VALUE_RULES: readonly UniqueValueRule[] = [
  uniqueValue('AddChannel', ['SIP', 'name'], { normalize: caseInsensitive, describe: (v) => `A channel named '${v}'`, records: 'channels' }),
  uniqueValue('AddChannelGroup', ['name'], { normalize: caseInsensitive, describe: (v) => `A channel group named '${v}'`, records: 'channelGroups' }),
  uniqueValue('AddPublicNo', ['publicNo', '*', 'phoneNo'], {
    normalize: (v) => v.trim().replace(/^\+/, ''),
    describe: (v) => `The public number '${v}'`,
    records: 'publicNumbers',
  }),
];

/** By method: each method adds at most one kind of unique value. */
const RULES: ReadonlyMap<string, UniqueValueRule> = new Map(UNIQUE_VALUE_RULES.flatMap((rule) => rule.methods.map((method) => [method, rule])));

const MAX_SHOWN = 1024;

/** What must be unique of a value as written (method + normalised value): equal keys clash. */
export function uniqueKey(method: string, shown: string): string {
  // Joined, not a template: a flat string (a concatenation keeps its parts, a copy of the method's
  // name among them: three strings a key, kept by the workspace session for every file).
  return [method, ' ', RULES.get(method)!.normalize(shown)].join('');
}

function entry(method: string, shown: string, range: () => Range): UniqueEntry {
  return { method, key: uniqueKey(method, shown), shown, range };
}

/** From a parse tree: each request's params node. */
export function uniqueEntriesOfTree(requests: ReadonlyArray<{ method?: string; params?: Node }>, text: string): UniqueEntry[] {
  const entries: UniqueEntry[] = [];
  for (const { method, params } of requests) {
    const rule = method ? RULES.get(method) : undefined;
    if (!rule || !params) continue;
    let nodes: Node[] = [params];
    for (const step of rule.value) {
      nodes =
        step === '*'
          ? nodes.flatMap((n) => (n.type === 'array' ? n.children ?? [] : [n]))
          : nodes.map((n) => propertyValue(n, step)).filter((n): n is Node => n !== undefined);
    }
    for (const node of nodes) {
      const shown = writtenText(node, text);
      if (shown !== undefined && shown.length <= MAX_SHOWN) entries.push(entry(method!, shown, () => rangeOf(node)));
    }
  }
  return entries;
}

/** The values at `path` below `value`, each with the key/index steps that lead to it. */
type Steps = Array<string | number>;

function valuesAt(value: unknown, path: readonly string[], at: number, steps: Steps, found: Array<{ value: unknown; steps: Steps }>): void {
  if (at === path.length) {
    found.push({ value, steps: steps.slice() });
    return;
  }
  const step = path[at];
  if (step === '*' && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      steps.push(i);
      valuesAt(value[i], path, at + 1, steps, found);
      steps.pop();
    }
  } else if (step === '*') {
    valuesAt(value, path, at + 1, steps, found);
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, step)) {
    steps.push(step);
    valuesAt((value as Record<string, unknown>)[step], path, at + 1, steps, found);
    steps.pop();
  }
}

/**
 * From parsed values (the quick path): `locate(index, steps)` finds the node of request `index`
 * at the key/index steps below its params, when a message needs it.
 */
export function uniqueEntriesOfValues(
  requests: readonly unknown[],
  methods: ReadonlyArray<string | undefined>,
  locate: (index: number, steps: Steps) => Range,
): UniqueEntry[] {
  const entries: UniqueEntry[] = [];
  requests.forEach((request, index) => {
    const method = methods[index];
    const rule = method ? RULES.get(method) : undefined;
    if (!rule) return;
    const found: Array<{ value: unknown; steps: Array<string | number> }> = [];
    valuesAt((request as { params?: unknown }).params, rule.value, 0, [], found);
    for (const { value, steps } of found) {
      const shown = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
      if (shown !== undefined && shown.length <= MAX_SHOWN) {
        let range: Range | undefined;
        entries.push(entry(method!, shown, () => (range ??= locate(index, steps))));
      }
    }
  });
  return entries;
}

/** The `{object_detail}` of a 200: which other request adds the same thing. */
export function duplicateDetail(entry: UniqueEntry, where: string): string {
  return ` ${RULES.get(entry.method)!.describe(entry.shown)} is also added ${where}.`;
}

/** Every entry after the first with the same key gets 200. */
export function reportDuplicatesInFile(entries: readonly UniqueEntry[], lineOf: (offset: number) => number, problems: Problem[]): void {
  const first = new Map<string, UniqueEntry>();
  for (const entry of entries) {
    const earlier = first.get(entry.key);
    if (!earlier) {
      first.set(entry.key, entry);
      continue;
    }
    const detail = duplicateDetail(earlier, `on line ${lineOf(earlier.range().offset) + 1} of this file`);
    const range = entry.range();
    problems.push(documentedProblem(entry.method, '200', { offset: range.offset, length: range.length }, { objectDetail: detail }));
  }
}

/** The canonical path of a method's unique value (`params.SIP.name`, `params.publicNo[].phoneNo`), if it has one. */
export function uniquePath(method: string): string | undefined {
  return RULES.get(method)?.raises[0].path;
}

/** The record that already holds an entry's name (a public number: its number), when the records hold that kind. */
export function recordClash(entry: Pick<UniqueEntry, 'method' | 'shown'>, records: Records | undefined): RecordEntry | undefined {
  const rule = RULES.get(entry.method)!;
  return records?.has(rule.records) ? records.named(rule.records, rule.normalize(entry.shown), rule.normalize) : undefined;
}

/** The `{object_detail}` of a 200 against the records. */
export function recordDetail(entry: UniqueEntry, records: Records): string {
  return ` ${RULES.get(entry.method)!.describe(entry.shown)} already exists in the records (${records.display}).`;
}

/**
 * 200 on every entry whose name or number the records already hold. Returns the other entries:
 * the ones still to compare between requests and between files (a clash with the records is
 * reported once, not again as a clash between requests).
 */
export function reportRecordClashes(entries: UniqueEntry[], records: Records | undefined, problems: Problem[]): UniqueEntry[] {
  if (!records || entries.length === 0) return entries;
  const rest: UniqueEntry[] = [];
  for (const entry of entries) {
    const rule = RULES.get(entry.method)!;
    if (!recordClash(entry, records)) {
      rest.push(entry);
      continue;
    }
    const range = entry.range();
    const data = { param: rule.value[rule.value.length - 1], record: rule.records };
    problems.push(documentedProblem(entry.method, '200', { offset: range.offset, length: range.length }, { objectDetail: recordDetail(entry, records) }, data));
  }
  return rest;
}
