// AddPublicNo, EditPublicNo, GetPublicNo, DelPublicNo, GetPublicNoPoll, AssignPublicNo,
// UnassignPublicNo (spec section 5): item parameters, 117 on an item's `{`, incomingCost (604, not
// 117), too-many / too-few items, duplicates (200), exactly-one / at-most-one user selectors.
// Run: node --import tsx --test test/unit/methods/*.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/core/index';
import { parseRecords } from '../../../server/src/core/engine/records-snapshot';
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
  type ParamRow,
} from '../helpers';

const T600 = 'Invalid assignation method. Here are the values available: stacked, exclusive.';
const T601 = 'Invalid public phone number. The value must be in the phone number format, not empty.';
const T602 = 'Invalid DID (Direct Inward Dialing) number. The value must contain only digits and letters.';
const T603 = 'Invalid monthly cost. Value must be a positive float number of no more than 14 digits.';
const T604 = 'Invalid incoming call cost definition. Sequence must contain a positive float number of no more than 14 digits and a numeric positive value.';
const T625 = 'Invalid DID location.';
const T262 = 'Invalid channel ID.';
const T263 = 'Invalid public phone number ID.';
const T250 = 'Invalid user ID.';
const T623 = 'One or several public phone numbers are outside the records available.';
const missing = (param: string) => `Request invalid. Missing parameter ${param}.`;
/** A records snapshot that holds public numbers (623 is raised for IDs it does not hold). */
const NUMBERS = parseRecords('{"publicNumbers":[{"ID":1,"name":"Main line"}]}').records!;
const conflict = (param: string, first: string) => `Give only one of userID, userIdentifier, extendedNumber: '${param}' conflicts with '${first}'.`;

/** The parameters of a public number (an AddPublicNo item, or EditPublicNo's params). */
const NUMBER_ROWS: ParamRow[] = [
  { param: 'phoneNo', valid: ['"+40211234567"', '"0040211234567"', '40211234567', '"1"'], invalid: ['""', '"+"', '"12-34"', '"+40 21"', '"abc"', '1.5', '-40', 'true'], code: '601', message: T601 },
  { param: 'did', valid: ['"DID1"', '"abc123"', '123'], invalid: ['"ab-1"', '""', '"ab c"', '"+123"', '1.5', 'false'], code: '602', message: T602 },
  { param: 'channelID', valid: ['1', '"2"'], invalid: ['0', '"x"', '1.0', '[1]'], code: '262', message: T262 },
  { param: 'location', valid: ['"Bucharest"', '"a"', str(255), '5'], invalid: ['""', str(256), '9'.repeat(256)], code: '625', message: T625 },
  // A number >= 0 with at most 14 digits, sign and decimal point not counted.
  {
    param: 'cost',
    valid: ['0', '12.5', '"12.5"', '12345678901234', '"1234567890123.4"', '0.0001', '"0"'],
    // 1e2 is judged as written: an exponent is not a digit (see the report's ambiguities).
    invalid: ['-1', '"-1"', '123456789012345', '"1234567890123.45"', '1e2', '"abc"', '""', '"1."', 'true'],
    code: '603',
    message: T603,
  },
  {
    param: 'incomingCost',
    valid: ['{"cost":0.05,"interval":60}', '{"cost":"1","interval":"60"}', '{"cost":0,"interval":1}'],
    // Not such an object -> 604 on the value.
    invalid: ['5', '"0.05/60"', '[0.05, 60]', 'null'],
    code: '604',
    message: T604,
  },
  { param: 'type', valid: ['"exclusive"', '"stacked"'], invalid: ['"Exclusive"', '"shared"', '""', '0'], code: '600', message: T600 },
];

const ITEM = '"phoneNo":"+40211234567","did":"DID1","channelID":1';
const addItem = (param: string, value: string) => {
  const base: Record<string, string> = { phoneNo: '"+40211234567"', did: '"DID1"', channelID: '1' };
  base[param] = value;
  const body = Object.entries(base)
    .map(([k, v]) => `"${k}":${v}`)
    .join(',');
  return req('AddPublicNo', `{"publicNo":[{${body}}]}`);
};
const editNumber = (param: string, value: string) => {
  const base: Record<string, string> = { didID: '5', phoneNo: '"+40211234567"', did: '"DID1"' };
  base[param] = value;
  const body = Object.entries(base)
    .map(([k, v]) => `"${k}":${v}`)
    .join(',');
  return req('EditPublicNo', `{${body}}`);
};

/** incomingCost: a part missing or invalid is 604, never 117 (spec section 5). */
function incomingCostCases(build: (param: string, value: string) => string) {
  return [
    // Spec section 5: an incomingCost that lacks a part is one invalid definition, one 604 on its value.
    { name: 'incomingCost without interval -> 604 on the incomingCost value', payload: build('incomingCost', `${OPEN}{"cost":1}${CLOSE}`), expect: [{ code: '604', message: T604 }] },
    { name: 'incomingCost without cost -> 604 on the incomingCost value', payload: build('incomingCost', `${OPEN}{"interval":60}${CLOSE}`), expect: [{ code: '604', message: T604 }] },
    { name: 'incomingCost {} -> one 604 on the incomingCost value', payload: build('incomingCost', `${OPEN}{}${CLOSE}`), expect: [{ code: '604', message: T604 }] },
    { name: 'incomingCost negative cost -> 604 on the cost', payload: build('incomingCost', `{"cost":${OPEN}-1${CLOSE},"interval":60}`), expect: [{ code: '604', message: T604 }] },
    { name: 'incomingCost 15-digit cost -> 604 on the cost', payload: build('incomingCost', `{"cost":${OPEN}"123456789012345"${CLOSE},"interval":60}`), expect: [{ code: '604', message: T604 }] },
    { name: 'incomingCost interval 0 -> 604 on the interval', payload: build('incomingCost', `{"cost":1,"interval":${OPEN}0${CLOSE}}`), expect: [{ code: '604', message: T604 }] },
    { name: 'incomingCost interval 1.5 -> 604 on the interval', payload: build('incomingCost', `{"cost":1,"interval":${OPEN}1.5${CLOSE}}`), expect: [{ code: '604', message: T604 }] },
    { name: 'incomingCost interval "60s" -> 604 on the interval', payload: build('incomingCost', `{"cost":1,"interval":${OPEN}"60s"${CLOSE}}`), expect: [{ code: '604', message: T604 }] },
    {
      name: 'incomingCost with an unknown key -> unknown-parameter warning only',
      payload: build('incomingCost', `{"cost":1,"interval":60,${OPEN}"currency"${CLOSE}:"EUR"}`),
      expect: [{ code: 'unknown-parameter', message: build === addItem ? "Unknown parameter 'currency' in AddPublicNo publicNo.incomingCost." : "Unknown parameter 'currency' in EditPublicNo incomingCost.", severity: WARNING }],
    },
  ];
}

runCases('AddPublicNo', [
  { name: 'one item in a list is valid', payload: req('AddPublicNo', `{"publicNo":[{${ITEM}}]}`) },
  { name: 'one item written as a single object is valid', payload: req('AddPublicNo', `{"publicNo":{${ITEM}}}`) },
  {
    name: 'every item parameter valid',
    payload: req('AddPublicNo', `{"publicNo":[{${ITEM},"location":"Bucharest","cost":9.99,"incomingCost":{"cost":0.01,"interval":60},"type":"stacked"}]}`),
  },
  ...paramCases(addItem, NUMBER_ROWS),
  ...incomingCostCases(addItem),
  // Required item parameters: AddPublicNo documents 117; reported on the item's opening brace.
  {
    name: 'phoneNo absent -> 117 on the item brace',
    payload: req('AddPublicNo', `{"publicNo":[${OPEN}{${CLOSE}"did":"DID1","channelID":1}]}`),
    expect: [{ code: '117', message: missing('phoneNo') }],
  },
  {
    name: 'did absent -> 117 on the item brace (second item)',
    payload: req('AddPublicNo', `{"publicNo":[{${ITEM}},${OPEN}{${CLOSE}"phoneNo":"+40211234568","channelID":1}]}`),
    expect: [{ code: '117', message: missing('did') }],
  },
  {
    name: 'channelID absent -> 117 on the item brace',
    payload: req('AddPublicNo', `{"publicNo":[${OPEN}{${CLOSE}"phoneNo":"+40211234567","did":"DID1"}]}`),
    expect: [{ code: '117', message: missing('channelID') }],
  },
  {
    name: 'empty item -> 117 for each required parameter, in schema order, on its brace',
    payload: req('AddPublicNo', `{"publicNo":[${OPEN}{${CLOSE}}]}`),
    expect: [
      { code: '117', message: missing('phoneNo'), mark: 0 },
      { code: '117', message: missing('did'), mark: 0 },
      { code: '117', message: missing('channelID'), mark: 0 },
    ],
  },
  {
    // Spec 2.6: a list written as its one item, without brackets, is still an item: the item's brace.
    name: 'single-object item without phoneNo -> 117 on the item brace',
    payload: req('AddPublicNo', `{"publicNo":${OPEN}{${CLOSE}"did":"DID1","channelID":1}}`),
    expect: [{ code: '117', message: missing('phoneNo') }],
  },
  {
    name: 'empty single-object item -> 117 for each required parameter on its brace',
    payload: req('AddPublicNo', `{"publicNo":${OPEN}{${CLOSE}}}`),
    expect: [
      { code: '117', message: missing('phoneNo'), mark: 0 },
      { code: '117', message: missing('did'), mark: 0 },
      { code: '117', message: missing('channelID'), mark: 0 },
    ],
  },
  { name: 'publicNo absent -> 117 on the params key', payload: `{"method":"AddPublicNo",${OPEN}"params"${CLOSE}:{}}`, expect: [{ code: '117', message: missing('publicNo') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"AddPublicNo"${CLOSE}}`, expect: [{ code: '117', message: missing('publicNo') }] },
  // 1 to 10 items.
  {
    name: '10 items are valid',
    payload: req('AddPublicNo', `{"publicNo":[${Array.from({ length: 10 }, (_, i) => `{"phoneNo":"+4021000000${i}","did":"D${i}","channelID":1}`).join(',')}]}`),
  },
  {
    name: '11 items -> too-many-items on the list',
    payload: req('AddPublicNo', `{"publicNo":${OPEN}[${Array.from({ length: 11 }, (_, i) => `{"phoneNo":"+402100000${10 + i}","did":"D${i}","channelID":1}`).join(',')}]${CLOSE}}`),
    expect: [{ code: 'too-many-items', message: "'publicNo' holds 11 items; at most 10 are allowed." }],
  },
  {
    name: 'no item -> too-few-items on the list',
    payload: req('AddPublicNo', `{"publicNo":${OPEN}[]${CLOSE}}`),
    expect: [{ code: 'too-few-items', message: "'publicNo' must hold at least 1 item." }],
  },
  {
    name: 'an item that is not an object -> not-an-object on it',
    payload: req('AddPublicNo', `{"publicNo":[{${ITEM}},${OPEN}"+40211234568"${CLOSE}]}`),
    expect: [{ code: 'not-an-object', message: "'publicNo' must be an object." }],
  },
  {
    name: 'each bad item value gets its own diagnostic',
    payload: req('AddPublicNo', `{"publicNo":[{"phoneNo":${OPEN}"x"${CLOSE},"did":"D1","channelID":1},{"phoneNo":"+1","did":${OPEN}"D-2"${CLOSE},"channelID":${OPEN}0${CLOSE}}]}`),
    expect: [
      { code: '601', message: T601 },
      { code: '602', message: T602 },
      { code: '262', message: T262 },
    ],
  },
  {
    name: 'unknown item parameter, with a suggestion',
    payload: req('AddPublicNo', `{"publicNo":[{${ITEM},${OPEN}"locaton"${CLOSE}:"X"}]}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'locaton' in AddPublicNo publicNo. Did you mean 'location'?", severity: WARNING }],
  },
]);

// 200: the same phoneNo (compared without a leading +) in one file.
runCases('AddPublicNo 200 in one file', [
  {
    name: 'two items of one request, with and without + -> 200 on the second',
    payload: req('AddPublicNo', `{"publicNo":[{"phoneNo":"+40211234567","did":"A","channelID":1},{"phoneNo":${OPEN}"40211234567"${CLOSE},"did":"B","channelID":1}]}`),
    expect: [{ code: '200', message: "Duplicate record. The public number '+40211234567' is also added on line 1 of this file." }],
  },
  {
    name: 'two requests, number and string -> 200 on the second',
    payload: `[
{"method":"AddPublicNo","params":{"publicNo":{"phoneNo":40211234567,"did":"A","channelID":1}}},
{"method":"AddPublicNo","params":{"publicNo":{"phoneNo":${OPEN}"+40211234567"${CLOSE},"did":"B","channelID":1}}}
]`,
    expect: [{ code: '200', message: "Duplicate record. The public number '40211234567' is also added on line 2 of this file." }],
  },
  {
    name: 'different numbers -> no 200',
    payload: req('AddPublicNo', `{"publicNo":[{"phoneNo":"+40211234567","did":"A","channelID":1},{"phoneNo":"+40211234568","did":"A","channelID":1}]}`),
  },
]);

runCases('EditPublicNo', [
  { name: 'required parameters alone are valid', payload: req('EditPublicNo', '{"didID":5,"phoneNo":"+40211234567","did":"DID1"}') },
  {
    name: 'every parameter valid',
    payload: req('EditPublicNo', '{"didID":"5","phoneNo":"40211234567","did":"D1","channelID":2,"location":"Cluj","cost":"0","incomingCost":{"cost":"0.5","interval":30},"type":"exclusive"}'),
  },
  ...paramCases(editNumber, [
    { param: 'didID', valid: ['1', '"5"'], invalid: ['0', '"x"', '5.0', '[5]'], code: '263', message: T263 },
    ...NUMBER_ROWS,
  ]),
  ...incomingCostCases(editNumber),
  { name: 'didID absent -> 117 on the params key', payload: `{"method":"EditPublicNo",${OPEN}"params"${CLOSE}:{"phoneNo":"1","did":"D"}}`, expect: [{ code: '117', message: missing('didID') }] },
  { name: 'phoneNo absent -> 117 on the params key', payload: `{"method":"EditPublicNo",${OPEN}"params"${CLOSE}:{"didID":1,"did":"D"}}`, expect: [{ code: '117', message: missing('phoneNo') }] },
  { name: 'did absent -> 117 on the params key', payload: `{"method":"EditPublicNo",${OPEN}"params"${CLOSE}:{"didID":1,"phoneNo":"1"}}`, expect: [{ code: '117', message: missing('did') }] },
  {
    name: 'params absent -> 117 for each required parameter on the method value',
    payload: `{"method":${OPEN}"EditPublicNo"${CLOSE}}`,
    expect: [
      { code: '117', message: missing('didID'), mark: 0 },
      { code: '117', message: missing('phoneNo'), mark: 0 },
      { code: '117', message: missing('did'), mark: 0 },
    ],
  },
  {
    name: 'EditPublicNo never raises 200 from a file',
    payload: '[{"method":"EditPublicNo","params":{"didID":1,"phoneNo":"1","did":"D"}},{"method":"EditPublicNo","params":{"didID":2,"phoneNo":"1","did":"D"}}]',
  },
]);

runCases('GetPublicNo', [
  { name: 'channelID alone is valid', payload: req('GetPublicNo', '{"channelID":1}') },
  { name: 'every parameter valid', payload: req('GetPublicNo', '{"channelID":1,"inUse":"1","type":"stacked","filter":"40","userID":3}') },
  ...paramCases((p, v) => req('GetPublicNo', `{"channelID":1,"${p}":${v}}`), [
    { param: 'inUse', valid: ['true', '0', '"false"'], invalid: ['"yes"', '3'], code: 'invalid-value', message: invalidValue('inUse', BOOLEAN_EXPECTED) },
    { param: 'type', valid: ['"exclusive"', '"stacked"'], invalid: ['"STACKED"', '1'], code: '600', message: T600 },
    { param: 'filter', valid: ['"40"', '40'], invalid: ['true', '[40]'], code: 'invalid-value', message: invalidValue('filter', TEXT_EXPECTED) },
    { param: 'userID', valid: ['1', '"2"'], invalid: ['0', '"u"', '1.5'], code: '250', message: T250 },
    { param: 'userIdentifier', valid: ['"john"', '7'], invalid: ['null'], code: 'invalid-value', message: invalidValue('userIdentifier', TEXT_EXPECTED) },
    { param: 'extendedNumber', valid: ['"0003*001"', '3001'], invalid: ['false'], code: 'invalid-value', message: invalidValue('extendedNumber', TEXT_EXPECTED) },
  ]),
  ...paramCases((p, v) => req('GetPublicNo', `{"${p}":${v}}`), [
    { param: 'channelID', valid: ['1', '"3"'], invalid: ['0', '"c"', '1e2'], code: '262', message: T262 },
  ]),
  { name: 'channelID absent -> 117 on the params key', payload: `{"method":"GetPublicNo",${OPEN}"params"${CLOSE}:{"type":"stacked"}}`, expect: [{ code: '117', message: missing('channelID') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"GetPublicNo"${CLOSE}}`, expect: [{ code: '117', message: missing('channelID') }] },
  // At most one of userID, userIdentifier, extendedNumber: none is fine.
  { name: 'no user selector is valid (at most one)', payload: req('GetPublicNo', '{"channelID":1}') },
  { name: 'userIdentifier alone is valid', payload: req('GetPublicNo', '{"channelID":1,"userIdentifier":"john"}') },
  {
    name: 'two selectors -> conflicting-parameters on the second key',
    payload: req('GetPublicNo', `{"channelID":1,"userID":1,${OPEN}"userIdentifier"${CLOSE}:"john"}`),
    expect: [{ code: 'conflicting-parameters', message: conflict('userIdentifier', 'userID') }],
  },
  {
    // Reading: the first present selector in the documented order (userID, userIdentifier,
    // extendedNumber) is kept; every other one is flagged on its key, whatever the written order.
    name: 'three selectors -> conflicting-parameters on the two after userID',
    payload: req('GetPublicNo', `{"channelID":1,${OPEN}"extendedNumber"${CLOSE}:"0003*001",${OPEN}"userIdentifier"${CLOSE}:"john","userID":1}`),
    expect: [
      { code: 'conflicting-parameters', message: conflict('extendedNumber', 'userID') },
      { code: 'conflicting-parameters', message: conflict('userIdentifier', 'userID') },
    ],
  },
]);

runCases('DelPublicNo', [
  ...paramCases((p, v) => req('DelPublicNo', `{"${p}":${v}}`), [
    { param: 'ID', valid: ['1', '"1"', '[1,2,3]'], invalid: ['0', '"x"', '1.5', '{}'], code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
  ]),
  {
    name: 'ID list: each bad element its own diagnostic',
    payload: req('DelPublicNo', `{"ID":[${OPEN}"a"${CLOSE},${OPEN}"b"${CLOSE}]}`),
    expect: [
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
    ],
  },
  { name: 'ID [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('DelPublicNo', `{"ID":${OPEN}[]${CLOSE}}`), expect: [{ code: 'too-few-items', message: "'ID' must hold at least 1 item." }] },
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"DelPublicNo",${OPEN}"params"${CLOSE}:{}}`, expect: [{ code: '117', message: missing('ID') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"DelPublicNo"${CLOSE}}`, expect: [{ code: '117', message: missing('ID') }] },
]);

/** Exactly one of userID, userIdentifier, extendedNumber (none -> 117 naming userID). */
function exactlyOneCases(method: string, base: string, userIDCode: string, userIDMessage: string) {
  const params = (rest: string) => `{${[base, rest].filter(Boolean).join(',')}}`;
  return [
    { name: 'userID alone is valid', payload: req(method, params('"userID":3')) },
    { name: 'userIdentifier alone is valid', payload: req(method, params('"userIdentifier":"john"')) },
    { name: 'extendedNumber alone is valid', payload: req(method, params('"extendedNumber":"0003*001"')) },
    ...paramCases((p, v) => req(method, params(`"${p}":${v}`)), [
      { param: 'userID', valid: ['"3"'], invalid: ['0', '"john"', '3.0', '[3]'], code: userIDCode, message: userIDMessage },
      { param: 'userIdentifier', valid: ['""', '5'], invalid: ['{}'], code: 'invalid-value', message: invalidValue('userIdentifier', TEXT_EXPECTED) },
      { param: 'extendedNumber', valid: ['"1"', '1'], invalid: ['true'], code: 'invalid-value', message: invalidValue('extendedNumber', TEXT_EXPECTED) },
    ]),
    {
      name: 'none -> 117 naming userID, on the params key',
      payload: `{"method":"${method}",${OPEN}"params"${CLOSE}:${params('')}}`,
      expect: [{ code: '117', message: missing('userID') }],
    },
    {
      name: 'two -> conflicting-parameters on the second key',
      payload: req(method, params(`"userIdentifier":"john",${OPEN}"extendedNumber"${CLOSE}:"0003*001"`)),
      expect: [{ code: 'conflicting-parameters', message: conflict('extendedNumber', 'userIdentifier') }],
    },
  ];
}

runCases('GetPublicNoPoll', [
  ...exactlyOneCases('GetPublicNoPoll', '', '250', T250),
  // params is optional in the schema, but the exactly-one rule still needs a user: 117 on the method value.
  { name: 'params absent -> 117 naming userID, on the method value', payload: `{"method":${OPEN}"GetPublicNoPoll"${CLOSE}}`, expect: [{ code: '117', message: missing('userID') }] },
]);

runCases('AssignPublicNo', [
  ...exactlyOneCases('AssignPublicNo', '"didID":[1,2]', '250', T250),
  ...paramCases((p, v) => req('AssignPublicNo', `{"${p}":${v},"userID":1}`), [
    { param: 'didID', valid: ['1', '"1"', '[1, "2"]'], invalid: ['0', '"x"', '1.5', '{}'], code: '623', message: T623 },
  ]),
  {
    name: 'didID list: each bad element its own 623',
    payload: req('AssignPublicNo', `{"didID":[${OPEN}0${CLOSE},1,${OPEN}"x"${CLOSE}],"userID":1}`),
    expect: [
      { code: '623', message: T623 },
      { code: '623', message: T623 },
    ],
  },
  // 623 is for IDs the records do not hold; an empty list holds none.
  { name: 'didID [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('AssignPublicNo', `{"didID":${OPEN}[]${CLOSE},"userID":1}`), expect: [{ code: 'too-few-items', message: "'didID' must hold at least 1 item." }] },
  { name: 'didID [] with records -> too-few-items, not 623', payload: req('AssignPublicNo', `{"didID":${OPEN}[]${CLOSE},"userID":1}`), expect: [{ code: 'too-few-items', message: "'didID' must hold at least 1 item." }], options: { records: NUMBERS } },
  { name: 'didID absent -> 117 on the params key', payload: `{"method":"AssignPublicNo",${OPEN}"params"${CLOSE}:{"userID":1}}`, expect: [{ code: '117', message: missing('didID') }] },
  {
    name: 'params {} -> 117 didID then 117 userID, both on the params key',
    payload: `{"method":"AssignPublicNo",${OPEN}"params"${CLOSE}:{}}`,
    expect: [
      { code: '117', message: missing('didID'), mark: 0 },
      { code: '117', message: missing('userID'), mark: 0 },
    ],
  },
  {
    name: 'params absent -> both 117 on the method value',
    payload: `{"method":${OPEN}"AssignPublicNo"${CLOSE}}`,
    expect: [
      { code: '117', message: missing('didID'), mark: 0 },
      { code: '117', message: missing('userID'), mark: 0 },
    ],
  },
]);

runCases('UnassignPublicNo', [
  // UnassignPublicNo documents no 250: a bad userID is invalid-value.
  ...exactlyOneCases('UnassignPublicNo', '"didID":7', 'invalid-value', invalidValue('userID', ANY_EXPECTED)),
  // ... nor 623: a bad didID is invalid-value.
  ...paramCases((p, v) => req('UnassignPublicNo', `{"${p}":${v},"userID":1}`), [
    { param: 'didID', valid: ['1', '[1,2]'], invalid: ['0', '"x"'], code: 'invalid-value', message: invalidValue('didID', ANY_EXPECTED) },
  ]),
  { name: 'didID [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('UnassignPublicNo', `{"didID":${OPEN}[]${CLOSE},"userID":1}`), expect: [{ code: 'too-few-items', message: "'didID' must hold at least 1 item." }] },
  { name: 'didID absent -> 117 on the params key', payload: `{"method":"UnassignPublicNo",${OPEN}"params"${CLOSE}:{"userID":1}}`, expect: [{ code: '117', message: missing('didID') }] },
  {
    name: 'params absent -> both 117 on the method value',
    payload: `{"method":${OPEN}"UnassignPublicNo"${CLOSE}}`,
    expect: [
      { code: '117', message: missing('didID'), mark: 0 },
      { code: '117', message: missing('userID'), mark: 0 },
    ],
  },
]);

test('exactly-one problems carry the parameter for quick fixes', () => {
  const [p] = check(req('GetPublicNoPoll', '{}'));
  assert.equal(p.code, '117');
  assert.equal(p.data?.param, 'userID');
  assert.equal(p.method, 'GetPublicNoPoll');
});
