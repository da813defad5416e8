// The suite's report, the same in both hosts: each line goes through console.log (both hosts
// forward it to the runner; process.stdout is not forwarded by the web workbench) and starts with
// "[e2e] " so that a runner can pick the suite's lines out of the workbench's.
import type Mocha from 'mocha';

export const say = (text: string): void => console.log(text.split('\n').map((line) => `[e2e] ${line}`).join('\n'));

/** The reporter class, on the host's own mocha (its Base reporter). */
export function reporterOn(Base: typeof Mocha.reporters.Base): new (runner: Mocha.Runner, options?: Mocha.MochaOptions) => Mocha.reporters.Base {
  return class Reporter extends Base {
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
  };
}
