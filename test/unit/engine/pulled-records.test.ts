// The records snapshot made from the server's answers (engine/pulled-records.ts, issue 18's
// `records pull`): each kind from its answer, lists of one and numbers as text read either way,
// sorted by ID, users and timeIntervals kept from the file there; what it writes is a records file
// the checks take without a problem, and a request naming a channel it does not hold gets 262.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, parseRecords, pulledRecordsText, type PulledAnswers } from '../../../server/src/core';

const ANSWERS: PulledAnswers = {
  codecs: { codecs: { assigned: { ID: '3', name: 'G.729', type: 'audio' }, available: [{ ID: '1', name: 'G.711 u-law', type: 'audio' }] }, channelID: '7' },
  channels: { channel: [{ ID: '12', name: 'Carrier B', type: 'sip' }, { ID: '7', name: 'Carrier A', type: 'sip' }] },
  channelGroups: { group: { ID: '2', name: 'Carriers', channels: '2' } },
  publicNumbers: [{ publicNo: [{ didID: '40', did: 'Main line', phoneNo: '+40210000001' }, { didID: '5', did: '40210000002', phoneNo: '40210000002' }] }, {}],
  rulesGroups: { rulesGroup: [{ ID: '9', name: 'Default' }] },
  rules: [{ ID: '9', name: 'Default', rules: [{ ruleID: '31', action: 'block', number: '0040' }, { ruleID: '4', action: 'transfer', number: '07' }] }],
};

function made(answers: PulledAnswers, existing?: string): string {
  const result = pulledRecordsText(answers, existing);
  assert.ok('text' in result, 'error' in result ? result.error : '');
  return result.text;
}

describe('pulledRecordsText', () => {
  it('makes every kind from its answer, sorted by ID, IDs as numbers', () => {
    assert.deepEqual(JSON.parse(made(ANSWERS)), {
      codecs: [{ ID: 1, name: 'G.711 u-law' }, { ID: 3, name: 'G.729' }],
      channels: [{ ID: 7, name: 'Carrier A' }, { ID: 12, name: 'Carrier B' }],
      channelGroups: [{ ID: 2, name: 'Carriers' }],
      publicNumbers: [{ ID: 5, name: '40210000002' }, { ID: 40, name: 'Main line', phoneNo: '+40210000001' }],
      rulesGroups: [{ ID: 9, name: 'Default' }],
      rules: [{ ID: 4, name: 'Default: transfer 07' }, { ID: 31, name: 'Default: block 0040' }],
    });
  });

  it('two spaces, a final newline; users, timeIntervals and $schema kept from the file there, the rest replaced', () => {
    const existing = '{\n  "$schema": "./records.schema.json",\n  // from the admin\n  "users": [{ "ID": 3, "name": "Ann" }],\n  "timeIntervals": [{ "ID": 1, "name": "Office" }],\n  "channels": [{ "ID": 99, "name": "Gone" }]\n}\n';
    const text = made({ channels: ANSWERS.channels }, existing);
    assert.ok(text.endsWith('}\n') && text.includes('\n  "channels": [\n    {\n      "ID": 7,'));
    const value = JSON.parse(text);
    assert.equal(value.$schema, './records.schema.json');
    assert.deepEqual(value.users, [{ ID: 3, name: 'Ann' }]);
    assert.deepEqual(value.timeIntervals, [{ ID: 1, name: 'Office' }]);
    assert.deepEqual(value.channels.map((c: { ID: number }) => c.ID), [7, 12]);
    assert.deepEqual(value.codecs, []);
  });

  it('an existing file that does not parse is not overwritten: a reason instead', () => {
    for (const existing of ['{ "users": [', '[1, 2]', '"text"']) {
      const result = pulledRecordsText(ANSWERS, existing);
      assert.ok('error' in result, existing);
      assert.match(result.error, /not a JSON object: mend or remove it/);
    }
  });

  it('records with no usable ID are left out; an ID of any length sorts by its digits', () => {
    const answers = { channels: { channel: [{ ID: '0', name: 'zero' }, { name: 'none' }, { ID: '123456789012345678901', name: 'long' }, { ID: 8, name: 'eight' }] } };
    assert.deepEqual(JSON.parse(made(answers)).channels, [{ ID: 8, name: 'eight' }, { ID: '123456789012345678901', name: 'long' }]);
  });

  it('is a records file the checks take without a problem; a channel it does not hold then gets 262', () => {
    const { records, problems } = parseRecords(made(ANSWERS));
    assert.deepEqual(problems, []);
    const request = (id: number) => `{ "method": "EditChannel", "params": { "ID": ${id}, "type": "sip", "SIP": { "flow": "in" } } }`;
    const codes = (id: number) => analyze(request(id), { records }).problems.map((p) => p.code);
    assert.ok(!codes(7).includes('262'), codes(7).join(' '));
    assert.ok(codes(8).includes('262'), codes(8).join(' '));
  });
});
