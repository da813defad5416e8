// Neovim as a real LSP client: headless Neovim starts `node dist/server.js --stdio`, receives the
// diagnostics of a broken payload, and asks for a hover and code actions on the offending value.
// Run by scripts/e2e/run-if-ready.mjs (or `npm run e2e:neovim`) after `npm run e2e:setup`.
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { OUT, ROOT } from '../../scripts/e2e/config.mjs';
import { runNeovimScript } from './neovim/run.mjs';
import { FIXTURE_WORKSPACE } from '../../scripts/e2e/build-suite.mjs';

const FLOW_617 = 'Invalid flow. Here are the values available: in, out, both.';

/** Runs the Lua client on a fixture; returns what Neovim received. */
function runNeovim(file, at) {
  const dir = join(OUT, 'e2e', 'neovim');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${file}.json`);
  const result = runNeovimScript(['--clean', '-c', `luafile ${join(ROOT, 'test', 'e2e', 'neovim', 'client.lua')}`, join(FIXTURE_WORKSPACE, file)], {
    cwd: FIXTURE_WORKSPACE,
    env: {
      VOIPNOW_SERVER: join(ROOT, 'dist', 'server.js'),
      VOIPNOW_ROOT: FIXTURE_WORKSPACE,
      VOIPNOW_AT: at,
      XDG_STATE_HOME: join(dir, 'state'),
      XDG_DATA_HOME: join(dir, 'data'),
    },
    out,
  });
  assert.equal(result.error, undefined, `the Lua client failed: ${result.error}`);
  return result;
}

describe('Neovim (headless) as the language client', () => {
  let result;
  before(() => {
    // Line 5 (0-based 4), on the value "bothh" of "flow".
    result = runNeovim('broken.payload.json', '4:44');
  });

  it('receives the diagnostics with the documented code and exact text on each value', () => {
    assert.equal(result.got_diagnostics, true);
    const seen = result.diagnostics
      .sort((a, b) => a.lnum - b.lnum || a.col - b.col)
      .map((d) => [d.source, d.code, d.lnum, d.col, d.end_col, d.severity, d.message]);
    // `"bothh"` is at 0-based columns 42..49 of line 4, `"dtmfMode"` at 51..61, `150` at 85..88.
    assert.deepEqual(seen, [
      ['voipnow', '617', 4, 42, 49, 1, FLOW_617],
      ['voipnow', 'unknown-parameter', 4, 51, 61, 2, "Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?"],
      ['voipnow', '619', 4, 85, 88, 1, 'Invalid qualify. Value must be a multiple of 100, no bigger than 900.'],
    ]);
  });

  it('gets a hover on the offending value', () => {
    assert.equal(result.capabilities.hover, true, 'the server advertises hoverProvider');
    const hover = result.hover?.result;
    assert.ok(hover, `a hover result (got ${JSON.stringify(result.hover)})`);
    const text = typeof hover.contents === 'string' ? hover.contents : hover.contents.value ?? JSON.stringify(hover.contents);
    assert.match(text, /617/);
    assert.ok(text.includes(FLOW_617), `hover shows the documented text: ${text}`);
  });

  it('gets a quick fix that writes a documented value', () => {
    assert.equal(result.capabilities.code_action, true, 'the server advertises codeActionProvider');
    const actions = result.code_actions?.result ?? [];
    const newTexts = (edit) => [...Object.values(edit?.changes ?? {}).flat(), ...(edit?.documentChanges ?? []).flatMap((c) => c.edits ?? [])].map((e) => e.newText);
    const fix = actions.find((a) => a.kind === 'quickfix' && newTexts(a.edit).includes('"both"'));
    assert.ok(fix, `a quickfix whose edit writes "both" (got ${JSON.stringify(actions.map((a) => a.title))})`);
    // The fix is for the 617 diagnostic that Neovim sent, on the value's range.
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['617']);
  });
});

describe("the README's Neovim 0.7 setup", () => {
  let result;
  before(() => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const setup = /<!-- neovim-0\.7-setup -->\s*```lua\n([\s\S]*?)```/.exec(readme);
    const problems = /<!-- neovim-problems -->\s*```lua\n([\s\S]*?)```/.exec(readme);
    assert.ok(setup, 'README.md has the Neovim 0.7 block after <!-- neovim-0.7-setup -->');
    assert.ok(problems, 'README.md has the :VoipnowProblems block after <!-- neovim-problems -->');
    const dir = join(OUT, 'e2e', 'neovim', 'readme');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const init = join(dir, 'init.lua');
    writeFileSync(init, `${setup[1]}\n${problems[1]}`.replaceAll('/path/to/voipnow-payloads', ROOT));
    result = runNeovimScript(['-u', init, '-i', 'NONE', '-c', `luafile ${join(ROOT, 'test', 'e2e', 'neovim', 'report-diagnostics.lua')}`, join(FIXTURE_WORKSPACE, 'broken.payload.json')], {
      cwd: FIXTURE_WORKSPACE,
      // Line 5, column 44: inside the value "bothh".
      env: { XDG_CONFIG_HOME: join(dir, 'config'), XDG_DATA_HOME: join(dir, 'data'), XDG_STATE_HOME: join(dir, 'state'), VOIPNOW_AT: '5:44' },
      out: join(dir, 'result.json'),
    });
    assert.equal(result.error, undefined, `the user script failed: ${result.error}`);
  });

  it('attaches the server to a payload file, which then shows its diagnostics', () => {
    assert.equal(result.clients, 1);
    assert.equal(result.got_diagnostics, true);
    assert.deepEqual(
      result.diagnostics.filter((d) => d.code === '617'),
      [{ source: 'voipnow', code: '617', message: FLOW_617, lnum: 4, col: 42 }],
    );
  });

  it('shows the hover of the value under the cursor on K', () => {
    assert.ok(Array.isArray(result.hover), `K opened a floating window (got ${JSON.stringify(result.hover)})`);
    const text = result.hover.join('\n');
    assert.ok(text.includes(FLOW_617), `the hover shows the documented text: ${text}`);
    assert.ok(text.includes('flow'), text);
  });

  it('lists the problems with their codes in the quickfix list on :VoipnowProblems', () => {
    assert.equal(result.quickfix_title, 'VoipNow payloads');
    // The open file's problems (the workspace's other files' follow as the server reports them).
    const open = result.quickfix.filter((item) => item.file === 'broken.payload.json').sort((a, b) => a.lnum - b.lnum || a.col - b.col);
    assert.deepEqual(open.map(({ file, ...item }) => item), [
      { lnum: 5, col: 43, type: 'E', text: `617  ${FLOW_617}` },
      { lnum: 5, col: 52, type: 'W', text: "unknown-parameter  Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?" },
      { lnum: 5, col: 86, type: 'E', text: '619  Invalid qualify. Value must be a multiple of 100, no bigger than 900.' },
    ]);
  });
});
