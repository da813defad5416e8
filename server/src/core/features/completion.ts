// Completion: method names, the parameter names of the object under the cursor (required first,
// with a value placeholder of the right type), enumeration values with their meaning, booleans,
// and skeletons with the required parameters for an empty file, an empty request or an empty object.
import { createScanner, getLocation, SyntaxKind, type Node, type Segment } from 'jsonc-parser';
import { METHODS } from '../codes/catalog';
import type { Analysis } from '../engine/check';
import { describeRequest, findRequests, type Request } from '../engine/requests';
import { rulesOf } from '../rules/code-rules';
import { paramName, pathIn } from '../rules/paths';
import { methodSpec, type ValueSpec } from '../engine/spec';
import { typeLabel, valueSpec } from './describe';
import type { Edit } from './fixes';
import { parameterMarkdown } from './hover';
import { commentAt, nodeAtPath, objectSpecAt, requestAt, specAtPath } from './locate';
import { literal } from '../codes/markdown';
import { RECORD_NOUNS, type Records } from '../engine/records-snapshot';
import { recordMarkdown, recordsForCompletion } from './record-targets';
import { snippetText, snippetValue, TabStops } from './placeholders';

export interface CompletionEntry {
  label: string;
  kind: 'method' | 'property' | 'value' | 'snippet';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces `replace`; a snippet (`$1`, `${1|a,b|}`) when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  replace: { offset: number; length: number };
  filterText?: string;
  sortText: string;
  /** Edits elsewhere, such as the comma after the previous property. */
  additionalEdits?: Edit[];
}

interface Range {
  offset: number;
  length: number;
}

const WORD = /[A-Za-z0-9_$]/;

/** The bare word around the offset (a key or value typed without quotes). */
function wordAt(text: string, offset: number): Range {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end])) end++;
  return { offset: start, length: end - start };
}

/** A string node's range, or up to the cursor when it is unterminated (the scanner ran to the line's end). */
function stringRange(text: string, node: Node, offset: number): Range {
  const closed = node.length >= 2 && text[node.offset + node.length - 1] === '"';
  return closed ? { offset: node.offset, length: node.length } : { offset: node.offset, length: offset - node.offset };
}

function firstTokenAfter(text: string, from: number): SyntaxKind {
  const scanner = createScanner(text, true);
  scanner.setPosition(from);
  return scanner.scan();
}

/** Another property or value follows: the inserted one needs a comma after it. */
function needsCommaAfter(text: string, from: number): boolean {
  const next = firstTokenAfter(text, from);
  return ![SyntaxKind.CloseBraceToken, SyntaxKind.CloseBracketToken, SyntaxKind.CommaToken, SyntaxKind.EOF, SyntaxKind.ColonToken].includes(next);
}

/** The previous sibling ends without a comma before the insertion: an edit that adds one. */
function commaBefore(text: string, siblings: readonly Node[], replace: Range): Edit | undefined {
  let previous: Node | undefined;
  for (const sibling of siblings) {
    if (sibling.offset + sibling.length > replace.offset) break;
    previous = sibling;
  }
  if (!previous) return undefined;
  if (previous.type === 'property' && (previous.children?.length ?? 0) < 2) return undefined;
  const end = previous.offset + previous.length;
  const scanner = createScanner(text, true);
  scanner.setPosition(end);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF && scanner.getTokenOffset() < replace.offset; token = scanner.scan()) {
    if (token === SyntaxKind.CommaToken) return undefined;
  }
  return { offset: end, length: 0, newText: ',' };
}

/** An object's required keys for a skeleton, with those a rule in code reports absent (exactly one user selector: `userID`). */
function withRequired(method: string, spec: ValueSpec, canonicalPath: string): ValueSpec {
  const required = spec.required ?? [];
  const reported = rulesOf(method).flatMap((rule) => rule.raises.filter((raised) => raised.absent).map((raised) => raised.path));
  const added = reported.map(paramName).filter((name, i) => reported[i] === pathIn(canonicalPath, name) && !required.includes(name));
  return added.length ? { ...spec, required: [...required, ...added] } : spec;
}

function requestBody(method: string, stops: TabStops): string {
  const params = withRequired(method, methodSpec(method).params, 'params');
  return `"method": ${literal(method)},\n"params": ${snippetValue(params, stops)}`;
}

/** Whole requests (an empty file, or between the requests of a batch). */
function requestSnippets(replace: Range, additionalEdits: Edit[] | undefined, commaAfter: boolean): CompletionEntry[] {
  return METHODS.map((method, i) => ({
    label: method,
    kind: 'snippet',
    detail: methodSpec(method).description,
    insertText: `{\n  ${requestBody(method, new TabStops()).replace(/\n/g, '\n  ')}\n}${commaAfter ? ',' : ''}`,
    snippet: true,
    replace,
    sortText: String(i).padStart(3, '0'),
    additionalEdits,
  }));
}

function methodValues(replace: Range, quoted: boolean): CompletionEntry[] {
  return METHODS.map((method, i) => ({
    label: method,
    kind: 'method',
    detail: methodSpec(method).description,
    insertText: literal(method),
    snippet: false,
    replace,
    filterText: quoted ? literal(method) : method,
    sortText: String(i).padStart(3, '0'),
  }));
}

function keysOf(object: Node | undefined, except: Range): Set<string> {
  const keys = new Set<string>();
  for (const property of object?.type === 'object' ? object.children ?? [] : []) {
    const key = property.children?.[0];
    if (!key || key.type !== 'string') continue;
    if (key.offset === except.offset) continue;
    keys.add(key.value as string);
  }
  return keys;
}

interface KeyContext {
  analysis: Analysis;
  request: Request;
  /** Path of the object whose keys are completed, from the request object. */
  objectPath: Segment[];
  replace: Range;
  quoted: boolean;
  /** A key is being renamed: insert the name only. */
  keyOnly: boolean;
}

function propertyItems(ctx: KeyContext): CompletionEntry[] {
  const { analysis, request, objectPath, replace, keyOnly, quoted } = ctx;
  const text = analysis.text;
  const object = objectPath.length === 0 ? request.node : nodeAtPath(request.node, objectPath);
  if (object && object.type !== 'object') return [];
  const present = keysOf(object, replace);
  const comma = commaBefore(text, object?.children ?? [], replace);
  const additionalEdits = comma ? [comma] : undefined;
  const commaAfter = !keyOnly && needsCommaAfter(text, replace.offset + replace.length);
  const method = request.method;
  if (!method) {
    if (objectPath.length !== 0) return [];
    // A request without a method yet: the method key, or a whole request's content.
    const choices = METHODS.join(',');
    const items: CompletionEntry[] = [
      {
        label: 'method',
        kind: 'property',
        detail: 'one of the 24 methods',
        insertText: keyOnly ? '"method"' : `"method": "\${1|${choices}|}"${commaAfter ? ',' : ''}`,
        snippet: true,
        replace,
        filterText: quoted ? '"method"' : 'method',
        sortText: '0',
        additionalEdits,
      },
    ];
    if (present.size === 0 && !keyOnly) {
      METHODS.forEach((m, i) =>
        items.push({
          label: `${m} request`,
          kind: 'snippet',
          detail: methodSpec(m).description,
          insertText: requestBody(m, new TabStops()),
          snippet: true,
          replace,
          filterText: quoted ? `"${m}"` : m,
          sortText: `1${String(i).padStart(3, '0')}`,
        }),
      );
    }
    return items;
  }
  const spec = objectPath.length === 0 ? methodSpec(method).envelope : objectSpecAt(method, objectPath);
  if (!spec?.properties) return [];
  const canonical = specAtPath(method, objectPath).path;
  const items: CompletionEntry[] = [];
  let index = 0;
  for (const [name, sub] of spec.properties) {
    index++;
    if (present.has(name)) continue;
    const required = spec.required?.includes(name) ?? false;
    const key = snippetText(literal(name));
    items.push({
      label: name,
      kind: 'property',
      detail: `${typeLabel(sub)}${required ? ' · required' : ''}`,
      documentation: parameterMarkdown(method, { spec: sub, owner: spec, path: canonical ? `${canonical}.${name}` : name }),
      insertText: keyOnly ? key : `${key}: ${snippetValue(sub, new TabStops())}${commaAfter ? ',' : ''}`,
      snippet: true,
      replace,
      filterText: quoted ? literal(name) : name,
      sortText: `${required ? 1 : 2}${String(index).padStart(3, '0')}`,
      additionalEdits,
    });
  }
  // An empty object: one item that writes every required parameter.
  const withUser = withRequired(method, spec, canonical);
  const required = (withUser.required ?? []).filter((n) => spec.properties!.has(n));
  if (!keyOnly && present.size === 0 && required.length > 0 && objectPath.length > 0) {
    const stops = new TabStops();
    const parts = required.map((n) => `${snippetText(literal(n))}: ${snippetValue(spec.properties!.get(n)!, stops)}`);
    items.push({
      label: `required: ${required.join(', ')}`,
      kind: 'snippet',
      detail: `the required parameters of ${method}${canonical === 'params' ? '' : ` ${canonical.replace(/^params\./, '')}`}`,
      insertText: parts.join(',\n') + (commaAfter ? ',' : ''),
      snippet: true,
      replace,
      filterText: quoted ? `"${required[0]}"` : required[0],
      sortText: '0',
      additionalEdits,
    });
  }
  return items;
}

/** The known records of an ID parameter's kind: `3 - G.729`, written as a number (or a string inside quotes). */
function recordItems(spec: ValueSpec, records: Records | undefined, replace: Range, quoted: boolean): CompletionEntry[] {
  const kind = spec.records;
  if (!kind || !records?.has(kind)) return [];
  return recordsForCompletion(records, kind).map((record, i) => {
    const label = `${record.id} - ${record.name}`;
    const insertText = quoted ? literal(record.id) : record.id;
    return {
      label,
      kind: 'value',
      detail: `${RECORD_NOUNS[kind]} (${records.display})`,
      documentation: recordMarkdown(record, records),
      insertText,
      snippet: false,
      replace,
      filterText: quoted ? `"${label}` : label,
      sortText: String(i).padStart(6, '0'),
    };
  });
}

function valueItems(method: string | undefined, path: Segment[], replace: Range, quoted: boolean, empty: boolean, records?: Records): CompletionEntry[] {
  if (path.length === 1 && path[0] === 'method') return methodValues(replace, quoted);
  if (!method) return [];
  const { spec } = specAtPath(method, path);
  if (!spec) return [];
  const value = valueSpec(spec);
  const items: CompletionEntry[] = recordItems(value, records, replace, quoted);
  value.preferredValues?.forEach((v, i) => {
    const written = literal(v);
    const detail = value.enumDescriptions?.[i];
    const sortText = String(i).padStart(3, '0');
    items.push({ label: written, kind: 'value', detail, insertText: written, snippet: false, replace, filterText: written, sortText });
  });
  const objectLike = spec.properties || (spec.listOf && spec.items?.properties);
  if (empty && objectLike) {
    const skeleton = snippetValue(spec, new TabStops());
    const label = skeleton.startsWith('[') ? '[{ }]' : '{ }';
    items.push({ label, kind: 'snippet', detail: `${spec.name} with its required parameters`, insertText: skeleton, snippet: true, replace, sortText: '0' });
  }
  return items;
}

const hasMethodKey = (node: Node | undefined): boolean =>
  node?.type === 'object' && (node.children ?? []).some((property) => property.children?.[0]?.value === 'method');

/**
 * The document as completion sees it: a payload, or a JSON file being started as one (its top-level
 * object, or an element of its top-level array, has a `method` key not yet naming a method), whose
 * objects are then requests as in an included file. Otherwise undefined: nothing is offered.
 */
function asPayload(analysis: Analysis): Analysis | undefined {
  if (analysis.isPayload) return analysis;
  const root = analysis.root;
  if (!hasMethodKey(root) && !(root?.type === 'array' && root.children?.some(hasMethodKey))) return undefined;
  // root named: an analysis's tree may be a getter, which a spread does not copy from a prototype.
  return { ...analysis, root, isPayload: true, requests: findRequests(root, true).map(describeRequest) };
}

/** Completion at an offset of a payload document (or of one being started: asPayload). */
export function complete(documentAnalysis: Analysis, offset: number): CompletionEntry[] {
  const analysis = asPayload(documentAnalysis);
  if (!analysis) return [];
  const { root, text } = analysis;
  if (commentAt(analysis, offset)) return [];
  if (!root) {
    // An empty file (or only comments): whole requests.
    return requestSnippets(wordAt(text, offset), undefined, false);
  }
  const request = requestAt(analysis, offset, true);
  if (!request) {
    const inBatch = root.type === 'array' && offset > root.offset && offset < root.offset + root.length;
    if (!inBatch) return [];
    const replace = wordAt(text, offset);
    const comma = commaBefore(text, root.children ?? [], replace);
    return requestSnippets(replace, comma ? [comma] : undefined, needsCommaAfter(text, replace.offset + replace.length));
  }
  const base = request.node.offset;
  const location = getLocation(text.slice(base, base + request.node.length), offset - base);
  const previous = location.previousNode;
  if (location.isAtPropertyKey) {
    // jsonc-parser reports the key under the cursor as a `property` node with the key's own range.
    const keyNode = previous?.type === 'property' ? previous.children?.[0] ?? previous : previous?.type === 'string' ? previous : undefined;
    const key = keyNode && { ...keyNode, offset: keyNode.offset + base };
    const onKey = key && offset >= key.offset && offset <= key.offset + key.length;
    const replace = onKey ? stringRange(text, key, offset) : wordAt(text, offset);
    const keyOnly = firstTokenAfter(text, replace.offset + replace.length) === SyntaxKind.ColonToken;
    return propertyItems({ analysis, request, objectPath: location.path.slice(0, -1), replace, quoted: !!onKey, keyOnly });
  }
  const path = location.path;
  if (path.length === 0) return [];
  const valueNode = nodeAtPath(request.node, path);
  if (valueNode && offset > valueNode.offset + valueNode.length) {
    // After a complete value: the next key of the same object.
    const objectPath = path.slice(0, -1);
    if (typeof path[path.length - 1] === 'number') return [];
    return propertyItems({ analysis, request, objectPath, replace: wordAt(text, offset), quoted: false, keyOnly: false });
  }
  if (valueNode && (valueNode.type === 'object' || valueNode.type === 'array')) return [];
  const replace = !valueNode
    ? wordAt(text, offset)
    : valueNode.type === 'string'
      ? stringRange(text, valueNode, offset)
      : { offset: valueNode.offset, length: valueNode.length };
  return valueItems(request.method, path, replace, valueNode?.type === 'string', !valueNode, analysis.records);
}
