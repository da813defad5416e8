// Recorded responses (spec section 7): undocumented-code warnings, text-differs information with
// the documented text in data, placeholders matching any text, codes with leading zeros.
// Run: node --import tsx --test test/unit/engine/*.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../server/src/core/index';
import { CLOSE, INFORMATION, OPEN, WARNING, runCases } from '../helpers';

const withResponse = (method: string, params: string, response: string) => `{"method":"${method}","params":${params},"response":${response}}`;
const differs = (code: string, method: string, text: string) => `This text differs from the documented text of ${code} for ${method}: "${text}"`;
const undocumented = (method: string, written: string) => `${method} does not document code "${written}"; the server cannot answer it to this request.`;

const T607_ADD = 'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$.# .';
const T864 =
  "Invalid 'Accept calls from IPs/network '. Valid values are: 192.168.*.*, 192.168.0.0/16, 192.168.1.1/16, 192.168.1.1/32, 192.168.0.0/255.255.0.0, 192.168.1.1/255.255.255.255, 192.168.1.1.";
const SIP = '{"SIP":{"name":"Carrier A"}}';

runCases('recorded responses', [
  // A SOAP fault with the documented code and text: nothing to say.
  { name: 'a documented fault with its exact text is clean', payload: withResponse('AddChannel', SIP, '{"faultcode":"617","faultstring":"Invalid flow. Here are the values available: in, out, both."}') },
  { name: 'a success result is clean', payload: withResponse('GetCodecs', '{}', '{"result":"success"}') },
  { name: 'a fault code alone is fine', payload: withResponse('GetCodecs', '{}', '{"faultcode":"262"}') },
  // Codes keep their leading zeros; "30" and 30 name the same code as "030".
  { name: 'faultcode "030" with its text (GetCodecs documents 030)', payload: withResponse('GetCodecs', '{}', '{"faultcode":"030","faultstring":"No records."}') },
  { name: 'faultcode "30" is 030', payload: withResponse('GetCodecs', '{}', '{"faultcode":"30","faultstring":"No records."}') },
  { name: 'faultcode 30 (a number) is 030', payload: withResponse('GetCodecs', '{}', '{"faultcode":30,"faultstring":"No records."}') },
  { name: 'faultcode "051" with its text (AssignPublicNo)', payload: withResponse('AssignPublicNo', '{"didID":1,"userID":1}', '{"faultcode":"051","faultstring":"This license key allows only phone terminal extension management."}') },
  {
    name: 'faultcode "30" where 030 is not documented -> undocumented-code, showing what is written',
    payload: withResponse('DelChannel', '{"ID":1}', `{"faultcode":${OPEN}"30"${CLOSE},"faultstring":"No records."}`),
    expect: [{ code: 'undocumented-code', message: undocumented('DelChannel', '30'), severity: WARNING }],
  },
  {
    name: 'faultcode "030" with another text -> text-differs',
    payload: withResponse('GetCodecs', '{}', `{"faultcode":"030","faultstring":${OPEN}"No record"${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('030', 'GetCodecs', 'No records.'), severity: INFORMATION }],
  },
  {
    name: 'faultcode "30" with another text -> text-differs naming 030',
    payload: withResponse('GetCodecs', '{}', `{"faultcode":"30","faultstring":${OPEN}"no records."${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('030', 'GetCodecs', 'No records.'), severity: INFORMATION }],
  },
  // A code the method does not document: a warning on the code, no text comparison.
  {
    name: '617 for GetChannels (not documented there) -> undocumented-code',
    payload: withResponse('GetChannels', '{}', `{"faultcode":${OPEN}"617"${CLOSE},"faultstring":"Invalid flow. Here are the values available: in, out, both."}`),
    expect: [{ code: 'undocumented-code', message: undocumented('GetChannels', '617'), severity: WARNING }],
  },
  {
    name: 'a numeric faultcode not documented -> undocumented-code',
    payload: withResponse('GetCodecs', '{}', `{"faultcode":${OPEN}617${CLOSE},"faultstring":"x"}`),
    expect: [{ code: 'undocumented-code', message: undocumented('GetCodecs', '617'), severity: WARNING }],
  },
  {
    name: "624 for EditChannel (EditChannel has no type) -> undocumented-code",
    payload: withResponse('EditChannel', '{"ID":1}', `{"faultcode":${OPEN}"624"${CLOSE}}`),
    expect: [{ code: 'undocumented-code', message: undocumented('EditChannel', '624'), severity: WARNING }],
  },
  // Texts: the method's own text; placeholders may hold any text.
  {
    name: 'a different text -> text-differs on the faultstring',
    payload: withResponse('AddChannel', SIP, `{"faultcode":"617","faultstring":${OPEN}"Invalid flow."${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('617', 'AddChannel', 'Invalid flow. Here are the values available: in, out, both.'), severity: INFORMATION }],
  },
  { name: '117 with the parameter name in {param}', payload: withResponse('DelChannel', '{"ID":1}', '{"faultcode":"117","faultstring":"Request invalid. Missing parameter ID."}') },
  { name: '117 with an empty {param}', payload: withResponse('DelChannel', '{"ID":1}', '{"faultcode":"117","faultstring":"Request invalid. Missing parameter ."}') },
  {
    name: '117 whose fixed part differs -> text-differs with the template',
    payload: withResponse('DelChannel', '{"ID":1}', `{"faultcode":"117","faultstring":${OPEN}"Missing parameter ID."${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('117', 'DelChannel', 'Request invalid. Missing parameter {param}.'), severity: INFORMATION }],
  },
  { name: '200 with any {object_detail}', payload: withResponse('AddChannel', SIP, '{"faultcode":"200","faultstring":"Duplicate record. A channel named Carrier A already exists."}') },
  { name: '200 with an empty {object_detail}', payload: withResponse('AddChannel', SIP, '{"faultcode":"200","faultstring":"Duplicate record."}') },
  { name: "AssignPublicNo's own 200 text", payload: withResponse('AssignPublicNo', '{"didID":1,"userID":1}', '{"faultcode":"200","faultstring":"Unable to completely assign public phone numbers. Not enough numbers available."}') },
  {
    name: "AssignPublicNo's 200 is not 'Duplicate record.' -> text-differs",
    payload: withResponse('AssignPublicNo', '{"didID":1,"userID":1}', `{"faultcode":"200","faultstring":${OPEN}"Duplicate record."${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('200', 'AssignPublicNo', 'Unable to completely assign public phone numbers. Not enough numbers available.'), severity: INFORMATION }],
  },
  { name: '642 with its {actions}', payload: withResponse('AddCallRulesOut', '{"ID":1,"rules":{"number":"1"}}', '{"faultcode":"642","faultstring":"Invalid action. Available value: block, transfer, process, portability."}') },
  // 607's backslash before $ is part of the text.
  { name: "AddChannel's 607 written with the backslash is clean", payload: withResponse('AddChannel', SIP, `{"faultcode":"607","faultstring":${JSON.stringify(T607_ADD)}}`) },
  {
    name: "AddChannel's 607 without the backslash -> text-differs",
    payload: withResponse('AddChannel', SIP, `{"faultcode":"607","faultstring":${OPEN}${JSON.stringify(T607_ADD.replace('\\$', '$'))}${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('607', 'AddChannel', T607_ADD), severity: INFORMATION }],
  },
  {
    name: "EditChannel's 607 text on an AddChannel request -> text-differs (`,` is not `.`)",
    payload: withResponse('AddChannel', SIP, `{"faultcode":"607","faultstring":${OPEN}${JSON.stringify(T607_ADD.replace('$.#', '$,#'))}${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('607', 'AddChannel', T607_ADD), severity: INFORMATION }],
  },
  { name: "864 with the space in 'IPs/network ' is clean", payload: withResponse('AddChannel', SIP, `{"faultcode":"864","faultstring":${JSON.stringify(T864)}}`) },
  {
    name: "864 without the space -> text-differs",
    payload: withResponse('AddChannel', SIP, `{"faultcode":"864","faultstring":${OPEN}${JSON.stringify(T864.replace("network '", "network'"))}${CLOSE}}`),
    expect: [{ code: 'text-differs', message: differs('864', 'AddChannel', T864), severity: INFORMATION }],
  },
  // Notices of a partial result: each (code, message) pair.
  {
    name: 'notices: each pair is checked',
    payload: withResponse(
      'AddChannel',
      SIP,
      `{"result":"partial","notice":[{"code":"200","message":"Duplicate record. A channel named 'Carrier A' exists."},{"code":"262","message":${OPEN}"x"${CLOSE}},{"code":"617","message":${OPEN}"Bad flow"${CLOSE}},{"code":${OPEN}"999"${CLOSE}}]}`,
    ),
    expect: [
      { code: 'text-differs', message: differs('262', 'AddChannel', 'Invalid channel ID.'), severity: INFORMATION },
      { code: 'text-differs', message: differs('617', 'AddChannel', 'Invalid flow. Here are the values available: in, out, both.'), severity: INFORMATION },
      { code: 'undocumented-code', message: undocumented('AddChannel', '999'), severity: WARNING },
    ],
  },
  {
    // The schema's notice is a list ("notice": [ ... ] in the spec): a single object is invalid-value
    // and the response's codes are then not compared.
    name: 'a single notice object (not a list) -> invalid-value on it',
    payload: withResponse('GetChannels', '{}', `{"result":"partial","notice":${OPEN}{"code":"605","message":"x"}${CLOSE}}`),
    expect: [{ code: 'invalid-value', message: "Invalid value for 'notice': expected a valid value." }],
  },
  {
    name: 'response not an object -> not-an-object',
    payload: withResponse('GetCodecs', '{}', `${OPEN}"617"${CLOSE}`),
    expect: [{ code: 'not-an-object', message: "'response' must be an object." }],
  },
]);

test('text-differs carries the documented text for the fix', () => {
  const problems = check(withResponse('GetCodecs', '{}', '{"faultcode":"030","faultstring":"Nothing"}'));
  assert.equal(problems.length, 1);
  assert.equal(problems[0].code, 'text-differs');
  assert.equal(problems[0].data?.documentedText, 'No records.');
  assert.equal(problems[0].method, 'GetCodecs');
  const [p607] = check(withResponse('AddChannel', SIP, '{"faultcode":"607","faultstring":"bad"}'));
  assert.equal(p607.data?.documentedText, T607_ADD);
});

test('an undocumented code gets no text-differs as well', () => {
  const problems = check(withResponse('GetCodecs', '{}', '{"faultcode":"617","faultstring":"anything"}'));
  assert.deepEqual(
    problems.map((p) => p.code),
    ['undocumented-code'],
  );
});

test('a response does not hide the request problems', () => {
  const problems = check(withResponse('GetCodecs', '{"channelID":0}', '{"faultcode":"262","faultstring":"Invalid channel ID."}'));
  assert.deepEqual(
    problems.map((p) => p.code),
    ['262'],
  );
});
