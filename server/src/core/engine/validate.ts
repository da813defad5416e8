// Walks one request's parsed value along its compiled schema (spec.ts) and reports each invalid,
// missing or unknown parameter with the code the schema names (spec section 2).
import type { Node } from 'jsonc-parser';
import { isDocumented } from '../codes/catalog';
import { documentedProblem, problemFor, wordProblem } from '../codes/messages';
import { rangeOf, writtenText, type Range } from '../parse/tree';
import { checkRecord } from '../rules/record-ids';
import type { PresentProperty, ValidationContext } from '../rules/rule-types';
import type { ValueSpec } from './spec';
import { suggest } from '../codes/suggest';
import { scalarAccepts, typeAccepts } from './value-checks';

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

function invalid(node: Node, spec: ValueSpec, code: string | undefined, ctx: ValidationContext): void {
  const objectOnly = spec.types?.size === 1 && spec.types.has('object');
  const data = { param: spec.name, allowed: (spec.preferredValues ?? (spec.enum as Array<string | number | boolean> | undefined))?.slice() };
  if (code) {
    ctx.problems.push(documentedProblem(ctx.method, code, rangeOf(node), undefined, data));
  } else if (objectOnly) {
    ctx.problems.push(wordProblem('not-an-object', `'${spec.name}' must be an object.`, rangeOf(node), ctx.method, data));
  } else {
    ctx.problems.push(wordProblem('invalid-value', `Invalid value for '${spec.name}': expected ${describeExpected(spec)}.`, rangeOf(node), ctx.method, data));
  }
}

/**
 * Checks one value against its parameter's spec. `holder` is where a missing parameter of this
 * value (when it is an object) is reported: its key (a list's items use their own `{`).
 * Returns whether the value passed.
 */
export function checkValue(node: Node, spec: ValueSpec, ctx: ValidationContext, holder: Range): boolean {
  if (spec.listOf) {
    const item = spec.items ?? { name: spec.name };
    const code = item.code ?? spec.code;
    // One item written without brackets is still an item: its missing parameters go on its `{` (spec 2.6).
    if (node.type !== 'array') return checkOne(node, item, code, ctx, { offset: node.offset, length: 1 });
    const count = node.children?.length ?? 0;
    let ok = true;
    if (spec.maxItems !== undefined && count > spec.maxItems) {
      const message = `'${spec.name}' holds ${count} items; at most ${spec.maxItems} are allowed.`;
      ctx.problems.push(wordProblem('too-many-items', message, rangeOf(node), ctx.method, { param: spec.name }));
      ok = false;
    }
    if (spec.minItems !== undefined && count < spec.minItems) {
      const message = `'${spec.name}' must hold at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}.`;
      ctx.problems.push(wordProblem('too-few-items', message, rangeOf(node), ctx.method, { param: spec.name }));
      ok = false;
    }
    for (const child of node.children ?? []) {
      // A missing parameter of a list item is reported on the item's `{`.
      if (!checkOne(child, item, code, ctx, { offset: child.offset, length: 1 })) ok = false;
    }
    return ok;
  }
  return checkOne(node, spec, spec.code, ctx, holder);
}

function checkOne(node: Node, spec: ValueSpec, code: string | undefined, ctx: ValidationContext, holder: Range): boolean {
  const written = writtenText(node, ctx.text);
  if (!typeAccepts(spec.types, node.type, written)) {
    invalid(node, spec, code, ctx);
    return false;
  }
  if (node.type === 'object') {
    return spec.properties ? checkObject(node, spec, ctx, holder) : true;
  }
  if (!scalarAccepts(spec, node.type, node.value, written)) {
    invalid(node, spec, code, ctx);
    return false;
  }
  // Well-formed: an ID is looked up in the records. An unknown one is still well-formed (true).
  if (spec.records && ctx.records) checkRecord(node, spec.name, spec.records, code, ctx);
  return true;
}

function reportDuplicateKey(name: string, key: Node, ctx: ValidationContext): void {
  ctx.problems.push(wordProblem('duplicate-key', `Duplicate key '${name}'. The last one is what the server reads.`, rangeOf(key), ctx.method, { param: name }));
}

/** Collects an object's properties (last duplicate wins) and warns on repeated keys. */
export function collectProperties(object: Node | undefined, ctx: ValidationContext): Map<string, PresentProperty> {
  const present = new Map<string, PresentProperty>();
  for (const property of object?.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || key.type !== 'string') continue;
    const name = key.value as string;
    if (present.has(name)) {
      reportDuplicateKey(name, key, ctx);
    }
    present.set(name, { key, value, valid: true });
  }
  return present;
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
 * Checks an object parameter (or `params` itself; `object` undefined when it is absent):
 * each present key, unknown keys, required keys, then the rules that span several keys.
 */
export function checkObject(object: Node | undefined, spec: ValueSpec, ctx: ValidationContext, holder: Range): boolean {
  const before = ctx.problems.length;
  const known = spec.properties!;
  const slots = spec.slots!;
  // The hot path of every check: known keys go into an array by their schema position (no Map
  // and no object per property); unknown keys, rare, into a Map.
  const found = new Array<Node | undefined>(slots.length);
  let unknown: Map<string, Node> | undefined;
  for (const property of object?.children ?? []) {
    const key = property.children?.[0];
    if (!key || key.type !== 'string') continue;
    const name = key.value as string;
    const sub = known.get(name);
    const seen = sub ? found[sub.slot!] !== undefined : unknown?.has(name);
    if (seen) reportDuplicateKey(name, key, ctx);
    if (sub) found[sub.slot!] = property;
    else (unknown ??= new Map()).set(name, property);
  }
  let invalid: Set<number> | undefined;
  for (let slot = 0; slot < slots.length; slot++) {
    const property = found[slot];
    const value = property?.children?.[1];
    // The key node is the holder: a Node is a Range, so nothing is allocated per value.
    if (value && !checkValue(value, slots[slot], ctx, property.children[0])) (invalid ??= new Set()).add(slot);
  }
  if (unknown && spec.closed) {
    for (const [name, property] of unknown) {
      const suggestion = suggest(name, [...known.keys()]);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      const where = spec.path === 'params' ? ctx.method : `${ctx.method} ${spec.path?.replace(/^params\./, '')}`;
      const message = `Unknown parameter '${name}' in ${where}.${hint}`;
      ctx.problems.push(wordProblem('unknown-parameter', message, rangeOf(property.children![0]), ctx.method, { param: name, suggestion }));
    }
  }
  for (const name of spec.required ?? []) {
    const required = known.get(name);
    if (required && found[required.slot!] !== undefined) continue;
    // An incomplete definition is one invalid value: one problem on it, however many parts are absent.
    if (spec.incompleteIsInvalid && object) {
      reportMissing(name, required, ctx, rangeOf(object), object.offset);
      break;
    }
    reportMissing(name, required, ctx, holder, object?.offset);
  }
  if (spec.objectCheck) {
    const get = (name: string): PresentProperty | undefined => {
      const slot = known.get(name)?.slot;
      const property = slot === undefined ? undefined : found[slot];
      return property && { key: property.children![0], value: property.children![1], valid: !invalid?.has(slot!) };
    };
    spec.objectCheck({ get, has: (name) => get(name) !== undefined }, ctx, holder, object);
  }
  return ctx.problems.length === before || ctx.problems.slice(before).every((p) => p.severity !== 'error');
}
