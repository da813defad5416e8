// A value of the right type for a parameter: a snippet with tab stops for completion, or plain
// text for the missing-parameter fix (one that the checks still flag until it is filled in).
import type { ValueSpec } from '../engine/spec';
import { literal } from '../codes/markdown';

/** Escapes text for a snippet (`$`, `}` and `\` are special). */
export function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function choiceText(text: string): string {
  return text.replace(/[$}\\,|]/g, '\\$&');
}

export class TabStops {
  private n = 0;
  next(): number {
    return ++this.n;
  }
}

function firstType(spec: ValueSpec): string | undefined {
  return spec.types ? [...spec.types][0] : undefined;
}

function startNumber(spec: ValueSpec): number {
  if (typeof spec.defaultValue === 'number') return spec.defaultValue;
  if (spec.minimum !== undefined) return spec.minimum;
  if (spec.exclusiveMinimum !== undefined) return spec.exclusiveMinimum + 1;
  return 0;
}

/** The properties a new object of this spec needs (its required ones), as `"key": value` parts. */
function requiredParts(spec: ValueSpec, render: (sub: ValueSpec) => string, key: (name: string) => string = literal): string[] {
  return (spec.required ?? []).filter((name) => spec.properties?.has(name)).map((name) => `${key(name)}: ${render(spec.properties!.get(name)!)}`);
}

/** A snippet value: choices for enumerations and booleans, tab stops elsewhere. */
export function snippetValue(spec: ValueSpec, stops: TabStops): string {
  if (spec.listOf) {
    const item = spec.items;
    if (item?.properties) return `[${snippetValue(item, stops)}]`;
    return item ? snippetValue(item, stops) : `$${stops.next()}`;
  }
  const values = spec.preferredValues;
  if (values?.length) {
    const options = values.map((v) => choiceText(typeof v === 'string' ? v : String(v))).join(',');
    const choice = `\${${stops.next()}|${options}|}`;
    return typeof values[0] === 'string' ? `"${choice}"` : choice;
  }
  const type = firstType(spec);
  if (spec.properties && (type === undefined || type === 'object')) {
    const parts = requiredParts(spec, (sub) => snippetValue(sub, stops), (name) => snippetText(literal(name)));
    return parts.length ? `{ ${parts.join(', ')} }` : `{$${stops.next()}}`;
  }
  switch (type) {
    case 'integer':
    case 'number':
      return `\${${stops.next()}:${startNumber(spec)}}`;
    case 'boolean':
      return `\${${stops.next()}|true,false|}`;
    case 'array':
      return `[$${stops.next()}]`;
    case 'null':
      return 'null';
    default:
      return typeof spec.defaultValue === 'string' ? `"\${${stops.next()}:${snippetText(spec.defaultValue)}}"` : `"$${stops.next()}"`;
  }
}

/** Plain text: the first written value of an enumeration, `""`, `0`, `{}` with required keys. */
export function textValue(spec: ValueSpec): string {
  if (spec.listOf) {
    const item = spec.items;
    if (item?.properties) return `[${textValue(item)}]`;
    return item ? textValue(item) : '""';
  }
  if (spec.defaultValue !== undefined) return literal(spec.defaultValue);
  if (spec.preferredValues?.length) return literal(spec.preferredValues[0]);
  const type = firstType(spec);
  if (spec.properties && (type === undefined || type === 'object')) {
    const parts = requiredParts(spec, textValue);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  switch (type) {
    case 'integer':
    case 'number':
      return '0';
    case 'boolean':
      return 'false';
    case 'array':
      return '[]';
    case 'null':
      return 'null';
    default:
      return '""';
  }
}

/** A snippet's text without its tab stops: `${1:0}` → `0`, `${1|in,out|}` → `in`, `$1` → nothing. */
export function plainFromSnippet(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      const rest = snippet.slice(i);
      const match = /^\$\{\d+(?::((?:\\.|[^}\\])*)|\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|)\}/.exec(rest);
      if (!match) {
        out += c;
        continue;
      }
      out += (match[1] ?? match[2] ?? '').replace(/\\(.)/g, '$1');
      i += match[0].length - 1;
    } else out += c;
  }
  return out;
}
