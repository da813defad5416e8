// Side-by-side timing: every contender is run in the same loop, interleaved, with a collection
// before each sample, and reported as a median; only ratios measured in one run are compared.
// Wall time by default (what a user waits for; CPU time would also count the garbage collector's
// helper threads, which inflates allocation-heavy contenders); CPU time on request.
const gc = (globalThis as { gc?: () => void }).gc;

export type Clock = 'cpu' | 'wall';

/** CPU time of this process, or wall time (for work done by other processes). */
function reading(clock: Clock): () => number {
  if (clock === 'wall') {
    const start = process.hrtime.bigint();
    return () => Number(process.hrtime.bigint() - start) / 1e6;
  }
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
}

/** Medians of interleaved samples. */
export async function interleaved(
  contenders: Record<string, () => unknown>,
  rounds: number,
  warmup = 2,
  clock: Clock = 'wall',
): Promise<Record<string, number>> {
  const samples = await interleavedSamples(contenders, rounds, warmup, clock);
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
}

/** Every sample of every contender, taken in turns. */
export async function interleavedSamples(
  contenders: Record<string, () => unknown>,
  rounds: number,
  warmup = 2,
  clock: Clock = 'wall',
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = {};
  for (const name of Object.keys(contenders)) samples[name] = [];
  for (let round = 0; round < rounds + warmup; round++) {
    for (const [name, run] of Object.entries(contenders)) {
      gc?.();
      const elapsed = reading(clock);
      await run();
      const ms = elapsed();
      if (round >= warmup) samples[name].push(ms);
    }
  }
  return samples;
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
