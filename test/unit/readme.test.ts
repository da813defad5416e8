// The README must say what the code does: its table of word codes lists exactly the engine's word
// codes with their severities, and its short tour shows the example file as it is and the command
// line's output for it as the command line prints it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { WORD_CODES } from '../../server/src/core';

const ROOT = path.resolve(__dirname, '..', '..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The fenced block after an HTML comment marker (`<!-- tour-file -->`). */
function blockAfter(marker: string): string {
  const block = new RegExp(`<!-- ${marker} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme);
  assert.ok(block, `README.md has a fenced block after <!-- ${marker} -->`);
  return block[1];
}

it('README lists every word code with its severity', () => {
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (\w+) \|/gm)].map((m) => [m[1], m[2]]);
  assert.deepEqual(rows, Object.entries(WORD_CODES).map(([code, w]) => [code, w.severity]));
});

it("README's tour shows the example file as it is and every problem the command line reports for it", () => {
  assert.equal(blockAfter('tour-file'), readFileSync(path.join(ROOT, 'examples', 'add-channel-broken.payload.json'), 'utf8'));
  const [command, ...output] = blockAfter('tour-check').split('\n');
  const args = /^\$ node dist\/cli\.js (.+)$/.exec(command)?.[1].split(' ');
  assert.ok(args, `the tour's command runs dist/cli.js: ${command}`);
  // The command line from its source (dist/cli.js is its bundle), as in a pipe: no colour.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env });
  assert.equal(run.stderr, '');
  assert.equal(output.join('\n'), run.stdout);
  assert.ok(run.stdout.split('\n').length > 4, 'the example has several problems');
});
