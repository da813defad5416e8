// Fix all on one object of many misspelt keys (each renamed to its suggested name), at 20,000 and
// 200,000 keys: it must grow linearly (it grew as the square: 0.78 s, then 7.8 s at 80,000). The
// analysis is made once, outside the clock; fixAll and applyEdits are timed, best of three.
// Called from bench/run.ts with its `record`.
import { analyze, applyEdits, fixAll } from '../server/src/core';
import { methodSpec } from '../server/src/core/engine/spec';

export type RecordMeasure = (measure: string, key: string, value: number, shown: string, target?: string) => void;

/** `count` unique misspellings of SIP's parameter names (one or two letters changed). */
function misspelt(count: number): string[] {
  const names = [...(methodSpec('AddChannel').params.properties!.get('SIP')!.properties!.keys())];
  const known = new Set(names);
  const out = new Set<string>();
  const letters = 'qwxzjk';
  for (const name of names) {
    for (let i = 0; i < name.length; i++) for (const c of letters) out.add(name.slice(0, i) + c + name.slice(i + 1));
  }
  outer: for (const name of names) {
    for (let i = 0; i < name.length; i++) {
      for (let j = i + 1; j < name.length; j++) {
        for (const c of letters) for (const d of letters) {
          out.add(name.slice(0, i) + c + name.slice(i + 1, j) + d + name.slice(j + 1));
          if (out.size >= count * 1.1) break outer;
        }
      }
    }
  }
  return [...out].filter((k) => !known.has(k)).slice(0, count);
}

function fixAllMs(keys: number): { ms: number; fixes: number } {
  const text = `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "A", ${misspelt(keys).map((k) => `"${k}": 1`).join(', ')} } } }`;
  const analysis = analyze(text, { included: true });
  let best = Infinity;
  let fixes = 0;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    const result = fixAll(analysis);
    applyEdits(text, result.edits);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    fixes = result.fixes.length;
  }
  return { ms: best, fixes };
}

export function fixAllScenarios(record: RecordMeasure): void {
  const small = fixAllMs(20_000);
  const large = fixAllMs(200_000);
  record('fix all, 20,000 misspelt keys in one object', 'fixAll20kMs', small.ms, `${small.ms.toFixed(0)} ms (${small.fixes} fixes)`);
  const ratio = large.ms / small.ms;
  const shown = `${large.ms.toFixed(0)} ms = ${ratio.toFixed(1)}x the 20,000 (${large.fixes} fixes)`;
  record('fix all, 200,000 misspelt keys in one object', 'fixAll200kRatio', ratio, shown, '<= 15x (linear: 10x)');
}
