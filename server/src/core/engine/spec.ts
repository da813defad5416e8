// Compiles the method schemas (schemas/methods/*.schema.json) once into ValueSpec trees that the
// validator walks. The schema vocabulary is described in schemas/README.md.
import { FORMATS } from './formats';
import { METHODS } from '../codes/catalog';
import { isRecordKind, type RecordKind } from './records-snapshot';
import { objectCheckFor } from '../rules/cross-field';
import type { ObjectCheck } from '../rules/rule-types';
import commonSchema from '../../../../schemas/common.schema.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type SchemaNode = { [key: string]: Json };
type ScalarValue = string | number | boolean;

export interface ValueSpec {
  /** The parameter's name as written in payloads (`flow`), used in messages. */
  name: string;
  /** The code an invalid value raises; undefined: a word code. */
  code?: string;
  /** The code raised when the parameter is required and absent (overrides spec rule 2.1). */
  missingCode?: string;
  description?: string;
  /** The schema's `default`: what the server assumes when the parameter is absent. */
  defaultValue?: Json;
  types?: ReadonlySet<string>;
  enum?: readonly Json[];
  ignoreCase?: boolean;
  preferredValues?: readonly ScalarValue[];
  enumDescriptions?: readonly string[];
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  format?: (text: string) => boolean;
  formatName?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  /** Object parameters: their properties, by name, in schema order. */
  properties?: ReadonlyMap<string, ValueSpec>;
  required?: readonly string[];
  /** Object parameters: an absent required part makes the whole value invalid, one problem on it (incomingCost). */
  incompleteIsInvalid?: boolean;
  closed?: boolean;
  /** List parameters: an array of `items` or a single value `items` accepts. */
  listOf?: boolean;
  items?: ValueSpec;
  minItems?: number;
  maxItems?: number;
  constValue?: Json;
  /** Accepts numbers (type integer or number): bounds apply to numeric strings too. */
  numeric?: boolean;
  /** Numeric bounds apply to digit strings too (false: a string is free text, as SIPNode's name). */
  boundsOnStrings?: boolean;
  /** Has a numeric bound (minimum, maximum, exclusive ones, multipleOf). */
  bounded?: boolean;
  /** Object parameters: where they sit (`params`, `params.SIP`), for messages and rules. */
  path?: string;
  /** Object parameters: the check of the rule over several of its keys (cross-field.ts), if any. */
  objectCheck?: ObjectCheck;
  /** An ID parameter (and its list's items): the kind of record it names (spec section 6). */
  records?: RecordKind;
}

export interface MethodSpec {
  method: string;
  description: string;
  /** The request envelope: method, params, id, $schema, response. */
  envelope: ValueSpec;
  params: ValueSpec;
}

/** This project's annotation keywords (schemas/README.md): register them to use the schemas with ajv. */
export const ANNOTATION_KEYWORDS = [
  'errorCode', 'missingCode', 'listOf', 'ignoreCase', 'preferredValues', 'enumDescriptions', 'records', 'numericStrings', 'incompleteIsInvalid',
] as const;

// esbuild bundles every file this template matches; tsx and node resolve it at run time.
function loadMethodSchema(method: string): SchemaNode {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lookup by name that stays synchronous (import() would not)
  return require(`../../../../schemas/methods/${method}.schema.json`) as SchemaNode;
}

const COMMON = 'common.schema.json';

/** A schema node and the document its `$ref`s are resolved in. */
interface SchemaLayer {
  node: SchemaNode;
  doc: SchemaNode;
}

function lookup(ref: string, doc: SchemaNode): SchemaLayer {
  const hash = ref.indexOf('#');
  const file = hash < 0 ? ref : ref.slice(0, hash);
  const pointer = hash < 0 ? '' : ref.slice(hash + 1);
  let target: SchemaNode;
  if (file === '') target = doc;
  else if (file.endsWith(COMMON)) target = commonSchema;
  else throw new Error(`Unsupported $ref ${ref}`);
  const targetDoc = target;
  for (const segment of pointer.split('/').filter(Boolean)) {
    const next = target[decodeURIComponent(segment.replace(/~1/g, '/').replace(/~0/g, '~'))];
    if (next === undefined || next === null || typeof next !== 'object') throw new Error(`Unresolved $ref ${ref}`);
    target = next as SchemaNode;
  }
  return { node: target, doc: targetDoc };
}

/**
 * Follows `$ref`s: the keywords beside a `$ref` refine its target (override it, `properties`
 * merged by name, `required` joined). Returns a node without `$ref` whose subschemas are each
 * paired with the document they must be resolved in.
 */
interface Resolved {
  keywords: SchemaNode;
  properties: Map<string, SchemaLayer[]>;
  items?: SchemaLayer[];
}

function resolve(layers: SchemaLayer[]): Resolved {
  const flat: SchemaLayer[] = [];
  const expand = (l: SchemaLayer) => {
    if (typeof l.node.$ref === 'string') expand(lookup(l.node.$ref, l.doc));
    flat.push(l);
  };
  layers.forEach(expand);
  const keywords: SchemaNode = {};
  const properties = new Map<string, SchemaLayer[]>();
  let items: SchemaLayer[] | undefined;
  const required = new Set<string>();
  for (const { node, doc } of flat) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' || key === '$defs') continue;
      if (key === 'properties' && value && typeof value === 'object') {
        for (const [name, sub] of Object.entries(value as SchemaNode)) {
          const list = properties.get(name) ?? [];
          list.push({ node: sub as SchemaNode, doc });
          properties.set(name, list);
        }
      } else if (key === 'items') {
        items = [...(items ?? []), { node: value as SchemaNode, doc }];
      } else if (key === 'required') {
        (value as string[]).forEach((r) => required.add(r));
      } else {
        keywords[key] = value;
      }
    }
  }
  if (required.size) keywords.required = [...required];
  return { keywords, properties, items };
}

function compile(name: string, layers: SchemaLayer[], method: string, path: string): ValueSpec {
  const { keywords: k, properties, items } = resolve(layers);
  // Every spec gets every field, in one order, so that the validators' property reads stay
  // monomorphic (one hidden class) on the hot path.
  const spec: ValueSpec = {
    name, code: undefined, missingCode: undefined, description: undefined, defaultValue: undefined, types: undefined, enum: undefined,
    ignoreCase: undefined, preferredValues: undefined, enumDescriptions: undefined, minLength: undefined, maxLength: undefined, pattern: undefined,
    format: undefined, formatName: undefined, minimum: undefined, maximum: undefined, exclusiveMinimum: undefined, exclusiveMaximum: undefined,
    multipleOf: undefined, properties: undefined, required: undefined, incompleteIsInvalid: undefined, closed: undefined, listOf: undefined,
    items: undefined, minItems: undefined, maxItems: undefined, constValue: undefined, path: undefined,
    objectCheck: undefined, records: undefined, numeric: false, boundsOnStrings: true, bounded: false,
  };
  if (typeof k.errorCode === 'string') spec.code = k.errorCode;
  if (typeof k.missingCode === 'string') spec.missingCode = k.missingCode;
  if (typeof k.description === 'string') spec.description = k.description;
  if ('default' in k) spec.defaultValue = k.default;
  if (k.type !== undefined) spec.types = new Set(Array.isArray(k.type) ? (k.type as string[]) : [k.type as string]);
  if (Array.isArray(k.enum)) spec.enum = k.enum;
  if ('const' in k) spec.constValue = k.const;
  if (k.ignoreCase === true) spec.ignoreCase = true;
  if (Array.isArray(k.preferredValues)) spec.preferredValues = k.preferredValues as ScalarValue[];
  if (Array.isArray(k.enumDescriptions)) spec.enumDescriptions = k.enumDescriptions as string[];
  for (const key of ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems'] as const) {
    if (typeof k[key] === 'number') spec[key] = k[key];
  }
  spec.numeric = spec.types?.has('integer') === true || spec.types?.has('number') === true;
  spec.boundsOnStrings = k.numericStrings !== false;
  spec.bounded = [spec.minimum, spec.maximum, spec.exclusiveMinimum, spec.exclusiveMaximum, spec.multipleOf].some((b) => b !== undefined);
  if (k.records !== undefined) {
    if (typeof k.records !== 'string' || !isRecordKind(k.records)) throw new Error(`Unknown record kind ${JSON.stringify(k.records)} in ${name}`);
    spec.records = k.records;
  }
  if (typeof k.pattern === 'string') spec.pattern = new RegExp(k.pattern, 'u');
  if (typeof k.format === 'string') {
    const check = FORMATS[k.format];
    if (!check) throw new Error(`Unknown format ${k.format} in ${name}`);
    spec.format = check;
    spec.formatName = k.format;
  }
  if (properties.size || k.additionalProperties === false || spec.types?.has('object')) {
    const compiled = new Map<string, ValueSpec>();
    for (const [prop, propLayers] of properties) compiled.set(prop, compile(prop, propLayers, method, path ? `${path}.${prop}` : prop));
    spec.properties = compiled;
    spec.path = path;
    spec.objectCheck = objectCheckFor(method, path);
    spec.closed = k.additionalProperties === false;
    spec.required = (k.required as string[] | undefined) ?? [];
    spec.incompleteIsInvalid = k.incompleteIsInvalid === true;
  }
  if (k.listOf === true) {
    spec.listOf = true;
    if (items) spec.items = compile(name, items, method, path);
    // An ID list's items name the list's kind of record.
    if (spec.records && spec.items && !spec.items.properties) spec.items.records ??= spec.records;
  }
  return spec;
}

const cache = new Map<string, MethodSpec>();

/** The compiled schema of a documented method (compiled on first use, then shared). */
export function methodSpec(method: string): MethodSpec {
  let spec = cache.get(method);
  if (!spec) {
    const doc = loadMethodSchema(method);
    const envelope = compile(method, [{ node: doc, doc }], method, '');
    const params = envelope.properties?.get('params');
    if (!params?.properties) throw new Error(`${method}.schema.json has no params object`);
    spec = { method, description: typeof doc.description === 'string' ? doc.description : '', envelope, params };
    cache.set(method, spec);
  }
  return spec;
}

/** All 24 compiled (for tools that list every parameter, and for tests). */
export function allMethodSpecs(): MethodSpec[] {
  return METHODS.map(methodSpec);
}
