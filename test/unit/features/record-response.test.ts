// Recording the server's answer into a request's `response` (features/record-response.ts, issue
// 18): one edit that keeps every other byte, laid out as the request is, and the checks of
// recorded responses (spec section 7) apply to what it wrote.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyEdits, recordResponse, type RecordedResponse } from '../../../server/src/core';

const FAULT = { faultcode: '617', faultstring: 'Invalid flow. Here are the values available: in, out, both.' };

function recorded(text: string, index: number, response: RecordedResponse): string {
  const result = recordResponse(text, index, response);
  assert.ok('edit' in result, 'error' in result ? result.error : '');
  return applyEdits(text, [result.edit]);
}

describe('recordResponse', () => {
  it('adds a response after the last member, indented as the request is (LF, two spaces)', () => {
    const text = '{\n  "method": "AddChannel",\n  "params": { "type": "sip" }\n}\n';
    assert.equal(
      recorded(text, 0, FAULT),
      '{\n  "method": "AddChannel",\n  "params": { "type": "sip" },\n  "response": {\n    "faultcode": "617",\n' +
        '    "faultstring": "Invalid flow. Here are the values available: in, out, both."\n  }\n}\n',
    );
  });

  it("in a batch, only the named request changes, with the file's CRLF and its four-space steps", () => {
    const text = '[\r\n    {\r\n        "method": "GetChannels"\r\n    },\r\n    {\r\n        "method": "DelChannel",\r\n        "params": { "ID": 7 }\r\n    }\r\n]\r\n';
    const after = recorded(text, 1, { result: 'success' });
    assert.equal(
      after,
      '[\r\n    {\r\n        "method": "GetChannels"\r\n    },\r\n    {\r\n        "method": "DelChannel",\r\n        "params": { "ID": 7 },\r\n' +
        '        "response": {\r\n            "result": "success"\r\n        }\r\n    }\r\n]\r\n',
    );
    assert.ok(!after.replace(/\r\n/g, '').includes('\n'), 'no bare LF');
  });

  it('a request on one line gets its response on one line', () => {
    const text = '[{ "method": "GetChannels" }, { "method": "AddChannel", "params": { "type": "sip" } }]';
    assert.equal(
      recorded(text, 1, { ...FAULT, notice: [] }),
      '[{ "method": "GetChannels" }, { "method": "AddChannel", "params": { "type": "sip" }, "response": { "faultcode": "617", ' +
        '"faultstring": "Invalid flow. Here are the values available: in, out, both.", "notice": [] } }]',
    );
  });

  it('replaces a response already there, where it stands, keeping comments around it; twice gives the same text', () => {
    const text =
      '// staging\n{\n  "method": "AddChannel", // the name is taken\n  "response": { "result": "success" /* old */ },\n  "params": { "type": "sip" }\n}\n';
    const once = recorded(text, 0, FAULT);
    assert.equal(
      once,
      '// staging\n{\n  "method": "AddChannel", // the name is taken\n  "response": {\n    "faultcode": "617",\n' +
        '    "faultstring": "Invalid flow. Here are the values available: in, out, both."\n  },\n  "params": { "type": "sip" }\n}\n',
    );
    assert.equal(recorded(once, 0, FAULT), once);
  });

  it("an answer's dates are written as JSON writes them, on one line and on several", () => {
    const answer = { channel: [{ ID: 1, crDate: new Date('2026-01-05T10:00:00Z') }] };
    assert.equal(recorded('{ "method": "GetChannels" }', 0, answer), '{ "method": "GetChannels", "response": { "channel": [{ "ID": 1, "crDate": "2026-01-05T10:00:00.000Z" }] } }');
    assert.match(recorded('{\n  "method": "GetChannels"\n}', 0, answer), /"crDate": "2026-01-05T10:00:00\.000Z"\n/);
  });

  it('an empty request object, and text beyond ASCII, written as they are', () => {
    assert.equal(recorded('{}', 0, { faultcode: '100', faultstring: 'Café – ✓' }), '{ "response": { "faultcode": "100", "faultstring": "Café – ✓" } }');
    assert.equal(recorded('{\n}\n', 0, { ok: true }), '{\n  "response": {\n    "ok": true\n  }\n}\n');
  });

  it("the checks of recorded responses apply to what it wrote: the documented text passes, another text is text-differs, another code undocumented-code", () => {
    const text = '{\n  "method": "AddChannel",\n  "params": { "type": "sip", "SIP": { "name": "A", "flow": "in" } }\n}\n';
    // The request's own problems (whatever they are) aside: what the response adds.
    const own = analyze(text).problems.map((p) => p.code);
    const codes = (response: RecordedResponse) =>
      analyze(recorded(text, 0, response))
        .problems.map((p) => p.code)
        .filter((code) => !own.includes(code))
        .sort();
    assert.deepEqual(codes(FAULT), []);
    assert.deepEqual(codes({ faultcode: '617', faultstring: 'Bad flow.' }), ['text-differs']);
    assert.deepEqual(codes({ faultcode: '999', faultstring: 'Who knows.' }), ['undocumented-code']);
  });

  it('refuses, with a clear reason and no edit, what it cannot record into', () => {
    const error = (text: string, index: number) => {
      const result = recordResponse(text, index, FAULT);
      assert.ok('error' in result, JSON.stringify(result));
      return result.error;
    };
    assert.match(error('{ "method": "GetChannels" }', 1), /no request 1 in this file \(it holds 1, numbered from 0\)/);
    assert.match(error('[{ "method": "GetChannels" }]', -1), /no request -1/);
    assert.match(error('[{ "method": "GetChannels" }, 5]', 1), /Request 1 is not an object/);
    assert.match(error('{ "method": "GetChannels", }', 0), /not well-formed JSON/);
    assert.match(error('{ "method": ', 0), /not well-formed JSON/);
  });
});
