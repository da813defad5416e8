// Hostile documents for the fuzz tests: seeded, so a failure names a document that can be rebuilt.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pick, seeded } from '../random';

const EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'examples');

export const SEEDS: string[] = [
  ...readdirSync(EXAMPLES).map((name) => readFileSync(path.join(EXAMPLES, name), 'utf8')),
  '{"method":"AddPublicNo","params":{"publicNo":[{"phoneNo":"+1","did":"a","channelID":1,"incomingCost":{"cost":1,"interval":2}}]}}',
  '{"method":"EditCallRulesOutGroup","params":{"ID":1,"ruleStatus":[{"ruleID":1,"status":true}],"changeOrder":[3,2],"rules":[{"number":"1"}]}}',
  '{"method":"AssignPublicNo","params":{"didID":[1,2],"userID":5}, "response":{"result":"partial","notice":[{"code":"200","message":"x"}]}}',
];

const PIECES = ['{', '}', '[', ']', ',', ':', '"', '\\', '/*', '//', '\n', '\r\n', '1e309', '-0', '1.0', 'null', 'true', '"\ud800"', '"😀"', '\ufeff', '\u0000', '"method"', '"AddChannel"', '"params"', '"SIP"'];

/** One damaged or hostile variant of a seed document. */
export function mutate(random: () => number, seed: string): string {
  const at = () => Math.floor(random() * (seed.length + 1));
  switch (Math.floor(random() * 10)) {
    case 0:
      return seed.slice(0, at());
    case 1: {
      const i = at();
      return seed.slice(0, i) + String.fromCharCode(Math.floor(random() * 0x10000)) + seed.slice(i + 1);
    }
    case 2: {
      const i = at();
      return seed.slice(0, i) + pick(random, PIECES) + seed.slice(i);
    }
    case 3:
      return seed.replace(/"(\w+)":\s*("[^"]*"|\d+|true|false)/, (_, key) => `"${key}": ${pick(random, ['{}', '[]', 'null', '1e309', '"x"', '-1', '[[[]]]', '{"a":1}'])}`);
    case 4:
      return seed.replace(/\n/g, '\r\n');
    case 5:
      return '\ufeff' + seed;
    case 6:
      return seed.replace(/\{/, '{"method": "AddChannel", "method": "GetCodecs", ');
    case 7:
      return seed.replace(/"([^"\\]*)"/, `"$1${pick(random, ['😀', '\ud800', '\udc00x', '\u202e'])}"`);
    case 8: {
      const i = at();
      const j = at();
      return seed.slice(0, Math.min(i, j)) + seed.slice(Math.max(i, j));
    }
    default:
      return seed.slice(at()) + seed.slice(0, at());
  }
}

/** Documents too large or too deep for a careless parser. */
export function extremes(): Array<{ name: string; text: string }> {
  return [
    { name: '20,000 levels of arrays', text: '['.repeat(20000) + ']'.repeat(20000) },
    { name: '20,000 levels inside a request', text: '{"method":"AddChannel","params":' + '{"a":'.repeat(20000) + '1' + '}'.repeat(20000) + '}' },
    { name: '20,000 unclosed levels', text: '{"method":"GetCodecs","params":' + '['.repeat(20000) },
    { name: 'a 5 MB string in a parameter', text: `{"method":"AddChannel","params":{"SIP":{"name":"${'a'.repeat(5 * 1024 * 1024)}","password":"${'b'.repeat(1024 * 1024)}"}}}` },
    { name: 'a 5 MB unterminated string', text: `{"method":"AddChannel","params":{"SIP":{"name":"${'a'.repeat(5 * 1024 * 1024)}` },
    { name: 'a 5 MB number', text: `{"method":"GetCodecs","params":{"channelID":${'9'.repeat(5 * 1024 * 1024)}}}` },
    { name: '1e309 and friends', text: '{"method":"AddChannel","params":{"SIP":{"name":"abc","port":1e309,"qualify":-1e309,"concurentCalls":1e-400}}}' },
    { name: 'lone surrogates and emoji as keys', text: '{"method":"AddChannel","params":{"\ud800":1,"😀":2,"SIP":{"name":"\udfff\ud800x"}}}' },
    { name: '10,000 duplicate keys', text: '{"method":"GetCodecs","params":{' + Array.from({ length: 10000 }, () => '"channelID":1').join(',') + '}}' },
    { name: 'a batch of 5,000 empty objects', text: '[' + Array.from({ length: 5000 }, () => '{}').join(',') + ']' },
  ];
}

export function hostileDocuments(count: number, seed = 20261126): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    let text = pick(random, SEEDS);
    const rounds = 1 + Math.floor(random() * 3);
    for (let r = 0; r < rounds; r++) text = mutate(random, text);
    return text;
  });
}
