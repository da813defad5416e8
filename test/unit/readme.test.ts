// The README's table of word codes must list exactly the engine's word codes, with their severities.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { WORD_CODES } from '../../server/src/core';

it('README lists every word code with its severity', () => {
  const readme = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
  assert.deepEqual(rows, Object.entries(WORD_CODES).map(([code, w]) => [code, w.severity]));
});
