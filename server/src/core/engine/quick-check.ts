// The quick check: does a request, as JSON.parse gives it, pass every check? It walks the same
// compiled specs with the same value checks as validate.ts but only answers yes or no, with no
// positions, so clean requests never need a parse tree. A "no" sends the request to the validator,
// which says what is wrong and where; test/unit/engine/quick-check.test.ts keeps the two in step.
import type { Node } from 'jsonc-parser';
import { isMethod } from '../codes/catalog';
import type { Problem } from '../codes/problem';
import type { Records } from './records-snapshot';
import { isKnownRecord } from '../rules/record-ids';
import { methodSpec, type ValueSpec } from './spec';
import type { Present, PresentProperty } from '../rules/rule-types';
import { scalarAccepts, typeAccepts } from './value-checks';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** `records`: the snapshot an ID must be found in (undefined: only the format is checked). */
function cleanValue(value: unknown, spec: ValueSpec, method: string, records: Records | undefined): boolean {
  if (spec.listOf) {
    const item = spec.items ?? { name: spec.name };
    if (!Array.isArray(value)) return cleanOne(value, item, method, records);
    if (spec.maxItems !== undefined && value.length > spec.maxItems) return false;
    if (spec.minItems !== undefined && value.length < spec.minItems) return false;
    for (const element of value) if (!cleanOne(element, item, method, records)) return false;
    return true;
  }
  return cleanOne(value, spec, method, records);
}

function cleanOne(value: unknown, spec: ValueSpec, method: string, records: Records | undefined): boolean {
  const kind = kindOf(value);
  // The prescan guarantees that every number prints back as it was written.
  const written = kind === 'string' ? (value as string) : kind === 'number' ? String(value) : undefined;
  if (!typeAccepts(spec.types, kind, written)) return false;
  if (kind === 'object') return spec.properties ? cleanObject(value as Record<string, unknown>, spec, method, records) : true;
  // As in validate.ts, where an array node carries no value.
  if (!scalarAccepts(spec, kind, kind === 'array' ? undefined : value, written)) return false;
  // A well-formed ID that the records do not hold is a problem for the validator to report.
  return !(spec.records && records && written !== undefined && !isKnownRecord(records, spec.records, written));
}

const NOWHERE = { type: 'null', offset: 0, length: 0 } as Node;

function cleanObject(object: Record<string, unknown>, spec: ValueSpec, method: string, records: Records | undefined): boolean {
  const known = spec.properties!;
  for (const name in object) {
    const sub = known.get(name);
    if (!sub) {
      if (spec.closed) return false;
    } else if (!cleanValue(object[name], sub, method, records)) return false;
  }
  for (const name of spec.required ?? []) if (!Object.hasOwn(object, name)) return false;
  if (spec.objectCheck) {
    // The rule itself decides, over stand-in nodes that carry the values.
    const get = (name: string): PresentProperty | undefined => {
      if (!Object.hasOwn(object, name)) return undefined;
      const value = object[name];
      const sub = known.get(name);
      // Valid as the validator means it: well-formed (an unknown record does not matter here).
      const node = { type: kindOf(value), value, offset: 0, length: 0 } as Node;
      return { key: NOWHERE, value: node, valid: sub ? cleanValue(value, sub, method, undefined) : true };
    };
    const present: Present = { get, has: (name) => Object.hasOwn(object, name) };
    const problems: Problem[] = [];
    spec.objectCheck(present, { text: '', method, problems }, NOWHERE, undefined);
    if (problems.length > 0) return false;
  }
  return true;
}

/** The documented method a parsed request names, if any. */
export function methodOf(request: unknown): string | undefined {
  const method = kindOf(request) === 'object' ? (request as { method?: unknown }).method : undefined;
  return typeof method === 'string' && isMethod(method) ? method : undefined;
}

/** True when the validator would find nothing at all in this request (a recorded response is always looked at closely). */
export function isCleanRequest(request: unknown, records?: Records): boolean {
  const method = methodOf(request);
  if (!method) return false;
  const spec = methodSpec(method);
  const envelope = spec.envelope.properties!;
  const object = request as Record<string, unknown>;
  for (const name in object) {
    if (name === 'method') continue;
    if (name === 'response' || !envelope.has(name)) return false;
    if (name !== 'params' && !cleanValue(object[name], envelope.get(name)!, method, records)) return false;
  }
  const params = Object.hasOwn(object, 'params') ? object.params : {};
  return cleanValue(params, spec.params, method, records);
}
