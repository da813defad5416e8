// The outline of a payload file: one symbol per request (`AddChannel · Carrier A`) with its
// parameters below, so a batch of thousands of requests can be navigated. Bounded as VS Code's
// JSON outline is: 40,000 requests made 400,000 symbols, 98 MB of answer, and held hovers back.
import type { Node } from 'jsonc-parser';
import type { Analysis } from '../engine/check';
import type { Request } from '../engine/requests';
import { finish } from '../engine/steps';
import { propertyValue } from '../parse/tree';

/** `omitted`: the last entry of an outline cut at its limit, saying what is left out. */
export type SymbolKind = 'request' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'property' | 'omitted';

export interface SymbolEntry {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole request or property. */
  offset: number;
  length: number;
  /** What is shown selected: the method value, or the key. */
  selectionOffset: number;
  selectionLength: number;
  children?: SymbolEntry[];
}

const MAX_DEPTH = 6;
const MAX_DETAIL = 60;

/** Values shown as their text beside their key (objects and arrays are not). */
const SCALAR_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'null']);

function scalar(node: Node | undefined, text: string): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number') return text.slice(node.offset, node.offset + node.length);
  return undefined;
}

function shorten(value: string): string {
  const line = value.replace(/\s+/g, ' ');
  return line.length > MAX_DETAIL ? `${line.slice(0, MAX_DETAIL - 1)}…` : line;
}

/** What tells one request from another: a name, a number, the user's own id, then an ID. */
function requestLabel(request: Request, text: string): string | undefined {
  const params = request.params ?? propertyValue(request.node, 'params');
  const firstItem = (node: Node | undefined) => (node?.type === 'array' ? node.children?.[0] : node);
  const publicNo = propertyValue(params, 'publicNo');
  const count = publicNo?.type === 'array' ? publicNo.children?.length ?? 0 : 0;
  const phone = scalar(propertyValue(firstItem(publicNo), 'phoneNo'), text);
  const candidates: Array<string | undefined> = [
    scalar(propertyValue(propertyValue(params, 'SIP'), 'name'), text),
    scalar(propertyValue(params, 'name'), text),
    phone && count > 1 ? `${phone} +${count - 1}` : phone,
    scalar(propertyValue(params, 'phoneNo'), text),
    scalar(propertyValue(request.node, 'id'), text),
  ];
  for (const key of ['ID', 'didID', 'channelID', 'userID', 'groupID']) {
    const id = propertyValue(params, key);
    const first = scalar(firstItem(id), text);
    if (first !== undefined) candidates.push(`${key} ${first}${id?.type === 'array' && (id.children?.length ?? 0) > 1 ? ` +${id.children!.length - 1}` : ''}`);
  }
  const label = candidates.find((c) => c !== undefined && c.trim() !== '');
  return label === undefined ? undefined : shorten(label);
}

function valueKind(node: Node | undefined): SymbolKind {
  return node ? node.type : 'property';
}

/** An array item's name: its index, and a name or number when it has one. */
function itemName(item: Node, index: number, text: string): string {
  if (item.type !== 'object') return `[${index}]`;
  for (const key of ['phoneNo', 'name', 'number', 'ruleID']) {
    const value = scalar(propertyValue(item, key), text);
    if (value !== undefined) return `[${index}] ${shorten(value)}`;
  }
  return `[${index}]`;
}

/** Symbols in an outline, at most (VS Code's JSON outline stops at 5,000 too, json.maxItemsComputed). */
export const MAX_SYMBOLS = 5000;

/** Symbols made between two yields of outlineSteps. */
const STEP = 250;

/** A value whose children are still to be listed, below `entry`. */
interface Pending {
  node: Node;
  entry: SymbolEntry;
  depth: number;
}

/** The children a value has in the outline: its properties or items (none past MAX_DEPTH, none for a scalar). */
function childNodes(node: Node | undefined, depth: number): Node[] | undefined {
  if (!node || depth > MAX_DEPTH || (node.type !== 'object' && node.type !== 'array')) return undefined;
  return node.children ?? [];
}

/** The entry of a child node (a property or an array item), without its children. */
function childEntry(parent: Node, child: Node, index: number, text: string): { entry: SymbolEntry; value: Node | undefined } | undefined {
  if (parent.type === 'object') {
    const [key, value] = child.children ?? [];
    if (!key || key.type !== 'string') return undefined;
    const entry: SymbolEntry = {
      name: (key.value as string) || '""',
      detail: value && SCALAR_TYPES.has(value.type) ? shorten(text.slice(value.offset, value.offset + value.length)) : undefined,
      kind: valueKind(value),
      offset: child.offset,
      length: child.length,
      selectionOffset: key.offset,
      selectionLength: key.length,
    };
    return { entry, value };
  }
  const entry: SymbolEntry = {
    name: itemName(child, index, text),
    detail: child.type === 'object' || child.type === 'array' ? undefined : shorten(text.slice(child.offset, child.offset + child.length)),
    kind: valueKind(child),
    offset: child.offset,
    length: child.length,
    selectionOffset: child.offset,
    selectionLength: child.type === 'object' || child.type === 'array' ? 1 : child.length,
  };
  return { entry, value: child };
}

function requestEntry(request: Request, text: string): SymbolEntry {
  const methodNode = request.methodNode;
  const method = request.method ?? (methodNode?.type === 'string' ? (methodNode.value as string) : undefined) ?? '(no method)';
  const label = request.node.type === 'object' ? requestLabel(request, text) : undefined;
  const selection = methodNode ?? { offset: request.node.offset, length: request.node.type === 'object' ? 1 : request.node.length };
  return {
    name: label ? `${method} · ${label}` : method,
    kind: 'request',
    offset: request.node.offset,
    length: request.node.length,
    selectionOffset: selection.offset,
    selectionLength: selection.length,
    children: [],
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/** The last entry of an outline that the limit cut: what is left out, from the first node not listed to the end of the requests. */
function omittedEntry(requests: readonly Request[], listed: number, first: Node | Request, limit: number): SymbolEntry {
  const start = 'node' in first ? first.node.offset : first.offset;
  const last = requests[requests.length - 1].node;
  const more = requests.length - listed;
  const what = more > 0 ? `${count(more)} more request${more === 1 ? '' : 's'}` : 'more parameters';
  return {
    name: `… ${what} not listed: the outline shows at most ${count(limit)} symbols`,
    kind: 'omitted',
    offset: start,
    length: Math.max(1, last.offset + last.length - start),
    selectionOffset: start,
    selectionLength: 1,
  };
}

/**
 * The outline, a step at a time: one symbol per request, its parameters (the children of
 * `params`) below it, listed level by level (every request first, then their parameters, then
 * theirs) up to `limit` symbols; past it, one last entry says what is left out.
 */
export function* outlineSteps(analysis: Analysis, limit = MAX_SYMBOLS): Generator<void, SymbolEntry[]> {
  if (!analysis.isPayload) return [];
  const text = analysis.text;
  const requests = analysis.requests;
  const entries: SymbolEntry[] = [];
  const pending: Pending[] = [];
  let made = 0;
  for (const request of requests) {
    if (made === limit) {
      entries.push(omittedEntry(requests, entries.length, request, limit));
      return entries;
    }
    const entry = requestEntry(request, text);
    entries.push(entry);
    const params = request.params ?? propertyValue(request.node, 'params');
    if (params && childNodes(params, 1)) pending.push({ node: params, entry, depth: 1 });
    if (++made % STEP === 0) yield;
  }
  for (let next = 0; next < pending.length; next++) {
    const { node, entry, depth } = pending[next];
    const children = childNodes(node, depth)!;
    const listed: SymbolEntry[] = (entry.children = []);
    for (let i = 0; i < children.length; i++) {
      const child = childEntry(node, children[i], i, text);
      if (!child) continue;
      if (made === limit) {
        entries.push(omittedEntry(requests, requests.length, children[i], limit));
        return entries;
      }
      listed.push(child.entry);
      if (childNodes(child.value, depth + 1)) {
        child.entry.children = [];
        pending.push({ node: child.value!, entry: child.entry, depth: depth + 1 });
      }
      if (++made % STEP === 0) yield;
    }
  }
  return entries;
}

/** The whole outline at once (up to `limit` symbols). */
export function documentSymbols(analysis: Analysis, limit = MAX_SYMBOLS): SymbolEntry[] {
  return finish(outlineSteps(analysis, limit));
}
