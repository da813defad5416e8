// Bundles the benchmark (so it measures the same code that ships) into .bench/.
import { build } from 'esbuild';

await build({
  entryPoints: ['bench/run.ts', 'bench/ajv-files.ts', 'bench/isolated.ts'],
  outdir: '.bench',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
