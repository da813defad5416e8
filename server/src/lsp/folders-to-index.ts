// Which workspace folders the index still has to read from disk, and whether it is at it: the
// reconciling side of the index (workspace-index.ts), the wanted set against the read set. A folder
// is asked for when it is added, or when what is read from it changes (include globs, size limit,
// records); asked for again while it is being read, that read no longer counts for it and it is
// read once more; removed, it is dropped and nothing read for it counts. One loop reads until
// nothing is asked for, whatever changes come meanwhile: it ends holding exactly the folders then
// open, each read under its latest ask.

/** A folder and the number of the ask a read of it answers. */
export type Asked<F> = readonly [folder: F, ask: number];

export class FoldersToIndex<F> {
  private readonly asked = new Map<F, number>();
  private asks = 0;
  private running = false;
  private everSet = false;
  private wasBusy = false;
  private waiters: Array<() => void> = [];
  private readonly listeners: Array<(busy: boolean) => void> = [];

  constructor(
    /** Reads a batch of folders; a folder read under an ask still current is marked done by it. */
    private readonly pass: (batch: ReadonlyArray<Asked<F>>) => Promise<void>,
    /** The loop ended (before the listeners hear that the index is no longer busy). */
    private readonly ended: () => void,
    /** A pass that failed is said (its folders are not asked for again: no loop on a fault). */
    private readonly log: (line: string) => void,
  ) {}

  /** Called when the index starts or stops having work (the status says so at once). */
  onBusy(listener: (busy: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Busy: a folder waits to be read, or a pass is running. */
  get busy(): boolean {
    return this.running || this.asked.size > 0;
  }

  /** The folders changed: `added` are asked for, `removed` dropped; the loop starts if needed. */
  setFolders(added: readonly F[], removed: readonly F[]): void {
    this.everSet = true;
    for (const folder of removed) this.asked.delete(folder);
    this.ask(added);
  }

  /** Folders to read (again); the loop starts if needed. */
  ask(folders: readonly F[]): void {
    for (const folder of folders) this.asked.set(folder, ++this.asks);
    if (!this.running && this.asked.size > 0) void this.loop();
    this.changed();
  }

  /** Whether a read of `folder` made for `ask` still counts (neither removed nor asked again since). */
  current(folder: F, ask: number): boolean {
    return this.asked.get(folder) === ask;
  }

  /** A read made for `ask` is complete: the folder is read, unless asked again meanwhile. */
  done(folder: F, ask: number): void {
    if (this.current(folder, ask)) this.asked.delete(folder);
  }

  /** Resolves once folders have been set and nothing waits to be read. */
  async settled(): Promise<void> {
    while (!this.everSet || this.busy) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  private async loop(): Promise<void> {
    this.running = true;
    try {
      while (this.asked.size > 0) {
        const batch = [...this.asked];
        try {
          await this.pass(batch);
        } catch (error) {
          this.log(`VoipNow: indexing failed: ${String((error as { stack?: unknown } | null)?.stack ?? error)}`);
          for (const [folder, ask] of batch) this.done(folder, ask);
        }
      }
    } finally {
      // In the same turn as the last check: an ask made after it starts a new loop.
      this.running = false;
      if (!this.busy) this.ended();
      this.changed();
    }
  }

  private changed(): void {
    const busy = this.busy;
    if (!busy && this.everSet) for (const resolve of this.waiters.splice(0)) resolve();
    if (busy === this.wasBusy) return;
    this.wasBusy = busy;
    for (const listener of this.listeners) listener(busy);
  }
}
