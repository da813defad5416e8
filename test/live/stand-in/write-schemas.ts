// Writes a model (model.ts) as the WSDL and XSD files a server serves under /soap2/schema/. Version
// A: one named type per type, schemas imported by relative paths. Version B: anonymous types inline
// wherever the namespace allows (a type of another namespace, or a base, stays named: inlining it
// would move its elements into the enclosing schema's namespace), schemas imported by absolute
// URLs ({{BASE}} is the server's https://host:port, filled in when served).
import type { ComplexType, Elem, Item, Model, Type } from './model';
import { VERSION_B } from './model';

export const BASE = '{{BASE}}';
const XSD = 'http://www.w3.org/2001/XMLSchema';
type Role = 'messages' | 'data' | 'common' | 'header';
const PREFIX: Record<Role, string> = { messages: 'cm', data: 'cd', common: 'cc', header: 'hd' };
const FILE: Record<Role, string> = { messages: 'ChannelMessages', data: 'ChannelData', common: 'Common', header: 'HeaderData' };

/** Paths under /soap2/schema/, for each version. */
export function schemaPaths(version: 'A' | 'B'): { wsdl: string } & Record<Role, string> {
  if (version === 'A') {
    return { wsdl: 'latest/Channel/Channel.wsdl', messages: 'latest/Channel/ChannelMessages.xsd', data: 'latest/Channel/ChannelData.xsd',
      common: 'latest/Common.xsd', header: 'latest/HeaderData.xsd' };
  }
  const dir = VERSION_B.number;
  return { wsdl: 'latest/Channel/Channel.wsdl', messages: `${dir}/ChannelMessages.xsd`, data: `${dir}/ChannelData.xsd`, common: `${dir}/Common.xsd`,
    header: `${dir}/HeaderData.xsd` };
}

function location(model: Model, from: string, to: string): string {
  if (model.version === 'B') return `${BASE}/soap2/schema/${to}`;
  const up = from.split('/').slice(0, -1);
  const target = to.split('/');
  let common = 0;
  while (common < up.length && up[common] === target[common]) common++;
  return [...up.slice(common).map(() => '..'), ...target.slice(common)].join('/');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

class SchemaWriter {
  readonly role: Role;
  readonly ns: string;
  readonly imports = new Set<Role>();
  /** Global elements of this namespace that elements of other namespaces refer to. */
  readonly globals = new Map<string, Elem>();
  readonly named = new Set<string>();

  constructor(readonly model: Model, role: Role) {
    this.role = role;
    this.ns = model.ns[role];
  }

  roleOf(ns: string): Role {
    const role = (Object.keys(PREFIX) as Role[]).find((r) => this.model.ns[r] === ns);
    if (!role) throw new Error(`no schema for namespace ${ns}`);
    return role;
  }

  qname(ns: string, name: string): string {
    const role = this.roleOf(ns);
    if (role !== this.role) this.imports.add(role);
    return `${PREFIX[role]}:${name}`;
  }

  /** Version B inlines a type used from its own namespace, unless it is a base. */
  inline(type: Type): boolean {
    return this.model.version === 'B' && type.ns === this.ns && !isBase(this.model, type.name);
  }

  typeAttr(e: Elem, indent: string): { attr: string; body: string } {
    if (e.type.startsWith('xsd:')) return { attr: ` type="${e.type}"`, body: '' };
    const t = this.model.types.get(e.type)!;
    if (this.inline(t)) return { attr: '', body: `\n${this.typeBody(t, indent + '  ', false)}\n${indent}` };
    return { attr: ` type="${this.qname(t.ns, t.name)}"`, body: '' };
  }

  element(e: Elem, indent: string, occurs: string): string {
    if (e.ns !== this.ns) return `${indent}<xsd:element ref="${this.qname(e.ns, e.name)}"${occurs}/>`;
    const { attr, body } = this.typeAttr(e, indent);
    const nillable = e.nillable ? ' nillable="true"' : '';
    return body ? `${indent}<xsd:element name="${e.name}"${occurs}${nillable}>${body}</xsd:element>` : `${indent}<xsd:element name="${e.name}"${attr}${occurs}${nillable}/>`;
  }

  items(items: Item[], indent: string): string {
    return items.map((item) => {
      if (item.kind === 'element') return this.element(item.elem, indent, ` minOccurs="0"${item.elem.many ? ' maxOccurs="unbounded"' : ''}`);
      const options = item.options.map((o) => this.element(o, indent + '  ', '')).join('\n');
      return `${indent}<xsd:choice minOccurs="0"${item.many ? ' maxOccurs="unbounded"' : ''}>\n${options}\n${indent}</xsd:choice>`;
    }).join('\n');
  }

  typeBody(t: Type, indent: string, named: boolean): string {
    const name = named ? ` name="${t.name}"` : '';
    if (t.kind === 'enum') {
      const values = t.values.map((v) => `${indent}    <xsd:enumeration value="${escape(v)}"/>`).join('\n');
      return `${indent}<xsd:simpleType${name}>\n${indent}  <xsd:restriction base="xsd:string">\n${values}\n${indent}  </xsd:restriction>\n${indent}</xsd:simpleType>`;
    }
    const seq = (i: string) => (t.items.length ? `${i}<xsd:sequence>\n${this.items(t.items, i + '  ')}\n${i}</xsd:sequence>` : `${i}<xsd:sequence/>`);
    if (!t.base) return `${indent}<xsd:complexType${name}>\n${seq(indent + '  ')}\n${indent}</xsd:complexType>`;
    const base = this.model.types.get(t.base)!;
    const i = indent + '    ';
    return `${indent}<xsd:complexType${name}>\n${indent}  <xsd:complexContent>\n${i}<xsd:extension base="${this.qname(base.ns, base.name)}">\n` +
      `${seq(i + '  ')}\n${i}</xsd:extension>\n${indent}  </xsd:complexContent>\n${indent}</xsd:complexType>`;
  }
}

function isBase(model: Model, name: string): boolean {
  return [...model.types.values()].some((t) => t.kind === 'complex' && t.base === name);
}

/** Which named types and global elements each namespace must declare. */
function plan(model: Model, writers: Map<string, SchemaWriter>): void {
  const needNamed = (t: Type) => writers.get(t.ns)!.named.add(t.name);
  const addGlobal = (e: Elem) => {
    const w = writers.get(e.ns)!;
    const seen = w.globals.get(e.name);
    if (seen && (seen.type !== e.type || seen.nillable !== e.nillable)) throw new Error(`global element ${e.name} of ${e.ns} has two types`);
    w.globals.set(e.name, { ...e, many: false });
  };
  for (const op of model.operations) for (const e of [op.body, op.response, op.header]) addGlobal(e);
  for (const t of model.types.values()) {
    if (model.version === 'A') needNamed(t);
    if (t.kind !== 'complex') continue;
    if (t.base) needNamed(model.types.get(t.base)!);
    const elems = t.items.flatMap((i) => (i.kind === 'element' ? [i.elem] : i.options));
    for (const e of elems) if (e.ns !== t.ns) addGlobal(e);
  }
  // An element's type of another namespace than the element's is referred to by name.
  for (const w of writers.values()) for (const e of allElements(model, w)) {
    const t = model.types.get(e.type);
    if (t && t.ns !== e.ns) needNamed(t);
  }
}

function allElements(model: Model, w: SchemaWriter): Elem[] {
  const own = [...model.types.values()].filter((t): t is ComplexType => t.kind === 'complex' && t.ns === w.ns)
    .flatMap((t) => t.items.flatMap((i) => (i.kind === 'element' ? [i.elem] : i.options)));
  return [...own, ...w.globals.values()];
}

function header(model: Model, what: string): string {
  const b = model.version === 'B';
  return `<!--
  Stand-in ${what} for the tests (test/live/stand-in/), version ${model.version}; written by
  test/live/stand-in/generate.ts from channel-3.0.0.json (4PSA's generated .NET client for SystemAPI
  3.0.0 as data). Do not edit: run \`npx tsx test/live/stand-in/generate.ts\`.
  PUBLIC FACTS (3.0.0): operation, element and type names; each sequence's element order; each
  element's namespace; SOAP actions; list elements; the userCredentials/accessToken header.${b ? `
  PUBLIC FACTS (${VERSION_B.number}): the ${VERSION_B.number} namespaces; SIPChannelInfo begins name, hostname, port.` : ''}
  ASSUMPTIONS: every element minOccurs="0" (the client does not say which are required); Dahdi
  and IAX typed xsd:anyType; schema file names and folders${b ? `; ${VERSION_B.number} keeping 3.0.0's
  other types; proxy after callerID and SIPNode after sipTransport (the error-code table's order);
  port an xsd:integer; the endpoint path ${VERSION_B.endpointPath}; types inline where allowed` : `; the
  endpoint path as 3.0.0 clients configure it`}.
-->
`;
}

function writeSchema(model: Model, w: SchemaWriter, paths: Record<Role, string>): string {
  const parts: string[] = [];
  for (const e of [...w.globals.values()].sort((x, y) => x.name.localeCompare(y.name))) parts.push(w.element(e, '  ', ''));
  const types = [...model.types.values()].filter((t) => t.ns === w.ns && w.named.has(t.name));
  for (const t of types.sort((x, y) => x.name.localeCompare(y.name))) parts.push(w.typeBody(t, '  ', true));
  // Imports are known once the body is written.
  const imports = [...w.imports].sort().map((r) => `  <xsd:import namespace="${model.ns[r]}" schemaLocation="${location(model, paths[w.role], paths[r])}"/>`);
  const xmlns = (['messages', 'data', 'common', 'header'] as Role[]).filter((r) => r === w.role || w.imports.has(r))
    .map((r) => ` xmlns:${PREFIX[r]}="${model.ns[r]}"`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${header(model, `${FILE[w.role]}.xsd`)}<xsd:schema xmlns:xsd="${XSD}"${xmlns}` +
    ` targetNamespace="${w.ns}" elementFormDefault="qualified">\n${[...imports, ...parts].join('\n')}\n</xsd:schema>\n`;
}

function writeWsdl(model: Model, paths: { wsdl: string } & Record<Role, string>): string {
  const msg = (op: { soapAction: string }) => op.soapAction.slice(op.soapAction.lastIndexOf(':') + 1);
  const out = (op: { soapAction: string }) => msg(op).replace(/In$/, 'Out');
  const lines: string[] = [];
  lines.push(`  <wsdl:types>\n    <xsd:schema targetNamespace="${model.ns.wsdl}">`);
  for (const r of ['messages', 'header'] as Role[]) {
    lines.push(`      <xsd:import namespace="${model.ns[r]}" schemaLocation="${location(model, paths.wsdl, paths[r])}"/>`);
  }
  lines.push('    </xsd:schema>\n  </wsdl:types>');
  lines.push(`  <wsdl:message name="userCredentials">\n    <wsdl:part name="userCredentials" element="hd:userCredentials"/>\n  </wsdl:message>`);
  for (const op of model.operations) {
    lines.push(`  <wsdl:message name="${msg(op)}">\n    <wsdl:part name="params" element="cm:${op.body.name}"/>\n  </wsdl:message>`);
    lines.push(`  <wsdl:message name="${out(op)}">\n    <wsdl:part name="output" element="cm:${op.response.name}"/>\n  </wsdl:message>`);
  }
  lines.push('  <wsdl:portType name="ChannelInterface">');
  for (const op of model.operations) {
    lines.push(`    <wsdl:operation name="${op.name}">\n      <wsdl:input message="tns:${msg(op)}"/>\n      <wsdl:output message="tns:${out(op)}"/>\n    </wsdl:operation>`);
  }
  lines.push('  </wsdl:portType>');
  lines.push('  <wsdl:binding name="ChannelBinding" type="tns:ChannelInterface">');
  lines.push('    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>');
  for (const op of model.operations) {
    lines.push(`    <wsdl:operation name="${op.name}">\n      <soap:operation soapAction="${op.soapAction}" style="document"/>\n      <wsdl:input>\n` +
      '        <soap:body use="literal"/>\n        <soap:header message="tns:userCredentials" part="userCredentials" use="literal"/>\n      </wsdl:input>\n' +
      '      <wsdl:output>\n        <soap:body use="literal"/>\n      </wsdl:output>\n    </wsdl:operation>');
  }
  lines.push('  </wsdl:binding>');
  lines.push(`  <wsdl:service name="ChannelService">\n    <wsdl:port name="ChannelPort" binding="tns:ChannelBinding">\n` +
    `      <soap:address location="${BASE}${model.endpointPath}"/>\n    </wsdl:port>\n  </wsdl:service>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${header(model, 'Channel.wsdl')}<wsdl:definitions name="Channel" targetNamespace="${model.ns.wsdl}"` +
    ` xmlns:tns="${model.ns.wsdl}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"` +
    ` xmlns:xsd="${XSD}" xmlns:cm="${model.ns.messages}" xmlns:hd="${model.ns.header}">\n${lines.join('\n')}\n</wsdl:definitions>\n`;
}

/** Every file of a version: path under /soap2/schema/ → text. */
export function writeFixtures(model: Model): Map<string, string> {
  const paths = schemaPaths(model.version);
  const roles: Role[] = ['messages', 'data', 'common', 'header'];
  const writers = new Map(roles.map((r) => [model.ns[r], new SchemaWriter(model, r)]));
  plan(model, writers);
  const files = new Map<string, string>([[paths.wsdl, writeWsdl(model, paths)]]);
  for (const w of writers.values()) files.set(paths[w.role], writeSchema(model, w, paths));
  return files;
}
