// AddCallRulesOutGroup, AddCallRulesOut, EditCallRulesOutGroup, GetCallRulesOutGroup,
// GetCallRulesOut, DelCallRulesOutGroup, DelCallRulesOut (spec section 5), and the rule item.
// Run: node --import tsx --test test/unit/methods/*.test.ts
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

const T641 = 'Invalid name. Accepted values: letters,_,-,., and space.';
const T642 = 'Invalid action. Available value: block, transfer, process, portability.';
const T643 = 'Invalid position. Value cannot contain more than 4 digits and must be bigger than or equal to 0.';
const T644 = 'Invalid position to insert digits. Value must be a number of no more than 30 digits.';
const T645 = "Invalid 'coming from' option. Value accepted: digits and * .";
const T646 = 'Invalid number. Value can only contain +*XZN.[0-9] characters and cannot be more than 255 characters long.';
const T647 = 'Invalid time interval. Value is outside the records available.';
const T648 = 'Invalid prefix operation. Here are the values: prefix, replace, add, and subtract.';
const T649 = 'Invalid prefix/replace option. Values for prefix or replace cannot contain more than 30 digits and must follow the phone format.';
const T650 = 'Invalid channel ID. Value is outside the records available.';
const T652 = 'Invalid number of digits to be deleted. Value must be numeric, smaller than or equal to 30.';
const T653 = 'Invalid position to insert/delete digits. Value must be numeric, smaller than or equal to 30 and bigger than 0.';
const T654 = 'Invalid insert number. Value must be a number of no more than 30 digits.';
const T655 = 'One or several rule IDs are outside the records available.';
const T656 = 'Invalid portability engine. Please enter an alphanumeric value of no more than 16 characters.';
const T260 = 'Invalid outgoing routing rules group ID.';
const missing = (param: string) => `Request invalid. Missing parameter ${param}.`;

const D30 = '"' + '1'.repeat(30) + '"';
const D31 = '"' + '1'.repeat(31) + '"';

/** The rule item's parameters (same codes and texts in the three methods that take rules). */
const RULE_ROWS: ParamRow[] = [
  { param: 'action', valid: ['"block"', '"transfer"', '"process"', '"portability"'], invalid: ['"Block"', '"drop"', '""', '1'], code: '642', message: T642 },
  { param: 'engine', valid: ['"mnp1"', '"ABC"', str(16, 'e'), '5', '1e5', '9'.repeat(16)], invalid: [str(17, 'e'), '"mnp-1"', '"m p"', '""', '1.5', '-5', '9'.repeat(17)], code: '656', message: T656 },
  { param: 'number', valid: ['"+*XZN.0123456789"', '"0040XXXXXXXXX"', '5551234', '"1"', str(255, '9')], invalid: ['"Y1"', '"12#"', '""', str(256, '9'), '"x"', 'true'], code: '646', message: T646 },
  { param: 'intervalID', valid: ['1', '"2"'], invalid: ['0', '"night"', '1.0', '[1]'], code: '647', message: T647 },
  { param: 'comingFrom', valid: ['"*12"', '"0"', '12', '"***"'], invalid: ['"12#"', '""', '"1 2"', '-1'], code: '645', message: T645 },
  { param: 'channelID', valid: ['1', '"3"'], invalid: ['0', '"c1"', '2.0'], code: '650', message: T650 },
  // "subtract" (the documented spelling) is also accepted; case-sensitive.
  ...['prefixOperation', 'callerIDPrefixOperation'].map(
    (param): ParamRow => ({ param, valid: ['"prefix"', '"replace"', '"add"', '"substract"', '"subtract"'], invalid: ['"Prefix"', '"remove"', '""', '0'], code: '648', message: T648 }),
  ),
  // Phone format with at most 30 digits.
  ...['prefix', 'callerIDPrefix'].map(
    (param): ParamRow => ({ param, valid: ['"+40"', '40', '"0"', '"+' + '1'.repeat(30) + '"', D30], invalid: ['"+' + '1'.repeat(31) + '"', D31, '""', '"+"', '"4-0"', '4.5'], code: '649', message: T649 }),
  ),
  // Integer 0-30.
  ...['digits', 'callerIDDigits'].map((param): ParamRow => ({ param, valid: ['0', '30', '"15"'], invalid: ['31', '-1', '1.0', '"x"', '""'], code: '652', message: T652 })),
  // Integer 1-30.
  ...['digitsAfter', 'callerIDDigitsAfter'].map((param): ParamRow => ({ param, valid: ['1', '30', '"2"'], invalid: ['0', '31', '"0"', '2.0', '1e1'], code: '653', message: T653 })),
  // digits(30): the written digits are counted, leading zeros included.
  ...['numberAdd', 'callerIDNumberAdd'].map(
    (param): ParamRow => ({ param, valid: ['"0040"', '12', D30, '"' + '0'.repeat(29) + '1"'], invalid: [D31, '"0' + '1'.repeat(30) + '"', '"+40"', '""', '1.5'], code: '654', message: T654 }),
  ),
  ...['digitsAfterAdd', 'callerIDDigitsAfterAdd'].map((param): ParamRow => ({ param, valid: ['3', '"3"', D30], invalid: [D31, '"a"', '-3', '3.0'], code: '644', message: T644 })),
  // Integer 0-9999: at most 4 written digits.
  { param: 'position', valid: ['0', '9999', '"0001"', '"42"'], invalid: ['10000', '"00001"', '-1', '1.5', '"p"'], code: '643', message: T643 },
  { param: 'callerIDMatch', valid: ['"0040*"', '""', '40'], invalid: ['true', 'null'], code: 'invalid-value', message: invalidValue('callerIDMatch', TEXT_EXPECTED) },
  { param: 'final', valid: ['true', '"0"', '1'], invalid: ['"yes"', '"no"'], code: 'invalid-value', message: invalidValue('final', BOOLEAN_EXPECTED) },
];

const FULL_RULE =
  '{"action":"transfer","engine":"mnp","number":"0040XXXXXXXXX","intervalID":1,"comingFrom":"*","channelID":2,"prefixOperation":"replace","prefix":"+40","digits":4,"digitsAfter":1,"numberAdd":"00","digitsAfterAdd":"1","callerIDPrefixOperation":"subtract","callerIDPrefix":"0","callerIDDigits":0,"callerIDDigitsAfter":30,"callerIDNumberAdd":1,"callerIDDigitsAfterAdd":2,"position":10,"callerIDMatch":"+40","final":false}';

/** The rule tables for a method; `wrap` places the rules list in a valid request. */
function ruleCases(method: string, wrap: (rules: string) => string, numberMissing: { code: string; message: string }) {
  const build = (param: string, value: string) => (param === 'number' ? wrap(`[{"number":${value}}]`) : wrap(`[{"number":"1","${param}":${value}}]`));
  return [
    { name: 'a rule with every parameter is valid', payload: wrap(`[${FULL_RULE}]`) },
    { name: 'one rule written as a single object is valid', payload: wrap('{"action":"block","number":"0900X"}') },
    ...paramCases(build, RULE_ROWS),
    // number is required in a rule; reported on the item's opening brace.
    { name: `number absent -> ${numberMissing.code} on the item brace`, payload: wrap(`[{"number":"1"},${OPEN}{${CLOSE}"action":"block"}]`), expect: [numberMissing] },
    // Spec 2.6: a rule written as the list's one item, without brackets, is still an item.
    { name: `number absent in a single-object rule -> ${numberMissing.code} on its brace`, payload: wrap(`${OPEN}{${CLOSE}"action":"block"}`), expect: [numberMissing] },
    {
      name: 'each bad rule value gets its own diagnostic, across rules',
      payload: wrap(`[{"number":${OPEN}"A"${CLOSE},"action":${OPEN}"drop"${CLOSE}},{"number":"1","digits":${OPEN}31${CLOSE}}]`),
      expect: [
        { code: '646', message: T646 },
        { code: '642', message: T642 },
        { code: '652', message: T652 },
      ],
    },
    { name: 'a rule that is not an object -> not-an-object', payload: wrap(`[${OPEN}"block 0900"${CLOSE}]`), expect: [{ code: 'not-an-object', message: "'rules' must be an object." }] },
    {
      name: 'unknown rule parameter, with a suggestion',
      payload: wrap(`[{"number":"1",${OPEN}"actions"${CLOSE}:"block"}]`),
      expect: [{ code: 'unknown-parameter', message: `Unknown parameter 'actions' in ${method} rules. Did you mean 'action'?`, severity: WARNING }],
    },
  ];
}

runCases('AddCallRulesOutGroup', [
  { name: 'name alone is valid', payload: req('AddCallRulesOutGroup', '{"name":"Main group"}') },
  { name: 'every parameter valid', payload: req('AddCallRulesOutGroup', '{"name":"a_b-c.d e","userID":3,"default":"1","rules":[{"number":"1"}]}') },
  ...paramCases((p, v) => (p === 'name' ? req('AddCallRulesOutGroup', `{"name":${v}}`) : req('AddCallRulesOutGroup', `{"name":"Main","${p}":${v}}`)), [
    // Reading: "letters" are ASCII letters (the schema's [A-Za-z]); "Grüne" is rejected.
    { param: 'name', valid: ['"Main"', '"a_b-c.d e"', '"X"'], invalid: ['"Group1"', '"a/b"', '""', '"Grüne"', '5'], code: '641', message: T641 },
    // AddCallRulesOutGroup documents no 250: a bad userID is invalid-value.
    { param: 'userID', valid: ['1', '"2"'], invalid: ['0', '"me"'], code: 'invalid-value', message: invalidValue('userID', ANY_EXPECTED) },
    { param: 'default', valid: ['true', '"false"', '0'], invalid: ['"yes"', '2'], code: 'invalid-value', message: invalidValue('default', BOOLEAN_EXPECTED) },
  ]),
  // name absent -> 641 (AddCallRulesOutGroup documents no 117).
  { name: 'name absent -> 641 on the params key', payload: `{"method":"AddCallRulesOutGroup",${OPEN}"params"${CLOSE}:{"default":true}}`, expect: [{ code: '641', message: T641 }] },
  { name: 'params absent -> 641 on the method value', payload: `{"method":${OPEN}"AddCallRulesOutGroup"${CLOSE}}`, expect: [{ code: '641', message: T641 }] },
  ...ruleCases('AddCallRulesOutGroup', (rules) => req('AddCallRulesOutGroup', `{"name":"Main","rules":${rules}}`), { code: '646', message: T646 }),
]);

runCases('AddCallRulesOut', [
  { name: 'ID and one rule are valid', payload: req('AddCallRulesOut', '{"ID":1,"rules":[{"number":"0XXX"}]}') },
  ...paramCases((p, v) => req('AddCallRulesOut', `{"${p}":${v},"rules":{"number":"1"}}`), [
    { param: 'ID', valid: ['1', '"2"'], invalid: ['0', '"g"', '1.0', '[1]'], code: '260', message: T260 },
  ]),
  // AddCallRulesOut documents 117.
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"AddCallRulesOut",${OPEN}"params"${CLOSE}:{"rules":{"number":"1"}}}`, expect: [{ code: '117', message: missing('ID') }] },
  { name: 'rules [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('AddCallRulesOut', `{"ID":1,"rules":${OPEN}[]${CLOSE}}`), expect: [{ code: 'too-few-items', message: "'rules' must hold at least 1 item." }] },
  { name: 'rules absent -> 117 on the params key', payload: `{"method":"AddCallRulesOut",${OPEN}"params"${CLOSE}:{"ID":1}}`, expect: [{ code: '117', message: missing('rules') }] },
  {
    name: 'params absent -> 117 ID and 117 rules on the method value',
    payload: `{"method":${OPEN}"AddCallRulesOut"${CLOSE}}`,
    expect: [
      { code: '117', message: missing('ID'), mark: 0 },
      { code: '117', message: missing('rules'), mark: 0 },
    ],
  },
  // A rule's number absent -> 117 (documented here).
  ...ruleCases('AddCallRulesOut', (rules) => req('AddCallRulesOut', `{"ID":1,"rules":${rules}}`), { code: '117', message: missing('number') }),
]);

runCases('EditCallRulesOutGroup', [
  { name: 'ID alone is valid', payload: req('EditCallRulesOutGroup', '{"ID":1}') },
  {
    name: 'every parameter valid',
    payload: req('EditCallRulesOutGroup', '{"ID":"1","name":"Main","status":false,"ruleStatus":[{"ruleID":3,"status":true},{"ruleID":"4"}],"changeOrder":[4,3],"rules":{"number":"1"}}'),
  },
  ...paramCases((p, v) => req('EditCallRulesOutGroup', `{"${p}":${v}}`), [{ param: 'ID', valid: ['1', '"2"'], invalid: ['0', '"g"', '1e2'], code: '260', message: T260 }]),
  ...paramCases((p, v) => req('EditCallRulesOutGroup', `{"ID":1,"${p}":${v}}`), [
    { param: 'name', valid: ['"Main"', '"x y"'], invalid: ['"Main 2"', '""', '1'], code: '641', message: T641 },
    { param: 'status', valid: ['true', '"1"'], invalid: ['"on"'], code: 'invalid-value', message: invalidValue('status', BOOLEAN_EXPECTED) },
    { param: 'changeOrder', valid: ['[3, 1, 2]', '5', '"5"'], invalid: ['0', '"r1"', '1.5'], code: '655', message: T655 },
    // ruleStatus: a list of {ruleID, status} objects.
    { param: 'ruleStatus', valid: ['{"ruleID":1,"status":0}', '[]'], invalid: ['5', '"1:on"'], code: 'not-an-object', message: "'ruleStatus' must be an object." },
  ]),
  ...paramCases((p, v) => req('EditCallRulesOutGroup', `{"ID":1,"ruleStatus":[{"${p}":${v}}]}`), [
    { param: 'ruleID', valid: ['1', '"9"'], invalid: ['0', '"r"', '9.0'], code: '655', message: T655 },
    { param: 'status', valid: ['false', '"true"'], invalid: ['"off"', '2'], code: 'invalid-value', message: invalidValue('status', BOOLEAN_EXPECTED) },
  ]),
  {
    name: 'changeOrder list: each bad element its own 655',
    payload: req('EditCallRulesOutGroup', `{"ID":1,"changeOrder":[1,${OPEN}"x"${CLOSE},${OPEN}0${CLOSE}]}`),
    expect: [
      { code: '655', message: T655 },
      { code: '655', message: T655 },
    ],
  },
  // ID absent -> 260 (EditCallRulesOutGroup documents no 117).
  { name: 'ID absent -> 260 on the params key', payload: `{"method":"EditCallRulesOutGroup",${OPEN}"params"${CLOSE}:{"name":"Main"}}`, expect: [{ code: '260', message: T260 }] },
  { name: 'params absent -> 260 on the method value', payload: `{"method":${OPEN}"EditCallRulesOutGroup"${CLOSE}}`, expect: [{ code: '260', message: T260 }] },
  ...ruleCases('EditCallRulesOutGroup', (rules) => req('EditCallRulesOutGroup', `{"ID":1,"rules":${rules}}`), { code: '646', message: T646 }),
]);

runCases('GetCallRulesOutGroup', [
  { name: 'no params is valid', payload: req('GetCallRulesOutGroup') },
  { name: 'every parameter valid', payload: req('GetCallRulesOutGroup', '{"userID":1,"status":true,"filter":"Ma"}') },
  ...paramCases((p, v) => req('GetCallRulesOutGroup', `{"${p}":${v}}`), [
    { param: 'userID', valid: ['1', '"1"'], invalid: ['0', '"u"', '1.5'], code: 'invalid-value', message: invalidValue('userID', ANY_EXPECTED) },
    { param: 'status', valid: ['false', '"0"'], invalid: ['"disabled"'], code: 'invalid-value', message: invalidValue('status', BOOLEAN_EXPECTED) },
    { param: 'filter', valid: ['"M"', '1'], invalid: ['false', '[]'], code: 'invalid-value', message: invalidValue('filter', TEXT_EXPECTED) },
  ]),
]);

runCases('GetCallRulesOut', [
  { name: 'no params is valid', payload: req('GetCallRulesOut') },
  ...paramCases((p, v) => req('GetCallRulesOut', `{"${p}":${v}}`), [{ param: 'ID', valid: ['1', '"7"'], invalid: ['0', '"g"', '7.0', '[7]'], code: '260', message: T260 }]),
]);

runCases('DelCallRulesOutGroup', [
  ...paramCases((p, v) => req('DelCallRulesOutGroup', `{"${p}":${v}}`), [
    { param: 'ID', valid: ['1', '[1,2]', '"3"'], invalid: ['0', '"a"', '{}'], code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
  ]),
  {
    name: 'ID list: each bad element its own diagnostic',
    payload: req('DelCallRulesOutGroup', `{"ID":[${OPEN}0${CLOSE},${OPEN}0${CLOSE}]}`),
    expect: [
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
    ],
  },
  { name: 'ID [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('DelCallRulesOutGroup', `{"ID":${OPEN}[]${CLOSE}}`), expect: [{ code: 'too-few-items', message: "'ID' must hold at least 1 item." }] },
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"DelCallRulesOutGroup",${OPEN}"params"${CLOSE}:{}}`, expect: [{ code: '117', message: missing('ID') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"DelCallRulesOutGroup"${CLOSE}}`, expect: [{ code: '117', message: missing('ID') }] },
]);

runCases('DelCallRulesOut', [
  { name: 'ID and rulesGroupID valid', payload: req('DelCallRulesOut', '{"ID":[1,2],"rulesGroupID":3}') },
  ...paramCases((p, v) => req('DelCallRulesOut', `{"${p}":${v}}`), [
    { param: 'ID', valid: ['1', '[1,2]'], invalid: ['0', '"a"'], code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
  ]),
  ...paramCases((p, v) => req('DelCallRulesOut', `{"ID":1,"${p}":${v}}`), [
    { param: 'rulesGroupID', valid: ['1', '"3"'], invalid: ['0', '"g"', '3.0', '[3]'], code: '260', message: T260 },
  ]),
  { name: 'ID [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('DelCallRulesOut', `{"ID":${OPEN}[]${CLOSE}}`), expect: [{ code: 'too-few-items', message: "'ID' must hold at least 1 item." }] },
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"DelCallRulesOut",${OPEN}"params"${CLOSE}:{"rulesGroupID":3}}`, expect: [{ code: '117', message: missing('ID') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"DelCallRulesOut"${CLOSE}}`, expect: [{ code: '117', message: missing('ID') }] },
]);
