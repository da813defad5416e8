// One run of the workspace index (workspace-index.ts): its passes, from the moment folders wait to
// be read until none does. It holds the run's work-done progress (created as the run starts, begun
// by its first pass, ended in the turn the run ends, before the status says done) and its counts.

export interface IndexProgress {
  begin(total: number): void;
  report(done: number, total: number): void;
  end(): void;
}

export class IndexRun {
  private created: IndexProgress | undefined;
  private begun = false;
  private readonly started = Date.now();
  /** Files read, files listed, payload files found. */
  done = 0;
  total = 0;
  payloads = 0;

  constructor(private readonly progress: Promise<IndexProgress | undefined>) {}

  /** Waits for the progress to be created (the client is asked). */
  async ready(): Promise<void> {
    this.created = await this.progress;
  }

  /** A pass listed its files: the first begins the progress, a later one adds to it. */
  listed(count: number): void {
    if (this.begun) this.created?.report(this.done, this.total + count);
    else this.created?.begin(count);
    this.begun = true;
    this.total += count;
  }

  report(): void {
    this.created?.report(this.done, this.total);
  }

  /** A pass left early: the files it did not read are not counted. */
  skipped(count: number): void {
    this.total -= count;
    this.report();
  }

  /** The run ended: its progress ends; what it read, for the log. */
  end(): { files: number; payloads: number; ms: number } {
    if (this.created) this.created.end();
    else void this.progress.then((progress) => progress?.end());
    return { files: this.total, payloads: this.payloads, ms: Date.now() - this.started };
  }
}
