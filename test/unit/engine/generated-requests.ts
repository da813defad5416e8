// Random requests for every method, with parameters drawn from a pool of right and wrong values
// (seeded): the corpus of the tests that compare two ways of reaching the same problems.
import { allMethodSpecs, type ValueSpec } from '../../../server/src/core/engine/spec';
import { pick } from '../random';

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
export function request(random: () => number): Record<string, unknown> {
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
