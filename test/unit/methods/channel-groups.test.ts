// AddChannelGroup, EditChannelGroup, GetChannelGroups, DelChannelGroup, GetCodecs,
// GetChannelGroupPoll (spec section 5).
// Run: node --import tsx --test test/unit/methods/*.test.ts
import {
  ANY_EXPECTED,
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

const T631 = 'Invalid channel group name. Value must be 3 to 255 characters long.';
const T313 = 'Invalid notes. The value cannot contain more than 1024 characters.';
const T632 = 'One or several channels are outside the records available.';
const T264 = 'Invalid channel group ID.';
const T262 = 'Invalid channel ID.';
const missing = (param: string) => `Request invalid. Missing parameter ${param}.`;

const GROUP_ROWS: ParamRow[] = [
  { param: 'name', valid: ['"Sales"', '"abc"', str(255), '123', '9'.repeat(255)], invalid: ['"ab"', '""', str(256), '12', '-0', '9'.repeat(256), '["Sales"]'], code: '631', message: T631 },
  { param: 'notes', valid: ['"n"', '""', str(1024), '1', '9'.repeat(1024)], invalid: [str(1025), '9'.repeat(1025), 'true'], code: '313', message: T313 },
  { param: 'channelID', valid: ['1', '"2"', '[1, 2]', '[]'], invalid: ['0', '"a"', '1.0', '{}'], code: '632', message: T632 },
];

runCases('AddChannelGroup', [
  { name: 'name alone is valid', payload: req('AddChannelGroup', '{"name":"Sales"}') },
  { name: 'every parameter valid', payload: req('AddChannelGroup', '{"name":"Sales","notes":"EU trunks","channelID":[1,2,3]}') },
  ...paramCases((p, v) => (p === 'name' ? req('AddChannelGroup', `{"name":${v}}`) : req('AddChannelGroup', `{"name":"Sales","${p}":${v}}`)), GROUP_ROWS),
  // The name is required; AddChannelGroup documents 117 (spec: absent -> 117).
  { name: 'name absent -> 117 on the params key', payload: `{"method":"AddChannelGroup",${OPEN}"params"${CLOSE}:{"notes":"x"}}`, expect: [{ code: '117', message: missing('name') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"AddChannelGroup"${CLOSE}}`, expect: [{ code: '117', message: missing('name') }] },
  {
    name: 'channelID list: each bad element its own 632',
    payload: req('AddChannelGroup', `{"name":"Sales","channelID":[${OPEN}0${CLOSE},1,${OPEN}"b"${CLOSE}]}`),
    expect: [
      { code: '632', message: T632 },
      { code: '632', message: T632 },
    ],
  },
  {
    name: 'unknown parameter with a suggestion',
    payload: req('AddChannelGroup', `{"name":"Sales",${OPEN}"channelIDs"${CLOSE}:[1]}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'channelIDs' in AddChannelGroup. Did you mean 'channelID'?", severity: WARNING }],
  },
  {
    name: 'params not an object -> not-an-object (and no 117)',
    payload: req('AddChannelGroup', `${OPEN}"Sales"${CLOSE}`),
    expect: [{ code: 'not-an-object', message: "'params' must be an object." }],
  },
]);

// Duplicate group names (trimmed, any letter case) in one file -> 200 after the first.
runCases('AddChannelGroup 200 in one file', [
  {
    name: 'same name -> 200 on the second',
    payload: `[{"method":"AddChannelGroup","params":{"name":"Sales"}},
{"method":"AddChannelGroup","params":{"name":${OPEN}"SALES "${CLOSE}}}]`,
    expect: [{ code: '200', message: "Duplicate record. A channel group named 'Sales' is also added on line 1 of this file." }],
  },
  { name: 'different names -> no 200', payload: '[{"method":"AddChannelGroup","params":{"name":"Sales"}},{"method":"AddChannelGroup","params":{"name":"Support"}}]' },
  {
    name: 'a channel and a channel group may share a name',
    payload: '[{"method":"AddChannelGroup","params":{"name":"Sales"}},{"method":"AddChannel","params":{"SIP":{"name":"Sales"}}}]',
  },
]);

runCases('EditChannelGroup', [
  { name: 'ID alone is valid', payload: req('EditChannelGroup', '{"ID":4}') },
  { name: 'every parameter valid', payload: req('EditChannelGroup', '{"ID":"4","name":"Sales","notes":"","channelID":5}') },
  ...paramCases((p, v) => req('EditChannelGroup', `{"ID":4,"${p}":${v}}`), GROUP_ROWS),
  ...paramCases((p, v) => req('EditChannelGroup', `{"${p}":${v}}`), [
    { param: 'ID', valid: ['1', '"99"'], invalid: ['0', '"x"', '1e2', '[4]', '-4'], code: '264', message: T264 },
  ]),
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"EditChannelGroup",${OPEN}"params"${CLOSE}:{"name":"Sales"}}`, expect: [{ code: '117', message: missing('ID') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"EditChannelGroup"${CLOSE}}`, expect: [{ code: '117', message: missing('ID') }] },
  {
    name: 'EditChannelGroup never raises 200 from a file (same name twice)',
    payload: '[{"method":"EditChannelGroup","params":{"ID":1,"name":"Sales"}},{"method":"EditChannelGroup","params":{"ID":2,"name":"Sales"}}]',
  },
]);

runCases('GetChannelGroups', [
  { name: 'no params is valid', payload: req('GetChannelGroups') },
  { name: 'both parameters valid', payload: req('GetChannelGroups', '{"channelID":1,"filter":"Sa"}') },
  ...paramCases((p, v) => req('GetChannelGroups', `{"${p}":${v}}`), [
    { param: 'channelID', valid: ['1', '"1"'], invalid: ['0', '"one"', '1.5', '[1]'], code: '262', message: T262 },
    { param: 'filter', valid: ['"x"', '1'], invalid: ['true', 'null'], code: 'invalid-value', message: invalidValue('filter', TEXT_EXPECTED) },
  ]),
]);

runCases('DelChannelGroup', [
  ...paramCases((p, v) => req('DelChannelGroup', `{"${p}":${v}}`), [
    { param: 'ID', valid: ['1', '[1,2]', '"3"'], invalid: ['0', '"g"', '2.0', 'true'], code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
  ]),
  {
    name: 'ID list: each bad element its own diagnostic',
    payload: req('DelChannelGroup', `{"ID":[${OPEN}-1${CLOSE},2,${OPEN}null${CLOSE}]}`),
    expect: [
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
      { code: 'invalid-value', message: invalidValue('ID', ANY_EXPECTED) },
    ],
  },
  { name: 'ID [] -> too-few-items on the list (spec 1: a required list given empty)', payload: req('DelChannelGroup', `{"ID":${OPEN}[]${CLOSE}}`), expect: [{ code: 'too-few-items', message: "'ID' must hold at least 1 item." }] },
  { name: 'ID absent -> 117 on the params key', payload: `{"method":"DelChannelGroup",${OPEN}"params"${CLOSE}:{}}`, expect: [{ code: '117', message: missing('ID') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"DelChannelGroup"${CLOSE}}`, expect: [{ code: '117', message: missing('ID') }] },
]);

runCases('GetCodecs', [
  { name: 'no params is valid', payload: req('GetCodecs') },
  { name: 'empty params is valid', payload: req('GetCodecs', '{}') },
  ...paramCases((p, v) => req('GetCodecs', `{"${p}":${v}}`), [
    { param: 'channelID', valid: ['1', '"12"', '"0012"'], invalid: ['0', '"x"', '1.0', '1e2', '-3', '[1]', '{}'], code: '262', message: T262 },
  ]),
  {
    name: 'unknown parameter with a suggestion',
    payload: req('GetCodecs', `{${OPEN}"chanelID"${CLOSE}:1}`),
    expect: [{ code: 'unknown-parameter', message: "Unknown parameter 'chanelID' in GetCodecs. Did you mean 'channelID'?", severity: WARNING }],
  },
]);

runCases('GetChannelGroupPoll', [
  { name: 'channelID valid', payload: req('GetChannelGroupPoll', '{"channelID":3}') },
  ...paramCases((p, v) => req('GetChannelGroupPoll', `{"${p}":${v}}`), [
    { param: 'channelID', valid: ['1', '"2"'], invalid: ['0', '"a"', '2.5', '[3]'], code: '262', message: T262 },
  ]),
  { name: 'channelID absent -> 117 on the params key', payload: `{"method":"GetChannelGroupPoll",${OPEN}"params"${CLOSE}:{}}`, expect: [{ code: '117', message: missing('channelID') }] },
  { name: 'params absent -> 117 on the method value', payload: `{"method":${OPEN}"GetChannelGroupPoll"${CLOSE}}`, expect: [{ code: '117', message: missing('channelID') }] },
]);
