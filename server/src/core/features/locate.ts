// What the cursor is on: the `method` value, a parameter's key or value (with its compiled spec and
// path), a code in a recorded response, or a three-digit code in a comment. Also the tree helpers
// the other features share (binary search, so a batch of thousands of requests stays fast).
import { createScanner, SyntaxKind, type Node, type Segment } from 'jsonc-parser';
import { methodsDocumenting, normalizeCode } from '../codes/catalog';
import type { Analysis } from '../engine/check';
import type { Request } from '../engine/requests';
import { methodSpec, type ValueSpec } from '../engine/spec';
import { writtenText } from '../parse/tree';

export type { Segment };

function contains(node: Node, offset: number, includeEnd: boolean): boolean {
  return offset >= node.offset && (offset < node.offset + node.length || (includeEnd && offset === node.offset + node.length));
}

/** The index of the last node starting at or before offset, or -1. */
function lastStartingAt(nodes: readonly Node[], offset: number): number {
  let low = 0;
  let high = nodes.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (nodes[mid].offset <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The innermost node containing the offset (like jsonc-parser's findNodeAtOffset, in log time per level). */
export function nodeAt(root: Node | undefined, offset: number, includeEnd = false): Node | undefined {
  if (!root || !contains(root, offset, includeEnd)) return undefined;
  let current = root;
  for (;;) {
    const children = current.children;
    if (!children?.length) return current;
    const i = lastStartingAt(children, offset);
    if (i < 0 || !contains(children[i], offset, includeEnd)) return current;
    current = children[i];
  }
}

/** The node with exactly this range (a problem's value or key), if the tree still has one. */
export function nodeWithRange(root: Node | undefined, offset: number, length: number): Node | undefined {
  for (let node = nodeAt(root, offset); node; node = node.parent) {
    if (node.offset === offset && node.length === length) return node;
    if (node.offset < offset) return undefined;
  }
  return undefined;
}

/** The request whose node contains the offset (requests are in document order). */
export function requestAt(analysis: Analysis, offset: number, includeEnd = false): Request | undefined {
  const requests = analysis.requests;
  let low = 0;
  let high = requests.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (requests[mid].node.offset <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const request = found >= 0 ? requests[found] : undefined;
  return request && contains(request.node, offset, includeEnd) ? request : undefined;
}

/** The path from `top` (exclusive) down to `node`: property names and array indexes. A key has its value's path. */
export function pathOf(node: Node, top: Node): Segment[] {
  const path: Segment[] = [];
  let current: Node | undefined = node;
  while (current && current !== top && current.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') {
      path.unshift(parent.children![0].value as string);
      current = parent.parent;
      continue;
    }
    if (parent.type === 'array') path.unshift(lastStartingAt(parent.children!, current.offset));
    current = parent;
  }
  return path;
}

/** The value node at a path below `top`, following the last of duplicate keys. */
export function nodeAtPath(top: Node, path: readonly Segment[]): Node | undefined {
  let node: Node | undefined = top;
  for (const segment of path) {
    if (!node) return undefined;
    if (typeof segment === 'number') {
      node = node.type === 'array' ? node.children?.[segment] : undefined;
    } else if (node.type === 'object') {
      let found: Node | undefined;
      for (const property of node.children ?? []) if (property.children?.[0]?.value === segment) found = property.children[1];
      node = found;
    } else return undefined;
  }
  return node;
}

export interface SpecAt {
  /** The spec of the value at the path (an item's spec for a list index). */
  spec?: ValueSpec;
  /** The object spec that holds the last key. */
  owner?: ValueSpec;
  /** The canonical path: `params.SIP.flow`, `params.publicNo[].phoneNo`, `params.SIP.codecs[]`. */
  path: string;
}

/**
 * The compiled spec along a path from the request object (`['params', 'SIP', 'flow']`). A list
 * parameter accepts an array of items or one item, so a key right below a list names a property
 * of that single item.
 */
export function specAtPath(method: string, path: readonly Segment[]): SpecAt {
  let spec: ValueSpec | undefined = methodSpec(method).envelope;
  let owner: ValueSpec | undefined;
  let canonical = '';
  for (const segment of path) {
    if (!spec) break;
    if (spec.listOf) {
      canonical += '[]';
      if (typeof segment === 'number') {
        owner = spec;
        spec = spec.items;
        continue;
      }
      spec = spec.items;
      if (!spec) break;
    }
    if (typeof segment === 'number') {
      spec = undefined;
      break;
    }
    owner = spec;
    spec = spec.properties?.get(segment);
    canonical += (canonical ? '.' : '') + segment;
  }
  return { spec, owner, path: canonical };
}

/** The object spec whose keys are written at a path (a list's item when the path ends at a list). */
export function objectSpecAt(method: string, path: readonly Segment[]): ValueSpec | undefined {
  const { spec } = specAtPath(method, path);
  const object = spec?.listOf ? spec.items : spec;
  return object?.properties ? object : undefined;
}

export type Target =
  | { kind: 'method'; request: Request; node: Node }
  | {
      kind: 'parameter';
      request: Request;
      method: string;
      /** The key (onKey) or the value under the cursor. */
      node: Node;
      onKey: boolean;
      /** From the request object: `['params', 'SIP', 'flow']`. */
      path: Segment[];
      at: SpecAt;
    }
  | { kind: 'response-code'; request: Request; method: string; code: string; node: Node }
  | { kind: 'comment-code'; method?: string; code: string; offset: number; length: number };

function isResponseCode(path: readonly Segment[]): boolean {
  if (path[0] !== 'response') return false;
  if (path.length === 2) return path[1] === 'faultcode';
  return path[1] === 'notice' && path[path.length - 1] === 'code' && (path.length === 3 || (path.length === 4 && typeof path[2] === 'number'));
}

/** The request a comment belongs to: the one around it, else the next one, else the previous one. */
function requestNear(analysis: Analysis, offset: number): Request | undefined {
  const around = requestAt(analysis, offset);
  if (around) return around;
  return analysis.requests.find((r) => r.node.offset > offset) ?? analysis.requests.at(-1);
}

/** The comment token around the offset, found by scanning only the gap between the nodes around it. */
export function commentAt(analysis: Analysis, offset: number): { offset: number; length: number } | undefined {
  const { root, text } = analysis;
  let start = 0;
  let end = text.length;
  const container = nodeAt(root, offset);
  if (container) {
    if (container.type !== 'object' && container.type !== 'array' && container.type !== 'property') return undefined;
    const children = container.children ?? [];
    const i = lastStartingAt(children, offset);
    start = i >= 0 ? children[i].offset + children[i].length : container.offset + (container.type === 'property' ? 0 : 1);
    end = i + 1 < children.length ? children[i + 1].offset : container.offset + container.length;
  } else if (root) {
    if (offset < root.offset) end = root.offset;
    else start = root.offset + root.length;
  }
  const scanner = createScanner(text, false);
  scanner.setPosition(start);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    const at = scanner.getTokenOffset();
    if (at > offset || at >= end) break;
    const tokenEnd = at + scanner.getTokenLength();
    // The end of a line comment is still in it (typing there continues the comment).
    if ((token === SyntaxKind.LineCommentTrivia && offset <= tokenEnd) || (token === SyntaxKind.BlockCommentTrivia && offset < tokenEnd)) {
      return { offset: at, length: scanner.getTokenLength() };
    }
  }
  return undefined;
}

function commentCode(analysis: Analysis, offset: number): Target | undefined {
  const comment = commentAt(analysis, offset);
  if (!comment) return undefined;
  const body = analysis.text.slice(comment.offset, comment.offset + comment.length);
  for (const match of body.matchAll(/\d+/g)) {
    const from = comment.offset + match.index;
    if (offset < from || offset > from + match[0].length) continue;
    if (match[0].length !== 3 || methodsDocumenting(match[0]).length === 0) return undefined;
    return { kind: 'comment-code', method: requestNear(analysis, offset)?.method, code: match[0], offset: from, length: 3 };
  }
  return undefined;
}

/** What the cursor is on, for hover. */
export function locate(analysis: Analysis, offset: number): Target | undefined {
  const node = nodeAt(analysis.root, offset);
  if (!node || node.type === 'object' || node.type === 'array' || node.type === 'property') return commentCode(analysis, offset);
  const request = requestAt(analysis, offset);
  if (!request || node === request.node) return undefined;
  const holder = node.parent;
  const onKey = holder?.type === 'property' && holder.children?.[0] === node;
  const path = pathOf(node, request.node);
  if (path.length === 1 && path[0] === 'method' && !onKey) return request.methodNode === node ? { kind: 'method', request, node } : undefined;
  const method = request.method;
  if (!method) return undefined;
  if (!onKey && isResponseCode(path) && (node.type === 'string' || node.type === 'number')) {
    return { kind: 'response-code', request, method, code: normalizeCode((writtenText(node, analysis.text) ?? '').trim()), node };
  }
  return { kind: 'parameter', request, method, node, onKey, path, at: specAtPath(method, path) };
}
