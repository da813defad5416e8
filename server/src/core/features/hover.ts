// Hover: a parameter (what it is, its values, every code of the method it can raise), the method
// (its whole code table), a recorded response's code or a code in a comment (text and cause), and,
// on a diagnostic's range, why the problem is there.
import { methodCodes, methodsDocumenting } from '../codes/catalog';
import type { Analysis } from '../engine/check';
import { methodSpec, type ValueSpec } from '../engine/spec';
import { paramName, shownPath } from '../rules/paths';
import { codeIndex, fileCheckableCodes, type CodeEntry } from './code-index';
import { methodCodeTable } from './code-docs';
import { describeSpec, valueSpec } from './describe';
import { explainCode, explainProblem, explanationMarkdown, textFor } from './explain';
import { locate, specAtPath, type SpecAt, type Target } from './locate';
import { code as inline, escapeMarkdown, literal, table } from '../codes/markdown';
import { recordHover, recordTargetAt } from './record-targets';

export interface HoverResult {
  markdown: string;
  /** The range the hover is about (the key, value, code or problem under the cursor). */
  offset: number;
  length: number;
}

/** The entries of the code index that concern the parameter at a canonical path. */
export function entriesForPath(method: string, path: string): CodeEntry[] {
  return codeIndex(method).filter((e) => e.params.includes(path));
}

function objectOnly(spec: ValueSpec): boolean {
  const value = valueSpec(spec);
  return value.types?.size === 1 && value.types.has('object');
}

/** A parameter's documentation: what it is, its values and limits, the method's codes it can raise. */
export function parameterMarkdown(method: string, at: SpecAt, written?: unknown): string | undefined {
  const spec = at.spec;
  if (!spec) return undefined;
  const name = spec.name;
  const required = at.owner?.required?.includes(name);
  const parts = [`**${escapeMarkdown(name)}** · ${inline(shownPath(at.path))} · ${method}${required ? ' · required' : ''}`];
  if (spec.description) parts.push(escapeMarkdown(spec.description));
  const lines = describeSpec(spec).map((l) => `- ${l}`);
  if (written !== undefined) {
    const value = valueSpec(spec);
    const i = value.preferredValues?.findIndex((v) => v === written) ?? -1;
    const meaning = i >= 0 ? value.enumDescriptions?.[i] : undefined;
    if (meaning) lines.push(`- This value: ${inline(literal(written))} ${escapeMarkdown(meaning)}`);
  }
  parts.push(lines.join('\n'));
  const entries = entriesForPath(method, at.path);
  if (entries.length) {
    const rows = entries.map((e) => [e.code, e.when, escapeMarkdown(textFor(method, e.code, paramName(e.path)))]);
    parts.push(table(['Code', 'When', 'Text'], rows));
  }
  if (!entries.some((e) => e.invalid)) {
    parts.push(`An invalid value is reported as ${inline(objectOnly(spec) ? 'not-an-object' : 'invalid-value')}: ${method} documents no code for it.`);
  }
  return parts.join('\n\n');
}

function parameterHover(target: Extract<Target, { kind: 'parameter' }>): string | undefined {
  // A list's item is described by the list parameter.
  let path = target.path;
  while (typeof path[path.length - 1] === 'number') path = path.slice(0, -1);
  const at = path === target.path ? target.at : specAtPath(target.method, path);
  const node = target.node;
  const written: unknown = !target.onKey && (node.type === 'string' || node.type === 'number' || node.type === 'boolean') ? node.value : undefined;
  return parameterMarkdown(target.method, at, written);
}

/** The method's whole code table, with what the file checks and what the server decides. */
export function methodHover(method: string): string {
  const codes = [...methodCodes(method).keys()];
  const checked = codes.filter((c) => fileCheckableCodes(method).has(c)).length;
  return [
    `**${method}** · ${escapeMarkdown(methodSpec(method).description)}`,
    `${codes.length} documented codes: ${checked} checked in the file, ${codes.length - checked} from the server's state.`,
    methodCodeTable(method),
  ].join('\n\n');
}

/** A code written in a response or a comment: the method's text and what causes it. */
export function codeHover(method: string | undefined, code: string): string {
  const explanation = method ? explainCode(method, code) : undefined;
  if (explanation) return explanationMarkdown(explanation);
  const documenting = methodsDocumenting(code).map((r) => r.method);
  const where = documenting.length ? `It is documented by ${documenting.join(', ')}.` : 'No method of the Channel service documents it.';
  // The code is as the file wrote it (a response may hold anything): escaped.
  const shown = escapeMarkdown(code);
  return method ? `**${shown}** is not documented for ${method}. ${where}` : `**${shown}** · ${where}`;
}

function targetHover(target: Target): { markdown: string; offset: number; length: number } | undefined {
  switch (target.kind) {
    case 'method':
      return target.request.method ? { markdown: methodHover(target.request.method), offset: target.node.offset, length: target.node.length } : undefined;
    case 'parameter': {
      const markdown = parameterHover(target);
      return markdown ? { markdown, offset: target.node.offset, length: target.node.length } : undefined;
    }
    case 'response-code':
      return { markdown: codeHover(target.method, target.code), offset: target.node.offset, length: target.node.length };
    case 'comment-code':
      return { markdown: codeHover(target.method, target.code), offset: target.offset, length: target.length };
  }
}

export function hover(analysis: Analysis, offset: number): HoverResult | undefined {
  if (!analysis.isPayload) return undefined;
  const sections: string[] = [];
  let range: { offset: number; length: number } | undefined;
  for (const problem of analysis.problems) {
    if (problem.offset > offset) break;
    const covers = offset < problem.offset + problem.length || (problem.length === 0 && offset === problem.offset);
    if (!covers) continue;
    const explanation = explainProblem(problem);
    if (!explanation) continue;
    sections.push(explanation);
    range ??= { offset: problem.offset, length: problem.length };
  }
  const target = locate(analysis, offset);
  const about = target && targetHover(target);
  if (about) {
    // An ID's record (or the record a new name repeats) comes first: it is what the value means.
    const record = analysis.records && recordTargetAt(analysis, offset);
    if (record) sections.push(recordHover(record));
    sections.push(about.markdown);
    range = { offset: about.offset, length: about.length };
  }
  if (!range) return undefined;
  return { markdown: sections.join('\n\n---\n\n'), ...range };
}
