// A request for each operation that sets every parameter the version's model defines (a list
// twice, a choice by its first option of a known type), with a value of each element's type: the
// proof that the fixtures accept every parameter, and a ready envelope for tests that need one.
import type { Elem, Model, Operation } from './model';
import { itemsOf } from './model';
import { SOAP_ENV } from './soap-namespaces';
import type { Value } from './xml';
import { writeElement } from './xml';

const SAMPLE: Record<string, string> = {
  'xsd:string': 'sample', 'xsd:positiveInteger': '1', 'xsd:integer': '5060', 'xsd:boolean': 'true', 'xsd:decimal': '10', 'xsd:float': '1.5',
  'xsd:unsignedInt': '1', 'xsd:dateTime': '2026-01-05T10:00:00Z',
};

export function sampleValue(model: Model, e: Elem): Value | undefined {
  if (e.type === 'xsd:anyType') return undefined;
  if (e.type.startsWith('xsd:')) {
    if (!(e.type in SAMPLE)) throw new Error(`no sample for ${e.type}`);
    return SAMPLE[e.type];
  }
  const t = model.types.get(e.type)!;
  if (t.kind === 'enum') return t.values[0];
  const value: Record<string, Value | undefined> = {};
  for (const item of itemsOf(model, t.name)) {
    const chosen = item.kind === 'element' ? item.elem : item.options.find((o) => o.type !== 'xsd:anyType')!;
    const one = sampleValue(model, chosen);
    const many = item.kind === 'element' ? item.elem.many : item.many;
    if (one !== undefined) value[chosen.name] = many ? [one, one] : one;
  }
  return value;
}

export function prefixesOf(model: Model): Map<string, string> {
  return new Map([[model.ns.messages, 'ns1'], [model.ns.data, 'ns2'], [model.ns.common, 'ns3'], [model.ns.header, 'ns4']]);
}

function xmlns(prefixes: Map<string, string>): string {
  return [...prefixes].map(([ns, p]) => ` xmlns:${p}="${ns}"`).join('');
}

/** The envelope of a request: the token header and the body, written in the model's order and namespaces. */
export function requestEnvelope(model: Model, op: Operation, token: string, body: Value): string {
  const prefixes = prefixesOf(model);
  const header = writeElement(model, op.header, { accessToken: token }, prefixes);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="${SOAP_ENV}"${xmlns(prefixes)}><soapenv:Header>${header}</soapenv:Header>` +
    `<soapenv:Body>${writeElement(model, op.body, body, prefixes)}</soapenv:Body></soapenv:Envelope>`;
}

/** The envelope of an answer. */
export function answerEnvelope(model: Model, op: Operation, answer: Value): string {
  const prefixes = prefixesOf(model);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV}"${xmlns(prefixes)}><SOAP-ENV:Body>` +
    `${writeElement(model, op.response, answer, prefixes)}</SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

export function sampleRequest(model: Model, op: Operation, token: string): string {
  return requestEnvelope(model, op, token, sampleValue(model, op.body) ?? {});
}
