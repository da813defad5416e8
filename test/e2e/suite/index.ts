// The extension-host test entry point: VS Code (desktop through @vscode/test-electron, or
// code-server's web workbench through the smoke-test driver) loads this file in the extension host
// and awaits run(). A rejected promise fails the run. The report goes through console.log, which
// both hosts forward to the runner (process.stdout is not forwarded by the web workbench); each
// line starts with "[e2e] " so that a runner can pick the suite's lines out of the workbench's.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const say = (text: string): void => console.log(text.split('\n').map((line) => `[e2e] ${line}`).join('\n'));

class Reporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    let pending = 0;
    const failures: Array<{ title: string; error: Error }> = [];
    runner.on('suite', (suite) => suite.title && say(`  ${suite.fullTitle()}`));
    runner.on('pass', (test) => {
      passed++;
      say(`    ok   ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on('pending', (test) => {
      pending++;
      say(`    skip ${test.title}`);
    });
    runner.on('fail', (test, error: Error) => {
      failed++;
      failures.push({ title: test.fullTitle(), error });
      say(`    FAIL ${test.title}`);
    });
    runner.once('end', () => {
      failures.forEach((f, i) => say(`\n  ${i + 1}) ${f.title}\n${f.error.stack ?? f.error.message}`));
      say(`\nextension host: ${passed} passed, ${failed} failed, ${pending} skipped`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, reporter: Reporter, color: false });
  const only = process.env.VOIPNOW_E2E_GREP;
  if (only) mocha.grep(only);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
