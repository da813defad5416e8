// Side-by-side timing: every contender is run in the same loop, interleaved, with a collection
// before each sample, and reported as a median; only ratios measured in one run are compared.
// In-process samples count this process's CPU time (user + system), not the wall clock, so that
// other work on a shared machine disturbs them less.
const gc = (globalThis as { gc?: () => void }).gc;

export function interleaved(contenders: Record<string, () => unknown>, rounds: number, warmup = 2): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (const name of Object.keys(contenders)) samples[name] = [];
  for (let round = 0; round < rounds + warmup; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      gc?.();
      const start = process.cpuUsage();
      run();
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000;
      if (round >= warmup) samples[name].push(ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timeAsync(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
