// Records (spec section 6): reading `.voipnow/records.json` (its own problems, positioned in it),
// every parameter that names a record with the code an unknown ID gets and its exact text, the
// `unknown-record` warning where no code is documented, and 200 for a name or number the records
// already hold.
import { strict as assert } from 'node:assert';
import { describe, it, test } from 'node:test';
import { analyze, parseRecords, type Records } from '../../../server/src/core';
import { allMethodSpecs, type ValueSpec } from '../../../server/src/core/engine/spec';
import { CLOSE, OPEN, WARNING, expectProblems, req, runCases, summarize, unmark, type Case } from '../helpers';

const SNAPSHOT = {
  codecs: [{ ID: 1, name: 'G.711 u-law' }, { ID: 3, name: 'G.729' }],
  channels: [{ ID: 2, name: 'Carrier A' }, { ID: '12', name: 'Carrier B', flow: 'both' }],
  channelGroups: [{ ID: 4, name: 'Carriers EU' }],
  publicNumbers: [{ ID: 9, name: 'Main line', phoneNo: '+40212345678' }, { ID: 10, name: '40311111111' }],
  timeIntervals: [{ ID: 5, name: 'Office hours' }],
  rulesGroups: [{ ID: 3, name: 'Europe' }],
  rules: [{ ID: 31, name: 'Block premium' }, { ID: 32, name: 'Transfer' }],
  users: [{ ID: 5, name: 'acme' }],
};
const records: Records = parseRecords(JSON.stringify(SNAPSHOT, null, 2)).records!;
const options = { records };

/** Parses a marked records file: its problems must be exactly the expected ones, on the marked spans. */
function recordProblems(marked: string, expected: Array<{ code: string; message: string; severity?: string }>, usable: boolean) {
  const { text, spans } = unmark(marked);
  const parsed = parseRecords(text);
  assert.deepEqual(
    parsed.problems.map(summarize),
    expected.map((e, i) => ({ code: e.code, message: e.message, severity: e.severity ?? 'error', offset: spans[i].offset, length: spans[i].length })),
  );
  assert.equal(parsed.records !== undefined, usable, usable ? 'the file is used' : 'the file is not used');
  return parsed;
}

describe('reading a records file', () => {
  it('reads every kind, looks IDs up as numbers (007 is 7) and keeps file order', () => {
    assert.ok(records);
    assert.equal(records.display, '.voipnow/records.json');
    assert.equal(records.get('codecs', '3')?.name, 'G.729');
    assert.equal(records.get('codecs', '003')?.name, 'G.729');
    assert.equal(records.get('channels', '12')?.name, 'Carrier B');
    assert.deepEqual(records.get('channels', '12')?.fields, [['flow', 'both']]);
    assert.equal(records.get('codecs', '2'), undefined);
    assert.deepEqual(records.list('rules').map((r) => r.id), ['31', '32']);
    assert.equal(records.get('publicNumbers', '9')?.phoneNo, '+40212345678');
    // Offsets point into the records file: the record object and its name.
    const g729 = records.get('codecs', '3')!;
    assert.equal(records.text.slice(g729.nameOffset, g729.nameOffset + g729.nameLength), '"G.729"');
    assert.ok(records.text.slice(g729.offset, g729.offset + g729.length).startsWith('{'));
    assert.equal(records.lineOf(g729.offset), 7);
  });

  it('a kind absent from the file is not held; an empty one is', () => {
    const parsed = parseRecords('{ "$schema": "../schemas/records.schema.json", "codecs": [] }');
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.records?.has('codecs'), true);
    assert.equal(parsed.records?.has('channels'), false);
  });

  it('takes display and location from the caller', () => {
    const parsed = parseRecords('{}', { display: 'ops/records.json', location: 'file:///w/ops/records.json' });
    assert.equal(parsed.records?.display, 'ops/records.json');
    assert.equal(parsed.records?.location, 'file:///w/ops/records.json');
  });

  it('reports invalid JSON and is then not used', () => {
    recordProblems('{ "codecs": [«}»«»«»', [
      { code: 'invalid-json', message: 'Invalid JSON: expected a value here.' },
      { code: 'invalid-json', message: 'Invalid JSON: expected a closing bracket here.' },
      { code: 'invalid-json', message: 'Invalid JSON: expected a closing brace here.' },
    ], false);
  });

  it('reports an empty file and a root that is not an object', () => {
    recordProblems('«»', [{ code: 'invalid-json', message: 'Invalid JSON: expected a value here.' }], false);
    const shape =
      'The records file holds one object whose keys are record kinds (codecs, channels, channelGroups, publicNumbers, timeIntervals, rulesGroups, rules, users), each a list of records with an "ID" and a "name".';
    recordProblems('«[»{ "ID": 1, "name": "x" }]', [{ code: 'not-an-object', message: shape }], false);
    recordProblems('«"codecs"»', [{ code: 'not-an-object', message: shape }], false);
  });

  it('warns on an unknown kind (with a suggestion) and on a repeated key, and still uses the file', () => {
    const parsed = recordProblems('{ «"codec"»: [], "users": [], «"users"»: [{ "ID": 1, "name": "a", «"name"»: "b" }] }', [
      { code: 'unknown-parameter', message: "Unknown record kind 'codec'; it is not used. Did you mean 'codecs'? The kinds are codecs, channels, channelGroups, publicNumbers, timeIntervals, rulesGroups, rules, users.", severity: 'warning' },
      { code: 'duplicate-key', message: "Duplicate key 'users' in the records file. The last one is used.", severity: 'warning' },
      { code: 'duplicate-key', message: "Duplicate key 'name' in this user record. The last one is used.", severity: 'warning' },
    ], true);
    assert.equal(parsed.records!.get('users', '1')?.name, 'b');
  });

  it('reports each malformed record on the value or the record, and is then not used', () => {
    recordProblems(
      `{
  "codecs": «{}»,
  "channels": [«3», «{» "name": "no id" }, «{» "ID": 4 }, { "ID": «0», "name": "zero" }, { "ID": «"4a"», "name": "x" }, { "ID": 5, "name": «5» }],
  "publicNumbers": [{ "ID": 9, "name": "Main", "phoneNo": «"+40-21"» }]
}`,
      [
        { code: 'invalid-value', message: `'codecs' must be a list of records, each with an "ID" and a "name".` },
        { code: 'not-an-object', message: 'A channel record must be an object with an "ID" and a "name".' },
        { code: 'invalid-value', message: 'This channel record has no "ID".' },
        { code: 'invalid-value', message: 'This channel record has no "name".' },
        { code: 'invalid-value', message: `Invalid value for 'ID': expected a positive integer (3 or "3").` },
        { code: 'invalid-value', message: `Invalid value for 'ID': expected a positive integer (3 or "3").` },
        { code: 'invalid-value', message: "Invalid value for 'name': expected a string." },
        { code: 'invalid-value', message: "Invalid value for 'phoneNo': expected a phone number (an optional +, then digits)." },
      ],
      false,
    );
  });

  it('warns on a repeated ID within a kind and uses the first', () => {
    const parsed = recordProblems('{\n"codecs": [\n{ "ID": 3, "name": "G.729" },\n{ "ID": «"003"», "name": "other" }\n] }', [
      { code: 'duplicate-key', message: 'Another codec record has ID 3 (line 3); the first one is used.', severity: 'warning' },
    ], true);
    assert.equal(parsed.records!.get('codecs', '3')?.name, 'G.729');
  });

  it('ignores a byte order mark and reports a file that is too large', () => {
    assert.deepEqual(parseRecords('\ufeff{ "codecs": [{ "ID": 1, "name": "x" }] }').problems, []);
    const large = parseRecords('{ "codecs": [] }', { maxFileSize: 4 });
    assert.deepEqual(large.problems.map((p) => p.code), ['file-too-large']);
    assert.equal(large.records, undefined);
  });

  it('survives hostile input: deep nesting, huge strings, every JSON type in every place', () => {
    assert.deepEqual(parseRecords('['.repeat(5000)).problems.map((p) => p.code), ['nesting-too-deep']);
    for (const value of ['null', 'true', '1.5', '"x"', '[]', '{}', '[null]', '[[]]', `"${'x'.repeat(100000)}"`]) {
      for (const text of [`{"codecs": ${value}}`, `{"codecs": [${value}]}`, `{"codecs": [{"ID": ${value}, "name": ${value}}]}`, `{"publicNumbers": [{"ID": 1, "name": "n", "phoneNo": ${value}}]}`]) {
        const parsed = parseRecords(text);
        assert.ok(Array.isArray(parsed.problems), text.slice(0, 60));
      }
    }
  });
});

// The documented texts, typed literally (channel-error-codes.md).
const T620 = 'One or several provided codecs are outside the records available.';
const T622 = 'One or several channel groups are outside the records available.';
const T623 = 'One or several public phone numbers are outside the records available.';
const T632 = 'One or several channels are outside the records available.';
const T647 = 'Invalid time interval. Value is outside the records available.';
const T650 = 'Invalid channel ID. Value is outside the records available.';
const T655 = 'One or several rule IDs are outside the records available.';
const T262 = 'Invalid channel ID.';
const T263 = 'Invalid public phone number ID.';
const T264 = 'Invalid channel group ID.';
const T260 = 'Invalid outgoing routing rules group ID.';
const T250 = 'Invalid user ID.';
const unknown = (noun: string, id: string) => ({ code: 'unknown-record', message: `No ${noun} with ID ${id} in the records (.voipnow/records.json).`, severity: WARNING });

const m = (value: string) => `${OPEN}${value}${CLOSE}`;
const SIP = (inner: string) => req('AddChannel', `{"SIP":{"name":"Carrier New",${inner}}}`);
const RULE = (inner: string) => `{"number":"00",${inner}}`;

/** Each parameter that names a record: a known ID is clean, an unknown one gets its code and text. */
const ROWS: Array<{ name: string; known: string; unknownPayload: string; expect: { code: string; message: string; severity?: typeof WARNING } }> = [
  { name: 'AddChannel SIP.codecs -> 620', known: SIP('"codecs":[1,"3"]'), unknownPayload: SIP(`"codecs":[1,${m('2')}]`), expect: { code: '620', message: T620 } },
  { name: 'AddChannel SIP.channelGroupID -> 622', known: SIP('"channelGroupID":4'), unknownPayload: SIP(`"channelGroupID":[${m('"5"')}]`), expect: { code: '622', message: T622 } },
  { name: 'EditChannel ID -> 262', known: req('EditChannel', '{"ID":12}'), unknownPayload: req('EditChannel', `{"ID":${m('13')}}`), expect: { code: '262', message: T262 } },
  { name: 'EditChannel SIP.codecs -> 620', known: req('EditChannel', '{"ID":2,"SIP":{"codecs":3}}'), unknownPayload: req('EditChannel', `{"ID":2,"SIP":{"codecs":${m('4')}}}`), expect: { code: '620', message: T620 } },
  { name: 'EditChannel SIP.channelGroupID -> 622', known: req('EditChannel', '{"ID":2,"SIP":{"channelGroupID":"04"}}'), unknownPayload: req('EditChannel', `{"ID":2,"SIP":{"channelGroupID":${m('40')}}}`), expect: { code: '622', message: T622 } },
  { name: 'GetChannels groupID -> 264', known: req('GetChannels', '{"groupID":4}'), unknownPayload: req('GetChannels', `{"groupID":${m('8')}}`), expect: { code: '264', message: T264 } },
  { name: 'DelChannel ID -> unknown-record', known: req('DelChannel', '{"ID":[2,12]}'), unknownPayload: req('DelChannel', `{"ID":[2,${m('"14"')}]}`), expect: unknown('channel', '14') },
  { name: 'AddChannelGroup channelID -> 632', known: req('AddChannelGroup', '{"name":"New group","channelID":[2]}'), unknownPayload: req('AddChannelGroup', `{"name":"New group","channelID":${m('7')}}`), expect: { code: '632', message: T632 } },
  { name: 'EditChannelGroup ID -> 264', known: req('EditChannelGroup', '{"ID":4}'), unknownPayload: req('EditChannelGroup', `{"ID":${m('40')}}`), expect: { code: '264', message: T264 } },
  { name: 'EditChannelGroup channelID -> 632', known: req('EditChannelGroup', '{"ID":4,"channelID":[12,2]}'), unknownPayload: req('EditChannelGroup', `{"ID":4,"channelID":[12,${m('3')}]}`), expect: { code: '632', message: T632 } },
  { name: 'GetChannelGroups channelID -> 262', known: req('GetChannelGroups', '{"channelID":2}'), unknownPayload: req('GetChannelGroups', `{"channelID":${m('6')}}`), expect: { code: '262', message: T262 } },
  { name: 'DelChannelGroup ID -> unknown-record', known: req('DelChannelGroup', '{"ID":4}'), unknownPayload: req('DelChannelGroup', `{"ID":${m('6')}}`), expect: unknown('channel group', '6') },
  { name: 'GetCodecs channelID -> 262', known: req('GetCodecs', '{"channelID":"0012"}'), unknownPayload: req('GetCodecs', `{"channelID":${m('"0013"')}}`), expect: { code: '262', message: T262 } },
  { name: 'GetChannelGroupPoll channelID -> 262', known: req('GetChannelGroupPoll', '{"channelID":2}'), unknownPayload: req('GetChannelGroupPoll', `{"channelID":${m('1')}}`), expect: { code: '262', message: T262 } },
  {
    name: 'AddPublicNo publicNo[].channelID -> 262',
    known: req('AddPublicNo', '{"publicNo":[{"phoneNo":"100","did":"d","channelID":2}]}'),
    unknownPayload: req('AddPublicNo', `{"publicNo":[{"phoneNo":"100","did":"d","channelID":${m('3')}}]}`),
    expect: { code: '262', message: T262 },
  },
  { name: 'EditPublicNo didID -> 263', known: req('EditPublicNo', '{"didID":9,"phoneNo":"1","did":"d"}'), unknownPayload: req('EditPublicNo', `{"didID":${m('11')},"phoneNo":"1","did":"d"}`), expect: { code: '263', message: T263 } },
  { name: 'EditPublicNo channelID -> 262', known: req('EditPublicNo', '{"didID":9,"phoneNo":"1","did":"d","channelID":12}'), unknownPayload: req('EditPublicNo', `{"didID":9,"phoneNo":"1","did":"d","channelID":${m('11')}}`), expect: { code: '262', message: T262 } },
  { name: 'GetPublicNo channelID -> 262', known: req('GetPublicNo', '{"channelID":2}'), unknownPayload: req('GetPublicNo', `{"channelID":${m('20')}}`), expect: { code: '262', message: T262 } },
  { name: 'GetPublicNo userID -> 250', known: req('GetPublicNo', '{"channelID":2,"userID":5}'), unknownPayload: req('GetPublicNo', `{"channelID":2,"userID":${m('6')}}`), expect: { code: '250', message: T250 } },
  { name: 'DelPublicNo ID -> unknown-record', known: req('DelPublicNo', '{"ID":[9,10]}'), unknownPayload: req('DelPublicNo', `{"ID":[9,${m('11')}]}`), expect: unknown('public number', '11') },
  { name: 'GetPublicNoPoll userID -> 250', known: req('GetPublicNoPoll', '{"userID":5}'), unknownPayload: req('GetPublicNoPoll', `{"userID":${m('"7"')}}`), expect: { code: '250', message: T250 } },
  { name: 'AssignPublicNo didID -> 623', known: req('AssignPublicNo', '{"didID":[9],"userID":5}'), unknownPayload: req('AssignPublicNo', `{"didID":[${m('8')}],"userID":5}`), expect: { code: '623', message: T623 } },
  { name: 'AssignPublicNo userID -> 250', known: req('AssignPublicNo', '{"didID":9,"userID":5}'), unknownPayload: req('AssignPublicNo', `{"didID":9,"userID":${m('1')}}`), expect: { code: '250', message: T250 } },
  { name: 'UnassignPublicNo didID -> unknown-record', known: req('UnassignPublicNo', '{"didID":10,"userID":5}'), unknownPayload: req('UnassignPublicNo', `{"didID":${m('1')},"userID":5}`), expect: unknown('public number', '1') },
  { name: 'UnassignPublicNo userID -> unknown-record', known: req('UnassignPublicNo', '{"didID":10,"userID":5}'), unknownPayload: req('UnassignPublicNo', `{"didID":10,"userID":${m('2')}}`), expect: unknown('user', '2') },
  { name: 'AddCallRulesOutGroup userID -> unknown-record', known: req('AddCallRulesOutGroup', '{"name":"EU","userID":5}'), unknownPayload: req('AddCallRulesOutGroup', `{"name":"EU","userID":${m('8')}}`), expect: unknown('user', '8') },
  {
    name: 'AddCallRulesOutGroup rules[].intervalID -> 647',
    known: req('AddCallRulesOutGroup', `{"name":"EU","rules":[${RULE('"intervalID":5')}]}`),
    unknownPayload: req('AddCallRulesOutGroup', `{"name":"EU","rules":[${RULE(`"intervalID":${m('6')}`)}]}`),
    expect: { code: '647', message: T647 },
  },
  {
    name: 'AddCallRulesOutGroup rules[].channelID -> 650',
    known: req('AddCallRulesOutGroup', `{"name":"EU","rules":${RULE('"channelID":2')}}`),
    unknownPayload: req('AddCallRulesOutGroup', `{"name":"EU","rules":${RULE(`"channelID":${m('3')}`)}}`),
    expect: { code: '650', message: T650 },
  },
  { name: 'AddCallRulesOut ID -> 260', known: req('AddCallRulesOut', `{"ID":3,"rules":[${RULE('')}]}`.replace(',}', '}')), unknownPayload: req('AddCallRulesOut', `{"ID":${m('4')},"rules":[{"number":"00"}]}`), expect: { code: '260', message: T260 } },
  {
    name: 'AddCallRulesOut rules[].channelID -> 650',
    known: req('AddCallRulesOut', `{"ID":3,"rules":[${RULE('"channelID":12')}]}`),
    unknownPayload: req('AddCallRulesOut', `{"ID":3,"rules":[${RULE(`"channelID":${m('13')}`)}]}`),
    expect: { code: '650', message: T650 },
  },
  { name: 'EditCallRulesOutGroup ID -> 260', known: req('EditCallRulesOutGroup', '{"ID":3}'), unknownPayload: req('EditCallRulesOutGroup', `{"ID":${m('33')}}`), expect: { code: '260', message: T260 } },
  {
    name: 'EditCallRulesOutGroup ruleStatus[].ruleID -> 655',
    known: req('EditCallRulesOutGroup', '{"ID":3,"ruleStatus":[{"ruleID":31,"status":true}]}'),
    unknownPayload: req('EditCallRulesOutGroup', `{"ID":3,"ruleStatus":[{"ruleID":${m('30')},"status":true}]}`),
    expect: { code: '655', message: T655 },
  },
  { name: 'EditCallRulesOutGroup changeOrder -> 655', known: req('EditCallRulesOutGroup', '{"ID":3,"changeOrder":[32,31]}'), unknownPayload: req('EditCallRulesOutGroup', `{"ID":3,"changeOrder":[32,${m('33')}]}`), expect: { code: '655', message: T655 } },
  {
    name: 'EditCallRulesOutGroup rules[].intervalID -> 647',
    known: req('EditCallRulesOutGroup', `{"ID":3,"rules":[${RULE('"intervalID":"5"')}]}`),
    unknownPayload: req('EditCallRulesOutGroup', `{"ID":3,"rules":[${RULE(`"intervalID":${m('"55"')}`)}]}`),
    expect: { code: '647', message: T647 },
  },
  { name: 'GetCallRulesOutGroup userID -> unknown-record', known: req('GetCallRulesOutGroup', '{"userID":5}'), unknownPayload: req('GetCallRulesOutGroup', `{"userID":${m('50')}}`), expect: unknown('user', '50') },
  { name: 'GetCallRulesOut ID -> 260', known: req('GetCallRulesOut', '{"ID":3}'), unknownPayload: req('GetCallRulesOut', `{"ID":${m('2')}}`), expect: { code: '260', message: T260 } },
  { name: 'DelCallRulesOutGroup ID -> unknown-record', known: req('DelCallRulesOutGroup', '{"ID":3}'), unknownPayload: req('DelCallRulesOutGroup', `{"ID":[${m('9')}]}`), expect: unknown('outgoing routing rules group', '9') },
  { name: 'DelCallRulesOut ID -> unknown-record', known: req('DelCallRulesOut', '{"ID":[31,32]}'), unknownPayload: req('DelCallRulesOut', `{"ID":[31,${m('34')}]}`), expect: unknown('outgoing routing rule', '34') },
  { name: 'DelCallRulesOut rulesGroupID -> 260', known: req('DelCallRulesOut', '{"ID":31,"rulesGroupID":3}'), unknownPayload: req('DelCallRulesOut', `{"ID":31,"rulesGroupID":${m('1')}}`), expect: { code: '260', message: T260 } },
];

const cases: Case[] = ROWS.flatMap((row) => [
  { name: `${row.name}: a known ID is clean`, payload: row.known, options },
  { name: `${row.name}: an unknown ID`, payload: row.unknownPayload, expect: [row.expect], options },
  // Without records only the format is checked.
  { name: `${row.name}: without records the same ID is clean`, payload: unmark(row.unknownPayload).text },
]);
runCases('records', cases);

test('every parameter with a records keyword has a row, with the code its schema gives', () => {
  const found: string[] = [];
  const walk = (method: string, spec: ValueSpec, path: string) => {
    if (spec.records) found.push(`${method} ${path} -> ${spec.code ?? 'unknown-record'}`);
    const items = spec.listOf ? spec.items : undefined;
    if (items?.properties) for (const [name, sub] of items.properties) walk(method, sub, `${path}[].${name}`);
    for (const [name, sub] of spec.properties ?? []) walk(method, sub, path ? `${path}.${name}` : name);
  };
  for (const { method, params } of allMethodSpecs()) walk(method, params, '');
  // AddCallRulesOutGroup's and EditCallRulesOutGroup's rule items hold both intervalID and channelID; one of each is enough.
  const rows = new Set(ROWS.map((r) => r.name));
  const missing = found.filter((f) => !rows.has(f) && !/rules\[\]\.(intervalID|channelID)/.test(f));
  assert.deepEqual(missing, []);
  assert.equal(found.length, 41);
});

describe('which IDs are looked up', () => {
  it('only well-formed ones: an ill-formed ID gets its format code alone', () => {
    expectProblems(SIP(`"codecs":[${m('0')},${m('"x"')},${m('1.5')}]`), [
      { code: '620', message: T620 },
      { code: '620', message: T620 },
      { code: '620', message: T620 },
    ], options);
    // Each is reported once: the format check, not the records.
    const { text } = unmark(SIP('"codecs":[0]'));
    assert.deepEqual(analyze(text, options).problems.map((p) => p.data?.record), [undefined]);
  });

  it('each unknown element of a list gets its own diagnostic', () => {
    expectProblems(req('DelChannel', `{"ID":[${m('7')},2,${m('8')},12]}`), [unknown('channel', '7'), unknown('channel', '8')], options);
  });

  it('IDs are compared as numbers: 0012 is 12', () => {
    expectProblems(req('EditChannel', '{"ID":"0012"}'), [], options);
  });

  it('a kind the records do not hold is not checked', () => {
    const partial = parseRecords('{ "codecs": [{ "ID": 1, "name": "G.711 u-law" }] }').records!;
    expectProblems(SIP(`"codecs":[${m('2')}],"channelGroupID":99`), [{ code: '620', message: T620 }], { records: partial });
  });

  it('an unknown ID carries its kind and parameter for hover and fixes', () => {
    const { text } = unmark(SIP('"codecs":[2]'));
    assert.deepEqual(analyze(text, options).problems[0].data, { param: 'codecs', record: 'codecs' });
  });
});

const T200 = (detail: string) => `Duplicate record. ${detail}`;

describe('200: a name or number the records already hold', () => {
  it('AddChannel SIP.name, compared trimmed and in any letter case', () => {
    expectProblems(req('AddChannel', `{"SIP":{"name":${m('" carrier a"')}}}`), [
      { code: '200', message: T200("A channel named ' carrier a' already exists in the records (.voipnow/records.json).") },
    ], options);
    expectProblems(req('AddChannel', '{"SIP":{"name":"Carrier C"}}'), [], options);
  });

  it('AddChannelGroup name', () => {
    expectProblems(req('AddChannelGroup', `{"name":${m('"CARRIERS EU"')}}`), [
      { code: '200', message: T200("A channel group named 'CARRIERS EU' already exists in the records (.voipnow/records.json).") },
    ], options);
  });

  it("AddPublicNo phoneNo, against a record's phoneNo or, without one, its name; a leading + does not count", () => {
    expectProblems(req('AddPublicNo', `{"publicNo":[{"phoneNo":${m('"40212345678"')},"did":"d","channelID":2},{"phoneNo":${m('"+40311111111"')},"did":"d","channelID":2},{"phoneNo":"40399999999","did":"d","channelID":2}]}`), [
      { code: '200', message: T200("The public number '40212345678' already exists in the records (.voipnow/records.json).") },
      { code: '200', message: T200("The public number '+40311111111' already exists in the records (.voipnow/records.json).") },
    ], options);
  });

  it('each request adding a name the records hold gets 200 once (not again as a clash between the requests)', () => {
    const marked = `[${req('AddChannel', `{"SIP":{"name":${m('"Carrier A"')}}}`)},${req('AddChannel', `{"SIP":{"name":${m('"carrier a"')}}}`)},${req('AddChannel', '{"SIP":{"name":"Carrier N"}}')}]`;
    const problems = expectProblems(marked, [
      { code: '200', message: T200("A channel named 'Carrier A' already exists in the records (.voipnow/records.json).") },
      { code: '200', message: T200("A channel named 'carrier a' already exists in the records (.voipnow/records.json).") },
    ], options);
    assert.deepEqual(problems[0].data, { param: 'name', record: 'channels' });
    // What is left to compare between files is only the name the records do not hold.
    assert.deepEqual(analyze(unmark(marked).text, options).unique.map((u) => u.shown), ['Carrier N']);
  });

  it('a name the records hold is not a duplicate when the records do not hold that kind, nor in an edit', () => {
    const noChannels = parseRecords('{ "codecs": [] }').records!;
    expectProblems(req('AddChannel', '{"SIP":{"name":"Carrier A"}}'), [], { records: noChannels });
    expectProblems(req('EditChannel', '{"ID":2,"SIP":{"name":"Carrier B"}}'), [], options);
  });

  it('names the records file as the caller shows it', () => {
    const other = parseRecords(JSON.stringify(SNAPSHOT), { display: 'ops/records.json' }).records!;
    expectProblems(req('AddChannelGroup', `{"name":${m('"Carriers EU"')}}`), [
      { code: '200', message: T200("A channel group named 'Carriers EU' already exists in the records (ops/records.json).") },
    ], { records: other });
  });
});
