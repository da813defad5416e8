// The Channel service as the server's own WSDL describes it, loaded at run time with strong-soap
// (elements ordered by each xsd:sequence and each qualified in its own namespace, for named and
// inline types alike): a request's parameters are checked against the WSDL (xsd-values.ts), sent
// with the access token in the WSDL's userCredentials header, and its answer or fault read back.
import { createClient } from 'strong-soap/src/soap';
import QName from 'strong-soap/src/parser/qname';
import { statSync } from 'node:fs';
import { readRegularFileSync } from '../node/file-system';
import type { Tls } from './https-call';
import { cancelled, LiveError, networkError } from './live-error';
import { WireHttp, type WsdlStore } from './wire-http';
import { toWire, type Described } from './xsd-values';

export interface ClientOptions {
  /** The server's address (the profile's url). */
  url: string;
  /** The WSDL's URL or file; default {url}/soap2/schema/latest/Channel/Channel.wsdl. */
  wsdl?: string;
  tls: Tls;
  timeoutMs: number;
  /** Where the WSDL's files are kept between runs (the extension's global storage); none: read each time. */
  store?: WsdlStore;
}

export type CallAnswer = { ok: true; response: Record<string, unknown> } | { ok: false; fault: { faultcode: string; faultstring: string } };

interface Operation {
  input: { body: Described; headers?: { elements?: Described[] } };
}

interface SoapClient {
  describe(): Record<string, Record<string, Record<string, Operation>>>;
  wsdl: { definitions: { targetNamespace?: string } };
  clearSoapHeaders(): void;
  addSoapHeader(value: object, qname: QName): void;
  httpClient: unknown;
  [operation: string]: unknown;
}

export const DEFAULT_WSDL_PATH = '/soap2/schema/latest/Channel/Channel.wsdl';

/** A WSDL named by URL (else it is a file). */
export function isRemote(wsdl: string): boolean {
  return /^https?:/.test(wsdl);
}
/** How long an answer is waited for when the profile does not say (timeoutMs). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** A CA file larger than this is no certificate (a bundle of every public CA is about 200 KB). */
const MAX_CA_BYTES = 1024 * 1024;
/** A WSDL file larger than this is refused (the Channel service's, with its schemas, is well under 1 MB). */
const MAX_WSDL_FILE_BYTES = 32 * 1024 * 1024;

/**
 * A profile's CA file (PEM), read for each connection made: a regular file only (a FIFO or a device
 * named in a repository's config never blocks the reader), and not larger than a certificate is.
 */
export function readCaFile(path: string, profile: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(path, MAX_CA_BYTES + 1);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code ?? 'unreadable';
    const why = code === 'ENOTREG' ? 'not a regular file' : code;
    throw new LiveError('tls', `The "ca" file of the profile '${profile}' (${path}) cannot be read (${why}).`);
  }
  if (bytes.length > MAX_CA_BYTES) {
    throw new LiveError('tls', `The "ca" file of the profile '${profile}' (${path}) is larger than 1 MB: is it a PEM certificate?`);
  }
  return bytes.toString('utf8');
}

/** A WSDL named as a file: a regular file of a reasonable size, before strong-soap reads it (it would wait on a FIFO for ever). */
function checkWsdlFile(path: string): void {
  let why: string | undefined;
  try {
    const info = statSync(path);
    if (!info.isFile()) why = 'not a regular file';
    else if (info.size > MAX_WSDL_FILE_BYTES) why = 'larger than 32 MB';
  } catch (error) {
    why = (error as NodeJS.ErrnoException)?.code ?? 'unreadable';
  }
  if (why) throw new LiveError('wsdl', `The WSDL file ${path} cannot be read (${why}): the profile's "wsdl" names it.`);
}

export class ChannelClient {
  private constructor(
    private readonly client: SoapClient,
    private readonly operations: Record<string, Operation>,
    /** The version its namespace names (`3.0.0`), for messages. */
    readonly version: string,
    private readonly options: ClientOptions,
  ) {}

  /** Loads the WSDL (and the schemas it imports) once. */
  static async open(options: ClientOptions): Promise<ChannelClient> {
    const wsdl = options.wsdl ?? `${options.url}${DEFAULT_WSDL_PATH}`;
    const remote = isRemote(wsdl);
    if (!remote) checkWsdlFile(wsdl);
    const wsdlOptions = { ca: options.tls.ca, rejectUnauthorized: !options.tls.insecure, timeout: options.timeoutMs };
    const client = await new Promise<SoapClient>((resolve, reject) =>
      // A cache of its own (strong-soap's is one for the process): this server's WSDL read now, with this profile's TLS.
      createClient(wsdl, { wsdl_options: wsdlOptions, WSDL_CACHE: {}, httpClient: new WireHttp({}, options.store) }, (error, made) =>
        error ? reject(error) : resolve(made as SoapClient),
      ),
    ).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code && !remote) throw new LiveError('wsdl', `The WSDL file ${wsdl} cannot be read (${code}): the profile's "wsdl" names it.`);
      if (code) throw networkError(error, wsdl, options.timeoutMs);
      const why = String((error as Error)?.message ?? error).slice(0, 200);
      throw new LiveError('wsdl', `The WSDL at ${wsdl} could not be read as the Channel service's (${why}).`);
    });
    const described = client.describe();
    const port = Object.values(Object.values(described)[0] ?? {})[0];
    if (!port) throw new LiveError('wsdl', `The WSDL at ${wsdl} describes no service.`);
    const version = /\/([\d.]+)$/.exec(client.wsdl.definitions.targetNamespace ?? '')?.[1] ?? 'unknown';
    return new ChannelClient(client, port, version, options);
  }

  has(method: string): boolean {
    return Object.hasOwn(this.operations, method);
  }

  /** The envelope a request would be sent as, and where, without sending it (a dry run). */
  async envelope(method: string, params: unknown, token: string): Promise<{ endpoint: string; xml: string }> {
    const real = this.client.httpClient;
    let captured: { endpoint: string; xml: string } | undefined;
    // strong-soap hands the envelope to its HTTP client: this one keeps it and answers nothing.
    this.client.httpClient = {
      request: (endpoint: string, xml: string, callback: (error: Error) => void) => {
        captured = { endpoint, xml };
        callback(new Error('dry run'));
        return {};
      },
    };
    try {
      await this.call(method, params, token).catch((error: unknown) => {
        // A parameter the WSDL does not define is the caller's to hear of; the stand-in's refusal is the dry run's end.
        if (error instanceof LiveError && error.kind === 'parameter') throw error;
      });
    } finally {
      this.client.httpClient = real;
    }
    if (!captured) throw new LiveError('wsdl', `No envelope was made for ${method}.`);
    return captured;
  }

  /** Sends one request; a SOAP fault is an answer too. `signal` aborts it (the editor's cancel). */
  async call(method: string, params: unknown, token: string, signal?: AbortSignal): Promise<CallAnswer> {
    const operation = this.operations[method];
    if (!operation) throw new LiveError('wsdl', `This server's WSDL (Channel service ${this.version}) has no operation ${method}.`);
    const args = toWire(params ?? {}, operation.input.body, '', `${method} on this server (Channel service ${this.version})`);
    const header = operation.input.headers?.elements?.[0];
    this.client.clearSoapHeaders();
    if (header) this.client.addSoapHeader({ accessToken: token }, new QName(header.qname.nsURI, header.qname.name));
    const send = this.client[method] as (args: unknown, callback: (error: unknown, result: unknown) => void, options: object) => void;
    const callOptions = { ca: this.options.tls.ca, rejectUnauthorized: !this.options.tls.insecure, timeout: this.options.timeoutMs, signal };
    return new Promise((resolve, reject) => {
      send.call(this.client, args, (error, result) => {
        if (signal?.aborted) return reject(cancelled(method));
        const fault = (error as { root?: { Envelope?: { Body?: { Fault?: { faultcode?: unknown; faultstring?: unknown } } } } })?.root?.Envelope?.Body?.Fault;
        if (fault) resolve({ ok: false, fault: { faultcode: textOf(fault.faultcode), faultstring: textOf(fault.faultstring) } });
        else if (error) reject(wireError(error, this.options));
        else resolve({ ok: true, response: (result ?? {}) as Record<string, unknown> });
      }, callOptions);
    });
  }
}

/** A fault's code or text as the server wrote it (an element with no text reads as ''). */
function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A failed call in words: the network, an HTTP error, or an answer that is not SOAP (a login page). */
function wireError(error: unknown, options: ClientOptions): LiveError {
  if ((error as NodeJS.ErrnoException)?.code) return networkError(error, options.url, options.timeoutMs);
  const response = (error as { response?: { statusCode?: number } })?.response;
  const host = new URL(options.url).host;
  if (response?.statusCode && response.statusCode >= 400) return new LiveError('http', `${host} answered HTTP ${response.statusCode} without a SOAP fault.`);
  const why = String((error as Error)?.message ?? error).slice(0, 120);
  return new LiveError('not-soap', `${host} did not answer in SOAP (${why}): is the url the VoipNow server's?`);
}
