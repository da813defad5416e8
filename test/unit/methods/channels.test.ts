// AddChannel, EditChannel, GetChannels, DelChannel (spec section 5): every parameter's code and
// exact documented text, required parameters and their "absent ->" codes, enumerations, numbers
// judged as written, list parameters, 628, duplicates (200) and the seed's oddities (607's `\$`,
// AddChannel's `.` vs EditChannel's `,`, 864's `IPs/network '`, EditChannel has no `type`).
// Run: node --import tsx --test test/unit/methods/*.test.ts
import { test } from 'node:test';
import { parseTree } from 'jsonc-parser';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/core/index';
import type { ValueSpec } from '../../../server/src/core/engine/spec';
import type { ValidationContext } from '../../../server/src/core/rules/rule-types';
import { checkValue } from '../../../server/src/core/engine/validate';
import { REQUEST, TreePlaces, treeValue } from '../../../server/src/core/parse/json-values';
import {
  ANY_EXPECTED,
  BOOLEAN_EXPECTED,
  CLOSE,
  OPEN,
  TEXT_EXPECTED,
  WARNING,
  invalidValue,
  paramCases,
  req,
  runCases,
  str,
  unmark,
  type ParamRow,
} from '../helpers';

// The documented texts, typed literally (channel-error-codes.md, AddChannel / EditChannel).
const T605 = 'Invalid channel name. Value can only contain 3 to 255 characters.';
const T606 = 'Invalid hostname/IP address.';
const T612 = 'Invalid SIP port. Value must be numeric, between 1 and 65,536.';
const T864 =
  "Invalid 'Accept calls from IPs/network '. Valid values are: 192.168.*.*, 192.168.0.0/16, 192.168.1.1/16, 192.168.1.1/32, 192.168.0.0/255.255.0.0, 192.168.1.1/255.255.255.255, 192.168.1.1.";
const T310 = 'Invalid login provided.';
const T607_ADD = 'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$.# .';
const T607_EDIT = 'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$,# .';
const T608 = 'Invalid authorization username.';
const T609 = 'Invalid concurrent calls (outgoing+incoming) number. Value must be numeric, bigger than 1 and smaller than 999.';
const T610 = 'Invalid call prefix. Value must follow the phone number format.';
const T611 = 'Invalid callerID for outgoing calls. Value must be 3 to 255 characters long and must follow the phone number format.';
const T613 = 'Invalid proxy host/IP address.';
const T614 = "The 'from user' option is invalid. Value cannot contain more than 255 characters.";
const T615 = "Invalid 'from domain' option.";
const T616 = 'Invalid authorization extension. Value cannot contain more than 255 characters.';
const T617 = 'Invalid flow. Here are the values available: in, out, both.';
const T618 = 'Invalid DTMF mode. Here are the values available: in band, rfc2833, info, auto.';
const T619 = 'Invalid qualify. Value must be a multiple of 100, no bigger than 900.';
const T620 = 'One or several provided codecs are outside the records available.';
const T622 = 'One or several channel groups are outside the records available.';
const T624 = 'Invalid channel type. Here are the values available: SIP, IAX, PRI, ENUM.';
const T626 = 'Invalid session timer. Accepted values: 0 for "Accept", 1 for "Originate", 2 for "Refuse".';
const T627 = 'Invalid session refresher. Accepted values: 0 for "UAS", 1 for "UAC".';
const T628 = 'Invalid minimum session refresh interval. Value must be lower than the value provided by the session refresher interval.';
const T629 = 'Invalid sipTransport. Here are the values available: UDP, TCP.';
const T667 = "Invalid 'SIP Node'.";
const T313 = 'Invalid notes. The value cannot contain more than 1024 characters.';
const T314 = 'Invalid Session refresh interval. Value must be a number between 10 and 84000. (e.g. 3600).';
const T315 = 'Invalid Minimum session refresh interval. Value must be a number between 90 and 84000.';
const T262 = 'Invalid channel ID.';
const T264 = 'Invalid channel group ID.';

const HOST_253 = JSON.stringify(['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(61)].join('.'));
const HOST_254 = JSON.stringify(['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(62)].join('.'));
const ASTRAL_1024 = JSON.stringify('😀'.repeat(1024)); // 1024 code points, 2048 UTF-16 units
const ASTRAL_1025 = JSON.stringify('😀'.repeat(1025));

/** The SIP parameters whose code and text are the same in AddChannel and EditChannel. */
const SIP_ROWS: ParamRow[] = [
  { param: 'name', valid: ['"Carrier B"', '"abc"', str(255), '123', '12345', '1.0', '9'.repeat(80)], invalid: ['"ab"', '""', str(256), '12', '-0', '9'.repeat(256), 'null'], code: '605', message: T605 },
  {
    param: 'hostname',
    valid: ['"203.0.113.10"', '"sip.example.com"', '"localhost"', '"a-b.example"', '"1abc.example"', '"0.0.0.0"', '"255.255.255.255"', HOST_253],
    // A value of only digits and dots must be a valid IPv4 (spec section 3).
    invalid: ['"999.1.1.1"', '"1.2.3"', '"1.2.3.4.5"', '"256.1.1.1"', '"-bad.example.com"', '"bad-.example.com"', '"bad_host.example"', '"two words"', '""', `"${'a'.repeat(64)}.com"`, HOST_254, '203', '{}'],
    code: '606',
    message: T606,
  },
  // Numeric parameters: a JSON number or a string of digits, judged as written (1.0 and 1e2 are not integers).
  { param: 'port', valid: ['5060', '"5060"', '1', '65536', '"00080"'], invalid: ['0', '65537', '"0"', '5060.0', '1e2', '"1e2"', '"50a"', '-1', '""', 'true'], code: '612', message: T612 },
  {
    param: 'inviteIP',
    valid: [
      '"192.168.1.1"',
      '"192.168.*.*"',
      '"10.*.*.*"',
      '"10.0.0.0/8"',
      '"10.0.0.0/0"',
      // Every example that 864 lists is valid (spec section 3), as a list.
      '["192.168.*.*", "192.168.0.0/16", "192.168.1.1/16", "192.168.1.1/32", "192.168.0.0/255.255.0.0", "192.168.1.1/255.255.255.255", "192.168.1.1"]',
    ],
    invalid: ['"192.168.1.1/33"', '"192.*.1.*"', '"192.168.0.0/255.0.255.0"', '"192.168.0.0/"', '"999.1.1.1"', '"sip.example.com"', '""', '{}', '19216811'],
    code: '864',
    message: T864,
  },
  { param: 'login', valid: ['"user1"', str(255), '"a"', '42'], invalid: ['"a b"', '"tab\\there"', '""', str(256), '9'.repeat(256)], code: '310', message: T310 },
  { param: 'authUsername', valid: ['"auth-user"', str(255)], invalid: ['"a b"', '""', str(256), 'false'], code: '608', message: T608 },
  // Integer > 1 and < 999.
  { param: 'concurentCalls', valid: ['2', '998', '"10"'], invalid: ['1', '999', '"1"', '10.0', '"ten"', '-5'], code: '609', message: T609 },
  // Enumerations are case-sensitive unless the spec says "any letter case".
  { param: 'flow', valid: ['"in"', '"out"', '"both"'], invalid: ['"bothh"', '"BOTH"', '"In"', '""', '1'], code: '617', message: T617 },
  { param: 'dtmf', valid: ['"rfc2833"', '"inband"', '"info"', '"auto"', '"in band"'], invalid: ['"RFC2833"', '"In band"', '"inband "', '"dtmf"', '2833'], code: '618', message: T618 },
  { param: 'sipTransport', valid: ['"udp"', '"tcp"', '"UDP"', '"Tcp"'], invalid: ['"tls"', '"udp "', '""', '1'], code: '629', message: T629 },
  // Phone format, 3 to 255 characters.
  { param: 'callerID', valid: ['"+40123"', '"123"', '12345', '"0040212345678"'], invalid: ['"12"', '"+1"', '"12a45"', '"+"', '""', str(256, '1'), '12.5'], code: '611', message: T611 },
  { param: 'fromUser', valid: ['"trunk"', '""', str(255), '5'], invalid: [str(256), '9'.repeat(256)], code: '614', message: T614 },
  { param: 'fromDomain', valid: ['"example.com"', '"198.51.100.7"'], invalid: ['"bad domain"', '"1.2.3"', '""'], code: '615', message: T615 },
  { param: 'authExt', valid: ['"100"', '""', str(255), '100'], invalid: [str(256), '9'.repeat(256)], code: '616', message: T616 },
  // Multiple of 100 in 0-900.
  { param: 'qualify', valid: ['0', '100', '900', '"300"'], invalid: ['150', '1000', '100.0', '1e2', '"1e2"', '-100', '"x"'], code: '619', message: T619 },
  { param: 'prefixCalls', valid: ['"+40"', '40', '"0040"'], invalid: ['""', '"+"', '"4-0"', '"40 "', '4.0'], code: '610', message: T610 },
  { param: 'proxy', valid: ['"proxy.example.com"', '"10.0.0.1"'], invalid: ['"10.0.0.256"', '"proxy..example.com"', '""'], code: '613', message: T613 },
  // "0"/"1"/"2" and the numbers 0, 1, 2 (as written: 1.0 is not 1).
  { param: 'sessionTimers', valid: ['"0"', '"1"', '"2"', '0', '1', '2'], invalid: ['"3"', '3', '"Accept"', '1.0', 'true', '"01"'], code: '626', message: T626 },
  { param: 'sessionRefresher', valid: ['"0"', '"1"', '0', '1'], invalid: ['"2"', '2', '"UAC"', '0.0'], code: '627', message: T627 },
  { param: 'sessionExpire', valid: ['10', '84000', '"3600"'], invalid: ['9', '84001', '3600.5', '"1e3"', '1e3', '"0"'], code: '314', message: T314 },
  { param: 'sessionMinExpire', valid: ['90', '84000', '"1800"'], invalid: ['89', '84001', '"90.0"', '90.0', '"abc"'], code: '315', message: T315 },
  // Lists of ids: an array or a single value.
  { param: 'codecs', valid: ['[1, 3]', '1', '"2"', '["1", 2]', '[]'], invalid: ['0', '"x"', '{}', '1.5', '"1,2"'], code: '620', message: T620 },
  { param: 'channelGroupID', valid: ['[4]', '4', '"7"'], invalid: ['0', '-1', '"g1"', 'true'], code: '622', message: T622 },
  // A non-empty string of at most 255 characters, or an id. Reading: a string of digits is an id
  // (spec 1: numbers may be written as digit strings), so "0" is invalid like 0.
  { param: 'SIPNode', valid: ['"node-1"', '1', '"1"', '"0"', '"-1"', str(255)], invalid: ['""', '0', '-1', '1.5', str(256), 'true', '{}'], code: '667', message: T667 },
  { param: 'notes', valid: ['"note"', '""', str(1024), ASTRAL_1024, '5'], invalid: [str(1025), ASTRAL_1025, '9'.repeat(1025)], code: '313', message: T313 },
  // Booleans have no documented code: invalid-value.
  ...['register', 'paid', 'behindNAT', 'trusted', 'trustRemotePartyID', 'sendRemotePartyID', 'useMD5'].map(
    (param): ParamRow => ({
      param,
      valid: ['true', 'false', '0', '1', '"true"', '"false"', '"0"', '"1"'],
      invalid: ['"yes"', '2', '"TRUE"', '1.0', 'null'],
      code: 'invalid-value',
      message: invalidValue(param, BOOLEAN_EXPECTED),
    }),
  ),
  { param: 'didFromInvite', valid: ['"To"', '""', '5'], invalid: ['true', 'null'], code: 'invalid-value', message: invalidValue('didFromInvite', TEXT_EXPECTED) },
];

const addSip = (param: string, value: string) => req('AddChannel', `{"type":"sip","SIP":{"name":"Carrier A","${param}":${value}}}`);
const editSip = (param: string, value: string) =>
  param === 'name' ? req('EditChannel', `{"ID":7,"SIP":{"name":${value}}}`) : req('EditChannel', `{"ID":7,"SIP":{"${param}":${value}}}`);
const addSipName = (param: string, value: string) => req('AddChannel', `{"SIP":{"${param}":${value}}}`);

runCases(
  'AddChannel SIP',
  // name is built on its own so the row's value is the only name.
  paramCases((param, value) => (param === 'name' ? addSipName(param, value) : addSip(param, value)), SIP_ROWS),
);
runCases('EditChannel SIP', paramCases(editSip, SIP_ROWS));

// 607: the characters listed by each method's own text; the backslash before `$` is not one of them.
const ADD_FORBIDDEN = [';', '/', '?', ':', '@', '&', '=', '+', '$', '.', '#'];
const EDIT_FORBIDDEN = [';', '/', '?', ':', '@', '&', '=', '+', '$', ',', '#'];
runCases(
  'AddChannel SIP',
  paramCases(addSip, [
    {
      param: 'password',
      // AddChannel accepts a `,` (its 607 lists `.` instead) and a backslash.
      // A number is its literal: `1.5` holds a `.`, `1e+5` a `+`.
      valid: ['"s3cret"', '"s3cr,et"', '"back\\\\slash"', '"spa ce"', '"1"', '5', '1e5'],
      invalid: ['""', '1.5', '1e+5', ...ADD_FORBIDDEN.map((c) => JSON.stringify(`pa${c}ss`))],
      code: '607',
      message: T607_ADD,
    },
  ]),
);
runCases(
  'EditChannel SIP',
  paramCases(editSip, [
    {
      param: 'password',
      // EditChannel accepts a `.` (its 607 lists `,` instead) and a backslash.
      valid: ['"s3cret"', '"s3cr.et"', '"back\\\\slash"', '5', '1.5'],
      invalid: ['""', '1e+5', ...EDIT_FORBIDDEN.map((c) => JSON.stringify(`pa${c}ss`))],
      code: '607',
      message: T607_EDIT,
    },
  ]),
);

test('607 texts keep the backslash before $ and differ in . / , (seed oddity)', () => {
  assert.ok(T607_ADD.includes(';/?:@&=+\\$.# .'));
  assert.ok(T607_EDIT.includes(';/?:@&=+\\$,# .'));
  const [add] = check(req('AddChannel', '{"SIP":{"name":"Carrier A","password":"a.b"}}'));
  const [edit] = check(req('EditChannel', '{"ID":1,"SIP":{"password":"a,b"}}'));
  assert.equal(add.message, T607_ADD);
  assert.equal(edit.message, T607_EDIT);
  assert.notEqual(add.message, edit.message);
});

test("864's text keeps the space before the closing quote (seed oddity)", () => {
  const [p] = check(req('AddChannel', '{"SIP":{"name":"Carrier A","inviteIP":"nope"}}'));
  assert.equal(p.code, '864');
  assert.ok(p.message.startsWith("Invalid 'Accept calls from IPs/network '. Valid values are:"));
  assert.equal(p.message, T864);
});

runCases('AddChannel', [
  {
    name: 'the spec example is valid',
    payload: `{
  "method": "AddChannel",          // one of the 24 documented methods
  "params": {                      // the request element's children
    "type": "sip",
    "SIP": { "name": "Carrier A", "hostname": "203.0.113.10", "flow": "both", "dtmf": "rfc2833", "codecs": [1, 3] }
  }
}`,
  },
  {
    name: 'every SIP parameter at once is valid',
    payload: req(
      'AddChannel',
      `{"type":"SIP","SIP":{"name":"Carrier A","hostname":"sip.example.com","port":5060,"inviteIP":["192.168.1.1","10.0.0.0/8"],"login":"u","password":"p,w","authUsername":"a","concurentCalls":30,"flow":"out","dtmf":"in band","sipTransport":"TCP","callerID":"+40212345678","fromUser":"f","fromDomain":"example.com","authExt":"100","qualify":200,"prefixCalls":"0","proxy":"10.0.0.1","sessionTimers":"1","sessionRefresher":1,"sessionExpire":3600,"sessionMinExpire":1800,"codecs":[1,2],"channelGroupID":3,"SIPNode":"node","notes":"n","register":true,"paid":"0","behindNAT":false,"trusted":1,"trustRemotePartyID":"true","sendRemotePartyID":"false","useMD5":0,"didFromInvite":"To"}}`,
    ),
  },
  // type (624): any letter case.
  ...['"sip"', '"iax"', '"pri"', '"enum"', '"SIP"', '"Iax"', '"ENUM"'].map((v) => ({ name: `type ${v} is valid`, payload: req('AddChannel', `{"type":${v},"SIP":{"name":"Carrier A"}}`) })),
  ...['"h323"', '""', '"sip "', '1', 'null', '["sip"]'].map((v) => ({
    name: `type ${v} -> 624`,
    payload: req('AddChannel', `{"type":${OPEN}${v}${CLOSE},"SIP":{"name":"Carrier A"}}`),
    expect: [{ code: '624', message: T624 }],
  })),
  // SIP is required; absent -> 605 (the name is missing), on the key of the object that should hold it.
  { name: 'SIP absent -> 605 on the params key', payload: `{"method":"AddChannel",${OPEN}"params"${CLOSE}:{"type":"sip"}}`, expect: [{ code: '605', message: T605 }] },
  { name: 'params absent -> 605 on the method value', payload: `{"method":${OPEN}"AddChannel"${CLOSE}}`, expect: [{ code: '605', message: T605 }] },
  { name: 'SIP.name absent -> 605 on the SIP key', payload: `{"method":"AddChannel","params":{${OPEN}"SIP"${CLOSE}:{"hostname":"203.0.113.10"}}}`, expect: [{ code: '605', message: T605 }] },
  { name: 'SIP {} -> 605 on the SIP key', payload: `{"method":"AddChannel","params":{${OPEN}"SIP"${CLOSE}:{}}}`, expect: [{ code: '605', message: T605 }] },
  {
    name: 'SIP written as a string -> not-an-object',
    payload: req('AddChannel', `{"SIP":${OPEN}"Carrier A"${CLOSE}}`),
    expect: [{ code: 'not-an-object', message: "'SIP' must be an object." }],
  },
  {
    name: 'SIP written as an array -> not-an-object',
    payload: req('AddChannel', `{"SIP":${OPEN}[{"name":"Carrier A"}]${CLOSE}}`),
    expect: [{ code: 'not-an-object', message: "'SIP' must be an object." }],
  },
  // 628: sessionMinExpire lower than sessionExpire, when both are given and each is valid on its own.
  { name: '628: 1800 < 3600 is valid', payload: req('AddChannel', '{"SIP":{"name":"Carrier A","sessionExpire":3600,"sessionMinExpire":1800}}') },
  { name: '628: strings "1800" < "3600" is valid', payload: req('AddChannel', '{"SIP":{"name":"Carrier A","sessionExpire":"3600","sessionMinExpire":"1800"}}') },
  {
    name: '628: equal values -> 628 on sessionMinExpire',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","sessionExpire":3600,"sessionMinExpire":${OPEN}3600${CLOSE}}}`),
    expect: [{ code: '628', message: T628 }],
  },
  {
    name: '628: greater, written before sessionExpire -> 628 on sessionMinExpire',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","sessionMinExpire":${OPEN}"4000"${CLOSE},"sessionExpire":"3600"}}`),
    expect: [{ code: '628', message: T628 }],
  },
  {
    name: '628: compared as numbers, not as text ("900" vs "10000")',
    payload: req('AddChannel', '{"SIP":{"name":"Carrier A","sessionExpire":"10000","sessionMinExpire":"900"}}'),
  },
  {
    name: '628 not raised when sessionMinExpire is invalid on its own (315 only)',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","sessionExpire":10,"sessionMinExpire":${OPEN}50${CLOSE}}}`),
    expect: [{ code: '315', message: T315 }],
  },
  {
    name: '628 not raised when sessionExpire is invalid on its own (314 only)',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","sessionExpire":${OPEN}5${CLOSE},"sessionMinExpire":100}}`),
    expect: [{ code: '314', message: T314 }],
  },
  { name: '628 not raised with sessionMinExpire alone', payload: req('AddChannel', '{"SIP":{"name":"Carrier A","sessionMinExpire":84000}}') },
  // List parameters: each bad element gets its own diagnostic.
  {
    name: 'codecs: each bad element its own 620',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","codecs":[1,${OPEN}"x"${CLOSE},3,${OPEN}0${CLOSE}]}}`),
    expect: [
      { code: '620', message: T620 },
      { code: '620', message: T620 },
    ],
  },
  {
    name: 'codecs: a nested array is a bad element (620 on it)',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","codecs":[${OPEN}[1]${CLOSE}]}}`),
    expect: [{ code: '620', message: T620 }],
  },
  {
    name: 'inviteIP: each bad element its own 864',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","inviteIP":[${OPEN}"1.2.3"${CLOSE},"192.168.1.1",${OPEN}"192.168.1.1/40"${CLOSE}]}}`),
    expect: [
      { code: '864', message: T864 },
      { code: '864', message: T864 },
    ],
  },
  {
    name: 'channelGroupID: each bad element its own 622',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A","channelGroupID":[${OPEN}1.0${CLOSE},${OPEN}"a"${CLOSE}]}}`),
    expect: [
      { code: '622', message: T622 },
      { code: '622', message: T622 },
    ],
  },
  // Unknown parameters: warnings, with a did-you-mean when close.
  {
    name: 'dtmfMode -> unknown-parameter, suggesting dtmf',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A",${OPEN}"dtmfMode"${CLOSE}:"rfc2833"}}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'dtmfMode' in AddChannel SIP. Did you mean 'dtmf'?", severity: WARNING }],
  },
  {
    name: 'concurrentCalls (two r) -> unknown-parameter, suggesting concurentCalls',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A",${OPEN}"concurrentCalls"${CLOSE}:10}}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'concurrentCalls' in AddChannel SIP. Did you mean 'concurentCalls'?", severity: WARNING }],
  },
  {
    name: 'a SIP parameter written in params -> unknown-parameter (no suggestion)',
    payload: req('AddChannel', `{"SIP":{"name":"Carrier A"},${OPEN}"hostname"${CLOSE}:"203.0.113.10"}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'hostname' in AddChannel.", severity: WARNING }],
  },
  // Several problems in one request, each on its own value.
  {
    name: 'several bad values, each with its own code and range',
    payload: req('AddChannel', `{"type":${OPEN}"x"${CLOSE},"SIP":{"name":${OPEN}"ab"${CLOSE},"flow":${OPEN}"bothh"${CLOSE},"port":${OPEN}1.0${CLOSE},"qualify":${OPEN}"1e2"${CLOSE}}}`),
    expect: [
      { code: '624', message: T624 },
      { code: '605', message: T605 },
      { code: '617', message: T617 },
      { code: '612', message: T612 },
      { code: '619', message: T619 },
    ],
  },
]);

// 200: the same SIP.name twice (trimmed, any letter case) in one file -> on every request after the first.
runCases('AddChannel 200 in one file', [
  {
    name: 'same name, other case and spaces -> 200 on the second, naming the first line',
    payload: `[
  {"method":"AddChannel","params":{"SIP":{"name":"Carrier A"}}},
  {"method":"AddChannel","params":{"SIP":{"name":${OPEN}" carrier a "${CLOSE}}}}
]`,
    expect: [{ code: '200', message: "Duplicate record. A channel named 'Carrier A' is also added on line 2 of this file." }],
  },
  {
    name: 'three times -> 200 on the second and the third',
    payload: `[{"method":"AddChannel","params":{"SIP":{"name":"Trunk"}}},
{"method":"AddChannel","params":{"SIP":{"name":${OPEN}"TRUNK"${CLOSE}}}},
{"method":"AddChannel","params":{"SIP":{"name":${OPEN}"Trunk"${CLOSE}}}}]`,
    expect: [
      { code: '200', message: "Duplicate record. A channel named 'Trunk' is also added on line 1 of this file." },
      { code: '200', message: "Duplicate record. A channel named 'Trunk' is also added on line 1 of this file." },
    ],
  },
  {
    name: 'CRLF line endings: the line of the first is counted right',
    payload: `[\r\n{"method":"AddChannel","params":{"SIP":{"name":"Carrier A"}}},\r\n{"method":"AddChannel","params":{"SIP":{"name":${OPEN}"Carrier A"${CLOSE}}}}\r\n]`,
    expect: [{ code: '200', message: "Duplicate record. A channel named 'Carrier A' is also added on line 2 of this file." }],
  },
  {
    name: 'different names -> no 200',
    payload: '[{"method":"AddChannel","params":{"SIP":{"name":"Carrier A"}}},{"method":"AddChannel","params":{"SIP":{"name":"Carrier B"}}}]',
  },
  {
    name: 'an EditChannel with the same name is not a duplicate (EditChannel never raises 200 from a file)',
    payload: '[{"method":"AddChannel","params":{"SIP":{"name":"Carrier A"}}},{"method":"EditChannel","params":{"ID":1,"SIP":{"name":"Carrier A"}}}]',
  },
  {
    // $ patterns in a name are shown as written (not as String.replace patterns).
    name: "a name with $& and $$ is shown as written in 200's detail",
    payload: `[{"method":"AddChannel","params":{"SIP":{"name":"A$&B $$"}}},{"method":"AddChannel","params":{"SIP":{"name":${OPEN}"a$&b $$"${CLOSE}}}}]`,
    expect: [{ code: '200', message: "Duplicate record. A channel named 'A$&B $$' is also added on line 1 of this file." }],
  },
]);

runCases('EditChannel', [
  { name: 'ID and an empty SIP are valid (no SIP parameter is required)', payload: req('EditChannel', '{"ID":1,"SIP":{}}') },
  { name: 'ID alone is valid', payload: req('EditChannel', '{"ID":"12"}') },
  // A value with leading zeros is still a positive integer written with digits only.
  { name: 'ID "007" is valid', payload: req('EditChannel', '{"ID":"007"}') },
  ...['0', '"0"', '-1', '1.0', '1e2', '"1e2"', '"x"', '[1]', 'true', 'null', '""'].map((v) => ({
    name: `ID ${v} -> 262`,
    payload: req('EditChannel', `{"ID":${OPEN}${v}${CLOSE}}`),
    expect: [{ code: '262', message: T262 }],
  })),
  // 117 precedence: EditChannel documents 117.
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"EditChannel",${OPEN}"params"${CLOSE}:{"SIP":{}}}`, expect: [{ code: '117', message: 'Request invalid. Missing parameter ID.' }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"EditChannel"${CLOSE}}`, expect: [{ code: '117', message: 'Request invalid. Missing parameter ID.' }] },
  // EditChannel has no `type` (624 is not documented for it).
  {
    name: 'type -> unknown-parameter warning, never 624',
    payload: req('EditChannel', `{"ID":1,${OPEN}"type"${CLOSE}:"bogus"}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'type' in EditChannel.", severity: WARNING }],
  },
  {
    name: '628 applies to EditChannel too',
    payload: req('EditChannel', `{"ID":1,"SIP":{"sessionExpire":"100","sessionMinExpire":${OPEN}100${CLOSE}}}`),
    expect: [{ code: '628', message: T628 }],
  },
  {
    name: 'SIP not an object -> not-an-object',
    payload: req('EditChannel', `{"ID":1,"SIP":${OPEN}true${CLOSE}}`),
    expect: [{ code: 'not-an-object', message: "'SIP' must be an object." }],
  },
]);

runCases('GetChannels', [
  { name: 'no params is valid', payload: req('GetChannels') },
  { name: 'empty params is valid', payload: req('GetChannels', '{}') },
  { name: 'every parameter valid', payload: req('GetChannels', '{"groupID":3,"enabled":true,"flow":"in","filter":"Carrier"}') },
  ...paramCases((p, v) => req('GetChannels', `{"${p}":${v}}`), [
    { param: 'groupID', valid: ['1', '"2"'], invalid: ['0', '"a"', '2.5', '[1]'], code: '264', message: T264 },
    { param: 'enabled', valid: ['true', 'false', '0', '1', '"true"', '"false"', '"0"', '"1"'], invalid: ['"yes"', '2'], code: 'invalid-value', message: invalidValue('enabled', BOOLEAN_EXPECTED) },
    // 617 is not documented for GetChannels: a bad flow is invalid-value.
    { param: 'flow', valid: ['"in"', '"out"', '"both"'], invalid: ['"bothh"', '"IN"', '3'], code: 'invalid-value', message: invalidValue('flow', 'one of "in", "out", "both"') },
    { param: 'filter', valid: ['"abc"', '""', '5'], invalid: ['true', '{}'], code: 'invalid-value', message: invalidValue('filter', TEXT_EXPECTED) },
  ]),
]);

test('GetChannels never raises 617 (not documented for it)', () => {
  const problems = check(req('GetChannels', '{"flow":"sideways"}'));
  assert.deepEqual(
    problems.map((p) => p.code),
    ['invalid-value'],
  );
  assert.deepEqual(problems[0].data?.allowed, ['in', 'out', 'both']);
});

test('a boolean invalid-value names every accepted form, while its fixes (data.allowed) offer only true and false', () => {
  const problems = check(req('GetChannels', '{"enabled":"yes"}'));
  assert.deepEqual(problems.map((p) => [p.code, p.message]), [['invalid-value', `Invalid value for 'enabled': expected one of true, false, 0, 1, "true", "false", "0", "1".`]]);
  assert.deepEqual(problems[0].data?.allowed, [true, false]);
});

test('an invalid-value of an enumeration in any letter case says so (no schema has one without a code today)', () => {
  const spec: ValueSpec = { name: 'transport', types: new Set(['string']), enum: ['udp', 'tcp'], ignoreCase: true, preferredValues: ['udp', 'tcp'] };
  const tree = parseTree('{"transport":"x"}')!;
  const ctx: ValidationContext = { method: 'GetChannels', problems: [], places: new TreePlaces(() => tree) };
  const object = treeValue(tree, '{"transport":"x"}') as Record<string, unknown>;
  assert.equal(checkValue(object.transport, spec, ctx, REQUEST, 'transport'), false);
  assert.deepEqual(ctx.problems.map((p) => p.message), [`Invalid value for 'transport': expected one of "udp", "tcp" (any letter case).`]);
});

runCases('DelChannel', [
  ...paramCases((p, v) => req('DelChannel', `{"${p}":${v}}`), [
    { param: 'ID', valid: ['1', '"2"', '[1, 2, "3"]'], invalid: ['0', '"x"', '1.5', '{}'], code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
  ]),
  {
    name: 'ID list: each bad element its own diagnostic',
    payload: req('DelChannel', `{"ID":[1,${OPEN}"x"${CLOSE},${OPEN}0${CLOSE},4]}`),
    expect: [
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
    ],
  },
  { name: 'ID [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('DelChannel', `{"ID":${OPEN}[]${CLOSE}}`), expect: [{ code: 'too-few-items', message: "'ID' must hold at least 1 item." }] },
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"DelChannel",${OPEN}"params"${CLOSE}:{}}`, expect: [{ code: '117', message: 'Request invalid. Missing parameter ID.' }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"DelChannel"${CLOSE}}`, expect: [{ code: '117', message: 'Request invalid. Missing parameter ID.' }] },
]);

test('marker helper: spans are exact (sanity of the tables above)', () => {
  const { text, spans } = unmark(`{"a":${OPEN}"b"${CLOSE},"c":${OPEN}1${CLOSE}}`);
  assert.equal(text, '{"a":"b","c":1}');
  assert.deepEqual(spans, [
    { offset: 5, length: 3 },
    { offset: 13, length: 1 },
  ]);
});
