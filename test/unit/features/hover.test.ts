// Hover with a cursor marker (`|`): parameters, the method, recorded response codes, codes in
// comments, and the explanation added on a diagnostic's range. Texts are asserted exactly.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { allRows, hover, methodCodes } from '../../../server/src/core';
import { plainText } from '../../../server/src/core/codes/markdown';
import { atCursor, unescapeMarkdown } from './cursor';

function hoverAt(source: string) {
  const { analysis, offset, text } = atCursor(source);
  const result = hover(analysis, offset);
  return result && { ...result, covered: text.slice(result.offset, result.offset + result.length) };
}

const SIP = (inner: string) => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Carrier A", ${inner} } } }`;

const FLOW = `**flow** · \`SIP.flow\` · AddChannel

Call flow allowed through the channel: in, out or both.

- Type: string
- Values: \`"in"\` Incoming calls only · \`"out"\` Outgoing calls only · \`"both"\` Incoming and outgoing calls

| Code | When | Text |
| --- | --- | --- |
| 617 | invalid value | Invalid flow. Here are the values available: in, out, both. |`;

describe('hover on a parameter', () => {
  it('shows what it is, its values and the code it raises with the exact text', () => {
    const result = hoverAt(SIP('"fl|ow": "in"'));
    assert.equal(result?.markdown, FLOW);
    assert.equal(result?.covered, '"flow"');
  });

  it('shows the meaning of the value under the cursor', () => {
    const result = hoverAt(SIP('"sessionTimers": "|1"'));
    assert.ok(result?.markdown.includes('- Values: `"0"` Accept · `"1"` Originate · `"2"` Refuse\n- Also accepted: `0`, `1`, `2`\n- This value: `"1"` Originate'), result?.markdown);
    assert.equal(result?.covered, '"1"');
  });

  it('shows the type, the limits, the unit and the default where the schema gives them', () => {
    const qualify = hoverAt(SIP('"quali|fy": 200'))!.markdown;
    assert.ok(qualify.includes('Qualify: maximum response time, in milliseconds,'));
    assert.ok(qualify.includes('- Type: integer or string\n- Range: 0 to 900, a multiple of 100\n- Pattern: `^[0-9]+$`'), qualify);
    const type = hoverAt('{ "method": "AddChannel", "params": { "ty|pe": "sip", "SIP": { "name": "abc" } } }')!.markdown;
    assert.ok(type.includes('- Values: `"sip"` · `"iax"` · `"pri"` · `"enum"`\n- Also accepted: any letter case\n- Default: `"sip"`'), type);
  });

  it('lists the missing-parameter code with {param} filled, and the invalid-value code', () => {
    const result = hoverAt('{ "method": "EditChannel", "params": { "I|D": 12 } }');
    assert.equal(
      result?.markdown,
      `**ID** · \`ID\` · EditChannel · required

ID of the channel to change.

- Type: integer or string
- Range: at least 1
- Pattern: \`^0*[1-9][0-9]*$\`

| Code | When | Text |
| --- | --- | --- |
| 117 | absent | Request invalid. Missing parameter ID. |
| 262 | invalid value | Invalid channel ID. |`,
    );
  });

  it('says which word code an invalid value gets when the method documents none', () => {
    const result = hoverAt('{ "method": "GetChannels", "params": { "fl|ow": "in" } }');
    assert.ok(result?.markdown.endsWith('An invalid value is reported as `invalid-value`: GetChannels documents no code for it.'), result?.markdown);
    assert.ok(!result?.markdown.includes('| Code |'));
  });

  it('escapes documented texts so that they render character for character', () => {
    const password = hoverAt(SIP('"pass|word": "x"'))!.markdown;
    const row = password.split('\n').find((l) => l.startsWith('| 607 |'))!;
    const cell = row.split(' | ')[2].replace(/ \|$/, '');
    assert.equal(unescapeMarkdown(cell), methodCodes('AddChannel').get('607'));
    assert.ok(cell.includes('=+\\\\$.'), cell);
  });

  it('describes an item of a list by its list parameter and a key of a single list item by the item', () => {
    assert.ok(hoverAt(SIP('"codecs": [1, |3]'))!.markdown.startsWith('**codecs** · `SIP.codecs` · AddChannel'));
    const phone = hoverAt('{ "method": "AddPublicNo", "params": { "publicNo": { "phone|No": "+40", "did": "A", "channelID": 1 } } }')!.markdown;
    assert.ok(phone.startsWith('**phoneNo** · `publicNo[].phoneNo` · AddPublicNo · required'), phone);
    assert.ok(phone.includes('| 601 | invalid value | Invalid public phone number. The value must be in the phone number format, not empty. |'));
    assert.ok(phone.includes('| 200 | added twice | Duplicate record.{object\\_detail} |'), phone);
  });
});

describe('hover on the method', () => {
  it("shows the method's whole code table and which codes the file checks", () => {
    const result = hoverAt('{ "method": "Get|Codecs", "params": {} }')!;
    assert.equal(result.covered, '"GetCodecs"');
    const lines = result.markdown.split('\n');
    assert.equal(lines[0], '**GetCodecs** · Lists the codecs, or those of one channel.');
    const rows = lines.filter((l) => /^\| \d{3} \|/.test(l));
    assert.deepEqual(rows.map((r) => r.slice(2, 5)), [...methodCodes('GetCodecs').keys()]);
    assert.ok(rows.includes('| 262 | Invalid channel ID. | file: `channelID` |'), rows.join('\n'));
    assert.ok(rows.includes("| 030 | No records. | server's state |"), rows.join('\n'));
    assert.ok(result.markdown.includes(`${rows.length} documented codes: 1 checked in the file, ${rows.length - 1} from the server's state.`));
  });

  it('renders every documented text of every method exactly', () => {
    for (const row of allRows()) {
      const markdown = hoverAt(`{ "method": "|${row.method}" }`)!.markdown;
      const line = markdown.split('\n').find((l) => l.startsWith(`| ${row.code} |`))!;
      const text = line.slice(`| ${row.code} | `.length, line.lastIndexOf(' | '));
      assert.equal(unescapeMarkdown(text), row.text, `${row.method} ${row.code}`);
    }
  });
});

describe('hover on codes', () => {
  it("explains a recorded response's code with the method's text", () => {
    const result = hoverAt('{ "method": "AddChannel", "params": { "SIP": { "name": "abc" } }, "response": { "faultcode": "6|17", "faultstring": "Invalid flow. Here are the values available: in, out, both." } }');
    assert.equal(
      result?.markdown,
      `**617** · AddChannel

> Invalid flow. Here are the values available: in, out, both.

Checked in the file: \`SIP.flow\` is invalid: expected one of \`"in"\`, \`"out"\`, \`"both"\`.`,
    );
    assert.equal(result?.covered, '"617"');
  });

  it("explains a notice's code that depends on the server's state", () => {
    const result = hoverAt('{ "method": "GetCodecs", "response": { "result": "partial", "notice": [ { "code": "0|30", "message": "No records." } ] } }');
    assert.equal(
      result?.markdown,
      `**030** · GetCodecs

> No records.

From the server's state: a payload file cannot show it: The request matched no record on the server.`,
    );
  });

  it('explains a three-digit code in a comment for the request around it', () => {
    const result = hoverAt('// expect 6|26 if the timers are wrong\n{ "method": "EditChannel", "params": { "ID": 1 } }');
    assert.ok(result?.markdown.startsWith('**626** · EditChannel\n\n> Invalid session timer. Accepted values: 0 for "Accept", 1 for "Originate", 2 for "Refuse".'), result?.markdown);
    assert.equal(result?.covered, '626');
  });

  it('says when a code is not documented for the method', () => {
    const result = hoverAt('{ "method": "GetCodecs" /* 6|17 */ }');
    assert.equal(
      result?.markdown,
      '**617** is not documented for GetCodecs. It is documented by AddChannel, EditChannel.',
    );
  });

  it('finds nothing in other numbers of a comment or in a non-payload file', () => {
    assert.equal(hoverAt('// ticket 12|345\n{ "method": "GetCodecs" }'), undefined);
    const { analysis, offset } = atCursor('{ "name": "x|" }', { included: false });
    assert.equal(hover(analysis, offset), undefined);
  });
});

describe('hover on a diagnostic', () => {
  it("adds the explanation before the parameter's documentation", () => {
    const result = hoverAt(SIP('"flow": "bo|thh"'));
    assert.equal(result?.markdown, `**617** · \`SIP.flow\` is invalid: expected one of \`"in"\`, \`"out"\`, \`"both"\`.\n\n---\n\n${FLOW}`);
    assert.equal(result?.covered, '"bothh"');
  });

  it('explains a missing parameter on the key that holds it, and word codes by their meaning', () => {
    const missing = hoverAt('{ "method": "EditChannel", "par|ams": { } }')!;
    assert.ok(missing.markdown.startsWith('**117** · `ID` is absent (it is required).\n\n---\n\n**params**'), missing.markdown);
    const unknown = hoverAt(SIP('"dtmf|Mode": "rfc2833"'))!;
    assert.equal(unknown.markdown, '**unknown-parameter** · A key the method does not define (often a misspelling).');
    assert.equal(unknown.covered, '"dtmfMode"');
  });

  it('explains a 117 by the rule that raised it, not by every 117 of the method', () => {
    const selectors = '**117** · None of `userID`, `userIdentifier`, `extendedNumber` is given (exactly one is required).';
    const noUser = hoverAt('{ "method": "AssignPublicNo", "par|ams": { "didID": [1] } }')!;
    assert.ok(noUser.markdown.startsWith(`${selectors}\n\n---\n\n**params**`), noUser.markdown);
    const noDid = hoverAt('{ "method": "AssignPublicNo", "par|ams": { "userID": 1 } }')!;
    assert.ok(noDid.markdown.startsWith('**117** · `didID` is absent (it is required).\n\n---\n\n**params**'), noDid.markdown);
  });
});

describe('hover as plain text (for clients that take no Markdown)', () => {
  it('renders the sections, lists and tables without Markdown syntax', () => {
    const result = hoverAt(SIP('"flow": "bo|thh"'))!;
    assert.equal(
      plainText(result.markdown),
      `617 · SIP.flow is invalid: expected one of "in", "out", "both".

────────────────────

flow · SIP.flow · AddChannel

Call flow allowed through the channel: in, out or both.

- Type: string
- Values: "in" Incoming calls only · "out" Outgoing calls only · "both" Incoming and outgoing calls

Code  When           Text
617   invalid value  Invalid flow. Here are the values available: in, out, both.`,
    );
  });

  it('shows a quote indented and a table too wide to align as one line per row', () => {
    const response = hoverAt('{ "method": "GetCodecs", "response": { "result": "partial", "notice": [ { "code": "0|30", "message": "No records." } ] } }')!;
    const verdict = "From the server's state: a payload file cannot show it: The request matched no record on the server.";
    assert.equal(plainText(response.markdown), `030 · GetCodecs\n\n  No records.\n\n${verdict}`);
    const method = plainText(hoverAt('{ "method": "Get|Codecs", "params": {} }')!.markdown).split('\n');
    const first = "100 · The authentication data for access to this area or the object identification number is invalid. · server's state";
    assert.deepEqual(method.slice(4, 6), ['Code · Text · Checked', first]);
    assert.ok(method.includes('262 · Invalid channel ID. · file: channelID'), method.join('\n'));
  });

  it('shows every documented text of every method character for character, with no backtick or `**`', () => {
    for (const method of new Set(allRows().map((r) => r.method))) {
      const text = plainText(hoverAt(`{ "method": "|${method}" }`)!.markdown);
      assert.ok(!/[`]|\*\*/.test(text), `${method}: ${text}`);
      for (const [code, documented] of methodCodes(method)) assert.ok(text.includes(`\n${code} · ${documented} · `), `${method} ${code}: ${text}`);
    }
  });
});
