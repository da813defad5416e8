// Large files on disk are checked in worker threads: one check of a megabyte takes tens of
// milliseconds, and on the server's own thread a hover would wait behind it. The threads run nicer
// than the server's own (on Linux), so that requests get the processor first. Their script is a
// bundle of its own beside the server's (dist/check-thread.js, check-thread-main.ts: the engine
// alone loads in half the time). They start when the workspace is first indexed.
import { availableParallelism, getPriority, setPriority } from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { decodeText, KEEP_TEXT_BELOW, postedLeanOf, needsCheck, parseRecords, postedAnalysis, type CheckOptions, type PostedLean, type Records } from '../core';
import type { AsideCheck, CheckAside } from '../lsp/platform';

/** A records snapshot as the thread parses it again (its text, and how messages name it). */
type RecordsSource = Pick<Records, 'text' | 'display' | 'location'>;

interface Job {
  n: number;
  /** The text, or the file's bytes (moved to the thread: it decodes them). */
  content: string | Uint8Array;
  options: Pick<CheckOptions, 'included' | 'maxFileSize'>;
  records?: RecordsSource;
}

/** Snapshots the thread keeps parsed (a workspace has one per folder, usually one). */
const KEPT_RECORDS = 8;

interface Answer extends AsideCheck {
  n: number;
}

/** The thread's script, beside the server's bundle. */
const SCRIPT = path.join(__dirname, 'check-thread.js');

/** Node's Buffer pool serves allocations below this many bytes (its buffer must never move). */
const POOLED_BELOW = 4096;

/** How much nicer than the server's own thread the check thread runs: requests get the processor first. */
const NICER = 10;

/** In the check thread: answer every job. Returns false in the main thread. */
export function runAsCheckThread(): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  // On Linux a priority set for "this process" is set for the calling thread alone (setpriority(2),
  // NOTES); elsewhere it would slow the whole server, so it is left as it is.
  if (process.platform === 'linux') {
    try {
      setPriority(0, Math.min(19, getPriority() + NICER));
    } catch {
      // Not allowed: it runs at the server's priority.
    }
  }
  const parsed = new Map<string, Records | undefined>();
  const recordsOf = (source: RecordsSource) => {
    const key = `${source.display}\n${source.location ?? ''}\n${source.text}`;
    if (!parsed.has(key)) {
      if (parsed.size === KEPT_RECORDS) parsed.delete(parsed.keys().next().value!);
      parsed.set(key, parseRecords(source.text, { display: source.display, location: source.location }).records);
    }
    return parsed.get(key);
  };
  port.on('message', ({ n, content, options, records }: Job) => {
    const answer: Answer = { n };
    let transfer: ArrayBuffer[] = [];
    try {
      const snapshot = records && recordsOf(records);
      // A snapshot that does not parse here as it did there: the main thread checks the file.
      if (!records || snapshot) {
        const checkOptions = { ...options, records: snapshot };
        const text = typeof content === 'string' ? content : decodeText(content);
        if (typeof content === 'string') answer.checked = postedAnalysis(text, checkOptions);
        else if (text.length < KEEP_TEXT_BELOW) {
          answer.text = text;
          answer.checked = needsCheck(text, checkOptions) ? postedAnalysis(text, checkOptions) : undefined;
        }
        // Bytes of a file that keeps no text: its text never reaches the server's thread.
        else ({ check: answer.lean, transfer } = postedLeanOf(text, checkOptions));
      }
    } catch {
      // The main thread checks it itself, and reports what fails there.
    }
    port.postMessage(answer, transfer);
  });
  return true;
}

/**
 * Threads for large files: two from three cores on (a workspace has few large files); on two cores
 * a second one measured no faster (it takes the core the server's thread and the editor share).
 */
const threadCount = (cores = availableParallelism()) => (cores > 2 ? 2 : 1);

interface Thread {
  worker: Worker;
  /** Jobs sent and not answered. */
  load: number;
}

/**
 * Checks in the threads (each job to the least loaded); undefined (the caller checks in its own
 * thread) once a thread failed or they were stopped.
 */
export class CheckThread implements CheckAside {
  private threads: Thread[] = [];
  private broken = false;
  private next = 0;
  private readonly pending = new Map<number, (checked: AsideCheck | undefined) => void>();

  constructor(
    private readonly script = SCRIPT,
    private readonly count = threadCount(),
  ) {}

  check(content: string | Uint8Array, options: CheckOptions): Promise<AsideCheck | undefined> {
    if (this.broken) return Promise.resolve(undefined);
    this.prepare();
    const thread = this.threads.reduce((least, t) => (t.load < least.load ? t : least));
    thread.load++;
    const n = this.next++;
    // The snapshot's text goes, not its tree: the thread parses it once.
    const records = options.records && { text: options.records.text, display: options.records.display, location: options.records.location };
    // Bytes are moved, not copied (the caller keeps no use of them). A large read has a buffer of
    // its own (Node's shared pool serves allocations under 4 KB, and is never moved).
    const transfer = typeof content === 'string' || content.byteLength < POOLED_BELOW ? [] : [content.buffer as ArrayBuffer];
    return new Promise((resolve) => {
      this.pending.set(n, (checked) => {
        thread.load--;
        resolve(checked);
      });
      const job: Job = { n, content, options: { included: options.included, maxFileSize: options.maxFileSize }, records };
      thread.worker.postMessage(job, transfer);
    });
  }

  /** Starts the threads (each takes tens of milliseconds to load) ahead of the first check. */
  prepare(): void {
    if (this.broken || this.threads.length > 0) return;
    this.threads = Array.from({ length: this.count }, () => ({ worker: this.start(), load: 0 }));
  }

  /**
   * The workspace has been read: the threads go (a later large file starts them again, in tens of
   * milliseconds). Those that checked large files hold a heap the size of their parses (hundreds of
   * MB after 7.5 MB batches) until they collect; those that checked nothing cost 15-20 MB for nothing.
   */
  settle(): void {
    if (this.broken || this.pending.size > 0) return;
    const threads = this.threads;
    this.threads = [];
    for (const { worker } of threads) void worker.terminate();
  }

  /** Ends the threads (what is pending answers undefined); later checks answer undefined. */
  stop(): Promise<void> {
    const threads = this.threads;
    this.fail();
    return Promise.all(threads.map((t) => t.worker.terminate())).then(() => {});
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    // It never keeps the process alive: the server exits when the editor says so.
    worker.unref();
    worker.on('message', ({ n, ...answer }: Answer) => {
      const resolve = this.pending.get(n);
      this.pending.delete(n);
      if (answer.lean) answer.lean = inThisThread(answer.lean);
      resolve?.(answer.checked || answer.lean || answer.text !== undefined ? answer : undefined);
    });
    // A thread of these that fails fails them all; one let go (settle, stop) is no failure.
    const failed = () => this.threads.some((t) => t.worker === worker) && this.fail();
    worker.once('error', failed);
    worker.once('exit', failed);
    return worker;
  }

  private fail(): void {
    this.broken = true;
    const threads = this.threads;
    this.threads = [];
    for (const { worker } of threads) void worker.terminate();
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of waiting) resolve(undefined);
  }
}

/**
 * A lean check's arrays copied into one buffer of this thread's. Those moved from the thread were
 * allocated there, among its own garbage: kept for as long as the index holds the file, they pinned
 * the thread's freed memory in place, and the server stayed about 100 MB larger (1 GB of batches)
 * long after the thread had ended.
 */
function inThisThread(lean: PostedLean): PostedLean {
  const { problems, values, places } = lean;
  // Four-byte arrays first, the byte array last: every view starts where its elements align.
  const wide = [problems.fields, problems.ranges, values.hashes, values.shownStarts, values.ranges, places.offsets, places.lines, places.characters];
  const buffer = new ArrayBuffer(wide.reduce((sum, array) => sum + array.byteLength, 0) + values.methodOf.byteLength);
  let at = 0;
  const copy = <A extends Int32Array | Uint32Array | Uint8Array>(array: A, make: (buffer: ArrayBuffer, at: number, length: number) => A): A => {
    const view = make(buffer, at, array.length);
    view.set(array);
    at += array.byteLength;
    return view;
  };
  const int32 = (array: Int32Array) => copy(array, (b, offset, length) => new Int32Array(b, offset, length));
  const fields = copy(problems.fields, (b, offset, length) => new Uint32Array(b, offset, length));
  const [problemRanges, hashes, shownStarts, valueRanges] = [int32(problems.ranges), int32(values.hashes), int32(values.shownStarts), int32(values.ranges)];
  const [offsets, lines, characters] = [int32(places.offsets), int32(places.lines), int32(places.characters)];
  const methodOf = copy(values.methodOf, (b, offset, length) => new Uint8Array(b, offset, length));
  return {
    ...lean,
    problems: { ...problems, fields, ranges: problemRanges },
    values: { ...values, hashes, shownStarts, ranges: valueRanges, methodOf },
    places: { offsets, lines, characters },
  };
}
