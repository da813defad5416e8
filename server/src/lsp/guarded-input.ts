// Standard input for `--stdio`, checked before vscode-jsonrpc reads it: a message header whose
// Content-Length is missing, not a number, negative or larger than any message we take would leave
// the reader unable to find the next message (it waits for a body that never comes, or reads the
// next headers as a body). Such a stream is broken for good: the connection is closed with an
// error on stderr, as a server cannot resynchronize a stream whose lengths it cannot trust.
import { Transform, type TransformCallback } from 'node:stream';

/** The largest message taken (a payload file is at most 8 MB; its JSON-RPC message a few times that). */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Headers are short; a header block longer than this is no header. */
const MAX_HEADER_BYTES = 8 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n');

export class GuardedInput extends Transform {
  private header = Buffer.alloc(0);
  /** Body bytes still to pass through before the next header. */
  private body = 0;

  constructor(private readonly onBroken: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.body > 0) {
        const take = Math.min(this.body, chunk.length - at);
        this.body -= take;
        at += take;
        continue;
      }
      // In a header: find its end (it may straddle chunks).
      const rest = chunk.subarray(at);
      const joined = this.header.length > 0 ? Buffer.concat([this.header, rest]) : rest;
      const end = joined.indexOf(HEADER_END);
      if (end < 0) {
        if (joined.length > MAX_HEADER_BYTES) return this.broken('a message header longer than 8 KB', done);
        this.header = Buffer.from(joined);
        break;
      }
      const length = contentLength(joined.subarray(0, end).toString('ascii'));
      if (typeof length === 'string') return this.broken(length, done);
      const consumed = end + HEADER_END.length - this.header.length;
      this.header = Buffer.alloc(0);
      at += consumed;
      this.body = length;
    }
    done(null, chunk);
  }

  private broken(reason: string, done: TransformCallback): void {
    this.onBroken(reason);
    done();
  }
}

/** The header block's Content-Length, or why it cannot be used. */
function contentLength(block: string): number | string {
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,10}$/.test(value)) return `Content-Length '${value.slice(0, 40)}' is not a length`;
    const length = Number(value);
    return length > MAX_MESSAGE_BYTES ? `Content-Length ${length} is larger than ${MAX_MESSAGE_BYTES} bytes` : length;
  }
  return 'a message header without Content-Length';
}
