// Small readers of jsonc-parser nodes shared by the rules.
import type { Node } from 'jsonc-parser';

export interface Range {
  offset: number;
  length: number;
}

export function rangeOf(node: Node): Range {
  return { offset: node.offset, length: node.length };
}

/** The value of an object's property (the last one when a key repeats, as the server reads it). */
export function propertyValue(object: Node | undefined, key: string): Node | undefined {
  let found: Node | undefined;
  if (object?.type !== 'object') return undefined;
  for (const property of object.children ?? []) {
    const [k, v] = property.children ?? [];
    if (k?.value === key) found = v;
  }
  return found;
}

/** The text a value is judged by: a string's value or a number's literal as written. */
export function writtenText(node: Node, text: string): string | undefined {
  if (node.type === 'string') return node.value as string;
  if (node.type === 'number') return text.slice(node.offset, node.offset + node.length);
  return undefined;
}
