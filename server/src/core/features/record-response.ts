// Writes what the server answered into a request's `response` (spec section 7) as one edit that
// keeps every other byte: an existing `response` value is replaced where it stands, else the
// member is added after the request's last one, laid out as the request is (its line breaks and
// indentation, or on one line when the request is on one line). The checks of recorded responses
// (undocumented-code, text-differs) and their hovers then apply to it as to one typed by hand.
// The text is the file's as decodeText gives it (no byte order mark: the writer puts it back).
import type { Node } from 'jsonc-parser';
import { parseDocument } from '../engine/parse-document';
import { propertyValue } from '../parse/tree';
import { indentOf, insertProperty, lineBreakIn, type Edit } from './fixes';

/** A recorded answer: `{ faultcode, faultstring }` for a SOAP fault, the answer's fields for a success. */
export type RecordedResponse = Readonly<Record<string, unknown>>;

export type RecordResult = { edit: Edit } | { error: string };

/** One indentation step when the request shows none (its members on its own line). */
const DEFAULT_STEP = '  ';

/** The edit that records `response` into request `index` of `text` (from 0: a single request is index 0). */
export function recordResponse(text: string, index: number, response: RecordedResponse): RecordResult {
  const parsed = parseDocument(text, Infinity);
  if (!parsed.root || parsed.problems.length > 0) return { error: 'The file is not well-formed JSON: its answer is recorded once it parses.' };
  const root = parsed.root;
  const requests = root.type === 'array' ? (root.children ?? []) : [root];
  if (!Number.isInteger(index) || index < 0 || index >= requests.length) {
    return { error: `There is no request ${index} in this file (it holds ${requests.length}, numbered from 0).` };
  }
  const request = requests[index];
  if (request.type !== 'object') return { error: `Request ${index} is not an object: no answer can be recorded into it.` };
  const existing = propertyValue(request, 'response');
  const layout = layoutOf(text, request);
  // As JSON has it (an answer's dates as their ISO text, nothing undefined).
  response = JSON.parse(JSON.stringify(response)) as RecordedResponse;
  if (existing) {
    const indent = indentOf(text, existing.offset);
    return { edit: { offset: existing.offset, length: existing.length, newText: written(response, layout, indent) } };
  }
  const last = request.children?.[request.children.length - 1];
  const indent = last ? indentOf(text, last.offset) : indentOf(text, request.offset) + layout.step;
  return { edit: insertProperty(text, request, 'response', written(response, layout, indent)) };
}

interface Layout {
  /** The file's line break; undefined when the request is on one line. */
  eol: string | undefined;
  /** One level of indentation, as the request's members are indented. */
  step: string;
}

function layoutOf(text: string, request: Node): Layout {
  const eol = lineBreakIn(text, request.offset, request.offset + request.length);
  const first = request.children?.[0];
  if (!eol || !first) return { eol, step: DEFAULT_STEP };
  const own = indentOf(text, request.offset);
  const member = indentOf(text, first.offset);
  const step = member.startsWith(own) ? member.slice(own.length) : '';
  return { eol, step: step.length > 0 ? step : DEFAULT_STEP };
}

/** The answer as JSON: on one line for a one-line request, else one member a line, each level one step deeper than `indent`. */
function written(value: unknown, layout: Layout, indent: string): string {
  if (!layout.eol) return inline(value);
  const pretty = JSON.stringify(value, null, layout.step);
  return pretty.split('\n').join(layout.eol + indent);
}

/** JSON on one line, with a space after each colon and comma and inside braces: `{ "faultcode": "617" }`. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).filter(([, v]) => v !== undefined);
    return members.length === 0 ? '{}' : `{ ${members.map(([k, v]) => `${JSON.stringify(k)}: ${inline(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}
