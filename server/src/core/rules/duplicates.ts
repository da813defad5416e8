// 200 within one file: a channel name, a channel group name or a public number added twice
// (spec section 5). Each entry is also what a workspace index needs for duplicates across files.
import type { Node } from 'jsonc-parser';
import { documentedProblem } from '../messages';
import type { Problem } from '../problem';
import type { Request } from '../requests';
import { propertyValue, writtenText } from '../tree';

export interface UniqueEntry {
  method: string;
  /** What must be unique, normalised for comparison (kind + value). */
  key: string;
  /** The value as written, for messages. */
  shown: string;
  node: Node;
}

interface UniqueRule {
  /** The nodes holding the unique values of one request. */
  values(params: Node): Array<Node | undefined>;
  normalize(value: string): string;
  describe(shown: string): string;
}

const listItems = (node: Node | undefined) => (node?.type === 'array' ? node.children ?? [] : node ? [node] : []);

const RULES: Record<string, UniqueRule> = {
  AddChannel: {
    values: (params) => [propertyValue(propertyValue(params, 'SIP'), 'name')],
    normalize: (v) => v.trim().toLowerCase(),
    describe: (v) => `A channel named '${v}'`,
  },
  AddChannelGroup: {
    values: (params) => [propertyValue(params, 'name')],
    normalize: (v) => v.trim().toLowerCase(),
    describe: (v) => `A channel group named '${v}'`,
  },
  AddPublicNo: {
    values: (params) => listItems(propertyValue(params, 'publicNo')).map((item) => propertyValue(item, 'phoneNo')),
    normalize: (v) => v.trim().replace(/^\+/, ''),
    describe: (v) => `The public number '${v}'`,
  },
};

export function uniqueEntries(requests: readonly Request[], text: string): UniqueEntry[] {
  const entries: UniqueEntry[] = [];
  for (const { method, params } of requests) {
    const rule = method ? RULES[method] : undefined;
    if (!rule || !params) continue;
    for (const node of rule.values(params)) {
      const written = node && writtenText(node, text);
      if (!node || written === undefined || written.length > 1024) continue;
      entries.push({ method: method!, key: `${method} ${rule.normalize(written)}`, shown: written, node });
    }
  }
  return entries;
}

/** The `{object_detail}` of a 200: which other request adds the same thing. */
export function duplicateDetail(entry: UniqueEntry, where: string): string {
  return ` ${RULES[entry.method].describe(entry.shown)} is also added ${where}.`;
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
    const detail = duplicateDetail(earlier, `on line ${lineOf(earlier.node.offset) + 1} of this file`);
    problems.push(documentedProblem(entry.method, '200', { offset: entry.node.offset, length: entry.node.length }, { objectDetail: detail }));
  }
}

/** The methods whose requests add something that must be unique. */
export function uniqueMethods(): string[] {
  return Object.keys(RULES);
}
