// The extension's problem matcher `$voipnow-payloads` (package.json contributes.problemMatchers)
// reads every line of the command line's text report, with the same file, position, severity, code
// and message as the JSON report, and nothing from the summary line.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT } from './run-cli';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('problem matcher $voipnow-payloads', () => {
  const matcher = manifest.contributes.problemMatchers.find((m: { name: string }) => m.name === 'voipnow-payloads');
  const run = (format: string) => cli(['check', '--format', format, '--rule', '617=info', 'test/cli/fixtures']).stdout;

  test('is contributed with a pattern naming file, line, column, severity, code and message', () => {
    assert.ok(matcher, 'contributes.problemMatchers holds voipnow-payloads');
    assert.equal(matcher.owner, 'voipnow-payloads');
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
    const { file, line, column, severity, code, message } = matcher.pattern;
    assert.deepEqual([file, line, column, severity, code, message], [1, 2, 3, 4, 5, 6]);
  });

  test('matches every problem line of the text report as the JSON report has it, and not the summary', () => {
    const regexp = new RegExp(matcher.pattern.regexp);
    const lines = run('text').trimEnd().split('\n');
    const expected = JSON.parse(run('json')) as Array<{ file: string; line: number; column: number; severity: string; code: string; message: string }>;
    assert.equal(lines.length, expected.length + 1);
    assert.equal(regexp.exec(lines.at(-1)!), null, 'the summary line is no problem');
    // VS Code reads the severities error, warning and info (information would be ignored).
    const vscodeSeverity: Record<string, string> = { error: 'error', warning: 'warning', information: 'info' };
    assert.ok(expected.some((p) => p.severity === 'information'));
    lines.slice(0, -1).forEach((text, i) => {
      const m = regexp.exec(text);
      assert.ok(m, text);
      const p = expected[i];
      assert.deepEqual([m[1], Number(m[2]), Number(m[3]), m[4], m[5], m[6]], [p.file, p.line, p.column, vscodeSeverity[p.severity], p.code, p.message]);
    });
  });
});
