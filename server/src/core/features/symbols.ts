// The outline of a payload file: one symbol per request (`AddChannel · Carrier A`) with its
// parameters below, so a batch of thousands of requests can be navigated.
import type { Node } from 'jsonc-parser';
import type { Analysis } from '../check';
import type { Request } from '../requests';
import { propertyValue } from '../tree';

export type SymbolKind = 'request' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'property';

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

function childrenOf(node: Node | undefined, text: string, depth: number): SymbolEntry[] | undefined {
  if (!node || depth > MAX_DEPTH) return undefined;
  if (node.type === 'object') {
    const out: SymbolEntry[] = [];
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || key.type !== 'string') continue;
      out.push({
        name: (key.value as string) || '""',
        detail: value && SCALAR_TYPES.has(value.type) ? shorten(text.slice(value.offset, value.offset + value.length)) : undefined,
        kind: valueKind(value),
        offset: property.offset,
        length: property.length,
        selectionOffset: key.offset,
        selectionLength: key.length,
        children: childrenOf(value, text, depth + 1),
      });
    }
    return out;
  }
  if (node.type === 'array') {
    return (node.children ?? []).map((item, i) => ({
      name: itemName(item, i, text),
      detail: item.type === 'object' || item.type === 'array' ? undefined : shorten(text.slice(item.offset, item.offset + item.length)),
      kind: valueKind(item),
      offset: item.offset,
      length: item.length,
      selectionOffset: item.offset,
      selectionLength: item.type === 'object' || item.type === 'array' ? 1 : item.length,
      children: childrenOf(item, text, depth + 1),
    }));
  }
  return undefined;
}

/** One symbol per request, its parameters (the children of `params`) below it. */
export function documentSymbols(analysis: Analysis): SymbolEntry[] {
  if (!analysis.isPayload) return [];
  const text = analysis.text;
  return analysis.requests.map((request) => {
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
      children: childrenOf(request.params ?? propertyValue(request.node, 'params'), text, 1) ?? [],
    };
  });
}
