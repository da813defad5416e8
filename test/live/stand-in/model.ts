// The Channel service as a model the stand-in's fixtures are written from: channel-3.0.0.json (a
// copy of ../shared/notes/systemapi-channel-3.0.0.json, 4PSA's generated .NET client as data) read
// into element lists with each element's own namespace, then shaped into version A (3.0.0 as the
// note has it) or version B (a later version as the wire note describes it, see VERSION_B).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export type Version = 'A' | 'B';

export interface Elem {
  name: string;
  ns: string;
  /** `xsd:...` for a built-in type, otherwise the name of a type of the model. */
  type: string;
  many: boolean;
  nillable: boolean;
}
export type Item = { kind: 'element'; elem: Elem } | { kind: 'choice'; options: Elem[]; many: boolean };
export interface ComplexType { kind: 'complex'; name: string; ns: string; base?: string; items: Item[] }
export interface EnumType { kind: 'enum'; name: string; ns: string; values: string[] }
export type Type = ComplexType | EnumType;

export interface Operation {
  name: string;
  soapAction: string;
  body: Elem;
  response: Elem;
  header: Elem;
}

export interface Model {
  version: Version;
  /** The namespaces by role: messages (ChannelMessages), data (ChannelData), common, header (HeaderData). */
  ns: { messages: string; data: string; common: string; header: string; wsdl: string };
  endpointPath: string;
  types: Map<string, Type>;
  operations: Operation[];
}

const NOTE_FILE = path.join(__dirname, 'channel-3.0.0.json');
const V300 = '3.0.0';

const BUILTIN: Record<string, string> = {
  bool: 'xsd:boolean', decimal: 'xsd:decimal', float: 'xsd:float', uint: 'xsd:unsignedInt', DateTime: 'xsd:dateTime', object: 'xsd:anyType',
};

function typeRef(noteType: string, dataType: string | undefined, known: Record<string, unknown>): string {
  const bare = noteType.replace(/\[\]$/, '');
  if (bare === 'string') return dataType ? `xsd:${dataType}` : 'xsd:string';
  if (BUILTIN[bare]) return BUILTIN[bare];
  if (!(bare in known)) throw new Error(`the note names an unknown type ${bare}`);
  return bare;
}

function readNote(): Model {
  const note = JSON.parse(readFileSync(NOTE_FILE, 'utf8'));
  const types = new Map<string, Type>();
  for (const [name, t] of Object.entries<any>(note.types)) {
    if (t.enum) {
      types.set(name, { kind: 'enum', name, ns: t.ns, values: t.enum });
      continue;
    }
    const items: Item[] = (t.sequence as any[]).map((e): Item => {
      const many = String(e.type).endsWith('[]');
      if (e.choice) {
        const options = (e.choice as any[]).map((c): Elem => ({
          name: c.name, ns: c.ns ?? t.ns, type: typeRef(c.type, c.dataType, note.types), many: false, nillable: false,
        }));
        return { kind: 'choice', options, many };
      }
      return { kind: 'element', elem: { name: e.element, ns: e.ns ?? t.ns, type: typeRef(e.type, e.dataType, note.types), many, nillable: e.nillable === true } };
    });
    types.set(name, { kind: 'complex', name, ns: t.ns, base: t.base ?? undefined, items });
  }
  const operations: Operation[] = Object.entries<any>(note.operations).map(([name, op]) => {
    const global = (part: any): Elem => {
      if (part.arrayItem) {
        // A body that is a list (DelChannel: ID*) is an element whose type holds the repeated item.
        if (types.has(part.element)) throw new Error(`type name ${part.element} is taken`);
        const item = part.arrayItem;
        const itemType = part.type === 'string[]' ? `xsd:${item.dataType ?? 'string'}` : typeRef(part.type, undefined, note.types);
        types.set(part.element, {
          kind: 'complex', name: part.element, ns: part.ns,
          items: [{ kind: 'element', elem: { name: item.name, ns: item.ns ?? part.ns, type: itemType, many: true, nillable: false } }],
        });
        return { name: part.element, ns: part.ns, type: part.element, many: false, nillable: false };
      }
      return { name: part.element, ns: part.ns, type: typeRef(part.type, undefined, note.types), many: false, nillable: false };
    };
    return { name, soapAction: op.soapAction, body: global(op.body), response: global(op.response), header: global(op.header) };
  });
  const nsOf = (file: string) => `http://4psa.com/${file}.xsd/${V300}`;
  return {
    version: 'A',
    ns: { messages: nsOf('ChannelMessages'), data: nsOf('ChannelData'), common: nsOf('Common'), header: nsOf('HeaderData'), wsdl: `http://4psa.com/Channel/${V300}` },
    endpointPath: '/soap2/channel_agent.php',
    types,
    operations,
  };
}

/** Version B: what a later server differs in (all of it assumed but `port` after `hostname`, public for 5.2.5). */
export const VERSION_B = { number: '5.2.5', endpointPath: '/soap2/v5/channel_agent.php' };

function elem(name: string, ns: string, type: string): Item {
  return { kind: 'element', elem: { name, ns, type, many: false, nillable: false } };
}

function toVersionB(a: Model): Model {
  const rename = (ns: string) => ns.replace(`/${V300}`, `/${VERSION_B.number}`);
  const renameElem = (e: Elem): Elem => ({ ...e, ns: rename(e.ns) });
  const types = new Map<string, Type>();
  for (const [name, t] of a.types) {
    if (t.kind === 'enum') types.set(name, { ...t, ns: rename(t.ns) });
    else types.set(name, {
      ...t, ns: rename(t.ns),
      items: t.items.map((i) => (i.kind === 'element' ? { ...i, elem: renameElem(i.elem) } : { ...i, options: i.options.map(renameElem) })),
    });
  }
  // SIPChannelInfo as the error-code table orders its checks: port (612) after hostname (public for
  // 5.2.5), proxy (613) after callerID (611), SIPNode (667) moved up after sipTransport (629).
  const sip = types.get('SIPChannelInfo') as ComplexType;
  const at = (n: string) => sip.items.findIndex((i) => i.kind === 'element' && i.elem.name === n);
  const node = sip.items.splice(at('SIPNode'), 1)[0];
  sip.items.splice(at('sipTransport') + 1, 0, node);
  sip.items.splice(at('hostname') + 1, 0, elem('port', sip.ns, 'xsd:integer'));
  sip.items.splice(at('callerID') + 1, 0, elem('proxy', sip.ns, 'xsd:string'));
  const ns = Object.fromEntries(Object.entries(a.ns).map(([k, v]) => [k, rename(v)])) as Model['ns'];
  return {
    version: 'B', ns, endpointPath: VERSION_B.endpointPath, types,
    operations: a.operations.map((op) => ({
      ...op, soapAction: rename(op.soapAction), body: renameElem(op.body), response: renameElem(op.response), header: renameElem(op.header),
    })),
  };
}

export function loadModel(version: Version): Model {
  const a = readNote();
  return version === 'A' ? a : toVersionB(a);
}

/** A complex type's elements in document order, its base's first (xsd:extension appends). */
export function itemsOf(model: Model, typeName: string): Item[] {
  const t = model.types.get(typeName);
  if (!t || t.kind !== 'complex') return [];
  return [...(t.base ? itemsOf(model, t.base) : []), ...t.items];
}
