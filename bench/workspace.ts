// The workspace scenarios of npm run bench (issue: one workspace session, linear at any size), all
// through the built server over stdio, as an editor runs it:
// - K copies of the 2,000-request batch in one folder, open one: didOpen sent → its complete report
//   (one 200 per request, each with min(K-1, MAX_RELATED) related locations) received; T(K)/T(1).
// - the batch open while the same file is on disk in the workspace: didOpen → first publish,
//   against jsonc-parser's parseTree of the same text measured warm in this process (best of 5,
//   no forced collection) and, for comparison, in a fresh process with a collection before each.
// - hover and completion latencies (p99) while the server indexes 100,000 one-request files, and
//   while it reports 8 copies; the index's own time and the server's resident memory after it;
//   shutdown answered while it indexes.
// - 1 GB of batches of 7.5 MB (one problem in ten requests, one unique value each): the server's
//   resident memory against the payload bytes indexed (idle 30 s after the last report; also at that
//   report, and the peak), and the index's time per MB at 250 MB and 1 GB.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseTree } from 'jsonc-parser';
import type { LogMessageParams, PublishDiagnosticsParams } from 'vscode-languageserver';
import { MAX_RELATED } from '../server/src/core';
import type { WorkspaceStatus } from '../server/src/lsp/status';
import { TestClient } from '../test/protocol/lsp-client';
import { batchFrom, batchText, smallRequestText } from './generate';
import { median, timeAsync } from './measure';

export type RecordRow = (measure: string, key: string, value: number, shown: string, target?: string) => void;

const PUSH = { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: false } };

/** The warm floor: parseTree of the text in this process, best of 5 after warm-up, no forced collection. */
export function warmParseTree(text: string): number {
  for (let i = 0; i < 3; i++) parseTree(text);
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    parseTree(text);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

/** The server's resident memory now (VmRSS), or its peak so far (VmHWM), in MB. */
function rssMb(client: TestClient, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const status = readFileSync(`/proc/${client.process.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
}

/**
 * Idle after the index: V8 gives the index's garbage back to the system in the collections it
 * makes once the thread has been quiet a while (its memory reducer: 8 to 20 s after the last
 * report here), not at once. The server is left idle this long and its memory read then.
 */
const IDLE_MS = 30_000;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Once the server logs that it indexed the workspace: how long that took, as it says. */
export async function indexedMs(client: TestClient, timeoutMs: number): Promise<number> {
  const log = (await client.waitFor('window/logMessage', (m: LogMessageParams) => /indexed \d+ payload files/.test(m.message), timeoutMs)) as LogMessageParams;
  return Number(/in (\d+) ms/.exec(log.message)![1]);
}

/** A latency row's value: the p99, how many requests, the slowest. */
function latencyShown(p99: number, latencies: number[]): string {
  return `${p99.toFixed(1)} ms (${latencies.length} requests, max ${Math.max(...latencies).toFixed(0)} ms)`;
}

/** Runs `run` on a workspace folder of K copies of the batch, removed afterwards. */
async function inCopies(batch: string, k: number, run: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), `voipnow-bench-copies-${k}-`));
  try {
    for (let i = 0; i < k; i++) writeFileSync(path.join(dir, `copy-${i}.payload.json`), batch);
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The benchmark's client keeps each file's latest diagnostics only, as an editor does (lsp-client.ts). */
const EDITOR = { keepReports: false };

/** Opens of the batch after the cold first one that warm the server up before the samples. */
const OPEN_WARMUPS = 2;

/** A report of 2,400 problems is complete only above the editor's default cap of 1,000. */
const UNCAPPED = { maxProblems: 100_000 };

/** Opens copy-0 of a K-copies folder and waits for its complete report; returns ms and the client (still running). */
async function openComplete(dir: string, batch: string, k: number): Promise<{ ms: number; client: TestClient; uri: string }> {
  const client = new TestClient(undefined, EDITOR);
  client.configuration = UNCAPPED;
  await client.initialize(PUSH, dir);
  const uri = pathToFileURL(path.join(dir, 'copy-0.payload.json')).href;
  const related = Math.min(k - 1, MAX_RELATED);
  const complete = (p: PublishDiagnosticsParams) => {
    if (p.uri !== uri) return false;
    if (k === 1) return true;
    const cross = p.diagnostics.filter((d) => d.code === '200' && (d.relatedInformation?.length ?? 0) === related);
    return cross.length === 2000;
  };
  const ms = await timeAsync(async () => {
    const done = client.waitFor('textDocument/publishDiagnostics', complete, 300_000);
    await client.open(uri, batch);
    await done;
  });
  return { ms, client, uri };
}

/** Sends hover and completion requests one after the other until `until` resolves; their latencies. */
async function latenciesUntil(client: TestClient, uri: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.then(() => (done = true));
  const times: number[] = [];
  for (let i = 0; !done && i < 100_000; i++) {
    const method = i % 2 === 0 ? 'textDocument/hover' : 'textDocument/completion';
    times.push(await timeAsync(() => client.connection.sendRequest(method, { textDocument: { uri }, position: { line: 1, character: 30 } })));
  }
  return times;
}

/** The scenarios by name: `npm run bench -- workspace copies report8` runs only those two. */
export const WORKSPACE_SCENARIOS = ['copies', 'on-disk', 'report8', 'index100k', 'index1g'] as const;

export async function workspaceScenarios(record: RecordRow, only: readonly string[] = WORKSPACE_SCENARIOS): Promise<void> {
  const batch = batchText(2000);
  const floor = warmParseTree(batch);
  record('parseTree of the batch, warm (floor)', 'warmParseTreeMs', floor, `${floor.toFixed(1)} ms`);

  // 1. K copies, open one.
  const times: { [k: number]: number } = {};
  for (const k of only.includes('copies') ? [1, 2, 4, 8] : []) {
    await inCopies(batch, k, async (dir) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const { ms, client } = await openComplete(dir, batch, k);
        samples.push(ms);
        await client.stop();
      }
      times[k] = median(samples);
      const shown = `${times[k].toFixed(0)} ms${k > 1 ? ` = ${(times[k] / times[1]).toFixed(2)}x T(1)` : ''}`;
      record(`K=${k} copies, open one: complete report`, `copies${k}Ms`, times[k], shown, k === 4 ? '<= 6x T(1)' : k === 8 ? '<= 12x T(1)' : '');
    });
  }

  // 2. Open the batch while the same file is on disk in the workspace (the index must not make it
  // wait): one server, its first open (a cold process) apart; then closed and opened again: each
  // close makes the index read the file from disk again while the next open comes. Measured warm
  // as the floor is: the opens after the first two warm-ups (as the floor's three runs before its
  // samples), median of five.
  if (only.includes('on-disk')) {
    await inCopies(batch, 1, async (dir) => {
      const client = new TestClient(undefined, EDITOR);
      await client.initialize(PUSH, dir);
      const uri = pathToFileURL(path.join(dir, 'copy-0.payload.json')).href;
      const samples: number[] = [];
      for (let i = 0; i < 1 + OPEN_WARMUPS + 5; i++) {
        samples.push(await timeAsync(async () => {
          const reported = (p: PublishDiagnosticsParams) => p.uri === uri && p.version === i + 1 && p.diagnostics.length > 0;
          const published = client.waitFor('textDocument/publishDiagnostics', reported);
          await client.open(uri, batch, 'json', i + 1);
          await published;
        }));
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      await client.stop();
      const [cold, ...rest] = samples;
      const open = median(rest.slice(OPEN_WARMUPS));
      const shown = `${(open / floor).toFixed(2)}x warm parseTree (${open.toFixed(0)} ms; first open in a cold server ${cold.toFixed(0)} ms)`;
      record('open the batch, also on disk in the workspace', 'openOnDiskRatio', open / floor, shown, '<= 1.5x');
    });
  }

  // 3. Hover and completion while 8 copies are reported.
  if (only.includes('report8')) {
    await inCopies(batch, 8, async (dir) => {
      const client = new TestClient(undefined, EDITOR);
      client.configuration = UNCAPPED;
      await client.initialize(PUSH, dir);
      const uri = pathToFileURL(path.join(dir, 'copy-0.payload.json')).href;
      const other = pathToFileURL(path.join(dir, 'copy-7.payload.json')).href;
      // Until the last copy's report arrives (pushed after the open one's).
      const lastReport = (p: PublishDiagnosticsParams) => p.uri === other && p.diagnostics.some((d) => d.code === '200');
      const reported = client.waitFor('textDocument/publishDiagnostics', lastReport, 300_000);
      await client.open(uri, batch);
      const latencies = await latenciesUntil(client, uri, reported);
      const p99 = percentile(latencies, 99);
      record('hover/completion p99 while reporting 8 copies', 'copies8HoverP99Ms', p99, latencyShown(p99, latencies), '<= 50 ms');
      await client.stop();
    });
  }

  // 4. 100,000 one-request files: index time, memory, hover and completion meanwhile, shutdown meanwhile.
  if (only.includes('index100k')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-bench-100k-'));
    try {
      for (let d = 0; d < 100; d++) {
        const sub = path.join(dir, `d${d}`);
        mkdirSync(sub);
        for (let i = 0; i < 1000; i++) writeFileSync(path.join(sub, `r${i}.payload.json`), smallRequestText(d * 1000 + i));
      }
      const small = '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Open one", "flow": "bothh" } } }\n';
      // Warm the file cache once.
      {
        const warm = new TestClient(undefined, EDITOR);
        await warm.initialize(PUSH, dir);
        await indexedMs(warm, 300_000);
        await warm.stop();
      }
      const client = new TestClient(undefined, EDITOR);
      await client.initialize(PUSH, dir);
      const uri = pathToFileURL(path.join(dir, 'open.payload.json')).href;
      await client.open(uri, small);
      const indexed = indexedMs(client, 300_000);
      const latencies = await latenciesUntil(client, uri, indexed);
      const indexMs = await indexed;
      const p99 = percentile(latencies, 99);
      record('server index, 100,000 files', 'index100kMs', indexMs, `${(indexMs / 1000).toFixed(2)} s`, '<= 5 s');
      record('hover/completion p99 while indexing 100,000', 'index100kHoverP99Ms', p99, latencyShown(p99, latencies), '<= 50 ms');
      const rss = rssMb(client);
      record('server memory after indexing 100,000', 'index100kRssMb', rss, `${rss.toFixed(0)} MB`, '<= 300 MB');
      await client.stop();
      // Shutdown while indexing.
      const busy = new TestClient(undefined, EDITOR);
      await busy.initialize(PUSH, dir);
      // Once it reports indexing (its first status notification), shutdown.
      await busy.waitFor('voipnow/status', (s: WorkspaceStatus) => s.indexing === true, 60_000);
      const shutdown = await timeAsync(() => busy.connection.sendRequest('shutdown'));
      await busy.stop();
      record('shutdown answered while indexing', 'shutdownMs', shutdown, `${shutdown.toFixed(0)} ms`, '<= 1,000 ms');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // 5. 1 GB of 7.5 MB batches: memory against the bytes indexed, time per MB at a quarter and at all of it.
  if (only.includes('index1g')) await bytesScenario(record);
}

const MB = 1024 * 1024;
/** About 7.5 MB a batch (under the 8 MB maxFileSize): 35 make 256 MB, 137 make 1 GB. */
const LARGE_BATCH = 7.5 * MB;

/** Once every file of a folder has had its report published (each batch has problems): indexing has settled. */
function allReported(client: TestClient, files: number): Promise<unknown> {
  const seen = new Set<string>();
  return client.waitFor('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => seen.add(p.uri).size === files, 600_000);
}

async function bytesScenario(record: RecordRow): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-bench-1g-'));
  try {
    // A quarter in a subfolder (indexed alone first), the rest beside it: the folder is 1 GB.
    const quarter = path.join(dir, 'quarter');
    mkdirSync(quarter);
    const sizes = { quarter: 0, all: 0 };
    const counts = { quarter: 0, all: 0 };
    let next = 0;
    for (let i = 0; sizes.all < 1024 * MB; i++) {
      const text = batchFrom(next, LARGE_BATCH);
      next += 20_000;
      const inQuarter = sizes.quarter < 256 * MB;
      writeFileSync(path.join(inQuarter ? quarter : dir, `batch-${i}.payload.json`), text);
      if (inQuarter) {
        sizes.quarter += text.length;
        counts.quarter++;
      }
      sizes.all += text.length;
      counts.all++;
    }
    const none = { msPerMb: 0, rss: 0, reported: 0, peak: 0 };
    const measured: Record<'quarter' | 'all', typeof none> = { quarter: none, all: none };
    for (const part of ['quarter', 'all'] as const) {
      const client = new TestClient(undefined, EDITOR);
      await client.initialize(PUSH, part === 'quarter' ? quarter : dir);
      const ms = await indexedMs(client, 600_000);
      await allReported(client, counts[part]);
      const reported = rssMb(client);
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
      measured[part] = { msPerMb: ms / (sizes[part] / MB), rss: rssMb(client), reported, peak: rssMb(client, 'VmHWM') };
      await client.stop();
    }
    const { quarter: q, all: a } = measured;
    const shownMb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
    record(
      'server index, 7.5 MB batches: time per MB',
      'index1gMsPerMb',
      a.msPerMb,
      `${q.msPerMb.toFixed(1)} ms/MB at ${shownMb(sizes.quarter)}; ${a.msPerMb.toFixed(1)} ms/MB at ${shownMb(sizes.all)} ` +
        `(${(a.msPerMb / q.msPerMb).toFixed(2)}x)`,
      'linear',
    );
    record(
      'server memory after indexing 1 GB of batches',
      'index1gRssRatio',
      a.rss / (sizes.all / MB),
      `idle: ${a.rss.toFixed(0)} MB = ${(a.rss / (sizes.all / MB)).toFixed(2)}x the bytes indexed ` +
        `(at ${shownMb(sizes.quarter)}: ${q.rss.toFixed(0)} MB = ${(q.rss / (sizes.quarter / MB)).toFixed(2)}x); ` +
        `at the last report ${a.reported.toFixed(0)} MB = ${(a.reported / (sizes.all / MB)).toFixed(2)}x, peak ${a.peak.toFixed(0)} MB`,
      '<= 0.25x',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
