// The values one validator walks (engine/validate.ts), whichever reader read them: JSON.parse's
// plain values on the quick path, or a request's parse tree read into the same plain values
// (treeValue) on the tree path. What plain values cannot hold of a tree is kept beside them: a
// number whose literal does not print back as written (a Literal), a property written with no
// value (NO_VALUE), and the keys an object repeats. A problem's range is found in the request's
// tree from where the value sits (a Place), and only when a problem is reported: a clean request
// needs no tree.
import type { Node } from 'jsonc-parser';
import { rangeOf, type Range } from './tree';

/** A number whose literal does not print back as written (`1.0`, `1e3`, `007`-like forms): judged by its text. */
export class Literal {
  constructor(
    readonly text: string,
    readonly value: number,
  ) {}
}

/** A property written with no value (only in a tree with a syntax error): present, never checked. */
export const NO_VALUE: object = Object.freeze({});

/** The JSON kind of a value: object, array, string, number, boolean or null. */
export function kindOf(value: unknown): string {
  const type = typeof value;
  if (type !== 'object') return type;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return value instanceof Literal ? 'number' : 'object';
}

/** The text a value is judged by: a string's value or a number's literal as written. */
export function writtenOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return value instanceof Literal ? value.text : undefined;
}

/** A scalar's value (a Literal's number); undefined for objects and arrays. */
export function scalarOf(value: unknown): unknown {
  if (value instanceof Literal) return value.value;
  return value !== null && typeof value === 'object' ? undefined : value;
}

/** An object's property as the server reads it (the last written); undefined when absent, written with no value, or not an object. */
export function memberOf(object: unknown, name: string): unknown {
  if (kindOf(object) !== 'object' || !Object.hasOwn(object as object, name)) return undefined;
  const value = (object as Record<string, unknown>)[name];
  return value === NO_VALUE ? undefined : value;
}

/** Where a value sits in its request: the key or index of each step down from the request (REQUEST). */
export class Path {
  constructor(
    readonly up: Path | undefined,
    readonly key: string | number,
  ) {}
}

/** The request itself: every path starts here. */
export const REQUEST = new Path(undefined, '');

/** The path of the steps down from the request. */
export function pathOf(steps: ReadonlyArray<string | number>): Path {
  return steps.reduce<Path>((up, key) => new Path(up, key), REQUEST);
}

/** Where a problem is reported: a part of the value at `path` (its key, the whole value, or its `{`, where a list item's missing parameters go). */
export class Place {
  constructor(
    readonly path: Path,
    readonly part: 'key' | 'value' | 'opening',
  ) {}
}

/** A key written again in an object (each writing after the first). */
export interface RepeatedKey {
  name: string;
  range: Range;
}

/** Where the values of one request stand, asked only when a problem is reported. */
export interface Places {
  range(place: Place): Range;
}

/** Where a missing parameter of `object`, the value at `holder`'s path, is inserted by its fix: just inside its `{` (none when it is absent). */
export function insertionPoint(places: Places, holder: Place, object: object | undefined): number | undefined {
  return object && places.range(new Place(holder.path, 'opening')).offset;
}

// The keys repeated in an object read by treeValue, kept on the object under a symbol (no loop
// over its keys meets it): only objects that repeat some have it.
const REPEATED = Symbol('repeated keys');

/** The keys an object repeats (JSON.parse's values, which the prescan found free of them, have none). */
export function repeatedKeysOf(object: object): readonly RepeatedKey[] | undefined {
  return (object as { [REPEATED]?: RepeatedKey[] })[REPEATED];
}

/** A request's tree read into plain values (the numbers' literals read from `text`). */
export function treeValue(node: Node, text: string): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      let repeated: RepeatedKey[] | undefined;
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key?.type !== 'string') continue;
        const name = key.value as string;
        if (Object.hasOwn(object, name)) (repeated ??= []).push({ name, range: rangeOf(key) });
        const read = value ? treeValue(value, text) : NO_VALUE;
        // As JSON.parse does: `__proto__` is a key like any other.
        if (name === '__proto__') Object.defineProperty(object, name, { value: read, enumerable: true, writable: true, configurable: true });
        else object[name] = read;
      }
      if (repeated) Object.defineProperty(object, REPEATED, { value: repeated });
      return object;
    }
    case 'array':
      return (node.children ?? []).map((child) => treeValue(child, text));
    case 'number': {
      const literal = text.slice(node.offset, node.offset + node.length);
      return String(node.value) === literal ? node.value : new Literal(literal, node.value as number);
    }
    default:
      return node.value;
  }
}

// Objects with more properties than this get a map of them by name when a problem is placed in
// them (a scan from the end finds the last writing of a key in the small ones).
const SCANNED = 64;

/**
 * The places of a document's requests' values, found in each request's tree: the whole
 * document's (the full path) or the request's own, parsed when its first problem asks (the quick
 * path). One for a document: `request` says whose values are walked now.
 */
export class TreePlaces implements Places {
  request = 0;
  private byName: Map<Node, Map<string, Node>> | undefined;

  constructor(private readonly treeOf: (request: number) => Node) {}

  range(place: Place): Range {
    const steps: Array<string | number> = [];
    for (let path: Path | undefined = place.path; path !== REQUEST && path; path = path.up) steps.push(path.key);
    let node = this.treeOf(this.request);
    let property: Node | undefined;
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = steps[i];
      if (typeof step === 'number') {
        property = undefined;
        node = node.children![step];
      } else {
        property = this.property(node, step);
        node = property.children![1];
      }
    }
    if (place.part === 'key') return rangeOf(property!.children![0]);
    return place.part === 'opening' ? { offset: node.offset, length: 1 } : rangeOf(node);
  }

  /** The last property of `object` named `name` (the one the server reads). */
  private property(object: Node, name: string): Node {
    const children = object.children!;
    if (children.length > SCANNED) {
      this.byName ??= new Map();
      let named = this.byName.get(object);
      if (!named) {
        named = new Map();
        for (const property of children) {
          const key = property.children?.[0];
          if (key?.type === 'string') named.set(key.value as string, property);
        }
        this.byName.set(object, named);
      }
      return named.get(name)!;
    }
    for (let i = children.length - 1; i >= 0; i--) {
      const key = children[i].children?.[0];
      if (key?.type === 'string' && key.value === name) return children[i];
    }
    throw new Error(`no property ${name} where a problem was placed`);
  }
}
