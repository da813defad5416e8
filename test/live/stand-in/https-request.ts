// One HTTPS request with node's own client, for tests that talk to the stand-in directly.
import * as https from 'node:https';

export interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }
export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The CA to trust; without it node trusts only its bundled CAs, so the stand-in is refused. */
  ca?: string;
  signal?: AbortSignal;
}

export function request(url: string, options: RequestOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: options.method ?? 'GET', headers: options.headers, ca: options.ca, signal: options.signal, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}
