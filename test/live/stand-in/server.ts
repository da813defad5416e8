// A stand-in VoipNow server for the tests, HTTPS on 127.0.0.1 with a certificate made at test time:
//  - GET  /soap2/schema/...     the version's WSDL (at latest/Channel/Channel.wsdl) and XSDs;
//  - POST /oauth/token.php      OAuth 2.0 client credentials → { access_token, expires_in, token_type };
//  - POST {the WSDL's endpoint} SOAP 1.1: the envelope checked against the XSDs by xmllint, then the
//    SOAPAction against the body's operation, then the token, then an answer from the state.
// Every refusal is a SOAP fault (HTTP 500, as SOAP 1.1 over HTTP sends faults): an invalid envelope
// or a SOAPAction that does not match gets faultcode SOAP-ENV:Client naming the problem; a missing,
// unknown or expired token gets the documented code 100 with the method's text (the error-code
// table documents 100, "The authentication data ... is invalid.", for every method).
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { TestCertificates } from './certificates';
import { makeTestCertificates } from './certificates';
import { fixtureDir } from './generate';
import type { Model, Operation, Version } from './model';
import { itemsOf, loadModel } from './model';
import type { Outcome, StandInState } from './state';
import { fault, handle, seedState } from './state';
import type { Validation } from './validator';
import { prepareSchemas, validate } from './validator';
import type { Value } from './xml';
import { child, parseCanonical, textOf } from './xml';
import { answerEnvelope } from './samples';
import { SOAP_ENV } from './soap-namespaces';

export { SOAP_ENV } from './soap-namespaces';
export const WSDL_PATH = '/soap2/schema/latest/Channel/Channel.wsdl';
export const TOKEN_PATH = '/oauth/token.php';

/** How a part of the server misbehaves until the switch is set back to undefined. */
export type Failure = 'html' | 'http500' | 'hang' | 'close';
export interface Failures { soap?: Failure; token?: Failure; schema?: Failure }

export interface LoggedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The SOAP operation the body named, when it named one. */
  operation?: string;
  status?: number;
  fault?: { code: string; text: string };
}

export interface StandInOptions {
  version: Version;
  /** Reuse certificates (making them takes a moment); made for this server otherwise. */
  tls?: { certificates?: TestCertificates };
  /** Seconds an issued token lives; 3600 by default (the note: about an hour). */
  tokenLifetimeSec?: number;
  /** OAuth clients: client ID → client secret. */
  clients?: Record<string, string>;
}

export interface StandIn {
  url: string;
  wsdlUrl: string;
  endpointUrl: string;
  /** The CA's certificate (PEM) and a file holding it. */
  ca: string;
  caFile: string;
  model: Model;
  state: StandInState;
  failures: Failures;
  requests: LoggedRequest[];
  /** 'request' (a LoggedRequest, when it arrives) and 'answered' (when its answer is written). */
  events: EventEmitter;
  /** A valid token, as if fetched. */
  /** Checks an envelope (a request or an answer) against this version's XSDs. */
  validate(xml: string): Promise<Validation>;
  issueToken(): string;
  expireTokens(): void;
  revokeTokens(): void;
  stop(): Promise<void>;
}

const LOGIN_PAGE = '<!DOCTYPE html><html><head><title>VoipNow - Login</title></head><body><form method="post" action="/index.php">' +
  '<input name="username"><input name="password" type="password"></form></body></html>';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function faultEnvelope(code: string, text: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<SOAP-ENV:Envelope xmlns:SOAP-ENV="${SOAP_ENV}"><SOAP-ENV:Body><SOAP-ENV:Fault>` +
    `<faultcode>${escape(code)}</faultcode><faultstring>${escape(text)}</faultstring></SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>`;
}

/** What an operation the state does not model answers: success, in the answer type's terms. */
export function genericSuccess(model: Model, op: Operation): Value {
  const names = itemsOf(model, op.response.type).flatMap((i) => (i.kind === 'element' ? [i.elem.name] : []));
  return { ...(names.includes('result') ? { result: 'success' } : {}), ...(names.includes('items') ? { items: 0 } : {}) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const model = loadModel(options.version);
  const work = await mkdtemp(path.join(os.tmpdir(), 'voipnow-stand-in-'));
  const schema = prepareSchemas(options.version, work);
  const certificates = options.tls?.certificates ?? (await makeTestCertificates(path.join(work)));
  const lifetime = options.tokenLifetimeSec ?? 3600;
  const clients = options.clients ?? {};
  const tokens = new Map<string, number>();
  const state = seedState();
  const failures: Failures = {};
  const requests: LoggedRequest[] = [];
  const events = new EventEmitter();
  let url = '';

  const issueToken = () => {
    const token = randomBytes(24).toString('hex');
    tokens.set(token, Date.now() + lifetime * 1000);
    return token;
  };

  const send = (res: ServerResponse, log: LoggedRequest, status: number, type: string, body: string) => {
    log.status = status;
    res.writeHead(status, { 'content-type': type });
    res.end(body);
    events.emit('answered', log);
  };
  const sendFault = (res: ServerResponse, log: LoggedRequest, code: string, text: string) => {
    log.fault = { code, text };
    send(res, log, 500, 'text/xml; charset=utf-8', faultEnvelope(code, text));
  };

  /** Applies a failure switch; true when it answered (or will never answer). */
  const misbehave = (failure: Failure | undefined, req: IncomingMessage, res: ServerResponse, log: LoggedRequest): boolean => {
    if (!failure) return false;
    if (failure === 'html') send(res, log, 200, 'text/html; charset=utf-8', LOGIN_PAGE);
    else if (failure === 'http500') send(res, log, 500, 'text/plain', 'Internal Server Error');
    else if (failure === 'close') req.socket.destroy();
    return true; // 'hang': the request stays open until the client gives up or the server stops.
  };

  const token = async (req: IncomingMessage, res: ServerResponse, log: LoggedRequest) => {
    const form = new URLSearchParams(log.body);
    if (form.get('grant_type') !== 'client_credentials') {
      return send(res, log, 400, 'application/json', JSON.stringify({ error: 'unsupported_grant_type', error_description: 'The grant type is not supported.' }));
    }
    const id = form.get('client_id') ?? '';
    if (!(id in clients) || clients[id] !== form.get('client_secret')) {
      return send(res, log, 401, 'application/json', JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed.' }));
    }
    send(res, log, 200, 'application/json', JSON.stringify({ access_token: issueToken(), expires_in: lifetime, token_type: 'Bearer', scope: null }));
  };

  const soap = async (req: IncomingMessage, res: ServerResponse, log: LoggedRequest) => {
    const checked = await validate(schema, log.body);
    if (!checked.ok) return sendFault(res, log, 'SOAP-ENV:Client', `The envelope is not valid against the service's schemas: ${checked.errors.join(' ')}`);
    const envelope = parseCanonical(checked.canonical);
    const body = child(envelope, 'Body')!.children[0];
    const op = model.operations.find((o) => o.body.name === body.name && o.body.ns === body.ns)!;
    log.operation = op.name;
    const action = (req.headers.soapaction ?? '').toString().replace(/^"|"$/g, '');
    if (action !== op.soapAction) return sendFault(res, log, 'SOAP-ENV:Client', `SOAPAction "${action}" does not match ${op.name} (${op.soapAction}).`);
    const credentials = child(envelope, 'Header')?.children.find((c) => c.name === 'userCredentials' && c.ns === model.ns.header);
    const accessToken = textOf(credentials, 'accessToken');
    const expires = accessToken === undefined ? undefined : tokens.get(accessToken);
    if (expires === undefined || expires <= Date.now()) {
      const refused = fault(op.name, '100') as Extract<Outcome, { fault: unknown }>;
      return sendFault(res, log, refused.fault.code, refused.fault.text);
    }
    const outcome = handle(state, op.name, body) ?? { answer: genericSuccess(model, op) };
    if ('fault' in outcome) return sendFault(res, log, outcome.fault.code, outcome.fault.text);
    send(res, log, 200, 'text/xml; charset=utf-8', answerEnvelope(model, op, outcome.answer));
  };

  const schemaFile = async (res: ServerResponse, log: LoggedRequest) => {
    const rel = path.posix.normalize(log.path.slice('/soap2/schema/'.length));
    if (rel.startsWith('..')) return send(res, log, 404, 'text/plain', 'Not Found');
    const text = await readFile(path.join(fixtureDir(options.version), rel), 'utf8').catch(() => undefined);
    if (text === undefined) return send(res, log, 404, 'text/plain', 'Not Found');
    send(res, log, 200, 'text/xml; charset=utf-8', text.split('{{BASE}}').join(url));
  };

  const server = https.createServer({ key: certificates.key, cert: certificates.cert }, (req, res) => {
    const log: LoggedRequest = { method: req.method ?? '', path: (req.url ?? '').split('?')[0], headers: req.headers, body: '' };
    requests.push(log);
    readBody(req).then(async (body) => {
      log.body = body;
      events.emit('request', log);
      if (req.method === 'GET' && log.path.startsWith('/soap2/schema/')) {
        if (!misbehave(failures.schema, req, res, log)) await schemaFile(res, log);
      } else if (req.method === 'POST' && log.path === TOKEN_PATH) {
        if (!misbehave(failures.token, req, res, log)) await token(req, res, log);
      } else if (req.method === 'POST' && log.path === model.endpointPath) {
        if (!misbehave(failures.soap, req, res, log)) await soap(req, res, log);
      } else send(res, log, 404, 'text/plain', 'Not Found');
    }).catch((error: unknown) => {
      // A bug of the stand-in: answered as a server error, and visible in the log.
      if (!res.headersSent) send(res, log, 500, 'text/plain', `stand-in error: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    wsdlUrl: url + WSDL_PATH,
    endpointUrl: url + model.endpointPath,
    ca: certificates.ca,
    caFile: certificates.caFile,
    model,
    state,
    failures,
    requests,
    events,
    validate: (xml) => validate(schema, xml),
    issueToken,
    expireTokens: () => {
      for (const t of tokens.keys()) tokens.set(t, 0);
    },
    revokeTokens: () => tokens.clear(),
    stop: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      if (!options.tls?.certificates) await rm(certificates.dir, { recursive: true, force: true });
      await rm(work, { recursive: true, force: true });
    },
  };
}
