// One HTTPS request with what a profile says of TLS (its CA, or no check when insecure) and a
// timeout: the answer's status, headers and body, or a LiveError in words.
import { request } from 'node:https';
import { cancelled, LiveError, networkError } from './live-error';

export interface Tls {
  /** PEM of the certificate authority the server's certificate is signed by. */
  ca?: string;
  /** No check of the server's certificate (the profile's insecure: warned of by the caller). */
  insecure?: boolean;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** `signal` aborts the call (the editor's cancel). */
export function httpsCall(url: string, init: HttpInit, tls: Tls, timeoutMs: number, signal?: AbortSignal): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method, headers: init.headers, ca: tls.ca, rejectUnauthorized: !tls.insecure, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body });
      });
      res.on('error', (error) => reject(networkError(error, url, timeoutMs)));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error) => {
      if (signal?.aborted) reject(cancelled(`the request to ${new URL(url).host}`));
      else reject(error instanceof LiveError ? error : networkError(error, url, timeoutMs));
    });
    req.end(init.body);
  });
}
