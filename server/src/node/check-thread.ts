// Large files on disk are checked in a worker thread: one check of a megabyte takes tens of
// milliseconds, and on the server's own thread a hover would wait behind it. The thread's script is
// a bundle of its own beside the server's (dist/check-thread.js, check-thread-main.ts: the engine
// alone loads in half the time). It starts with the first large file, so a workspace of small files
// never has one.
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { parseRecords, plainCheck, type CheckOptions, type PlainCheck, type Records } from '../core';
import type { CheckAside } from '../lsp/platform';

/** A records snapshot as the thread parses it again (its text, and how messages name it). */
type RecordsSource = Pick<Records, 'text' | 'display' | 'location'>;

interface Job {
  n: number;
  text: string;
  options: Pick<CheckOptions, 'included' | 'maxFileSize'>;
  records?: RecordsSource;
}

/** Snapshots the thread keeps parsed (a workspace has one per folder, usually one). */
const KEPT_RECORDS = 8;

interface Answer {
  n: number;
  checked?: PlainCheck;
}

/** The thread's script, beside the server's bundle. */
const SCRIPT = path.join(__dirname, 'check-thread.js');

/** In the check thread: answer every job. Returns false in the main thread. */
export function runAsCheckThread(): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  const parsed = new Map<string, Records | undefined>();
  const recordsOf = (source: RecordsSource) => {
    const key = `${source.display}\n${source.location ?? ''}\n${source.text}`;
    if (!parsed.has(key)) {
      if (parsed.size === KEPT_RECORDS) parsed.delete(parsed.keys().next().value!);
      parsed.set(key, parseRecords(source.text, { display: source.display, location: source.location }).records);
    }
    return parsed.get(key);
  };
  port.on('message', ({ n, text, options, records }: Job) => {
    let checked: PlainCheck | undefined;
    try {
      const snapshot = records && recordsOf(records);
      // A snapshot that does not parse here as it did there: the main thread checks the file.
      if (!records || snapshot) checked = plainCheck(text, { ...options, records: snapshot });
    } catch {
      // The main thread checks it itself, and reports what fails there.
    }
    port.postMessage({ n, checked } satisfies Answer);
  });
  return true;
}

/** Checks in the thread; undefined (the caller checks in its own thread) once the thread failed or stopped. */
export class CheckThread implements CheckAside {
  private worker: Worker | undefined;
  private broken = false;
  private next = 0;
  private readonly pending = new Map<number, (checked: PlainCheck | undefined) => void>();

  constructor(private readonly script = SCRIPT) {}

  check(text: string, options: CheckOptions): Promise<PlainCheck | undefined> {
    if (this.broken) return Promise.resolve(undefined);
    const worker = (this.worker ??= this.start());
    const n = this.next++;
    // The snapshot's text goes, not its tree: the thread parses it once.
    const records = options.records && { text: options.records.text, display: options.records.display, location: options.records.location };
    return new Promise((resolve) => {
      this.pending.set(n, resolve);
      worker.postMessage({ n, text, options: { included: options.included, maxFileSize: options.maxFileSize }, records } satisfies Job);
    });
  }

  /** Ends the thread (what is pending answers undefined); later checks answer undefined. */
  stop(): Promise<void> {
    const worker = this.worker;
    this.fail();
    return worker ? worker.terminate().then(() => {}) : Promise.resolve();
  }

  private start(): Worker {
    const thread = new Worker(this.script);
    // It never keeps the process alive: the server exits when the editor says so.
    thread.unref();
    thread.on('message', ({ n, checked }: Answer) => {
      this.pending.get(n)?.(checked);
      this.pending.delete(n);
    });
    thread.once('error', () => this.fail());
    thread.once('exit', () => this.fail());
    return thread;
  }

  private fail(): void {
    this.broken = true;
    this.worker = undefined;
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }
}
