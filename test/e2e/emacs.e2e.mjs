// Emacs as a real LSP client, through the README's own setup as a user pastes it into an init
// file: headless Emacs (`emacs --batch`, Debian's Emacs 28 with eglot 1.9) opens a broken payload,
// the setup's hook starts eglot (eglot-ensure), the diagnostics arrive through Flymake, and a hover
// comes back in plain text (eglot asks for plain text without markdown-mode).
// Run by scripts/e2e/run-if-ready.mjs after `npm run e2e:setup`.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { OUT, ROOT } from '../../scripts/e2e/config.mjs';
import { FIXTURE_WORKSPACE } from '../../scripts/e2e/build-suite.mjs';
import { runEmacs } from './emacs/run.mjs';

const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';
const DIR = join(OUT, 'e2e', 'emacs');

/** The README's Emacs block with the server's real path, as a user's init file. */
function initFromReadme() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- emacs-setup -->\s*```elisp\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'README.md has the Emacs block after <!-- emacs-setup -->');
  const init = join(DIR, 'init.el');
  writeFileSync(init, block[1].replaceAll('/path/to/voipnow-payloads', ROOT));
  return init;
}

describe("the README's Emacs setup (eglot), in headless Emacs", () => {
  // Outside the repository: Emacs takes the enclosing git checkout as the project, and the server
  // would index it (examples/ adds the same channel: a 200 across files, once indexed).
  const workspace = mkdtempSync(join(tmpdir(), 'voipnow-emacs-'));
  let init;
  before(() => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(join(DIR, 'home'), { recursive: true });
    init = initFromReadme();
    copyFileSync(join(FIXTURE_WORKSPACE, 'broken.payload.json'), join(workspace, 'broken.payload.json'));
    // The same request in a JSON-with-comments file, one line lower, adding another channel: the
    // same name in both would be a 200 across the two files once the server has indexed the folder.
    const jsonc = readFileSync(join(FIXTURE_WORKSPACE, 'broken.payload.json'), 'utf8').replace('"Carrier B"', '"Carrier C"');
    writeFileSync(join(workspace, 'broken.payload.jsonc'), `// with a comment\n${jsonc}`);
  });
  after(() => rmSync(workspace, { recursive: true, force: true }));
  const open = (file) => runEmacs({ init, file: join(workspace, file), at: '"bothh"', home: join(DIR, 'home'), out: join(DIR, `${file}.result.json`) });

  it('starts the server for a .json payload and shows its problems through Flymake, and a hover in plain text', () => {
    const result = open('broken.payload.json');
    assert.equal(result.error, undefined, `Emacs failed: ${result.error}`);
    assert.equal(result.mode, 'js-json-mode');
    assert.equal(result.connected, true, `eglot connected (the file opened in ${result.mode})`);
    assert.deepEqual(result.command, ['node', join(ROOT, 'dist', 'server.js'), '--stdio']);
    assert.equal(result.got_diagnostics, true);
    // Line 5, `"bothh"` at columns 42..49, `"dtmfMode"` at 51..61, `150` at 85..88.
    assert.deepEqual(
      result.diagnostics.map((d) => [d.line, d.column, d.end_column, d.type, d.text]),
      [
        [5, 42, 49, 'eglot-error', `voipnow [617]: ${FLOW_617}`],
        [5, 51, 61, 'eglot-warning', "voipnow [unknown-parameter]: Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?"],
        [5, 85, 88, 'eglot-error', 'voipnow [619]: Invalid qualify. Value must be a multiple of 100, no bigger than 900.'],
      ],
    );
    assert.equal(
      result.hover,
      `617 · SIP.flow is invalid: expected one of "in", "out", "both".

────────────────────

flow · SIP.flow · AddChannel

Call flow allowed through the channel: in, out or both.

- Type: string
- Values: "in" Incoming calls only · "out" Outgoing calls only · "both" Incoming and outgoing calls

Code  When           Text
617   invalid value  ${FLOW_617}`,
    );
  });

  it('starts it for a .jsonc payload too', () => {
    const result = open('broken.payload.jsonc');
    assert.equal(result.error, undefined, `Emacs failed: ${result.error}`);
    assert.equal(result.mode, 'js-json-mode');
    assert.equal(result.connected, true, `eglot connected (the file opened in ${result.mode})`);
    assert.deepEqual(
      result.diagnostics.filter((d) => d.text.startsWith('voipnow [617]')).map((d) => [d.line, d.column, d.text]),
      [[6, 42, `voipnow [617]: ${FLOW_617}`]],
    );
    assert.match(result.hover, new RegExp(`^617 · SIP\\.flow is invalid`));
  });
});
