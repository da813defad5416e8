// Quick fixes for one problem, from its code and fix data only (never its message): enumeration
// values (closest first), renames to a suggested name, a missing required parameter, qualify
// rounded, a recorded text replaced by the documented one. Each fix is edits on the current text.
import type { Node } from 'jsonc-parser';
import type { Analysis } from '../engine/check';
import type { Problem } from '../codes/problem';
import { methodSpec } from '../engine/spec';
import { editDistance, isClose } from '../codes/suggest';
import { writtenText } from '../parse/tree';
import { valueSpec } from './describe';
import { nodeAt, nodeWithRange, objectSpecAt, pathOf, requestAt, specAtPath } from './locate';
import { literal } from '../codes/markdown';
import { textValue } from './placeholders';

export interface Edit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: Edit[];
  /** Safe to apply without looking (fix-all applies only these). */
  preferred: boolean;
}

/** What a fix needs of a problem: a Problem, or one rebuilt from an editor's diagnostic. */
export type ProblemRef = Pick<Problem, 'code' | 'offset' | 'length' | 'method' | 'data'>;

/** The score rankByCloseness orders by: -1 for the same letters in another case, else the edit distance. */
function closeness(written: string, candidate: string): number {
  if (candidate !== written && candidate.toLowerCase() === written.toLowerCase()) return -1;
  return editDistance(written.toLowerCase(), candidate.toLowerCase(), 64);
}

/**
 * One fix per allowed value, the closest first. The closest value that is close (same letters in
 * another case, an edit distance of at most 2, or a prefix either way) is preferred, unless another
 * close value is just as close (`"5"` for 0/1/2 is ambiguous, so nothing is applied without asking).
 */
function enumFixes(analysis: Analysis, problem: ProblemRef, allowed: ReadonlyArray<string | number | boolean>): Fix[] {
  const node = nodeWithRange(analysis.root, problem.offset, problem.length);
  if (!node) return [];
  const raw = analysis.text.slice(node.offset, node.offset + node.length);
  const written = writtenText(node, analysis.text) ?? raw;
  const comparable = written.length <= 256;
  const ranked = allowed
    .map((value, i) => ({ value, i, score: comparable ? closeness(written, String(value)) : 64, close: comparable && isClose(written, String(value)) }))
    .filter((c) => literal(c.value) !== raw)
    .sort((a, b) => a.score - b.score || a.i - b.i);
  const best = ranked.find((c) => c.close);
  const ambiguous = best !== undefined && best.score !== -1 && ranked.some((c) => c !== best && c.close && c.score === best.score);
  const descriptions = describedValues(analysis, node);
  return ranked.map((c) => {
    const meaning = descriptions.get(literal(c.value));
    return {
      title: `Change to ${literal(c.value)}${meaning ? ` (${meaning})` : ''}`,
      edits: [{ offset: node.offset, length: node.length, newText: literal(c.value) }],
      preferred: c === best && !ambiguous,
    };
  });
}

/** The meanings of the enumeration the node's parameter takes (`"0"` → Accept). */
function describedValues(analysis: Analysis, node: Node): Map<string, string> {
  const meanings = new Map<string, string>();
  const request = requestAt(analysis, node.offset);
  if (!request?.method) return meanings;
  const { spec } = specAtPath(request.method, pathOf(node, request.node));
  const value = spec && valueSpec(spec);
  value?.preferredValues?.forEach((v, i) => {
    const meaning = value.enumDescriptions?.[i];
    if (meaning) meanings.set(literal(v), meaning);
  });
  return meanings;
}

// An object's keys, gathered once per object: Fix all asks for each of thousands of misspelt keys.
const objectKeys = new WeakMap<Node, Set<unknown>>();
function keysOf(object: Node): Set<unknown> {
  let keys = objectKeys.get(object);
  if (!keys) objectKeys.set(object, (keys = new Set((object.children ?? []).map((p): unknown => p.children?.[0]?.value))));
  return keys;
}

function renameFix(analysis: Analysis, problem: ProblemRef, suggestion: string): Fix[] {
  const node = nodeWithRange(analysis.root, problem.offset, problem.length);
  if (!node || node.type !== 'string') return [];
  if (problem.code === 'unknown-method') {
    const edits = [{ offset: node.offset, length: node.length, newText: literal(suggestion) }];
    return [{ title: `Change method to ${literal(suggestion)}`, edits, preferred: true }];
  }
  // A rename onto a key the object already has would only trade this warning for duplicate-key.
  // (The key itself is misspelt, so it is not the suggestion.)
  const object = node.parent?.parent;
  const taken = object ? keysOf(object).has(suggestion) : false;
  const edits = [{ offset: node.offset, length: node.length, newText: literal(suggestion) }];
  return [{ title: `Rename to ${literal(suggestion)}`, edits, preferred: !taken }];
}

/** How far back the start of a line is looked for (a minified file has one long line). */
const MAX_INDENT_LOOKBACK = 1000;

/** The white space that starts the line holding `offset` (lines end at CR, LF or CRLF). */
export function indentOf(text: string, offset: number): string {
  let lineStart = offset;
  const limit = Math.max(0, offset - MAX_INDENT_LOOKBACK);
  while (lineStart > limit && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) return '';
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

/** The first line break in text[from, to) as written (CRLF, CR or LF), so that an insertion keeps the file's own; undefined if none. */
export function lineBreakIn(text: string, from: number, to: number): string | undefined {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return '\n';
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? '\r\n' : '\r';
  }
  return undefined;
}

/** Inserts `"key": value` as the last property of an object, following its layout. */
export function insertProperty(text: string, object: Node, key: string, valueText: string): Edit {
  const entry = `${literal(key)}: ${valueText}`;
  const properties = object.children ?? [];
  const last = properties[properties.length - 1];
  if (last) {
    const eol = lineBreakIn(text, object.offset, last.offset);
    const separator = eol ? `${eol}${indentOf(text, last.offset)}` : ' ';
    return { offset: last.offset + last.length, length: 0, newText: `,${separator}${entry}` };
  }
  const innerStart = object.offset + 1;
  const innerEnd = object.offset + object.length - 1;
  const inner = text.slice(innerStart, innerEnd);
  if (/^\s*$/.test(inner)) {
    const eol = lineBreakIn(text, innerStart, innerEnd);
    if (!eol) return { offset: innerStart, length: inner.length, newText: ` ${entry} ` };
    const indent = indentOf(text, object.offset);
    return { offset: innerStart, length: inner.length, newText: `${eol}${indent}  ${entry}${eol}${indent}` };
  }
  return { offset: innerStart, length: 0, newText: ` ${entry}` };
}

function missingFix(analysis: Analysis, problem: ProblemRef, name: string): Fix[] {
  const method = problem.method;
  if (!method || !analysis.root) return [];
  const title = `Add the missing parameter ${literal(name)}`;
  const insertInto = problem.data?.insertInto;
  if (insertInto === undefined) {
    // `params` is absent too: add it with the parameter.
    const request = requestAt(analysis, problem.offset);
    if (!request || request.method !== method || request.params) return [];
    const spec = methodSpec(method).params.properties?.get(name);
    if (!spec || request.node.type !== 'object') return [];
    return [{ title, edits: [insertProperty(analysis.text, request.node, 'params', `{ ${literal(name)}: ${textValue(spec)} }`)], preferred: false }];
  }
  const object = nodeAt(analysis.root, insertInto);
  if (!object || object.type !== 'object' || object.offset !== insertInto) return [];
  const request = requestAt(analysis, insertInto);
  if (!request || request.method !== method) return [];
  const owner = objectSpecAt(method, pathOf(object, request.node));
  const spec = owner?.properties?.get(name);
  if (!spec) return [];
  if (keysOf(object).has(name)) return [];
  return [{ title, edits: [insertProperty(analysis.text, object, name, textValue(spec))], preferred: false }];
}

/** qualify (619): the nearest multiple within the limits, written the way the value was (number or string). */
function roundFix(analysis: Analysis, problem: ProblemRef): Fix[] {
  const node = nodeWithRange(analysis.root, problem.offset, problem.length);
  if (!node || (node.type !== 'number' && node.type !== 'string')) return [];
  const request = requestAt(analysis, node.offset);
  if (!request?.method) return [];
  const spec = specAtPath(request.method, pathOf(node, request.node)).spec;
  const written = writtenText(node, analysis.text)!;
  if (!spec?.multipleOf || !/^-?\d+(?:\.\d+)?$/.test(written.trim()) || written.length > 30) return [];
  const step = spec.multipleOf;
  const low = spec.minimum !== undefined ? Math.ceil(spec.minimum / step) * step : -Infinity;
  const high = spec.maximum !== undefined ? Math.floor(spec.maximum / step) * step : Infinity;
  const nearest = Math.min(high, Math.max(low, Math.round(Number(written) / step) * step));
  const newText = node.type === 'string' ? literal(String(nearest)) : String(nearest);
  return [{ title: `Round to ${nearest}`, edits: [{ offset: node.offset, length: node.length, newText }], preferred: true }];
}

function documentedTextFix(analysis: Analysis, problem: ProblemRef, documented: string): Fix[] {
  const node = nodeWithRange(analysis.root, problem.offset, problem.length);
  if (!node || node.type !== 'string') return [];
  // A text whose {param} the server fills in cannot be written for it.
  const preferred = !documented.includes('{param}');
  return [{ title: 'Write the documented text', edits: [{ offset: node.offset, length: node.length, newText: literal(documented) }], preferred }];
}

/** The quick fixes of one problem, best first; none when the text no longer matches the problem. */
export function quickFixes(analysis: Analysis, problem: ProblemRef): Fix[] {
  const data = problem.data ?? {};
  if (data.missing && data.param) return missingFix(analysis, problem, data.param);
  if ((problem.code === 'unknown-parameter' || problem.code === 'unknown-method') && data.suggestion) return renameFix(analysis, problem, data.suggestion);
  if (problem.code === '619') return roundFix(analysis, problem);
  if (problem.code === 'text-differs' && data.documentedText !== undefined) return documentedTextFix(analysis, problem, data.documentedText);
  if (data.allowed?.length) return enumFixes(analysis, problem, data.allowed);
  return [];
}
