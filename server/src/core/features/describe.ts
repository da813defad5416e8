// Plain-language descriptions of a parameter's compiled spec: its type, allowed values, limits,
// format and default, for hover, completion and explanations.
import type { ValueSpec } from '../engine/spec';
import { code, escapeMarkdown, literal } from '../codes/markdown';

const FORMATS: Record<string, string> = {
  'voipnow-hostname': 'an IPv4 address or a host name (RFC 1123)',
  'voipnow-network': 'an IPv4 address or network: `192.168.1.1`, `192.168.*.*`, `192.168.0.0/16`, `192.168.0.0/255.255.0.0`',
};

/** The spec of one value: a list's item, else the spec itself. */
export function valueSpec(spec: ValueSpec): ValueSpec {
  return spec.listOf && spec.items ? spec.items : spec;
}

export function isBoolean(spec: ValueSpec): boolean {
  return spec.preferredValues?.length === 2 && spec.preferredValues.every((v) => typeof v === 'boolean');
}

/** `string`, `integer or string`, `boolean`, `one value or a list of: integer or string`. */
export function typeLabel(spec: ValueSpec): string {
  if (spec.listOf) return `one value or a list of: ${spec.items ? typeLabel(spec.items) : 'values'}`;
  if (isBoolean(spec)) return 'boolean';
  if (spec.properties && (!spec.types || spec.types.has('object'))) return 'object';
  if (!spec.types) return 'any';
  return [...spec.types].join(' or ');
}

function numberRange(spec: ValueSpec): string | undefined {
  const parts: string[] = [];
  if (spec.minimum !== undefined && spec.maximum !== undefined) parts.push(`${spec.minimum} to ${spec.maximum}`);
  else if (spec.minimum !== undefined) parts.push(`at least ${spec.minimum}`);
  else if (spec.maximum !== undefined) parts.push(`at most ${spec.maximum}`);
  if (spec.exclusiveMinimum !== undefined) parts.push(`bigger than ${spec.exclusiveMinimum}`);
  if (spec.exclusiveMaximum !== undefined) parts.push(`smaller than ${spec.exclusiveMaximum}`);
  if (spec.multipleOf !== undefined) parts.push(`a multiple of ${spec.multipleOf}`);
  return parts.length ? parts.join(', ') : undefined;
}

function lengthRange(spec: ValueSpec): string | undefined {
  const { minLength: min, maxLength: max } = spec;
  if (min !== undefined && max !== undefined) return `${min} to ${max} characters`;
  if (min !== undefined) return `at least ${min} character${min === 1 ? '' : 's'}`;
  if (max !== undefined) return `at most ${max} characters`;
  return undefined;
}

/** The values written (preferredValues) with their meaning: `"0"` Accept. */
export function valueList(spec: ValueSpec): string[] | undefined {
  const values = spec.preferredValues;
  if (!values) return undefined;
  return values.map((v, i) => {
    const meaning = spec.enumDescriptions?.[i];
    return meaning ? `${code(literal(v))} ${escapeMarkdown(meaning)}` : code(literal(v));
  });
}

/** Accepted values beyond the written ones (`"in band"`, the numbers 0, 1, 2). */
function alsoAccepted(spec: ValueSpec): string[] {
  if (!spec.enum || !spec.preferredValues) return [];
  const written = new Set(spec.preferredValues.map((v) => literal(v)));
  return spec.enum.filter((v) => !written.has(literal(v))).map((v) => code(literal(v)));
}

/** Markdown bullet lines describing the accepted values. */
export function describeSpec(spec: ValueSpec): string[] {
  const lines = [`Type: ${typeLabel(spec)}`];
  if (spec.listOf) {
    if (spec.minItems !== undefined && spec.maxItems !== undefined) lines.push(`Items: ${spec.minItems} to ${spec.maxItems}`);
    else if (spec.maxItems !== undefined) lines.push(`Items: at most ${spec.maxItems}`);
    else if (spec.minItems !== undefined) lines.push(`Items: at least ${spec.minItems}`);
  }
  const value = valueSpec(spec);
  const values = valueList(value);
  if (values) {
    lines.push(`Values: ${values.join(' · ')}`);
    const also = alsoAccepted(value);
    if (also.length) lines.push(`Also accepted: ${also.join(', ')}${value.ignoreCase ? ', in any letter case' : ''}`);
    else if (value.ignoreCase) lines.push('Also accepted: any letter case');
  }
  if (!isBoolean(value)) {
    const length = lengthRange(value);
    if (length) lines.push(`Length: ${length}`);
    const range = numberRange(value);
    if (range) lines.push(`Range: ${range}`);
    if (value.formatName && FORMATS[value.formatName]) lines.push(`Format: ${FORMATS[value.formatName]}`);
    else if (value.pattern && !values) lines.push(`Pattern: ${code(value.pattern.source)}`);
  }
  if (spec.defaultValue !== undefined) lines.push(`Default: ${code(literal(spec.defaultValue))}`);
  if (value.properties?.size) {
    const names = [...value.properties.keys()].map((n) => (value.required?.includes(n) ? `${code(n)} (required)` : code(n)));
    lines.push(`Parameters: ${names.join(', ')}`);
  }
  return lines;
}

/** One phrase for explanations: what a valid value looks like. */
export function expectation(spec: ValueSpec): string {
  const value = valueSpec(spec);
  if (value.preferredValues) return `one of ${value.preferredValues.map((v) => code(literal(v))).join(', ')}`;
  const parts: string[] = [];
  if (value.formatName && FORMATS[value.formatName]) parts.push(FORMATS[value.formatName]);
  const length = lengthRange(value);
  if (length) parts.push(length);
  const range = numberRange(value);
  if (range) parts.push(range);
  if (parts.length === 0 && value.description) return escapeMarkdown(value.description.replace(/\.$/, ''));
  if (parts.length === 0) return typeLabel(spec);
  return parts.join(', ');
}
