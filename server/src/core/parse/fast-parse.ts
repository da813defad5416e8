// A fast, non-recursive parser for well-formed JSON with comments, producing the same Node trees
// as jsonc-parser's parseTree. It gives up (returns 'fallback') at the first thing that is not
// well-formed, and engine/parse-document.ts then lets jsonc-parser parse the document with its
// error recovery.
// Why: parseTree costs several times JSON.parse, and well-formed documents are the common case.
import type { Node as ReadonlyNode } from 'jsonc-parser';
import { stringEnd } from './json-text';

/** jsonc-parser's Node with writable fields, while the tree is being built. */
type Node = { -readonly [K in keyof ReadonlyNode]: ReadonlyNode[K] } & { parent?: Node; children?: Node[] };

export type FastResult = { root: ReadonlyNode } | { tooDeepAt: number } | 'fallback';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON allows no raw control character in a string: this finds one
const CONTROL = /[\u0000-\u001f]/;

const enum State {
  /** After `{` or `,` in an object: a key (or `}` right after `{`). */
  Key,
  /** After a key's `:`: a value. */
  PropertyValue,
  /** After `[` or `,` in an array: a value (or `]` right after `[`). */
  Element,
  /** After a value inside a container: `,` or the closing bracket. */
  Next,
}

interface Frame {
  node: Node;
  state: State;
  /** The property whose value comes next (objects only). */
  property: Node | undefined;
  empty: boolean;
}

/** Parses `text` from `start` to `end` (the whole text by default); offsets stay those of `text`. */
export function fastParse(text: string, maxDepth: number, start = 0, end = text.length): FastResult {
  const length = end;
  let pos = start;
  const stack: Frame[] = [];
  let root: Node | undefined;

  /** Skips white space and comments; false on an unterminated block comment. */
  const skip = (): boolean => {
    while (pos < length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else if (c === 47) {
        const next = text.charCodeAt(pos + 1);
        if (next === 47) {
          // A line comment ends at CR or LF, as in jsonc-parser and every editor (CR-only files too).
          pos += 2;
          while (pos < length && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
        } else if (next === 42) {
          const end = text.indexOf('*/', pos + 2);
          if (end < 0) return false;
          pos = end + 2;
        } else return true;
      } else return true;
    }
    return true;
  };

  /** Reads a string starting at pos (a quote); undefined when malformed. */
  const readString = (): string | undefined => {
    const start = pos;
    const end = stringEnd(text, start);
    if (end < 0) return undefined;
    const raw = text.slice(start + 1, end);
    if (CONTROL.test(raw)) return undefined;
    pos = end + 1;
    if (raw.indexOf('\\') < 0) return raw;
    try {
      return JSON.parse(text.slice(start, end + 1)) as string;
    } catch {
      return undefined;
    }
  };

  /** Attaches a finished value to its container (or makes it the root). */
  const attach = (node: Node): void => {
    const frame = stack[stack.length - 1];
    if (!frame) {
      root = node;
      return;
    }
    node.parent = frame.state === State.PropertyValue ? frame.property : frame.node;
    if (frame.state === State.PropertyValue) {
      const property = frame.property!;
      property.children!.push(node);
      property.length = node.offset + node.length - property.offset;
    } else frame.node.children!.push(node);
    frame.state = State.Next;
  };

  for (;;) {
    if (!skip()) return 'fallback';
    if (pos >= length) return 'fallback';
    const frame = stack[stack.length - 1];
    const c = text.charCodeAt(pos);

    if (frame && frame.state === State.Next) {
      if (c === 44) {
        pos++;
        frame.state = frame.node.type === 'object' ? State.Key : State.Element;
        frame.empty = false;
        continue;
      }
      if ((c === 125 && frame.node.type === 'object') || (c === 93 && frame.node.type === 'array')) {
        pos++;
        stack.pop();
        frame.node.length = pos - frame.node.offset;
        attach(frame.node);
        if (stack.length === 0) break;
        continue;
      }
      return 'fallback';
    }

    if (frame && frame.state === State.Key) {
      if (c === 125 && frame.empty) {
        frame.state = State.Next;
        continue;
      }
      if (c !== 34) return 'fallback';
      const keyOffset = pos;
      const key = readString();
      if (key === undefined) return 'fallback';
      const property: Node = { type: 'property', offset: keyOffset, length: -1, parent: frame.node, children: [], colonOffset: -1 };
      property.children!.push({ type: 'string', value: key, offset: keyOffset, length: pos - keyOffset, parent: property });
      if (!skip() || text.charCodeAt(pos) !== 58) return 'fallback';
      property.colonOffset = pos++;
      frame.node.children!.push(property);
      frame.property = property;
      frame.state = State.PropertyValue;
      continue;
    }

    if (frame && frame.state === State.Element && c === 93 && frame.empty) {
      frame.state = State.Next;
      continue;
    }

    // A value.
    const offset = pos;
    if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) return { tooDeepAt: offset };
      const node: Node = { type: c === 123 ? 'object' : 'array', offset, length: -1, parent: undefined, children: [] };
      pos++;
      stack.push({ node, state: c === 123 ? State.Key : State.Element, property: undefined, empty: true });
      continue;
    }
    let node: Node;
    if (c === 34) {
      const value = readString();
      if (value === undefined) return 'fallback';
      node = { type: 'string', value, offset, length: pos - offset, parent: undefined };
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      NUMBER.lastIndex = pos;
      const match = NUMBER.exec(text);
      if (!match) return 'fallback';
      pos += match[0].length;
      node = { type: 'number', value: Number(match[0]), offset, length: match[0].length, parent: undefined };
    } else if (text.startsWith('true', pos)) {
      pos += 4;
      node = { type: 'boolean', value: true, offset, length: 4, parent: undefined };
    } else if (text.startsWith('false', pos)) {
      pos += 5;
      node = { type: 'boolean', value: false, offset, length: 5, parent: undefined };
    } else if (text.startsWith('null', pos)) {
      pos += 4;
      node = { type: 'null', value: null, offset, length: 4, parent: undefined };
    } else return 'fallback';
    // A literal must end where a token ends (`truex`, `12a` are not well-formed).
    const after = text.charCodeAt(pos);
    const ends = after === 32 || after === 10 || after === 13 || after === 9 || after === 44 || after === 125 || after === 93 || after === 47;
    if (pos < length && !ends) return 'fallback';
    attach(node);
    if (stack.length === 0) break;
  }
  if (!skip() || pos < length || !root) return 'fallback';
  return { root };
}
