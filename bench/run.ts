// npm run bench: the engine against the floor (jsonc-parser's parseTree of the same text) and
// against the alternatives (vscode-json-languageservice, ajv), all measured side by side in this
// run. Prints a table and writes .bench/results.json. Not part of npm test: timings are noisy here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { analyze } from '../server/src/core';
import { fileUri, ROOT, TestClient } from '../test/protocol/lsp-client';
import { CONTENDERS } from './contenders';
import { batchText, singleFileText } from './generate';
import { interleaved, median, timeAsync } from './measure';
import { fixAllScenarios } from './fix-all';
import { indexedMs, WORKSPACE_SCENARIOS, workspaceScenarios } from './workspace';

const DEBOUNCE_MS = 200;
const rows: Array<{ measure: string; value: string; target: string }> = [];
const results: Record<string, number> = {};
const record = (measure: string, key: string, value: number, shown: string, target = '') => {
  results[key] = value;
  rows.push({ measure, value: shown, target });
  console.log(`  ${measure}: ${shown}`);
};

async function main() {
  // `npm run bench -- workspace [copies|on-disk|report8|index100k|index1g ...]`: only the workspace scenarios (or only those named).
  if (process.argv.includes('workspace')) {
    const named = WORKSPACE_SCENARIOS.filter((name) => process.argv.includes(name));
    await workspaceScenarios(record, named.length > 0 ? named : WORKSPACE_SCENARIOS);
    return printTable();
  }
  const batch = batchText(2000);
  const bytes = Buffer.byteLength(batch);
  console.log(`batch: 2,000 AddChannel requests, ${(bytes / 1e6).toFixed(2)} MB, ${analyze(batch).problems.length} problems`);

  // 1. The core against the floor and the alternatives: each contender in a process of its own
  // (a shared heap would make each one's collections pay for the others' garbage), the
  // processes taken in turns, three samples each, four rounds.
  const samples: Record<string, number[]> = Object.fromEntries(CONTENDERS.map((c) => [c, []]));
  for (let round = 0; round < 4; round++) {
    for (const name of CONTENDERS) {
      const child = spawnSync(process.execPath, ['--expose-gc', path.join(ROOT, '.bench', 'isolated.js'), name, ROOT, '3'], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${name}: ${child.stderr}`);
      samples[name].push(...(JSON.parse(child.stdout) as number[]));
    }
  }
  const core = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)])) as Record<(typeof CONTENDERS)[number], number>;
  const floor = core.parseTree;
  record('parseTree (the floor)', 'parseTreeMs', floor, `${floor.toFixed(1)} ms`);
  record('JSON.parse', 'jsonParseRatio', core['JSON.parse'] / floor, `${(core['JSON.parse'] / floor).toFixed(2)}x`);
  record('JSON.parse + ajv (no positions)', 'ajvRatio', core['JSON.parse + ajv'] / floor, `${(core['JSON.parse + ajv'] / floor).toFixed(2)}x`);
  record('core check, positions included', 'coreRatio', core.core / floor, `${(core.core / floor).toFixed(2)}x`, '<= 0.5x');
  const jlsShown = `${(core.jls / floor).toFixed(2)}x (${(core.jls / core.core).toFixed(1)}x the core)`;
  record('vscode-json-languageservice + our schemas', 'jsonLanguageServiceRatio', core.jls / floor, jlsShown, '>= 3x the core');

  // 2. Through the protocol: the built server over stdio (wall time, against the floor's CPU time).
  const client = new TestClient();
  await client.initialize({});
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const uri = fileUri(`bench-${i}.payload.json`);
    opens.push(await timeAsync(async () => {
      const published = client.diagnosticsFor(uri, 1);
      await client.open(uri, batch);
      await published;
    }));
  }
  const uri = fileUri('bench-0.payload.json');
  const edits: number[] = [];
  for (let v = 2; v < 7; v++) {
    const text = batch.replace('"Carrier 0"', `"Carrier 0 v${v}"`);
    edits.push(await timeAsync(async () => {
      const published = client.diagnosticsFor(uri, v);
      await client.change(uri, v, text);
      await published;
    }));
  }
  await client.stop();
  // Memory: a fresh server with just the batch open.
  const fresh = new TestClient();
  await fresh.initialize({});
  const published = fresh.diagnosticsFor(uri, 1);
  await fresh.open(uri, batch);
  await published;
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${fresh.process.pid}/status`, 'utf8'))?.[1] ?? NaN);
  await fresh.stop();
  const open = median(opens);
  const edit = median(edits);

  record('open to diagnostics (protocol)', 'openRatio', open / floor, `${(open / floor).toFixed(2)}x (${open.toFixed(0)} ms)`, '<= 1.5x');
  const editShown = `${edit.toFixed(0)} ms = debounce ${DEBOUNCE_MS} + ${((edit - DEBOUNCE_MS) / floor).toFixed(2)}x`;
  record('edit to diagnostics (protocol)', 'editMs', edit, editShown, `<= debounce + 1.5x`);
  record('server memory, batch open', 'serverRssMb', rssKb / 1024, `${(rssKb / 1024).toFixed(0)} MB`, '<= 150 MB');

  // 3. The command line over 5,000 files against ajv over the same files.
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-bench-'));
  try {
    for (let i = 0; i < 5000; i++) writeFileSync(path.join(dir, `r${i}.payload.json`), singleFileText(i));
    const cliArgs = [path.join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--fail-on', 'never', dir];
    const cli = () => spawnSync(process.execPath, cliArgs, { maxBuffer: 1 << 28 });
    const alt = () => spawnSync(process.execPath, [path.join(ROOT, '.bench', 'ajv-files.js'), ROOT, dir]);
    const check = cli();
    if (check.status !== 0) throw new Error(`cli failed: ${check.stderr.toString()}`);
    const times = await interleaved({ cli, ajv: alt }, 3, 1, 'wall');
    record('CLI, 5,000 files', 'cliRatio', times.cli / times.ajv, `${(times.cli / times.ajv).toFixed(2)}x ajv (${times.cli.toFixed(0)} ms)`, '<= 1.5x');
    record('CLI throughput', 'filesPerSecond', 5000 / (times.cli / 1000), `${Math.round(5000 / (times.cli / 1000))} files/s`);
    // The language server's workspace index over the same 5,000 files (its own count, from its log).
    const indexMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const server = new TestClient();
      await server.initialize({}, dir);
      indexMs.push(await indexedMs(server, 120_000));
      await server.stop();
    }
    record('server index, 5,000 files', 'indexMs', median(indexMs), `${median(indexMs).toFixed(0)} ms`, '<= 5 s');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  fixAllScenarios(record);
  await workspaceScenarios(record);
  printTable();
  mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
  const written = { date: new Date().toISOString(), node: process.version, bytes, ...results };
  writeFileSync(path.join(ROOT, '.bench', 'results.json'), JSON.stringify(written, null, 2) + '\n');
  console.log('\nwritten to .bench/results.json');
}

function printTable() {
  const width = Math.max(...rows.map((r) => r.measure.length));
  const valueWidth = Math.max(...rows.map((r) => r.value.length));
  console.log(`\n${'measure'.padEnd(width)}  ${'result'.padEnd(valueWidth)}  target`);
  for (const r of rows) console.log(`${r.measure.padEnd(width)}  ${r.value.padEnd(valueWidth)}  ${r.target}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
