// Reads an envelope that xmllint has already checked and put in canonical form (C14N: every element
// written as a start and an end tag, attributes in double quotes, no comments, CDATA or DOCTYPE),
// and writes answers in the order and namespaces of the version's model.
import type { Elem, Model } from './model';
import { itemsOf } from './model';

export interface XmlElement {
  ns: string;
  name: string;
  children: XmlElement[];
  text: string;
}

const unescape = (s: string) => s.replace(/&#x([0-9A-F]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export function parseCanonical(xml: string): XmlElement {
  const stack: { el: XmlElement; scope: Map<string, string> }[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([^\s>]+)((?:\s+[^\s=]+="[^"]*")*)\s*>|([^<]+)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[4] !== undefined) {
      if (stack.length) stack[stack.length - 1].el.text += unescape(m[4]);
      continue;
    }
    if (m[1]) {
      stack.pop();
      continue;
    }
    const scope = new Map(stack.length ? stack[stack.length - 1].scope : []);
    for (const a of m[3].matchAll(/([^\s=]+)="([^"]*)"/g)) {
      if (a[1] === 'xmlns') scope.set('', unescape(a[2]));
      else if (a[1].startsWith('xmlns:')) scope.set(a[1].slice(6), unescape(a[2]));
    }
    const [prefix, local] = m[2].includes(':') ? m[2].split(':') : ['', m[2]];
    const el: XmlElement = { ns: scope.get(prefix) ?? '', name: local, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].el.children.push(el);
    else root = el;
    stack.push({ el, scope });
  }
  if (!root) throw new Error('no element in the canonical XML');
  return root;
}

export const child = (el: XmlElement | undefined, name: string) => el?.children.find((c) => c.name === name);
export const children = (el: XmlElement | undefined, name: string) => el?.children.filter((c) => c.name === name) ?? [];
export const textOf = (el: XmlElement | undefined, name: string) => child(el, name)?.text;

/** A value to answer with: a scalar, a list (repeated element) or an object of the element's type. */
export type Value = string | number | boolean | Value[] | { [name: string]: Value | undefined };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes `value` as element `e`, its children in the sequence order of its type, each in its namespace. */
export function writeElement(model: Model, e: Elem, value: Value, prefixes: Map<string, string>): string {
  const prefix = prefixes.get(e.ns)!;
  const open = `<${prefix}:${e.name}>`;
  const close = `</${prefix}:${e.name}>`;
  if (typeof value !== 'object') return `${open}${escape(String(value))}${close}`;
  if (Array.isArray(value)) throw new Error(`${e.name}: a list where one element is expected`);
  const parts: string[] = [];
  for (const item of itemsOf(model, e.type)) {
    const options = item.kind === 'element' ? [item.elem] : item.options;
    for (const o of options) {
      const v = value[o.name];
      if (v === undefined) continue;
      for (const one of Array.isArray(v) ? v : [v]) parts.push(writeElement(model, o, one, prefixes));
    }
  }
  return `${open}${parts.join('')}${close}`;
}
