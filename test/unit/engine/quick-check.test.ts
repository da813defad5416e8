// The quick path (JSON.parse's values walked, a tree only for a request with a problem) must report
// exactly what the full path (a tree for the whole document) reports, for every document.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, fullAnalyze } from '../../../server/src/core/engine/check';
import { parseRecords, type Records } from '../../../server/src/core/engine/records-snapshot';
import { seeded } from '../random';
import { request } from './generated-requests';

function same(text: string, included: boolean, records?: Records) {
  const quick = analyze(text, { included, records });
  const full = fullAnalyze(text, included, undefined, records);
  assert.deepEqual(quick.problems, full.problems, text);
  assert.equal(quick.isPayload, full.isPayload, text);
  assert.deepEqual(quick.unique.map((u) => [u.key, u.range()]), full.unique.map((u) => [u.key, u.range()]), text);
  assert.deepEqual(quick.requests.map((r) => [r.method, r.node.offset]), full.requests.map((r) => [r.method, r.node.offset]), text);
}

describe('quick path equals full path', () => {
  it('for 2,000 generated single requests and 300 batches', () => {
    const random = seeded(2026);
    for (let i = 0; i < 2000; i++) same(JSON.stringify(request(random), null, random() < 0.5 ? 2 : undefined), random() < 0.5);
    for (let i = 0; i < 300; i++) {
      const batch = Array.from({ length: 1 + Math.floor(random() * 6) }, () => request(random));
      if (random() < 0.3) batch.push(batch[0]);
      same(JSON.stringify(batch, null, random() < 0.5 ? 1 : undefined), random() < 0.5);
    }
  });

  it('with a records snapshot: unknown IDs and names the records hold, over 1,500 generated documents', () => {
    // Some of the generated IDs (1, 2, 7, "007") and names ('Carrier A', '+40212345678') are in
    // the records, most are not; users are absent (not checked), rules present but empty.
    const records = parseRecords(
      JSON.stringify({
        codecs: [{ ID: 1, name: 'G.711 u-law' }, { ID: '3', name: 'G.729' }],
        channels: [{ ID: 2, name: 'carrier a' }, { ID: 7, name: 'Carrier B' }],
        channelGroups: [{ ID: '007', name: 'x' }],
        publicNumbers: [{ ID: 1, name: 'Main line', phoneNo: '+40212345678' }, { ID: 2, name: '1' }],
        timeIntervals: [{ ID: 1, name: 'Office hours' }],
        rulesGroups: [{ ID: 7, name: 'Europe' }],
        rules: [],
      }),
    ).records!;
    assert.ok(records);
    const random = seeded(606);
    let raised = 0;
    for (let i = 0; i < 1200; i++) {
      const text = JSON.stringify(request(random), null, random() < 0.5 ? 2 : undefined);
      same(text, random() < 0.5, records);
      if (analyze(text, { records }).problems.some((p) => p.data?.record)) raised++;
    }
    for (let i = 0; i < 300; i++) {
      const batch = Array.from({ length: 1 + Math.floor(random() * 6) }, () => request(random));
      if (random() < 0.3) batch.push(batch[0]);
      same(JSON.stringify(batch, null, random() < 0.5 ? 1 : undefined), random() < 0.5, records);
    }
    // The corpus does reach the records rules (unknown IDs and 200s against the records).
    assert.ok(raised > 100, `only ${raised} documents raised a records problem`);
  });

  it('for the examples, with and without a byte order mark', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'examples');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      same(text, true);
      same('\ufeff' + text, false);
    }
  });

  it('for the spec cases of issue 13: an item without brackets, an incomplete incomingCost, a required list given empty, a bad boolean', () => {
    for (const text of [
      '{"method":"AddPublicNo","params":{"publicNo":{"did":"D1","channelID":1}}}',
      '{"method":"AddCallRulesOut","params":{"ID":1,"rules":{"action":"block"}}}',
      '{"method":"EditPublicNo","params":{"didID":1,"phoneNo":"1","did":"D","incomingCost":{}}}',
      '{"method":"EditPublicNo","params":{"didID":1,"phoneNo":"1","did":"D","incomingCost":{"cost":1}}}',
      '[{"method":"DelChannel","params":{"ID":[]}},{"method":"AssignPublicNo","params":{"didID":[],"userID":1}}]',
      '{"method":"AddCallRulesOut","params":{"ID":1,"rules":[]}}',
      '{"method":"GetChannels","params":{"enabled":"yes","flow":"IN"}}',
    ]) {
      same(text, true);
      same(text, false);
      assert.ok(analyze(text).problems.length > 0, `not vacuous: ${text}`);
    }
  });

  it('for documents the quick path must hand over: repeated keys, odd numbers, comments, syntax errors', () => {
    for (const text of [
      '{"method":"GetCodecs","params":{"channelID":1,"channelID":"x"}}',
      '{"method":"GetCodecs","params":{"channelID":1.0}}',
      '{"method":"GetCodecs","params":{"channelID":1e2}}',
      '{"method":"GetCodecs","params":{"channelID":-0}}',
      '{"method":"AddCallRulesOutGroup","params":{"name":"ab","rules":[{"number":"1","digits":-0}]}}',
      '{"method":"GetCodecs","params":{"channelID":-7}}',
      '{"method":"GetCodecs","params":{"channelID":123456789012345678901}}',
      '// note\n{"method":"GetCodecs","params":{"channelID":"x"}}',
      '{"method":"GetCodecs","params":{"channelID":"x"},}',
      '[]',
      '[1, {"method":"GetCodecs"}]',
      '[{"method":"DelChannel","params":{"ID":1}}, 5, "x", null, true, false, -0, 1.5e3, [], [1], [[{"method":"GetCodecs"}]]]',
      '[[{"method":"GetCodecs"}], {"method":"GetCodecs"}]',
      '"text"',
    ]) {
      same(text, true);
      same(text, false);
    }
  });
});
