// A progress line for large trees: `Checking 1,200 of 5,000 files…` on stderr, rewritten in place,
// only when stderr is a terminal and the report is text (never in json or sarif output, never in
// a pipe or a log), only once a run has lasted a moment (small runs show nothing), and erased
// before the report is printed.

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** How long a run goes before the line appears (ms). */
const DELAY_MS = 300;
/** VOIPNOW_PROGRESS_DELAY_MS (for tests), else DELAY_MS. */
const envDelay = () => Number(process.env.VOIPNOW_PROGRESS_DELAY_MS ?? DELAY_MS);
/** At most this often (ms). */
const INTERVAL_MS = 100;

export class Progress {
  private done = 0;
  private shown = false;
  private lastWrite = 0;
  private readonly started = Date.now();

  private constructor(
    private readonly stream: ProgressStream | undefined,
    private readonly total: number,
    private readonly delayMs: number,
  ) {}

  /** A progress line on `stream` when it is a terminal and the format is text; otherwise one that prints nothing. */
  static for(format: string, total: number, stream: ProgressStream = process.stderr, delayMs = envDelay()): Progress {
    const enabled = format === 'text' && stream.isTTY === true && process.env.TERM !== 'dumb';
    return new Progress(enabled ? stream : undefined, total, Number.isFinite(delayMs) ? delayMs : DELAY_MS);
  }

  get enabled(): boolean {
    return this.stream !== undefined;
  }

  /** `count` more files are done. */
  add(count = 1): void {
    this.done += count;
    if (!this.stream) return;
    const now = Date.now();
    if (now - this.started < this.delayMs || now - this.lastWrite < INTERVAL_MS) return;
    this.lastWrite = now;
    this.shown = true;
    this.stream.write(`\r\x1b[2KChecking ${this.done.toLocaleString('en-US')} of ${this.total.toLocaleString('en-US')} files…`);
  }

  /** Erases the line (if it was ever shown), so that the report starts on a clean line. */
  finish(): void {
    if (this.stream && this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
