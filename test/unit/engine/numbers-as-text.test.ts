// Spec section 1: a text parameter (a name, a host, a phone number...) written as a JSON number is
// judged by its literal as written, as the server receives it: `"name": 12345` is five characters.
// The parameters are found in the compiled specs (every one without a list of values or a numeric
// bound), each set in turn to number literals in a clean request of its method; a number must get
// exactly what the same text written as a string gets, on the quick path and the tree path alike.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, fullAnalyze } from '../../../server/src/core/engine/check';
import { documentedText } from '../../../server/src/core/codes/catalog';
import type { Problem } from '../../../server/src/core/codes/problem';
import { parseTree } from 'jsonc-parser';
import { checkRequestValue } from '../../../server/src/core/engine/requests';
import { TreePlaces } from '../../../server/src/core/parse/json-values';
import { allMethodSpecs, type ValueSpec } from '../../../server/src/core/engine/spec';

/** A parameter the server takes as text: no list of values, no numeric bound (IDs, ports and costs have one). */
function isText(spec: ValueSpec): boolean {
  return spec.types?.has('string') === true && !spec.properties && !spec.enum && spec.constValue === undefined && !spec.bounded;
}

type Step = string | number;
interface TextParam {
  method: string;
  /** Keys below `params`; 0 steps into the one item of a list of objects. */
  steps: Step[];
  spec: ValueSpec;
}

function textParams(spec: ValueSpec, method: string, steps: Step[], found: TextParam[]): void {
  const value = spec.listOf && spec.items ? spec.items : spec;
  if (value.properties) {
    const into = spec.listOf ? [...steps, 0] : steps;
    for (const [name, sub] of value.properties) textParams(sub, method, [...into, name], found);
  } else if (isText(value)) found.push({ method, steps, spec: value });
}

const PARAMS: TextParam[] = allMethodSpecs().flatMap((m) => {
  const found: TextParam[] = [];
  textParams(m.params, m.method, [], found);
  return found;
});

// A clean request of each method that has a text parameter: its required parameters only (and
// the one user selector that some methods need).
const BASES: Record<string, Record<string, unknown>> = {
  AddChannel: { type: 'sip', SIP: { name: 'Carrier A' } },
  EditChannel: { ID: 1, SIP: {} },
  AddChannelGroup: { name: 'Carriers' },
  EditChannelGroup: { ID: 1 },
  GetChannelGroups: {},
  GetChannels: {},
  GetPublicNoPoll: { userID: 5 },
  AddPublicNo: { publicNo: [{ phoneNo: '123', did: 'd', channelID: 1 }] },
  EditPublicNo: { didID: 9, phoneNo: '123', did: 'd' },
  GetPublicNo: { channelID: 2 },
  AssignPublicNo: { didID: [9], userID: 5 },
  UnassignPublicNo: { didID: [9], userID: 5 },
  GetCallRulesOutGroup: {},
  AddCallRulesOutGroup: { name: 'Europe', rules: [{ number: '00' }] },
  AddCallRulesOut: { ID: 3, rules: [{ number: '00' }] },
  EditCallRulesOutGroup: { ID: 3, rules: [{ number: '00' }] },
};

const SLOT = '\u0000slot';

/**
 * The request of `param`'s method with the parameter written as `literal` (raw JSON text). The
 * object that holds it keeps only its required keys, so that a user selector given by the base
 * does not conflict with another one set here.
 */
function requestWith(param: TextParam, literal: string): { text: string; at: number } {
  const params = structuredClone(BASES[param.method]);
  let holder: Record<string, unknown> = params;
  let spec = allMethodSpecs().find((m) => m.method === param.method)!.params;
  for (const step of param.steps.slice(0, -1)) {
    holder = (holder[step as string] ?? (typeof step === 'number' ? [] : {})) as Record<string, unknown>;
    if (typeof step === 'string') spec = spec.properties!.get(step)!;
    else spec = spec.items!;
  }
  const required = new Set(spec.required ?? []);
  for (const key of Object.keys(holder)) if (!required.has(key)) delete holder[key];
  holder[param.steps.at(-1) as string] = SLOT;
  const json = JSON.stringify({ method: param.method, params });
  const at = json.indexOf(JSON.stringify(SLOT));
  return { text: json.slice(0, at) + literal + json.slice(at + JSON.stringify(SLOT).length), at };
}

// Number literals as a file may hold them: short and long, signed, with a point or an exponent
// (`1.0`, `-0`, `1.5e3` are their text, not the value JSON.parse makes of them).
const LITERALS = [
  '12345', '12', '7', '0', '-5', '-0', '1.0', '1.5', '1.5e3', '1e-7', '1E+5',
  '9'.repeat(16), '9'.repeat(17), '9'.repeat(31), '9'.repeat(80), '9'.repeat(253), '9'.repeat(256), '9'.repeat(1025),
];

/** A problem with its position made independent of how long the value is written (`at`: where it starts). */
function shape(problem: Problem, at: number, extra: number): string {
  const where = problem.offset === at ? 'on the value' : problem.offset < at ? `at ${problem.offset}` : `at ${problem.offset - extra} after it`;
  return `${problem.code} ${where}: ${problem.message}`;
}

const label = (param: TextParam) => `${param.method} ${param.steps.filter((s) => typeof s === 'string').join('.')}`;

describe('a text parameter written as a JSON number is judged by its literal (spec section 1)', () => {
  it('the parameters are found in the specs, and each method that has one has a clean request', () => {
    // Names, hosts, login, password, notes, filters, phone numbers, DIDs, rule numbers...
    assert.ok(PARAMS.length > 60, `only ${PARAMS.length} text parameters`);
    for (const name of ['name', 'hostname', 'password', 'callerID', 'inviteIP', 'location', 'did', 'number', 'engine', 'filter']) {
      assert.ok(PARAMS.some((p) => p.steps.at(-1) === name), name);
    }
    for (const method of new Set(PARAMS.map((p) => p.method))) {
      assert.ok(BASES[method], `no clean request for ${method}`);
      assert.deepEqual(fullAnalyze(JSON.stringify({ method, params: BASES[method] }), false).problems, [], method);
    }
  });

  it('a number gets what the same text written as a string gets, on both paths', () => {
    let clean = 0;
    let quickClean = 0;
    let raised = 0;
    for (const param of PARAMS) {
      for (const literal of LITERALS) {
        const number = requestWith(param, literal);
        const string = requestWith(param, JSON.stringify(literal));
        const full = fullAnalyze(number.text, false).problems;
        const want = fullAnalyze(string.text, false).problems.map((p) => shape(p, string.at, literal.length + 2));
        assert.deepEqual(full.map((p) => shape(p, number.at, literal.length)), want, `${label(param)} = ${literal}`);
        // The quick path reports the same problems ...
        assert.deepEqual(analyze(number.text).problems, full, `${label(param)} = ${literal}: quick path`);
        // ... and, wherever it reads the value itself (a literal that prints back as written), the
        // walk of JSON.parse's values finds the same problems, and asks for no tree when there are none.
        if (String(Number(literal)) === literal) {
          const problems: Problem[] = [];
          let treeAsked = false;
          const places = new TreePlaces(() => {
            treeAsked = true;
            return parseTree(number.text)!;
          });
          checkRequestValue(JSON.parse(number.text), param.method, places, problems);
          assert.deepEqual(problems.sort((a, b) => a.offset - b.offset), full, `${label(param)} = ${literal}: the walk of JSON.parse's values`);
          assert.equal(treeAsked, full.length > 0, `${label(param)} = ${literal}: a tree ${treeAsked ? 'asked for' : 'not asked for'}`);
          if (!treeAsked) quickClean++;
        }
        if (full.length === 0) clean++;
        else raised++;
      }
    }
    // Not vacuous: numbers pass and fail, and the quick check passes many by itself.
    assert.ok(clean > 300 && raised > 300 && quickClean > 200, `clean ${clean}, raised ${raised}, quick clean ${quickClean}`);
  });

  it('AddChannel SIP.name: 12345 and an 80-digit number are valid names, 12 and -0 are too short (605)', () => {
    const name = PARAMS.find((p) => p.method === 'AddChannel' && p.steps.join('.') === 'SIP.name')!;
    const T605 = documentedText('AddChannel', '605');
    for (const literal of ['12345', '9'.repeat(80), '1.5e3', '1.0', '9'.repeat(255)]) {
      const { text } = requestWith(name, literal);
      assert.deepEqual(analyze(text).problems, [], literal);
      assert.deepEqual(fullAnalyze(text, false).problems, [], literal);
    }
    for (const literal of ['12', '-0', '9'.repeat(256)]) {
      const { text, at } = requestWith(name, literal);
      for (const problems of [analyze(text).problems, fullAnalyze(text, false).problems]) {
        assert.deepEqual(
          problems.map((p) => [p.code, p.message, p.offset, p.length]),
          [['605', T605, at, literal.length]],
          literal,
        );
      }
    }
  });
});
