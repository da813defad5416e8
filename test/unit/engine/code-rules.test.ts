// The rules written in code, one record each (server/src/core/rules/code-rules.ts): the places a
// record names are parameters of each of its methods, its object rule is the check the schema
// runs there, and the codes a rule's check raises are exactly those its record lists (a valid and
// an invalid request per rule, and every listed code raised by some case).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { check, specAtPath } from '../../../server/src/core';
import { CODE_RULES } from '../../../server/src/core/rules/code-rules';

/** `params.publicNo[].phoneNo` as specAtPath's segments (a key below a list names its single item's). */
const segments = (path: string) => path.replace(/\[\]/g, '').split('.');

const CHANNEL = (sip: string) => `{"method":"EditChannel","params":{"ID":1,"SIP":{${sip}}}}`;
const NUMBER = (phoneNo: string, did: string) => `{"phoneNo":"${phoneNo}","did":"${did}","channelID":1}`;

/** rule name, request(s), the codes the file gets (the valid case: none). */
const CASES: Array<[string, string, string[]]> = [
  ['session intervals in order', CHANNEL('"sessionExpire":200,"sessionMinExpire":120'), []],
  ['session intervals in order', CHANNEL('"sessionExpire":200,"sessionMinExpire":200'), ['628']],
  ['at most one user selector', '{"method":"GetPublicNo","params":{"channelID":1}}', []],
  ['at most one user selector', '{"method":"GetPublicNo","params":{"channelID":1,"userID":1,"extendedNumber":"0003*001"}}', ['conflicting-parameters']],
  ['exactly one user selector', '{"method":"AssignPublicNo","params":{"didID":[1],"userIdentifier":"abc"}}', []],
  ['exactly one user selector', '{"method":"AssignPublicNo","params":{"didID":[1]}}', ['117']],
  ['exactly one user selector', '{"method":"UnassignPublicNo","params":{"didID":[1],"userID":1,"userIdentifier":"abc"}}', ['conflicting-parameters']],
  ['unique SIP.name', '[{"method":"AddChannel","params":{"SIP":{"name":"abc"}}},{"method":"AddChannel","params":{"SIP":{"name":"abd"}}}]', []],
  ['unique SIP.name', '[{"method":"AddChannel","params":{"SIP":{"name":"abc"}}},{"method":"AddChannel","params":{"SIP":{"name":" ABC"}}}]', ['200']],
  ['unique name', '[{"method":"AddChannelGroup","params":{"name":"abc"}},{"method":"AddChannelGroup","params":{"name":"abd"}}]', []],
  ['unique name', '[{"method":"AddChannelGroup","params":{"name":"abc"}},{"method":"AddChannelGroup","params":{"name":"Abc"}}]', ['200']],
  ['unique publicNo[].phoneNo', `{"method":"AddPublicNo","params":{"publicNo":[${NUMBER('+40212345678', '1')},${NUMBER('40212345679', '2')}]}}`, []],
  ['unique publicNo[].phoneNo', `{"method":"AddPublicNo","params":{"publicNo":[${NUMBER('+40212345678', '1')},${NUMBER('40212345678', '2')}]}}`, ['200']],
];

describe('rules written in code', () => {
  it('name parameters that each of their methods has, and run their object check where the record says', () => {
    for (const rule of CODE_RULES) {
      for (const method of rule.methods) {
        if ('object' in rule) assert.equal(specAtPath(method, segments(rule.object)).spec?.objectCheck, rule.check, `${rule.name}: ${method} ${rule.object}`);
        for (const raised of rule.raises) {
          for (const path of new Set([raised.path, ...raised.params])) assert.ok(specAtPath(method, segments(path)).spec, `${rule.name}: ${method} ${path}`);
          assert.ok(raised.params.includes(raised.path), `${rule.name}: hover on ${raised.path} lists ${raised.code}`);
        }
      }
    }
  });

  for (const [name, text, codes] of CASES) {
    it(`${name}: ${codes.length ? codes.join(', ') : 'clean'} for ${text}`, () => {
      const rule = CODE_RULES.find((r) => r.name === name)!;
      assert.ok(rule, name);
      assert.deepEqual(check(text).map((p) => p.code), codes);
      const listed = [...rule.raises.map((r) => r.code), ...rule.words];
      for (const code of codes) assert.ok(listed.includes(code), `${name} raises ${code}, which its record does not list`);
    });
  }

  it('every code a record lists is raised by one of the cases above', () => {
    for (const rule of CODE_RULES) {
      const raised = new Set(CASES.filter(([name]) => name === rule.name).flatMap(([, , codes]) => codes));
      for (const code of [...rule.raises.map((r) => r.code), ...rule.words]) assert.ok(raised.has(code), `${rule.name}: no case raises ${code}`);
    }
  });
});
