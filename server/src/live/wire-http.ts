// The HTTP client strong-soap is given, for the WSDL's files and for the calls. Files the WSDL
// store holds are served from it (the extension keeps the store in its global storage: a server's
// WSDL is read from the network once, until the user reloads it) and files read from the network
// are put in it. A call whose options carry an AbortSignal is aborted with it (the editor's cancel).
import HttpClient from 'strong-soap/src/http';

/** The WSDL and the schemas it imports, by URL, as the server sent them. */
export interface WsdlStore {
  get(url: string): string | undefined;
  put(url: string, text: string): void;
}

type Callback = (error: unknown, response?: unknown, body?: string) => void;

/** strong-soap's request(url, data, callback, headers, options): data is null for the WSDL's files. */
export class WireHttp {
  private readonly real: HttpClient;

  constructor(
    options: object,
    private readonly store?: WsdlStore,
  ) {
    this.real = new HttpClient(options);
  }

  request(url: string, data: unknown, callback: Callback, headers?: object, options?: { signal?: AbortSignal }): unknown {
    if (data === null || data === undefined) {
      const held = this.store?.get(url);
      // As strong-soap's own client answers: the body, and the response's status and final URL.
      if (held !== undefined) return void queueMicrotask(() => callback(null, { statusCode: 200, request: { uri: { href: url } } }, held)), {};
      return this.real.request(url, data, (error, response, body) => {
        if (!error && (response as { statusCode?: number } | undefined)?.statusCode === 200 && typeof body === 'string') this.store?.put(url, body);
        callback(error, response, body);
      }, headers, options);
    }
    const { signal, ...rest } = options ?? {};
    if (signal?.aborted) return void queueMicrotask(() => callback(signal.reason)), {};
    let settled = false;
    const once: Callback = (...args) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      callback(...args);
    };
    const req = this.real.request(url, data, once, headers, rest) as { abort?: () => void };
    function abort() {
      req.abort?.();
      once(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
    return req;
  }
}
