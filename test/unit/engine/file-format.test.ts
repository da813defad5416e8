// The file format (spec section 1): which documents are payloads, batches, BOM, comments, syntax
// errors, duplicate keys, nesting, file size, long strings, unknown parameters, params.
// Run: node --import tsx --test test/unit/engine/*.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, check, DEFAULT_MAX_FILE_SIZE, MAX_NESTING } from '../../../server/src/core/index';
import { CLOSE, INFORMATION, OPEN, WARNING, expectClean, expectProblems, req, runCases, summarize, unmark } from '../helpers';

const NO_METHOD = 'This request has no "method". Name one of the 24 methods of the Channel service.';
const NOT_A_REQUEST = 'A request must be an object with a "method" and its "params".';
const TOO_DEEP = 'This document is nested deeper than 1000 levels and is not checked.';
const T262 = 'Invalid channel ID.';

test('the limits are the documented ones', () => {
  assert.equal(MAX_NESTING, 1000);
  assert.equal(DEFAULT_MAX_FILE_SIZE, 8 * 1024 * 1024);
});

// Payload detection: a document is a payload when its top-level object (or any element of its
// top-level array) names a documented method; any other JSON is left alone unless included.
runCases('payload detection', [
  { name: 'plain JSON without method: no diagnostics', payload: '{"name":"x","version":"1.0.0"}' },
  { name: 'plain JSON array: no diagnostics', payload: '[1, 2, {"a": 3}]' },
  { name: 'an unknown method in a non-included file: no diagnostics', payload: '{"method":"AddChanel","params":{"x":1}}' },
  { name: 'a method in another case in a non-included file: no diagnostics', payload: '{"method":"addchannel"}' },
  { name: 'a method that is not a string: no diagnostics', payload: '{"method":5}' },
  { name: 'invalid JSON that is not a payload: no diagnostics', payload: '{"a": }' },
  { name: 'duplicate keys in a non-payload: no diagnostics', payload: '{"a":1,"a":2}' },
  { name: 'a scalar document: no diagnostics', payload: '42' },
  { name: 'an empty document: no diagnostics', payload: '' },
  {
    name: 'a documented method makes it a payload',
    payload: req('GetCodecs', `{"channelID":${OPEN}"x"${CLOSE}}`),
    expect: [{ code: '262', message: T262 }],
  },
  {
    name: 'a nested "method" does not make a payload',
    payload: '{"requests":{"method":"GetCodecs","params":{"channelID":"x"}}}',
  },
]);

// Files matched by the include globs: a missing or unknown method is reported.
runCases('included files', [
  {
    name: 'missing method -> missing-method on the request brace',
    payload: `${OPEN}{${CLOSE}"params":{"channelID":1}}`,
    options: { included: true },
    expect: [{ code: 'missing-method', message: NO_METHOD }],
  },
  {
    name: 'missing method after a comment -> on the brace',
    payload: `// a request\n${OPEN}{${CLOSE}}`,
    options: { included: true },
    expect: [{ code: 'missing-method', message: NO_METHOD }],
  },
  {
    name: 'unknown method with a did-you-mean',
    payload: `{"method":${OPEN}"AddChanel"${CLOSE}}`,
    options: { included: true },
    expect: [{ code: 'unknown-method', message: 'Unknown method "AddChanel". Did you mean \'AddChannel\'?' }],
  },
  {
    name: 'a method in the wrong case -> unknown-method suggesting the right case',
    payload: `{"method":${OPEN}"getcodecs"${CLOSE}}`,
    options: { included: true },
    expect: [{ code: 'unknown-method', message: 'Unknown method "getcodecs". Did you mean \'GetCodecs\'?' }],
  },
  {
    name: 'a far-off method -> unknown-method without a suggestion',
    payload: `{"method":${OPEN}"Foo"${CLOSE}}`,
    options: { included: true },
    expect: [{ code: 'unknown-method', message: 'Unknown method "Foo".' }],
  },
  {
    name: 'method not a string -> unknown-method showing what is written',
    payload: `{"method":${OPEN}5${CLOSE}}`,
    options: { included: true },
    expect: [{ code: 'unknown-method', message: 'Unknown method "5".' }],
  },
  {
    name: 'an empty array -> missing-method on the bracket',
    payload: `${OPEN}[${CLOSE}]`,
    options: { included: true },
    expect: [{ code: 'missing-method', message: 'A payload file holds one request object or an array of request objects.' }],
  },
  {
    name: 'a scalar document -> not-an-object',
    payload: `${OPEN}"x"${CLOSE}`,
    options: { included: true },
    expect: [{ code: 'not-an-object', message: NOT_A_REQUEST }],
  },
  {
    name: 'elements that are not objects -> not-an-object each',
    payload: `[${OPEN}1${CLOSE}, ${OPEN}null${CLOSE}]`,
    options: { included: true },
    expect: [
      { code: 'not-an-object', message: NOT_A_REQUEST },
      { code: 'not-an-object', message: NOT_A_REQUEST },
    ],
  },
  { name: 'a valid request in an included file is clean', payload: req('GetCodecs', '{"channelID":1}'), options: { included: true } },
]);

test('unknown-method carries the suggestion in data.suggestion', () => {
  const [p] = check('{"method":"AddChanel"}', { included: true });
  assert.equal(p.code, 'unknown-method');
  assert.equal(p.severity, 'error');
  assert.deepEqual(p.data, { param: 'method', suggestion: 'AddChannel' });
  const [far] = check('{"method":"Zzz"}', { included: true });
  assert.equal(far.data?.suggestion, undefined);
});

// Batches: an array in which any element names a documented method; every element is checked.
runCases('batches', [
  {
    name: 'every element is checked; one without a documented method gets missing-method or unknown-method',
    payload: `[{"method":"GetCodecs","params":{"channelID":${OPEN}0${CLOSE}}},{"method":${OPEN}"GetCodec"${CLOSE}},${OPEN}{${CLOSE}"x":1},${OPEN}5${CLOSE}]`,
    expect: [
      { code: '262', message: T262 },
      { code: 'unknown-method', message: 'Unknown method "GetCodec". Did you mean \'GetCodecs\'?' },
      { code: 'missing-method', message: NO_METHOD },
      { code: 'not-an-object', message: NOT_A_REQUEST },
    ],
  },
  {
    name: 'the documented method may be any element, not only the first',
    payload: `[${OPEN}{${CLOSE}"params":{}},{"method":"DelChannel","params":{"ID":${OPEN}"x"${CLOSE}}}]`,
    expect: [
      { code: 'missing-method', message: NO_METHOD },
      { code: 'invalid-value', message: "Invalid value for 'ID': expected a valid value." },
    ],
  },
  {
    name: 'each request is checked against its own method',
    payload: `[{"method":"AddChannel","params":{"SIP":{"name":"Carrier A","flow":${OPEN}"x"${CLOSE}}}},{"method":"GetChannels","params":{"flow":${OPEN}"x"${CLOSE}}}]`,
    expect: [
      { code: '617', message: 'Invalid flow. Here are the values available: in, out, both.' },
      { code: 'invalid-value', message: 'Invalid value for \'flow\': expected one of "in", "out", "both".' },
    ],
  },
  { name: 'a valid batch is clean', payload: `[${req('GetCodecs')},${req('DelChannel', '{"ID":[1,2]}')}]` },
]);

// Spec section 1: an element of a batch that is not an object gets not-an-object, whatever it is
// and whichever path reads the file (comments send it to the tree path), included or not.
const NOT_OBJECTS = ['5', '"x"', 'null', 'true', 'false', '-0', '1.5e3', '[]', '[1]', '[[{"method":"GetCodecs"}]]'];
const notObjectBatch = (prefix: string) =>
  `${prefix}[${req('DelChannel', '{"ID":1}')}, ${NOT_OBJECTS.map((e) => `${OPEN}${e}${CLOSE}`).join(', ')}]`;
runCases(
  'batch elements that are not objects',
  [
    { name: 'in a file that one documented method makes a payload', payload: notObjectBatch('') },
    { name: 'in an included file', payload: notObjectBatch(''), options: { included: true } },
    { name: 'after a comment (the tree path)', payload: notObjectBatch('// a batch\n') },
    { name: 'after a byte order mark', payload: notObjectBatch('\uFEFF') },
  ].map((c) => ({ ...c, expect: NOT_OBJECTS.map(() => ({ code: 'not-an-object', message: NOT_A_REQUEST })) })),
);
runCases('batch elements that are not objects, no documented method', [
  { name: 'a non-included file is left alone', payload: '[5, "x", null, true, [1], {"method":"GetCodec"}]' },
  {
    name: 'an included file reports each',
    payload: `[${OPEN}5${CLOSE}, ${OPEN}[{"method":"GetCodecs"}]${CLOSE}]`,
    options: { included: true },
    expect: [
      { code: 'not-an-object', message: NOT_A_REQUEST },
      { code: 'not-an-object', message: NOT_A_REQUEST },
    ],
  },
]);

test('batch problems carry their request method', () => {
  const problems = check('[{"method":"GetCodecs","params":{"channelID":0}},{"method":"GetChannelGroups","params":{"channelID":0}}]');
  assert.deepEqual(
    problems.map((p) => [p.code, p.method]),
    [
      ['262', 'GetCodecs'],
      ['262', 'GetChannelGroups'],
    ],
  );
});

// A byte order mark is ignored; offsets stay offsets into the text as given.
runCases('BOM', [
  { name: 'a valid payload after a BOM is clean', payload: '\uFEFF' + req('GetCodecs', '{"channelID":1}') },
  {
    name: 'ranges after a BOM count the BOM',
    payload: '\uFEFF' + req('GetCodecs', `{"channelID":${OPEN}"x"${CLOSE}}`),
    expect: [{ code: '262', message: T262 }],
  },
  {
    name: 'a BOM before an included missing method',
    payload: `\uFEFF${OPEN}{${CLOSE}}`,
    options: { included: true },
    expect: [{ code: 'missing-method', message: NO_METHOD }],
  },
  { name: 'a BOM before plain JSON: no diagnostics', payload: '\uFEFF{"a":1}' },
  {
    name: 'offsets are UTF-16 offsets (an emoji before the value counts two)',
    payload: `\uFEFF{"method":"GetChannels","params":{"filter":"😀😀","groupID":${OPEN}"x"${CLOSE}}}`,
    expect: [{ code: '264', message: 'Invalid channel group ID.' }],
  },
]);

// Comments are allowed in every payload file.
runCases('comments', [
  {
    name: 'line and block comments anywhere are fine',
    payload: `// expect 262
{
  /* the method */ "method": "GetCodecs", // trailing
  "params": { "channelID": 1 /* one */ }
}
// end`,
  },
  {
    name: 'a comment does not hide a problem after it',
    payload: `{"method":"GetCodecs", /* c */ "params":{"channelID":${OPEN}"x"${CLOSE}} // e\n}`,
    expect: [{ code: '262', message: T262 }],
  },
  { name: 'comments in a non-included .json payload are fine too', payload: '{"method":"GetCodecs"} // comment' },
]);

// Syntax errors: invalid-json, and the rest is still checked.
runCases('syntax errors', [
  {
    name: 'a missing comma -> invalid-json, and the bad channelID is still reported',
    payload: `{"method":"GetCodecs" ${OPEN}"params"${CLOSE}:{"channelID":${OPEN}"x"${CLOSE}}}`,
    expect: [
      { code: 'invalid-json', message: 'Invalid JSON: expected a comma here.' },
      { code: '262', message: T262 },
    ],
  },
  {
    // jsonc-parser recovers after the bad character: it also reports the missing value after it.
    name: 'an unexpected character in a value -> invalid-json, and the rest is still checked',
    payload: `{"method":"GetChannels","params":{"groupID":${OPEN}"a"${CLOSE},"filter":${OPEN}x${CLOSE}${OPEN}}${CLOSE}}`,
    expect: [
      { code: '264', message: 'Invalid channel group ID.' },
      { code: 'invalid-json', message: 'Invalid JSON: an unexpected character here.' },
      { code: 'invalid-json', message: 'Invalid JSON: expected a value here.' },
    ],
  },
  {
    name: 'a number cut short -> invalid-json, and the value is still judged as written',
    payload: `{"method":"GetCodecs","params":{"channelID":${OPEN}1.${CLOSE}}}`,
    expect: [
      { code: 'invalid-json', message: 'Invalid JSON: expected more digits here.', mark: 0 },
      { code: '262', message: T262, mark: 0 },
    ],
  },
  {
    name: 'a syntax error in a batch element does not stop the other elements',
    payload: `[{"method":"GetCodecs","params":{"channelID":1} ${OPEN}"comment"${CLOSE}:1},{"method":"GetCodecs","params":{"channelID":${OPEN}0${CLOSE}}}]`,
    expect: [
      { code: 'invalid-json', message: 'Invalid JSON: expected a comma here.', mark: 0 },
      { code: 'unknown-parameter', message: 'Unknown key \'comment\' in the GetCodecs request; parameters go inside "params".', severity: WARNING, mark: 0 },
      { code: '262', message: T262, mark: 1 },
    ],
  },
]);

test('syntax errors are errors, and carry no method', () => {
  const problems = check('{"method":"GetCodecs" "params":{}}');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'invalid-json');
  assert.equal(problems[0].severity, 'error');
  assert.equal(problems[0].method, undefined);
});

// Duplicate keys: a warning on the repeated key; the last one is what the server reads.
runCases('duplicate keys', [
  {
    name: 'a repeated parameter -> duplicate-key warning on the second key, the last value is checked',
    payload: `{"method":"GetCodecs","params":{"channelID":"x",${OPEN}"channelID"${CLOSE}:1}}`,
    expect: [{ code: 'duplicate-key', message: "Duplicate key 'channelID'. The last one is what the server reads.", severity: WARNING }],
  },
  {
    name: 'the last value wins: a bad last value is reported, the first is not',
    payload: `{"method":"GetCodecs","params":{"channelID":1,${OPEN}"channelID"${CLOSE}:${OPEN}"x"${CLOSE}}}`,
    expect: [
      { code: 'duplicate-key', message: "Duplicate key 'channelID'. The last one is what the server reads.", severity: WARNING },
      { code: '262', message: T262 },
    ],
  },
  {
    name: 'a repeated method: the last one is the request method',
    payload: `{"method":"GetCodecs",${OPEN}"method"${CLOSE}:"GetChannels","params":{"flow":${OPEN}"x"${CLOSE}}}`,
    expect: [
      { code: 'duplicate-key', message: "Duplicate key 'method'. The last one is what the server reads.", severity: WARNING },
      { code: 'invalid-value', message: 'Invalid value for \'flow\': expected one of "in", "out", "both".' },
    ],
  },
  {
    name: 'inside SIP',
    payload: `{"method":"AddChannel","params":{"SIP":{"name":"Carrier A",${OPEN}"name"${CLOSE}:"Carrier B"}}}`,
    expect: [{ code: 'duplicate-key', message: "Duplicate key 'name'. The last one is what the server reads.", severity: WARNING }],
  },
  {
    name: 'three times -> a warning on the second and the third',
    payload: `{"method":"GetCodecs","params":{"channelID":1,${OPEN}"channelID"${CLOSE}:2,${OPEN}"channelID"${CLOSE}:3}}`,
    expect: [
      { code: 'duplicate-key', message: "Duplicate key 'channelID'. The last one is what the server reads.", severity: WARNING },
      { code: 'duplicate-key', message: "Duplicate key 'channelID'. The last one is what the server reads.", severity: WARNING },
    ],
  },
]);

// Nesting deeper than 1,000 levels: one nesting-too-deep error and nothing else.
/** A GetCodecs payload whose deepest bracket is at `depth` (the top-level object is level 1). */
function nested(depth: number, marked = false): string {
  const inner = depth - 2; // levels 1 and 2 are the request and params objects
  const open = Array.from({ length: inner }, (_, i) => (marked && i + 3 === MAX_NESTING + 1 ? `${OPEN}[${CLOSE}` : '[')).join('');
  return `{"method":"GetCodecs","params":{"x":${open}${']'.repeat(inner)},"channelID":"bad"}}`;
}

test('1000 levels are checked as usual', () => {
  const text = nested(1000);
  const problems = check(text);
  assert.deepEqual(
    problems.map((p) => p.code),
    ['unknown-parameter', '262'],
  );
});

test('1001 levels -> one nesting-too-deep on the bracket that opens level 1001, nothing else', () => {
  expectProblems(nested(1001, true), [{ code: 'nesting-too-deep', message: TOO_DEEP }]);
});

test('20,000 levels -> one nesting-too-deep, no exception', () => {
  const marked = nested(20000, true);
  let problems;
  assert.doesNotThrow(() => {
    problems = expectProblems(marked, [{ code: 'nesting-too-deep', message: TOO_DEEP }]);
  });
  assert.equal(problems!.length, 1);
  assert.equal(analyze(unmark(marked).text).root, undefined, 'not parsed further');
});

test('20,000 levels of a non-payload: no diagnostics, no exception; included: one nesting-too-deep', () => {
  const deep = '['.repeat(20000) + ']'.repeat(20000);
  assert.deepEqual(check(deep), []);
  assert.deepEqual(check(deep, { included: true }).map(summarize), [{ code: 'nesting-too-deep', message: TOO_DEEP, severity: 'error', offset: 1000, length: 1 }]);
  const unclosed = '{"method":"GetCodecs","x":' + '{"a":'.repeat(20000);
  assert.deepEqual(
    check(unclosed).map((p) => p.code),
    ['nesting-too-deep'],
  );
});

test('brackets inside strings and comments do not count as nesting', () => {
  expectClean(req('GetChannels', `{"filter":${JSON.stringify('['.repeat(5000))}} /* ${'{'.repeat(5000)} */`));
});

// maxFileSize: one file-too-large information diagnostic, not parsed.
test('a file larger than maxFileSize -> one file-too-large information, nothing else', () => {
  const text = req('GetCodecs', '{"channelID":"x"}') + ' '.repeat(20);
  const limit = text.length - 1;
  assert.deepEqual(check(text, { maxFileSize: limit }).map(summarize), [
    { code: 'file-too-large', message: `This file is larger than maxFileSize (${limit} bytes) and is not checked.`, severity: INFORMATION, offset: 0, length: 0 },
  ]);
  // Exactly maxFileSize bytes is still checked.
  assert.deepEqual(
    check(text, { maxFileSize: text.length }).map((p) => p.code),
    ['262'],
  );
});

test('maxFileSize counts UTF-8 bytes, not characters', () => {
  const text = req('GetChannels', `{"filter":"${'é'.repeat(40)}"}`); // 40 characters, 80 bytes
  const bytes = Buffer.byteLength(text, 'utf8');
  assert.equal(bytes, text.length + 40);
  assert.deepEqual(
    check(text, { maxFileSize: text.length + 10 }).map((p) => p.code),
    ['file-too-large'],
  );
  assert.deepEqual(check(text, { maxFileSize: bytes }), []);
});

test('the default maxFileSize is 8 MB', () => {
  const text = req('GetChannels', `{"filter":"${'a'.repeat(8 * 1024 * 1024)}"}`);
  assert.deepEqual(check(text).map(summarize), [
    { code: 'file-too-large', message: 'This file is larger than maxFileSize (8388608 bytes) and is not checked.', severity: INFORMATION, offset: 0, length: 0 },
  ]);
});

test('a too-large non-payload file gets no diagnostic; an included one does', () => {
  assert.deepEqual(check('{"a":"' + 'b'.repeat(100) + '"}', { maxFileSize: 50 }), []);
  assert.deepEqual(
    check('{"a":"' + 'b'.repeat(100) + '"}', { maxFileSize: 50, included: true }).map((p) => p.code),
    ['file-too-large'],
  );
});

test('a 5 MB string value completes (each check looks at the length first)', () => {
  const big = 'a'.repeat(5 * 1024 * 1024);
  const text = `{"method":"AddChannel","params":{"SIP":{"name":"${big}","hostname":"${big}","login":"${big}","notes":"${big}","inviteIP":"${big}","callerID":"${big}","port":"${big}","password":"${big}","dtmfModeX":1}}}`;
  const problems = check(text, { maxFileSize: 64 * 1024 * 1024 });
  // Every 5 MB value is invalid except the password (letters only, no upper limit); the unknown key
  // still gets its warning. Each of the seven errors covers its whole value (quotes included).
  assert.deepEqual(
    problems.map((p) => p.code),
    ['605', '606', '310', '313', '864', '611', '612', 'unknown-parameter'],
  );
  assert.ok(problems.slice(0, 7).every((p) => p.length === big.length + 2));
});

// Unknown parameters: warnings, with a did-you-mean suggestion in data.
runCases('unknown parameters', [
  {
    name: 'dtmfMode -> unknown-parameter suggesting dtmf',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A",${OPEN}"dtmfMode"${CLOSE}:"auto"}}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?", severity: WARNING }],
  },
  {
    name: 'a misspelled top-level key -> suggests params',
    payload: `{"method":"DelChannel","params":{"ID":1},${OPEN}"param"${CLOSE}:{}}`,
    expect: [{ code: 'unknown-parameter', message: 'Unknown key \'param\' in the DelChannel request; parameters go inside "params". Did you mean \'params\'?', severity: WARNING }],
  },
  {
    name: 'a parameter written at the top level -> unknown key',
    payload: `{"method":"GetCodecs",${OPEN}"channelID"${CLOSE}:1}`,
    expect: [{ code: 'unknown-parameter', message: 'Unknown key \'channelID\' in the GetCodecs request; parameters go inside "params".', severity: WARNING }],
  },
  { name: 'id, $schema and response are allowed top-level keys', payload: `{"$schema":"./s.json","id":"req-1","method":"GetCodecs","params":{},"response":{"result":"success"}}` },
  {
    name: 'id must be a string',
    payload: `{"method":"GetCodecs","id":${OPEN}7${CLOSE}}`,
    expect: [{ code: 'invalid-value', message: "Invalid value for 'id': expected a string." }],
  },
]);

test('unknown-parameter data carries the parameter and the suggestion', () => {
  const [p] = check(req('AddChannel', '{"SIP":{"name":"Carrier A","dtmfMode":"auto"}}'));
  assert.deepEqual(p.data, { param: 'dtmfMode', suggestion: 'dtmf' });
  assert.equal(p.method, 'AddChannel');
});

// params: optional when nothing is required; must be an object.
runCases('params', [
  { name: 'omitted for a method without required parameters: clean', payload: req('GetChannels') },
  {
    name: 'params an array -> not-an-object on it (no missing-parameter report)',
    payload: req('DelChannel', `${OPEN}[1]${CLOSE}`),
    expect: [{ code: 'not-an-object', message: "'params' must be an object." }],
  },
  {
    name: 'params a string -> not-an-object',
    payload: req('GetCodecs', `${OPEN}"channelID=1"${CLOSE}`),
    expect: [{ code: 'not-an-object', message: "'params' must be an object." }],
  },
  {
    name: 'params null -> not-an-object',
    payload: req('GetCodecs', `${OPEN}null${CLOSE}`),
    expect: [{ code: 'not-an-object', message: "'params' must be an object." }],
  },
  {
    name: 'params omitted with a required parameter -> reported on the method value',
    payload: `{"method":${OPEN}"GetChannelGroupPoll"${CLOSE},"id":"x"}`,
    expect: [{ code: '117', message: 'Request invalid. Missing parameter channelID.' }],
  },
]);

test('a missing parameter carries where to insert it', () => {
  const text = '{"method":"DelChannel","params":{ }}';
  const [p] = check(text);
  assert.equal(p.code, '117');
  assert.equal(p.data?.param, 'ID');
  assert.equal(p.data?.insertInto, text.indexOf('{ }'));
  const [q] = check('{"method":"DelChannel"}');
  assert.equal(q.data?.param, 'ID');
  assert.equal(q.data?.insertInto, undefined, 'no object to insert into');
});

test('analyze reports whether the document is a payload and its requests', () => {
  const a = analyze('[{"method":"GetCodecs"},{"method":"DelChannel","params":{"ID":1}}]');
  assert.equal(a.isPayload, true);
  assert.deepEqual(
    a.requests.map((r) => r.method),
    ['GetCodecs', 'DelChannel'],
  );
  const b = analyze('{"a":1}');
  assert.equal(b.isPayload, false);
  assert.deepEqual(b.requests, []);
  assert.equal(analyze('{"a":1}', { included: true }).isPayload, true);
});

test('SIPNode: any non-empty name, or a positive ID when written as a number (numericStrings: false)', () => {
  const sipNode = (value: string) => check(`{"method":"EditChannel","params":{"ID":1,"SIP":{"SIPNode":${value}}}}`).map((p) => p.code);
  assert.deepEqual(sipNode('"0"'), []);
  assert.deepEqual(sipNode('"-5"'), []);
  assert.deepEqual(sipNode('"node-1"'), []);
  assert.deepEqual(sipNode('3'), []);
  assert.deepEqual(sipNode('0'), ['667']);
  assert.deepEqual(sipNode('-5'), ['667']);
  assert.deepEqual(sipNode('""'), ['667']);
});
