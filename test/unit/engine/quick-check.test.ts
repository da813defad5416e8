// The quick path (JSON.parse + quick-check.ts, trees only for requests that fail) must report
// exactly what the full path (a tree for the whole document) reports, for every document.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { analyze, fullAnalyze } from '../../../server/src/core/check';
import { allMethodSpecs, type ValueSpec } from '../../../server/src/core/spec';
import { pick, seeded } from '../random';

const VALUES: unknown[] = [
  'in', 'out', 'both', 'bothh', 'BOTH', 'rfc2833', 'in band', 'sip', 'SIP', 'udp', 'stacked', 'block', 'subtract', 'substract',
  0, 1, 2, 7, -1, 1.5, 100, 150, 900, 1000, 65536, 65537, 84000, 123456789012345,
  '0', '1', '2', '7', '', 'x', 'ab', 'Carrier A', ' Carrier A ', 'a.b', 'a,b', 'a b', '+40212345678', '40212345678', '12a', '0040X.', '*12',
  '203.0.113.10', '999.1.1.1', 'sip.example.net', '-bad-.net', '192.168.*.*', '192.168.1.1/16', '192.168.0.0/255.255.0.0', '10.0.0.0/255.0.255.0',
  true, false, null, 'true', 'yes', [], [1, 3], [1, 'x'], ['203.0.113.0/24', 'nope'], {}, { cost: 1, interval: 60 }, { cost: 1 },
  { faultcode: '617', faultstring: 'x' }, 'x'.repeat(300),
];

function valid(spec: ValueSpec, random: () => number, depth = 0): unknown {
  if (spec.listOf && spec.items) return random() < 0.5 ? [valid(spec.items, random, depth + 1)] : valid(spec.items, random, depth + 1);
  if (spec.properties) {
    const object: Record<string, unknown> = {};
    for (const [name, sub] of spec.properties) if (spec.required?.includes(name) || (depth < 3 && random() < 0.3)) object[name] = valid(sub, random, depth + 1);
    return object;
  }
  return pick(random, VALUES);
}

/** A request for each method with random parameters (most values wrong somewhere), sometimes a part removed or added. */
function request(random: () => number): Record<string, unknown> {
  const spec = pick(random, allMethodSpecs());
  const params = valid(spec.params, random) as Record<string, unknown>;
  const keys = Object.keys(params);
  if (keys.length && random() < 0.2) delete params[pick(random, keys)];
  if (random() < 0.1) params.dtmfMode = 'rfc2833';
  const result: Record<string, unknown> = { method: spec.method, params };
  if (random() < 0.1) delete result.params;
  if (random() < 0.1) result.id = pick(random, ['r1', 3]);
  if (random() < 0.05) result.response = pick(random, VALUES);
  if (random() < 0.05) result.method = pick(random, ['AddChanel', 3, 'GetCodecs']);
  return result;
}

function same(text: string, included: boolean) {
  const quick = analyze(text, { included });
  const full = fullAnalyze(text, included);
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

  it('for the examples, with and without a byte order mark', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'examples');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      same(text, true);
      same('\ufeff' + text, false);
    }
  });

  it('for documents the quick path must hand over: repeated keys, odd numbers, comments, syntax errors', () => {
    for (const text of [
      '{"method":"GetCodecs","params":{"channelID":1,"channelID":"x"}}',
      '{"method":"GetCodecs","params":{"channelID":1.0}}',
      '{"method":"GetCodecs","params":{"channelID":1e2}}',
      '{"method":"GetCodecs","params":{"channelID":123456789012345678901}}',
      '// note\n{"method":"GetCodecs","params":{"channelID":"x"}}',
      '{"method":"GetCodecs","params":{"channelID":"x"},}',
      '[]',
      '[1, {"method":"GetCodecs"}]',
      '"text"',
    ]) {
      same(text, true);
      same(text, false);
    }
  });
});
