// Large trees are checked by worker threads (the bundle itself is the worker script): each reads
// and analyzes its share of the files and sends back problems and the values that must be unique
// across files. Ranges of those values are found again in the main thread, only for the few that
// clash, by analyzing that file once more.
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { analyze, isIncluded, type Problem } from '../core';
import type { UniqueEntry } from '../core/rules/duplicates';
import { CliError } from './errors';
import type { InputFile } from './files';
import { readFileCapped } from './read';

/** Below this many files a worker's start costs more than it saves. */
export const PARALLEL_MIN_FILES = 400;

export function workerCount(files: number): number {
  return files < PARALLEL_MIN_FILES ? 1 : Math.max(1, Math.min(4, availableParallelism()));
}

interface Job {
  files: Array<{ index: number; file: InputFile }>;
  include: readonly string[];
  maxFileSize: number;
}

export interface WorkerResult {
  index: number;
  error?: string;
  isPayload?: boolean;
  problems?: Problem[];
  unique?: Array<Pick<UniqueEntry, 'method' | 'key' | 'shown'>>;
}

function work(job: Job): WorkerResult[] {
  return job.files.map(({ index, file }) => {
    try {
      const text = readFileCapped(file.absolute!, file.display, job.maxFileSize + 1).toString('utf8');
      const analysis = analyze(text, { included: isIncluded(file.includePath, job.include), maxFileSize: job.maxFileSize });
      return { index, isPayload: analysis.isPayload, problems: analysis.problems, unique: analysis.unique.map(({ method, key, shown }) => ({ method, key, shown })) };
    } catch (error) {
      return { index, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** In a worker thread: do the job given and report. Returns false in the main thread. */
export function runAsWorker(): boolean {
  if (isMainThread || !parentPort) return false;
  parentPort.postMessage(work(workerData as Job));
  return true;
}

/** Analyzes the files in `count` workers; results in the order of `files`. */
export async function analyzeInWorkers(files: readonly InputFile[], include: readonly string[], maxFileSize: number, count: number): Promise<WorkerResult[]> {
  const shares: Job[] = Array.from({ length: count }, () => ({ files: [], include, maxFileSize }));
  files.forEach((file, index) => shares[index % count].files.push({ index, file }));
  const parts = await Promise.all(
    shares.map(
      (job) =>
        new Promise<WorkerResult[]>((resolve, reject) => {
          const worker = new Worker(__filename, { workerData: job });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`a worker stopped with code ${code}`)));
        }),
    ),
  );
  const results = parts.flat().sort((a, b) => a.index - b.index);
  const failed = results.find((r) => r.error !== undefined);
  if (failed) throw new CliError(failed.error!);
  return results;
}
