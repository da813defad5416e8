// Large trees are checked by worker threads (the bundle itself is the worker script): each reads
// and analyzes its share of the files and sends back what the workspace session needs: problems,
// disable comments, the values that must be unique across files with where they stand, and the
// text of a file that has any of these (the session places every range with the file's lines).
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseRecords, postedAnalysis, type PostedAnalysis, type Records } from '../core';
import { CliError } from './errors';
import type { InputFile } from './files';
import { readFileText } from './read';

/** Below this many files a worker's start costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;

/**
 * Threads for a tree of `files` files. On two cores a second thread measured no faster (the
 * garbage collector's helpers already use the other core), so threads start from three cores.
 */
export function workerCount(files: number, cores = availableParallelism()): number {
  return files < PARALLEL_MIN_FILES || cores < 3 ? 1 : Math.min(4, cores);
}

/** One file to check: whether the include globs match it and its size limit are decided in the main thread (they depend on its settings). */
export interface JobFile {
  index: number;
  file: InputFile;
  included: boolean;
  maxFileSize: number;
  /** Index into the job's records files: the snapshot this file is checked against. */
  records?: number;
}

/** A records file for the threads: its text and how messages name it (each thread parses it once). */
export interface RecordsSource {
  text: string;
  display: string;
}

interface Job {
  files: JobFile[];
  records?: readonly RecordsSource[];
}

/** A worker reports this many files done at a time (for the progress line). */
const PROGRESS_EVERY = 50;

export interface WorkerResult {
  index: number;
  error?: string;
  checked?: PostedAnalysis;
  /** The text, when the file has anything to report or to compare. */
  text?: string;
}

function work(job: Job, progress: (count: number) => void): WorkerResult[] {
  const parsed = new Map<number, Records | undefined>();
  const recordsOf = (i: number | undefined) => {
    if (i === undefined || !job.records?.[i]) return undefined;
    if (!parsed.has(i)) parsed.set(i, parseRecords(job.records[i].text, { display: job.records[i].display }).records);
    return parsed.get(i);
  };
  return job.files.map(({ index, file, included, maxFileSize, records }, i) => {
    if ((i + 1) % PROGRESS_EVERY === 0) progress(PROGRESS_EVERY);
    try {
      const text = readFileText(file.absolute!, file.display, maxFileSize);
      const checked = postedAnalysis(text, { included, maxFileSize, records: recordsOf(records) });
      const keep = checked.isPayload && (checked.problems.length > 0 || checked.unique.length > 0 || checked.directives.length > 0);
      return { index, checked, text: keep ? text : undefined };
    } catch (error) {
      return { index, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** In a worker thread: do the job given and report. Returns false in the main thread. */
export function runAsWorker(): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  const job = workerData as Job;
  const results = work(job, (count) => port.postMessage({ progress: count }));
  port.postMessage({ results, progress: job.files.length % PROGRESS_EVERY });
  return true;
}

/**
 * Analyzes the files in `count` threads: this one and `count - 1` workers, which start while this
 * one works on its own share. Results in the order of `files`.
 */
export async function analyzeInWorkers(
  files: readonly JobFile[],
  count: number,
  progress: (count: number) => void = () => {},
  records?: readonly RecordsSource[],
): Promise<WorkerResult[]> {
  const shares: Job[] = Array.from({ length: count }, () => ({ files: [], records }));
  files.forEach((file, i) => shares[i % count].files.push(file));
  const [mine, ...theirs] = shares;
  const started = Promise.all(
    theirs.map(
      (job) =>
        new Promise<WorkerResult[]>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: job });
          worker.on('message', (message: { progress?: number; results?: WorkerResult[] }) => {
            if (message.progress) progress(message.progress);
            if (message.results) resolve(message.results);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`a worker stopped with code ${code}`)));
        }),
    ),
  );
  const own = work(mine, progress);
  progress(mine.files.length % PROGRESS_EVERY);
  const results = [own, ...(await started)].flat().sort((a, b) => a.index - b.index);
  const failed = results.find((r) => r.error !== undefined);
  if (failed) throw new CliError(failed.error!);
  return results;
}
