// The code pages: every documented code of every method is on its method's page under its own
// heading, with its exact text, and each says whether the file or the server decides.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { allRows, codePage, codePages, METHODS } from '../../../server/src/core';
import { unescapeMarkdown } from './cursor';

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
    const section = (code: string) => lines.slice(codePage('AddChannel').lines.get(code), codePage('AddChannel').lines.get(code)! + 6).join('\n');
    assert.equal(section('617'), '\n> Invalid flow. Here are the values available: in, out, both.\n\nChecked in the file.\n\n- `SIP.flow` is invalid: expected one of `"in"`, `"out"`, `"both"`.');
    assert.equal(section('102'), "\n> This account has expired.\n\nFrom the server's state: a payload file cannot show it.\n\n- The account making the call has expired.");
    assert.equal(section('262'), "\n> Invalid channel ID.\n\nFrom the server's state: a payload file cannot show it.\n\n- The ID is well-formed but names no record the server holds (or one this account cannot reach).");
  });

  it("says where a file raises each code: the parameter, and the condition of any cause but the parameter's own invalid value", () => {
    const row = (method: string, code: string) => codePage(method).markdown.split('\n').find((l) => l.startsWith(`| ${code} |`))!.split(' | ').at(-1);
    assert.equal(row('AssignPublicNo', '117'), 'file: `didID` (absent), `userID` (none of `userID`, `userIdentifier`, `extendedNumber`) |');
    assert.equal(row('AssignPublicNo', '250'), 'file: `userID` |');
    assert.equal(row('EditChannel', '628'), 'file: `SIP.sessionMinExpire` (not lower than `sessionExpire`) |');
    assert.equal(row('AddPublicNo', '200'), 'file: `publicNo[].phoneNo` (added twice) |');
  });

  it('writes one page per method and an index', () => {
    const pages = codePages();
    assert.deepEqual(pages.map((p) => p.fileName), [...METHODS.map((m) => `${m}.md`), 'index.md']);
    assert.ok(pages.at(-1)!.markdown.includes('- [AddChannel](AddChannel.md): Adds a channel: a SIP, IAX, PRI or ENUM trunk.'));
  });
});
