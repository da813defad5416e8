// The schemas under schemas/ are valid JSON Schema (draft 2020-12) once this project's annotation
// keywords and formats are registered, they cover exactly the 24 documented methods, and every
// code they carry is documented for the method that carries it (schemas/codes.json).
// Run: node --import tsx --test test/unit/schemas.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { ANNOTATION_KEYWORDS } from '../../server/src/core/engine/spec';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

const SCHEMAS = join(__dirname, '..', '..', 'schemas');
const BASE = 'https://voipnow-payloads.invalid/schemas/';
const COMMON_URL = BASE + 'common.schema.json';
const methodUrl = (method: string) => `${BASE}methods/${method}.schema.json`;

const readJson = (path: string): Node => JSON.parse(readFileSync(path, 'utf8')) as Node;

const codes = readJson(join(SCHEMAS, 'codes.json')) as { rows: { method: string; code: string }[] };
const documented = new Map<string, Set<string>>();
for (const row of codes.rows) {
  if (!documented.has(row.method)) documented.set(row.method, new Set());
  documented.get(row.method)!.add(row.code);
}
const METHODS = [...documented.keys()];

const common = readJson(join(SCHEMAS, 'common.schema.json'));
const methodFiles = readdirSync(join(SCHEMAS, 'methods')).filter((f) => f.endsWith('.schema.json')).sort();
const schemas = new Map<string, Node>(
  methodFiles.map((f) => [f.replace(/\.schema\.json$/, ''), readJson(join(SCHEMAS, 'methods', f))]),
);

// Stand-ins for the engine's format checks (server/src/core/engine/formats.ts), good enough for samples.
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const IPV4 = `${OCTET}(?:\\.${OCTET}){3}`;
const HOSTNAME = new RegExp(`^(?:${IPV4}|(?=.{1,253}$)(?![0-9.]+$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$`);
const NETWORK = new RegExp(
  `^(?:${IPV4}(?:/(?:3[0-2]|[12]?[0-9])|/${IPV4})?|${OCTET}\\.\\*\\.\\*\\.\\*|${OCTET}\\.${OCTET}\\.\\*\\.\\*|${OCTET}(?:\\.${OCTET}){2}\\.\\*)$`,
);

const ANNOTATIONS = ANNOTATION_KEYWORDS;

function makeAjv(): Ajv2020 {
  // Two strict checks are off by design of the vocabulary: strictTypes, because a `listOf` parameter
  // has `items` without `type: "array"` (it also accepts a single value), and strictRequired,
  // because `required` beside a `$ref` names properties of the target (AddChannel's SIP.name).
  // Every other strict check (unknown keywords and formats, ...) stays on.
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true, allErrors: true });
  for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
  ajv.addFormat('voipnow-hostname', HOSTNAME);
  ajv.addFormat('voipnow-network', NETWORK);
  ajv.addSchema(common, COMMON_URL);
  for (const [method, schema] of schemas) ajv.addSchema(schema, methodUrl(method));
  return ajv;
}
const ajv = makeAjv();
const validator = (method: string) => {
  const validate = ajv.getSchema(methodUrl(method));
  assert.ok(validate, `${method} is compiled`);
  return validate;
};

/** Resolves a `$ref` as written in these files: `#/$defs/x` (in common) or `../common.schema.json#/$defs/x`. */
function deref(ref: string): Node {
  const match = /^(?:\.\.\/common\.schema\.json)?#\/\$defs\/([A-Za-z]+)$/.exec(ref);
  assert.ok(match, `unsupported $ref ${ref}`);
  const defs = common.$defs as Node;
  const target = defs[match[1]];
  assert.ok(target && typeof target === 'object', `unresolved $ref ${ref}`);
  return target as Node;
}

/** Every node reachable from `node`, following `$ref`s into common (each def once per walk). */
function* walk(node: Json, seen = new Set<string>(), path = '#'): Generator<[Node, string]> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* walk(node[i], seen, `${path}/${i}`);
    return;
  }
  if (!node || typeof node !== 'object') return;
  yield [node, path];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      if (seen.has(value.replace(/^\.\.\/common\.schema\.json/, ''))) continue;
      seen.add(value.replace(/^\.\.\/common\.schema\.json/, ''));
      yield* walk(deref(value), seen, value);
    } else if (['enum', 'const', 'preferredValues', 'enumDescriptions', 'required'].includes(key)) {
      continue;
    } else {
      yield* walk(value, seen, `${path}/${key}`);
    }
  }
}

test('there is one schema per documented method, named after it', () => {
  assert.equal(METHODS.length, 24);
  assert.deepEqual([...schemas.keys()].sort(), [...METHODS].sort());
  for (const [method, schema] of schemas) {
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', method);
    assert.equal(schema.title, method);
    assert.equal(typeof schema.description, 'string', method);
    assert.equal(schema.additionalProperties, false, method);
    const properties = schema.properties as Node;
    assert.deepEqual((properties.method as Node).const, method);
    assert.deepEqual(Object.keys(properties).sort(), ['$schema', 'id', 'method', 'params', 'response']);
    const params = properties.params as Node;
    assert.equal(params.type, 'object', method);
    assert.equal(params.additionalProperties, false, method);
    const required = schema.required as string[];
    assert.ok(required.includes('method'), method);
    assert.equal(required.includes('params'), Array.isArray(params.required) && params.required.length > 0, method);
  }
  assert.equal(common.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.equal(common.$id, undefined);
});

test('every schema compiles in ajv with the vocabulary registered', () => {
  assert.ok(ajv.getSchema(COMMON_URL));
  for (const method of METHODS) validator(method);
});

test('every errorCode and missingCode is documented for its method', () => {
  for (const [method, schema] of schemas) {
    const allowed = documented.get(method)!;
    for (const [node, path] of walk(schema)) {
      for (const key of ['errorCode', 'missingCode']) {
        if (key in node) {
          assert.equal(typeof node[key], 'string', `${method} ${path}: ${key} is a string`);
          assert.ok(allowed.has(node[key] as string), `${method} ${path}: ${key} ${node[key]} is not documented for ${method}`);
        }
      }
    }
  }
});

test('every parameter has a description; enumerations are consistent', () => {
  for (const [method, schema] of schemas) {
    for (const [node, path] of walk(schema)) {
      if (node.properties && typeof node.properties === 'object') {
        for (const [name, sub] of Object.entries(node.properties as Node)) {
          const own = sub as Node;
          const target = typeof own.$ref === 'string' ? deref(own.$ref) : {};
          assert.ok(typeof own.description === 'string' || typeof target.description === 'string', `${method} ${path}/${name}: description`);
        }
      }
      if (Array.isArray(node.preferredValues)) {
        assert.ok(Array.isArray(node.enum), `${method} ${path}: preferredValues without enum`);
        for (const v of node.preferredValues) assert.ok(node.enum.includes(v), `${method} ${path}: ${v} not in enum`);
      }
      if (Array.isArray(node.enumDescriptions)) {
        assert.equal(node.enumDescriptions.length, (node.preferredValues as Json[] | undefined)?.length, `${method} ${path}`);
      }
    }
  }
});

test('every pattern compiles as a unicode regular expression and runs in linear time', () => {
  const patterns = new Set<string>();
  for (const root of [common, ...schemas.values()]) {
    for (const [node] of walk(root)) if (typeof node.pattern === 'string') patterns.add(node.pattern);
  }
  assert.ok(patterns.size > 10);
  const n = 50_000;
  const attacks = ['1', '0', '9.', '1.1', '+1', 'a', ' ', 'X*', ';'].map((s) => s.repeat(Math.ceil(n / s.length)) + '\u0000!');
  for (const pattern of patterns) {
    const re = new RegExp(pattern, 'u');
    for (const text of attacks) {
      const start = process.hrtime.bigint();
      re.test(text);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      assert.ok(ms < 250, `/${pattern}/ took ${ms.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 6))}...`);
    }
  }
});

// One or more valid and invalid requests per method (ajv's view: `ignoreCase` and single values
// for `listOf` parameters are the engine's business, so the samples avoid relying on them).
const samples: Record<string, { valid: Node[]; invalid: Node[] }> = {
  AddChannel: {
    valid: [
      {
        method: 'AddChannel',
        params: {
          type: 'sip',
          SIP: {
            name: 'Carrier A', hostname: '203.0.113.10', port: 5060, inviteIP: ['192.168.*.*', '10.0.0.0/8'],
            login: 'carrier', password: 'p,w', flow: 'both', dtmf: 'in band', sipTransport: 'udp',
            callerID: '+40212345678', qualify: 300, sessionTimers: 1, sessionRefresher: '0',
            sessionExpire: '3600', sessionMinExpire: 90, codecs: [1, 3], channelGroupID: ['2'], SIPNode: 'node-1',
            register: 'true', paid: 0, concurentCalls: 30, notes: 'n', proxy: 'sip.example.com',
          },
        },
        id: 'carrier-a',
        response: { faultcode: '617', faultstring: 'Invalid flow. Here are the values available: in, out, both.' },
      },
    ],
    invalid: [
      { method: 'AddChannel', params: { type: 'sip' } },
      { method: 'AddChannel', params: { SIP: {} } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A', password: 'a.b' } } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A', hostname: '999.1.1.1' } } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A', concurentCalls: 1 } } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A', qualify: 150 } } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A', port: '1.0' } } },
      { method: 'AddChannel', params: { type: 'dahdi', SIP: { name: 'Carrier A' } } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A', login: 'a b' } } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A', sessionTimers: '3' } } },
      { method: 'AddChannel', params: { SIP: { name: 'Carrier A' } }, extra: 1 },
    ],
  },
  EditChannel: {
    valid: [{ method: 'EditChannel', params: { ID: 12, SIP: { password: 'a.b', flow: 'in' } } }, { method: 'EditChannel', params: { ID: '007' } }],
    invalid: [
      { method: 'EditChannel', params: { SIP: { flow: 'in' } } },
      { method: 'EditChannel', params: { ID: 12, SIP: { password: 'a,b' } } },
      { method: 'EditChannel', params: { ID: 0 } },
      { method: 'EditChannel', params: { ID: '0' } },
      { method: 'EditChannel', params: { ID: 12, SIP: { type: 'sip' } } },
    ],
  },
  GetChannels: {
    valid: [{ method: 'GetChannels' }, { method: 'GetChannels', params: { groupID: 3, enabled: '1', flow: 'out', filter: 'Carrier' } }],
    invalid: [{ method: 'GetChannels', params: { flow: 'inbound' } }, { method: 'GetChannels', params: { enabled: 'yes' } }],
  },
  DelChannel: {
    valid: [{ method: 'DelChannel', params: { ID: [1, '2'] } }],
    invalid: [{ method: 'DelChannel' }, { method: 'DelChannel', params: { ID: ['x'] } }],
  },
  AddChannelGroup: {
    // A text parameter may be written as a number (the engine judges its literal as text).
    valid: [{ method: 'AddChannelGroup', params: { name: 'Carriers', notes: 'EU', channelID: [1, 2] } }, { method: 'AddChannelGroup', params: { name: 12345, notes: 7 } }],
    invalid: [{ method: 'AddChannelGroup', params: { name: 'ab' } }, { method: 'AddChannelGroup', params: { notes: 'x' } }],
  },
  EditChannelGroup: {
    valid: [{ method: 'EditChannelGroup', params: { ID: 4, name: 'Carriers EU' } }],
    invalid: [{ method: 'EditChannelGroup', params: { name: 'Carriers EU' } }, { method: 'EditChannelGroup', params: { ID: 4, notes: 'x'.repeat(1025) } }],
  },
  GetChannelGroups: {
    valid: [{ method: 'GetChannelGroups', params: { channelID: 2, filter: 'EU' } }],
    invalid: [{ method: 'GetChannelGroups', params: { channelID: -2 } }],
  },
  DelChannelGroup: {
    valid: [{ method: 'DelChannelGroup', params: { ID: [4] } }],
    invalid: [{ method: 'DelChannelGroup', params: {} }],
  },
  GetCodecs: {
    valid: [{ method: 'GetCodecs' }, { method: 'GetCodecs', params: { channelID: '2' } }],
    invalid: [{ method: 'GetCodecs', params: { channelID: 'two' } }],
  },
  GetChannelGroupPoll: {
    valid: [{ method: 'GetChannelGroupPoll', params: { channelID: 2 } }],
    invalid: [{ method: 'GetChannelGroupPoll', params: {} }, { method: 'GetChannelGroupPoll', params: { channelID: 1.5 } }],
  },
  GetPublicNoPoll: {
    valid: [{ method: 'GetPublicNoPoll', params: { userID: 5 } }, { method: 'GetPublicNoPoll', params: { extendedNumber: '0003*001' } }],
    invalid: [{ method: 'GetPublicNoPoll', params: { userID: 'me' } }],
  },
  AddPublicNo: {
    valid: [
      {
        method: 'AddPublicNo',
        params: {
          publicNo: [
            { phoneNo: '+40212345678', did: 'DID01', channelID: 2, location: 'Bucharest', cost: 2.5, incomingCost: { cost: '0.01', interval: 60 }, type: 'stacked' },
            { phoneNo: 40212345679, did: '40212345679', channelID: '2', cost: '12345678901234' },
          ],
        },
      },
    ],
    invalid: [
      { method: 'AddPublicNo', params: { publicNo: [] } },
      { method: 'AddPublicNo', params: { publicNo: Array.from({ length: 11 }, (_, i) => ({ phoneNo: `${100 + i}`, did: 'd', channelID: 1 })) } },
      { method: 'AddPublicNo', params: { publicNo: [{ phoneNo: '123', did: 'd' }] } },
      { method: 'AddPublicNo', params: { publicNo: [{ phoneNo: '123', did: 'd-1', channelID: 1 }] } },
      { method: 'AddPublicNo', params: { publicNo: [{ phoneNo: '123', did: 'd', channelID: 1, cost: '123456789012345' }] } },
      { method: 'AddPublicNo', params: { publicNo: [{ phoneNo: '123', did: 'd', channelID: 1, cost: '1234567890123.45' }] } },
      { method: 'AddPublicNo', params: { publicNo: [{ phoneNo: '123', did: 'd', channelID: 1, incomingCost: { cost: 1 } }] } },
      { method: 'AddPublicNo', params: { publicNo: [{ phoneNo: '123', did: 'd', channelID: 1, type: 'shared' }] } },
    ],
  },
  EditPublicNo: {
    valid: [
      { method: 'EditPublicNo', params: { didID: 9, phoneNo: '123', did: 'd', location: 'Cluj', incomingCost: { cost: 0, interval: '1' } } },
      { method: 'EditPublicNo', params: { didID: 9, phoneNo: 40212345678, did: 12345, location: 5 } },
    ],
    invalid: [
      { method: 'EditPublicNo', params: { didID: 9, phoneNo: '123' } },
      { method: 'EditPublicNo', params: { didID: 9, phoneNo: '12-3', did: 'd' } },
      { method: 'EditPublicNo', params: { didID: 9, phoneNo: '123', did: 'd', incomingCost: { cost: 1, interval: 0 } } },
      { method: 'EditPublicNo', params: { didID: 9, phoneNo: '123', did: 'd', location: '' } },
    ],
  },
  GetPublicNo: {
    valid: [{ method: 'GetPublicNo', params: { channelID: 2, inUse: false, type: 'exclusive', filter: '40', userIdentifier: 'acme' } }],
    invalid: [{ method: 'GetPublicNo', params: { type: 'exclusive' } }],
  },
  DelPublicNo: {
    valid: [{ method: 'DelPublicNo', params: { ID: [9, 10] } }],
    invalid: [{ method: 'DelPublicNo', params: { ID: [0] } }],
  },
  AssignPublicNo: {
    valid: [{ method: 'AssignPublicNo', params: { didID: [9], userID: 5 } }],
    invalid: [{ method: 'AssignPublicNo', params: { userID: 5 } }],
  },
  UnassignPublicNo: {
    valid: [{ method: 'UnassignPublicNo', params: { didID: [9], extendedNumber: '0003*001' } }],
    invalid: [{ method: 'UnassignPublicNo', params: { didID: [9], user: 5 } }],
  },
  GetCallRulesOutGroup: {
    valid: [{ method: 'GetCallRulesOutGroup', params: { userID: 5, status: 1, filter: 'EU' } }],
    invalid: [{ method: 'GetCallRulesOutGroup', params: { status: 2 } }],
  },
  DelCallRulesOutGroup: {
    valid: [{ method: 'DelCallRulesOutGroup', params: { ID: ['3'] } }],
    invalid: [{ method: 'DelCallRulesOutGroup' }],
  },
  GetCallRulesOut: {
    valid: [{ method: 'GetCallRulesOut', params: { ID: 3 } }],
    invalid: [{ method: 'GetCallRulesOut', params: { ID: '3a' } }],
  },
  DelCallRulesOut: {
    valid: [{ method: 'DelCallRulesOut', params: { ID: [31, 32], rulesGroupID: 3 } }],
    invalid: [{ method: 'DelCallRulesOut', params: { rulesGroupID: 3 } }],
  },
  AddCallRulesOutGroup: {
    valid: [
      {
        method: 'AddCallRulesOutGroup',
        params: {
          name: 'Europe_out-. main',
          default: true,
          rules: [
            { action: 'transfer', number: '0040XXXXXXXXX', channelID: 2, prefixOperation: 'subtract', digits: 2, digitsAfter: 1, position: 0 },
            { action: 'portability', engine: 'mnp1', number: 'NXX.', prefix: '+40', numberAdd: '0', digitsAfterAdd: '3', final: 'true' },
          ],
        },
      },
    ],
    invalid: [
      { method: 'AddCallRulesOutGroup', params: { name: 'Europe 2' } },
      { method: 'AddCallRulesOutGroup', params: { name: 'Europe', rules: [{ action: 'block' }] } },
      { method: 'AddCallRulesOutGroup', params: { name: 'Europe', rules: [{ number: '00x' }] } },
      { method: 'AddCallRulesOutGroup', params: { name: 'Europe', rules: [{ number: '00', position: 10000 }] } },
      { method: 'AddCallRulesOutGroup', params: { name: 'Europe', rules: [{ number: '00', digitsAfter: 0 }] } },
      { method: 'AddCallRulesOutGroup', params: { name: 'Europe', rules: [{ number: '00', numberAdd: '1'.repeat(31) }] } },
      { method: 'AddCallRulesOutGroup', params: { name: 'Europe', rules: [{ number: '00', engine: 'e'.repeat(17) }] } },
    ],
  },
  AddCallRulesOut: {
    valid: [{ method: 'AddCallRulesOut', params: { ID: 3, rules: [{ number: '112', action: 'block', comingFrom: '*' }] } }],
    invalid: [{ method: 'AddCallRulesOut', params: { ID: 3 } }, { method: 'AddCallRulesOut', params: { ID: 3, rules: [{ number: '1', comingFrom: 'x' }] } }],
  },
  EditCallRulesOutGroup: {
    valid: [
      {
        method: 'EditCallRulesOutGroup',
        params: { ID: 3, name: 'Europe', status: '0', ruleStatus: [{ ruleID: 31, status: true }], changeOrder: [32, 31], rules: [{ number: '1' }] },
      },
    ],
    invalid: [
      { method: 'EditCallRulesOutGroup', params: { name: 'Europe' } },
      { method: 'EditCallRulesOutGroup', params: { ID: 3, ruleStatus: [{ ruleID: 31, status: 'on' }] } },
    ],
  },
};

test('sample payloads: one or more valid and invalid per method', () => {
  assert.deepEqual(Object.keys(samples).sort(), [...METHODS].sort());
  for (const [method, { valid, invalid }] of Object.entries(samples)) {
    const validate = validator(method);
    assert.ok(valid.length > 0 && invalid.length > 0, method);
    for (const payload of valid) {
      assert.ok(validate(payload), `${method} valid sample ${JSON.stringify(payload)}: ${ajv.errorsText(validate.errors)}`);
    }
    for (const payload of invalid) {
      assert.ok(!validate(payload), `${method} invalid sample passed: ${JSON.stringify(payload)}`);
    }
  }
});

test('a request names its own method only', () => {
  assert.equal(validator('DelChannel')({ method: 'DelPublicNo', params: { ID: [1] } }), false);
});

// The records snapshot (spec section 6): its own schema, and the `records` keyword that says which
// kind of record an ID parameter names.
const recordsSchema = readJson(join(SCHEMAS, 'records.schema.json'));
const RECORD_KINDS = Object.keys(recordsSchema.properties as Node).filter((k) => k !== '$schema');

test('records.schema.json compiles and accepts a snapshot, rejects malformed ones', () => {
  assert.deepEqual(RECORD_KINDS, ['codecs', 'channels', 'channelGroups', 'publicNumbers', 'timeIntervals', 'rulesGroups', 'rules', 'users']);
  const validate = makeAjv().compile(recordsSchema as object);
  const good = {
    $schema: './records.schema.json',
    codecs: [{ ID: 1, name: 'G.711 u-law' }, { ID: '3', name: 'G.729' }],
    channels: [{ ID: 2, name: 'Carrier A', flow: 'both' }],
    publicNumbers: [{ ID: 9, name: 'Main line', phoneNo: '+40212345678' }],
    users: [],
  };
  assert.ok(validate(good), ajv.errorsText(validate.errors));
  for (const bad of [
    [],
    { codec: [] },
    { codecs: {} },
    { codecs: [{ name: 'G.729' }] },
    { codecs: [{ ID: 3 }] },
    { codecs: [{ ID: 0, name: 'x' }] },
    { codecs: [{ ID: 'x3', name: 'x' }] },
    { codecs: [{ ID: 3, name: 3 }] },
    { publicNumbers: [{ ID: 3, name: 'x', phoneNo: '12-3' }] },
  ]) {
    assert.ok(!validate(bad), `accepted ${JSON.stringify(bad)}`);
  }
});

test('every records keyword names a kind of the records schema, on an ID parameter; every ID parameter has one', () => {
  const idRef = /(?:^|#)\/\$defs\/(?:id|idList)$/;
  let count = 0;
  for (const [file, root] of [['common', common] as const, ...[...schemas].map(([m, s]) => [m, s] as const)]) {
    const visit = (node: Json, path: string): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}/${i}`));
      const ref = typeof node.$ref === 'string' ? node.$ref : '';
      if ('records' in node) {
        count++;
        assert.ok(RECORD_KINDS.includes(node.records as string), `${file} ${path}: records ${node.records}`);
        assert.ok(idRef.test(ref), `${file} ${path}: records on a parameter that is not an ID`);
      } else if (idRef.test(ref) && !path.startsWith('#/$defs/idList')) {
        assert.fail(`${file} ${path}: an ID parameter without a records keyword`);
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'enum' && key !== 'const') visit(value, `${path}/${key}`);
    };
    visit(root, '#');
  }
  assert.equal(count, 35);
});
