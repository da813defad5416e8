// The one validator: walks a request's values (JSON.parse's, or read from its tree: see
// parse/json-values.ts) along its compiled schema (spec.ts) and reports each invalid, missing or
// unknown parameter with the code the schema names (spec section 2). Each value is known by its
// path from the request; its range is asked of `ctx.places` only when a problem is reported, so a
// clean request needs no parse tree.
import { isDocumented } from '../codes/catalog';
import { documentedProblem, problemFor, wordProblem } from '../codes/messages';
import { insertionPoint, kindOf, Literal, NO_VALUE, Path, Place, repeatedKeysOf, scalarOf } from '../parse/json-values';
import type { Range } from '../parse/tree';
import { checkRecord } from '../rules/record-ids';
import type { PresentProperty, ValidationContext } from '../rules/rule-types';
import type { ValueSpec } from './spec';
import { suggest } from '../codes/suggest';
import { scalarAccepts, typeAccepts } from './value-checks';

type Holds = 'key' | 'opening';

/** What a value must be, for an invalid-value message: every form the schema accepts (spec section 4's "also accepted" too). */
function describeExpected(spec: ValueSpec): string {
  // Completion and fixes offer only preferredValues (what is written); the message names all of `enum`.
  const values = spec.enum ?? spec.preferredValues;
  if (values) return `one of ${values.map((v) => JSON.stringify(v)).join(', ')}${spec.ignoreCase ? ' (any letter case)' : ''}`;
  if (spec.types?.size === 1 && spec.types.has('object')) return 'an object';
  if (spec.types?.size === 1 && spec.types.has('string')) return 'a string';
  // Text that may be written as a number: judged by the number's literal (spec section 1).
  if (spec.types?.size === 2 && spec.types.has('string') && spec.types.has('number')) return 'a string or a number';
  return 'a valid value';
}

/** Reports the value at `key` of `at` as invalid; false, for the caller to return. */
function invalid(at: Path, key: string | number, spec: ValueSpec, code: string | undefined, ctx: ValidationContext): false {
  const range = ctx.places.range(new Place(new Path(at, key), 'value'));
  const objectOnly = spec.types?.size === 1 && spec.types.has('object');
  const data = { param: spec.name, allowed: (spec.preferredValues ?? (spec.enum as Array<string | number | boolean> | undefined))?.slice() };
  if (code) {
    ctx.problems.push(documentedProblem(ctx.method, code, range, undefined, data));
  } else if (objectOnly) {
    ctx.problems.push(wordProblem('not-an-object', `'${spec.name}' must be an object.`, range, ctx.method, data));
  } else {
    ctx.problems.push(wordProblem('invalid-value', `Invalid value for '${spec.name}': expected ${describeExpected(spec)}.`, range, ctx.method, data));
  }
  return false;
}

/**
 * Checks the value at `key` of the object or array at `at` against its parameter's spec; a missing
 * parameter of this value (when it is an object) goes on its key, a list item's on its `{`.
 * Returns whether the value passed.
 */
export function checkValue(value: unknown, spec: ValueSpec, ctx: ValidationContext, at: Path, key: string | number): boolean {
  return spec.listOf ? checkList(value, spec, ctx, at, key) : checkOne(value, spec, spec.code, ctx, at, key, 'key');
}

function checkList(value: unknown, spec: ValueSpec, ctx: ValidationContext, at: Path, key: string | number): boolean {
  const item = spec.items ?? { name: spec.name };
  const code = item.code ?? spec.code;
  // One item written without brackets is still an item: its missing parameters go on its `{` (spec 2.6).
  if (!Array.isArray(value)) return checkOne(value, item, code, ctx, at, key, 'opening');
  const count = value.length;
  let ok = true;
  if (spec.maxItems !== undefined && count > spec.maxItems) {
    const message = `'${spec.name}' holds ${count} items; at most ${spec.maxItems} are allowed.`;
    ctx.problems.push(wordProblem('too-many-items', message, ctx.places.range(new Place(new Path(at, key), 'value')), ctx.method, { param: spec.name }));
    ok = false;
  }
  if (spec.minItems !== undefined && count < spec.minItems) {
    const message = `'${spec.name}' must hold at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}.`;
    ctx.problems.push(wordProblem('too-few-items', message, ctx.places.range(new Place(new Path(at, key), 'value')), ctx.method, { param: spec.name }));
    ok = false;
  }
  const list = new Path(at, key);
  for (let index = 0; index < count; index++) {
    // A missing parameter of a list item is reported on the item's `{`.
    if (!checkOne(value[index], item, code, ctx, list, index, 'opening')) ok = false;
  }
  return ok;
}

/** `holds`: where the value's missing parameters go (its key, or its `{` for a list item). */
function checkOne(value: unknown, spec: ValueSpec, code: string | undefined, ctx: ValidationContext, at: Path, key: string | number, holds: Holds): boolean {
  // The kind and the text as written at once: this runs for every value of every request.
  let kind: string;
  let written: string | undefined;
  if (typeof value === 'string') {
    kind = 'string';
    written = value;
  } else if (typeof value === 'number') {
    kind = 'number';
    written = String(value);
  } else {
    kind = kindOf(value);
    written = value instanceof Literal ? value.text : undefined;
  }
  if (!typeAccepts(spec.types, kind, written)) return invalid(at, key, spec, code, ctx);
  if (kind === 'object') {
    return spec.properties ? checkObject(value as Record<string, unknown>, spec, ctx, new Place(new Path(at, key), holds)) : true;
  }
  // An array's items are not looked at by a spec that is not a list (as the schemas say).
  if (!scalarAccepts(spec, kind, kind === 'array' ? undefined : scalarOf(value), written)) return invalid(at, key, spec, code, ctx);
  // Well-formed: an ID is looked up in the records. An unknown one is still well-formed (true).
  if (spec.records && ctx.records && written !== undefined) checkRecord(written, new Place(new Path(at, key), 'value'), spec.name, spec.records, code, ctx);
  return true;
}

/** Each key an object writes again (the server reads the last one). */
export function reportRepeatedKeys(object: object, ctx: ValidationContext): void {
  const repeated = repeatedKeysOf(object);
  if (repeated === undefined) return;
  for (const { name, range } of repeated) {
    ctx.problems.push(wordProblem('duplicate-key', `Duplicate key '${name}'. The last one is what the server reads.`, range, ctx.method, { param: name }));
  }
}

/** The code for a required parameter that is absent (spec rule 2.1). */
export function missingCode(method: string, spec: ValueSpec): string | undefined {
  return spec.missingCode ?? (isDocumented(method, '117') ? '117' : spec.code);
}

export function reportMissing(name: string, spec: ValueSpec | undefined, ctx: ValidationContext, holder: Range, insertInto?: number): void {
  const code = spec ? missingCode(ctx.method, spec) : undefined;
  const data = { param: name, insertInto, missing: true };
  ctx.problems.push(problemFor(code ?? 'invalid-value', ctx.method, holder, `Missing parameter '${name}'.`, { param: name }, data));
}

/**
 * Checks an object parameter (or `params` itself; `object` undefined when it is absent): each
 * present key, unknown keys, required keys, then the rules that span several keys. `holder` is
 * where its missing parameters go; the object itself is the value at `holder`'s key.
 */
export function checkObject(object: Record<string, unknown> | undefined, spec: ValueSpec, ctx: ValidationContext, holder: Place): boolean {
  const before = ctx.problems.length;
  const self = holder.path;
  const known = spec.properties!;
  let invalid: Set<string> | undefined;
  let unknown: string[] | undefined;
  if (object) {
    reportRepeatedKeys(object, ctx);
    for (const name in object) {
      const sub = known.get(name);
      if (!sub) (unknown ??= []).push(name);
      else {
        const value = object[name];
        if (value !== NO_VALUE && !checkValue(value, sub, ctx, self, name)) (invalid ??= new Set()).add(name);
      }
    }
  }
  if (unknown && spec.closed) {
    for (const name of unknown) {
      const range = ctx.places.range(new Place(new Path(self, name), 'key'));
      const suggestion = suggest(name, [...known.keys()]);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      const where = spec.path === 'params' ? ctx.method : `${ctx.method} ${spec.path?.replace(/^params\./, '')}`;
      const message = `Unknown parameter '${name}' in ${where}.${hint}`;
      ctx.problems.push(wordProblem('unknown-parameter', message, range, ctx.method, { param: name, suggestion }));
    }
  }
  for (const name of spec.required ?? []) {
    if (object && Object.hasOwn(object, name) && known.has(name)) continue;
    const required = known.get(name);
    // An incomplete definition is one invalid value: one problem on it, however many parts are absent.
    if (spec.incompleteIsInvalid && object) {
      reportMissing(name, required, ctx, ctx.places.range(new Place(self, 'value')), insertionPoint(ctx.places, holder, object));
      break;
    }
    reportMissing(name, required, ctx, ctx.places.range(holder), insertionPoint(ctx.places, holder, object));
  }
  if (spec.objectCheck) {
    const get = (name: string): PresentProperty | undefined => {
      if (!object || !Object.hasOwn(object, name) || !known.has(name)) return undefined;
      const value = object[name];
      return { value: value === NO_VALUE ? undefined : value, valid: !invalid?.has(name), path: new Path(self, name) };
    };
    spec.objectCheck({ get, has: (name) => get(name) !== undefined }, ctx, holder, object);
  }
  return ctx.problems.length === before || ctx.problems.slice(before).every((p) => p.severity !== 'error');
}
