// A request's JSON parameters as the WSDL's elements want them (strong-soap's describe(): each
// element's name, XSD type and whether it repeats): only elements the WSDL defines (one it does
// not is refused by its path, never sent), booleans and numbers written as the XSD types read
// them (the file accepts "1", 1, true), a repeated element from one value or a list.
import { LiveError } from './live-error';

/** An element as strong-soap describes it. */
export interface Described {
  qname: { name: string; nsURI: string };
  type?: { name?: string } | string;
  isMany?: boolean;
  elements?: Described[];
}

const BOOLEAN = new Map<unknown, string>([[true, 'true'], [false, 'false'], ['true', 'true'], ['false', 'false'], [1, '1'], [0, '0'], ['1', '1'], ['0', '0']]);

function typeName(element: Described): string | undefined {
  return typeof element.type === 'string' ? element.type : element.type?.name;
}

/** `value` (the JSON of `path`) for `element`; `where` names the operation and the server's version in a refusal. */
export function toWire(value: unknown, element: Described, path: string, where: string): unknown {
  if (element.isMany && Array.isArray(value)) return value.map((item, i) => one(item, element, `${path}[${i}]`, where));
  return one(value, element, path, where);
}

function one(value: unknown, element: Described, path: string, where: string): unknown {
  const children = element.elements ?? [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const described = children.find((c) => c.qname.name === key);
      const childPath = path ? `${path}.${key}` : key;
      if (!described) throw new LiveError('parameter', `"${childPath}" is not a parameter of ${where}: the request is not sent.`);
      out[key] = toWire(child, described, childPath, where);
    }
    return out;
  }
  if (typeName(element) === 'boolean') {
    const written = BOOLEAN.get(value);
    if (written === undefined) {
      throw new LiveError('parameter', `"${path}" is true or false on ${where}, not ${JSON.stringify(value)}: the request is not sent.`);
    }
    return written;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}
