// Buffered writing to the report's stream: small pieces are joined into chunks of about 64 KB, and
// a chunk the stream cannot take at once (a pipe read slowly) is waited for, so that a report of
// millions of problems is written as it is made instead of piling up in memory.
import { once } from 'node:events';
import { CliError } from '../errors';
import { reason } from '../files';

const CHUNK = 1 << 16;

export class Sink {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly out: NodeJS.WritableStream) {}

  /** Buffers `text`; a promise (to await) only when the stream asked to wait. */
  write(text: string): Promise<void> | undefined {
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  /** Hands everything buffered to the stream. */
  flush(): Promise<void> | undefined {
    if (this.size === 0) return undefined;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    if (this.out.write(chunk)) return undefined;
    return once(this.out, 'drain').then(
      () => undefined,
      (error: unknown) => {
        throw new CliError(`cannot write the report: ${reason(error)}`);
      },
    );
  }
}
