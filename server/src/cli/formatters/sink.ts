// Buffered writing to the report's stream: small pieces are joined into chunks of about 64 KB, and
// each chunk is waited for (a pipe read slowly holds the report back), so that a report of millions
// of problems is written as it is made instead of piling up in memory. A write that fails is one
// error (exit 2), except a reader that went away (EPIPE, `| head`): then the rest of the report is
// dropped, and the check goes on counting so that the exit code is the one the problems decide.
import { CliError } from '../errors';
import { reason } from '../files';

const CHUNK = 1 << 16;

/** Streams a sink writes to: their errors are its own (see main.ts's handler for stdout). */
const owned = new WeakSet<NodeJS.WritableStream>();

export class Sink {
  private parts: string[] = [];
  private size = 0;
  /** The reader went away: nothing more is written. */
  private gone = false;

  constructor(private readonly out: NodeJS.WritableStream) {
    owned.add(out);
    // Each write's callback gets its error (flush); this keeps the stream's 'error' event from being uncaught.
    out.on('error', () => {});
  }

  /** Whether a sink writes to `out` and handles its errors. */
  static owns(out: NodeJS.WritableStream): boolean {
    return owned.has(out);
  }

  /** Buffers `text`; a promise (to await) once a chunk is full. */
  write(text: string): Promise<void> | undefined {
    if (this.gone) return undefined;
    this.parts.push(text);
    this.size += text.length;
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  /** Hands everything buffered to the stream; resolves once it is written, rejects with a CliError if it cannot be. */
  flush(): Promise<void> | undefined {
    if (this.size === 0 || this.gone) return undefined;
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    return new Promise((resolve, reject) => {
      this.out.write(chunk, (error?: Error | null) => {
        if (!error) return resolve();
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') return reject(new CliError(`cannot write the report: ${reason(error)}`));
        this.gone = true;
        resolve();
      });
    });
  }
}
