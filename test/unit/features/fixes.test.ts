// Quick fixes as a table: input, the diagnostic (code), the fixes offered (closest first, `*` for
// the preferred one), the action chosen and the resulting text.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyEdits, quickFixes } from '../../../server/src/core';

interface Case {
  name: string;
  input: string;
  code: string;
  /** Titles in order; a trailing ` *` marks the preferred fix. */
  offered: string[];
  /** The title of the action applied. */
  choose?: string;
  output?: string;
}

const SIP = (inner: string) => `{ "method": "AddChannel", "params": { "SIP": { "name": "Carrier A", ${inner} } } }`;

const CASES: Case[] = [
  {
    name: '617 flow: a close value is preferred',
    input: SIP('"flow": "bothh"'),
    code: '617',
    offered: ['Change to "both" (Incoming and outgoing calls) *', 'Change to "out" (Outgoing calls only)', 'Change to "in" (Incoming calls only)'],
    choose: 'Change to "both" (Incoming and outgoing calls) *',
    output: SIP('"flow": "both"'),
  },
  {
    name: '617 flow: "xyz" gets no preferred fix',
    input: SIP('"flow": "xyz"'),
    code: '617',
    offered: ['Change to "in" (Incoming calls only)', 'Change to "out" (Outgoing calls only)', 'Change to "both" (Incoming and outgoing calls)'],
    choose: 'Change to "out" (Outgoing calls only)',
    output: SIP('"flow": "out"'),
  },
  {
    name: '617 flow: same letters in another case come first',
    input: SIP('"flow": "OUT"'),
    code: '617',
    offered: ['Change to "out" (Outgoing calls only) *', 'Change to "in" (Incoming calls only)', 'Change to "both" (Incoming and outgoing calls)'],
  },
  {
    name: '618 dtmf: a prefix is close even when another value is nearer by edit distance',
    input: SIP('"dtmf": "rfc"'),
    code: '618',
    offered: ['Change to "info"', 'Change to "rfc2833" *', 'Change to "auto"', 'Change to "inband"'],
    choose: 'Change to "rfc2833" *',
    output: SIP('"dtmf": "rfc2833"'),
  },
  {
    name: '624 type',
    input: '{ "method": "AddChannel", "params": { "type": "sipp", "SIP": { "name": "abc" } } }',
    code: '624',
    offered: ['Change to "sip" *', 'Change to "iax"', 'Change to "pri"', 'Change to "enum"'],
    choose: 'Change to "sip" *',
    output: '{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "abc" } } }',
  },
  {
    name: '629 sipTransport',
    input: SIP('"sipTransport": "tpc"'),
    code: '629',
    offered: ['Change to "tcp" *', 'Change to "udp"'],
  },
  {
    name: '626 sessionTimers: 5 is as close to 0, 1 and 2, so none is preferred',
    input: SIP('"sessionTimers": 5'),
    code: '626',
    offered: ['Change to "0" (Accept)', 'Change to "1" (Originate)', 'Change to "2" (Refuse)'],
    choose: 'Change to "2" (Refuse)',
    output: SIP('"sessionTimers": "2"'),
  },
  {
    name: '627 sessionRefresher',
    input: SIP('"sessionRefresher": "UAC"'),
    code: '627',
    offered: ['Change to "0" (UAS)', 'Change to "1" (UAC)'],
  },
  {
    name: '600 public number type',
    input: '{ "method": "EditPublicNo", "params": { "didID": 1, "phoneNo": "+40", "did": "A1", "type": "exclusiv" } }',
    code: '600',
    offered: ['Change to "exclusive" (Assigned to one extension only) *', 'Change to "stacked" (Shared by several extensions)'],
  },
  {
    name: '642 rule action',
    input: '{ "method": "AddCallRulesOut", "params": { "ID": 1, "rules": [ { "number": "1", "action": "blok" } ] } }',
    code: '642',
    offered: ['Change to "block" *', 'Change to "process"', 'Change to "transfer"', 'Change to "portability"'],
  },
  {
    name: '648 prefix operation',
    input: '{ "method": "AddCallRulesOut", "params": { "ID": 1, "rules": { "number": "1", "callerIDPrefixOperation": "replce" } } }',
    code: '648',
    offered: ['Change to "replace" *', 'Change to "prefix"', 'Change to "add"', 'Change to "substract"'],
  },
  {
    name: 'invalid-value on an enumeration filter (GetChannels flow)',
    input: '{ "method": "GetChannels", "params": { "flow": "inn" } }',
    code: 'invalid-value',
    offered: ['Change to "in" (Incoming calls only) *', 'Change to "out" (Outgoing calls only)', 'Change to "both" (Incoming and outgoing calls)'],
    choose: 'Change to "in" (Incoming calls only) *',
    output: '{ "method": "GetChannels", "params": { "flow": "in" } }',
  },
  {
    name: 'invalid-value on a boolean',
    input: '{ "method": "GetChannels", "params": { "enabled": "ture" } }',
    code: 'invalid-value',
    offered: ['Change to true *', 'Change to false'],
    choose: 'Change to true *',
    output: '{ "method": "GetChannels", "params": { "enabled": true } }',
  },
  {
    name: 'unknown-parameter: dtmfMode is renamed to dtmf (a prefix)',
    input: SIP('"dtmfMode": "rfc2833"'),
    code: 'unknown-parameter',
    offered: ['Rename to "dtmf" *'],
    choose: 'Rename to "dtmf" *',
    output: SIP('"dtmf": "rfc2833"'),
  },
  {
    name: 'unknown-parameter: no preferred rename onto a key already there',
    input: SIP('"dtmf": "info", "dtmfMode": "rfc2833"'),
    code: 'unknown-parameter',
    offered: ['Rename to "dtmf"'],
  },
  {
    name: 'unknown-parameter far from every name: nothing',
    input: SIP('"colour": "blue"'),
    code: 'unknown-parameter',
    offered: [],
  },
  {
    name: 'unknown-method',
    input: '{ "method": "AddChanel", "params": {} }',
    code: 'unknown-method',
    offered: ['Change method to "AddChannel" *'],
    choose: 'Change method to "AddChannel" *',
    output: '{ "method": "AddChannel", "params": {} }',
  },
  {
    name: '117 missing ID: inserted with a placeholder, never preferred',
    input: '{ "method": "EditChannel", "params": { "SIP": { "flow": "in" } } }',
    code: '117',
    offered: ['Add the missing parameter "ID"'],
    choose: 'Add the missing parameter "ID"',
    output: '{ "method": "EditChannel", "params": { "SIP": { "flow": "in" }, "ID": 0 } }',
  },
  {
    name: "605 missing name (AddChannel does not document 117): the parameter's own code",
    input: '{ "method": "AddChannel", "params": { "SIP": {} } }',
    code: '605',
    offered: ['Add the missing parameter "name"'],
    choose: 'Add the missing parameter "name"',
    output: '{ "method": "AddChannel", "params": { "SIP": { "name": "" } } }',
  },
  {
    name: '605 missing SIP: inserted with its own required keys',
    input: '{\n  "method": "AddChannel",\n  "params": {\n    "type": "sip"\n  }\n}',
    code: '605',
    offered: ['Add the missing parameter "SIP"'],
    choose: 'Add the missing parameter "SIP"',
    output: '{\n  "method": "AddChannel",\n  "params": {\n    "type": "sip",\n    "SIP": { "name": "" }\n  }\n}',
  },
  {
    name: '117 without params: params is added with the parameter',
    input: '{ "method": "DelChannel" }',
    code: '117',
    offered: ['Add the missing parameter "ID"'],
    choose: 'Add the missing parameter "ID"',
    output: '{ "method": "DelChannel", "params": { "ID": 0 } }',
  },
  {
    name: '117 userID of an exactly-one-of set',
    input: '{ "method": "AssignPublicNo", "params": { "didID": 4 } }',
    code: '117',
    offered: ['Add the missing parameter "userID"'],
    choose: 'Add the missing parameter "userID"',
    output: '{ "method": "AssignPublicNo", "params": { "didID": 4, "userID": 0 } }',
  },
  {
    name: '117 in a public number item, following its layout',
    input: '{ "method": "AddPublicNo", "params": { "publicNo": [\n  {\n    "phoneNo": "+40",\n    "channelID": 7\n  }\n] } }',
    code: '117',
    offered: ['Add the missing parameter "did"'],
    choose: 'Add the missing parameter "did"',
    output: '{ "method": "AddPublicNo", "params": { "publicNo": [\n  {\n    "phoneNo": "+40",\n    "channelID": 7,\n    "did": ""\n  }\n] } }',
  },
  {
    name: '604 incomingCost without its interval',
    input: '{ "method": "EditPublicNo", "params": { "didID": 1, "phoneNo": "+40", "did": "A", "incomingCost": { "cost": 0.5 } } }',
    code: '604',
    offered: ['Add the missing parameter "interval"'],
    choose: 'Add the missing parameter "interval"',
    output: '{ "method": "EditPublicNo", "params": { "didID": 1, "phoneNo": "+40", "did": "A", "incomingCost": { "cost": 0.5, "interval": 0 } } }',
  },
  {
    name: '619 qualify: rounded to the nearest valid value',
    input: SIP('"qualify": 149'),
    code: '619',
    offered: ['Round to 100 *'],
    choose: 'Round to 100 *',
    output: SIP('"qualify": 100'),
  },
  {
    name: '619 qualify written as a string, above the maximum',
    input: SIP('"qualify": "1250"'),
    code: '619',
    offered: ['Round to 900 *'],
    choose: 'Round to 900 *',
    output: SIP('"qualify": "900"'),
  },
  {
    name: '619 qualify that is not a number: nothing to round',
    input: SIP('"qualify": "often"'),
    code: '619',
    offered: [],
  },
  {
    name: 'text-differs: the documented text is written',
    input: '{ "method": "AddChannel", "params": { "SIP": { "name": "abc" } }, "response": { "faultcode": "617", "faultstring": "Invalid flow." } }',
    code: 'text-differs',
    offered: ['Write the documented text *'],
    choose: 'Write the documented text *',
    output: '{ "method": "AddChannel", "params": { "SIP": { "name": "abc" } }, "response": { "faultcode": "617", "faultstring": "Invalid flow. Here are the values available: in, out, both." } }',
  },
];

const PAYLOAD = { included: true };
const title = (f: { title: string; preferred: boolean }) => `${f.title}${f.preferred ? ' *' : ''}`;

describe('quick fixes', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const analysis = analyze(c.input, PAYLOAD);
      const problems = analysis.problems.filter((p) => p.code === c.code);
      assert.equal(problems.length, 1, `one ${c.code} in ${JSON.stringify(analysis.problems.map((p) => p.code))}`);
      const fixes = quickFixes(analysis, problems[0]);
      assert.deepEqual(fixes.map(title), c.offered);
      assert.ok(fixes.filter((f) => f.preferred).length <= 1, 'at most one preferred fix');
      if (c.choose) {
        const fix = fixes.find((f) => title(f) === c.choose)!;
        const output = applyEdits(c.input, fix.edits);
        assert.equal(output, c.output);
        assert.ok(!analyze(output, PAYLOAD).problems.some((p) => p.code === c.code && p.offset === problems[0].offset), `${c.code} is gone`);
      }
    });
  }

  it('uses only the code, range and data of a diagnostic (as an editor sends it back), never its message', () => {
    const input = SIP('"flow": "bothh"');
    const analysis = analyze(input);
    const problem = analysis.problems[0];
    const fromEditor = JSON.parse(JSON.stringify({ code: problem.code, offset: problem.offset, length: problem.length, method: problem.method, data: problem.data }));
    assert.deepEqual(quickFixes(analysis, fromEditor).map(title), quickFixes(analysis, problem).map(title));
  });

  it('offers nothing for a diagnostic whose range no longer holds the value', () => {
    const analysis = analyze(SIP('"flow": "bothh"'));
    const problem = analysis.problems[0];
    assert.deepEqual(quickFixes(analysis, { ...problem, offset: problem.offset + 1 }), []);
    assert.deepEqual(quickFixes(analysis, { ...problem, length: problem.length + 3 }), []);
  });
});
