// The code pages and the code index behind hover: every documented code of every method is on
// its method's page under its own heading, with its exact text, and the codes the index says a
// file can raise are exactly the engine's checkable codes.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { allRows, codePage, codePages, fileCheckableCodes, METHODS } from '../../../server/src/core';
import { codeIndex } from '../../../server/src/core/features/code-index';
import { uniqueMethods } from '../../../server/src/core/rules/duplicates';
import { unescapeMarkdown } from './cursor';

describe('code index', () => {
  it("raises, for every method, exactly the engine's file-checkable codes", () => {
    for (const method of METHODS) {
      assert.deepEqual(new Set(codeIndex(method).map((e) => e.code)), fileCheckableCodes(method), method);
    }
  });

  it('knows where each duplicate (200) rule looks', () => {
    for (const method of uniqueMethods()) assert.ok(codeIndex(method).some((e) => e.code === '200' && e.source === 'duplicate'), method);
  });
});

describe('code pages', () => {
  it('has a heading line for every documented code, followed by its exact text', () => {
    for (const row of allRows()) {
      const page = codePage(row.method);
      const line = page.lines.get(row.code)!;
      const lines = page.markdown.split('\n');
      assert.equal(lines[line - 1], `## ${row.code}`, `${row.method} ${row.code}`);
      assert.equal(unescapeMarkdown(lines[line + 1]), `> ${row.text}`, `${row.method} ${row.code}`);
    }
  });

  it('says for each code whether the file or the server decides', () => {
    const lines = codePage('AddChannel').markdown.split('\n');
    const section = (code: string) => lines.slice(codePage('AddChannel').lines.get(code)!, codePage('AddChannel').lines.get(code)! + 6).join('\n');
    assert.equal(section('617'), '\n> Invalid flow. Here are the values available: in, out, both.\n\nChecked in the file.\n\n- `SIP.flow` is invalid: expected one of `"in"`, `"out"`, `"both"`.');
    assert.equal(section('102'), "\n> This account has expired.\n\nFrom the server's state: a payload file cannot show it.\n\n- The account making the call has expired.");
    assert.equal(section('262'), "\n> Invalid channel ID.\n\nFrom the server's state: a payload file cannot show it.\n\n- The ID is well-formed but names no record the server holds (or one this account cannot reach).");
  });

  it('writes one page per method and an index', () => {
    const pages = codePages();
    assert.deepEqual(pages.map((p) => p.fileName), [...METHODS.map((m) => `${m}.md`), 'index.md']);
    assert.ok(pages.at(-1)!.markdown.includes('- [AddChannel](AddChannel.md): Adds a channel: a SIP, IAX, PRI or ENUM trunk.'));
  });
});
