// The extension-host test entry point in VS Code's Node extension host: VS Code (desktop through
// @vscode/test-electron, or code-server's web workbench through the smoke-test driver) loads this
// file and awaits run(). A rejected promise fails the run. The web worker host has its own entry
// (web/index.ts) over mocha's browser build; the tests, the report and the timing are the same.
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { reporterOn } from './reporter';
import { reportFirstDiagnostics } from './timing';

export async function run(): Promise<void> {
  await reportFirstDiagnostics();
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, reporter: reporterOn(Mocha.reporters.Base), color: false });
  const only = process.env.VOIPNOW_E2E_GREP;
  if (only) mocha.grep(only);
  // A `.web.test.ts` file runs in the web worker host only.
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js') && !f.endsWith('.web.test.js')).sort()) mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
