// Spec 2.3: "a diagnostic for method M only ever carries a code documented for M" (or a word code),
// with M's exact text; spec 2.5: codes that depend on the server's state are never raised from a
// file. Checked over a batch of invalid payloads for every one of the 24 methods: every parameter
// (nested ones included) set to wrong values, empty and missing params.
// Run: node --import tsx --test test/unit/methods/*.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WORD_SEVERITY } from '../helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, type Problem } from '../../../server/src/core/index';
import { methodSpec, type ValueSpec } from '../../../server/src/core/engine/spec';

const codesFile = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'schemas', 'codes.json'), 'utf8')) as {
  rows: { method: string; code: string; text: string }[];
};
const DOCUMENTED = new Map<string, Map<string, string>>();
for (const row of codesFile.rows) {
  if (!DOCUMENTED.has(row.method)) DOCUMENTED.set(row.method, new Map());
  DOCUMENTED.get(row.method)!.set(row.code, row.text);
}
const METHODS = [...DOCUMENTED.keys()];


// Spec 2.5: never raised from a file.
const STATE_CODES = ['100', '102', '103', '104', '106', '107', '108', '051', '151', '152', '201', '525', '526', '030', '037', '039', '666'];
const NEVER_FROM_FILE: Record<string, string[]> = {
  AssignPublicNo: ['200'],
  AddChannel: ['262'],
  GetChannels: ['317'],
  AddCallRulesOut: ['641'],
  EditChannel: ['200'],
};

/** The documented text as a pattern: each placeholder may hold any text. */
function textPattern(template: string): RegExp {
  const parts = template.split(/\{(?:param|actions|object_detail)\}/);
  return new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*') + '$');
}

const BAD = ['{}', '"!!"', '[]', '-1', '1.5', '1e2', 'null', 'true', '""', '[{}]', '["!!"]', '[[1]]', JSON.stringify('x'.repeat(300))];

/** Wrong values for a parameter: the generic ones, and for object parameters each child set wrong. */
function badValues(spec: ValueSpec, depth: number): string[] {
  const values = [...BAD];
  const object = spec.listOf ? spec.items : spec;
  if (object?.properties && depth < 3) {
    for (const [name, child] of object.properties) {
      for (const bad of badValues(child, depth + 1)) {
        values.push(`{"${name}":${bad}}`);
        if (spec.listOf) values.push(`[{"${name}":${bad}},{"${name}":${bad}}]`);
      }
    }
  }
  return values;
}

function payloadsFor(method: string): string[] {
  const params = methodSpec(method).params;
  const payloads = [`{"method":"${method}"}`, ...['{}', '[]', '"x"', 'null', '5'].map((p) => `{"method":"${method}","params":${p}}`)];
  for (const [name, spec] of params.properties!) {
    for (const bad of badValues(spec, 0)) payloads.push(`{"method":"${method}","params":{"${name}":${bad}}}`);
  }
  // Everything wrong at once, and a response with codes of every method.
  const all = [...params.properties!.keys()].map((name) => `"${name}":"!!"`).join(',');
  payloads.push(`{"method":"${method}","params":{${all}}}`);
  payloads.push(`{"method":"${method}","params":{},"response":{"faultcode":"617","faultstring":"x","notice":[{"code":"030","message":"y"},{"code":"999"}]}}`);
  return payloads;
}

function assertOnlyDocumented(method: string, problems: Problem[], text: string): void {
  const documented = DOCUMENTED.get(method)!;
  for (const p of problems) {
    const where = `${p.code} "${p.message}" in ${text.length > 200 ? text.slice(0, 200) + '…' : text}`;
    if (/^\d+$/.test(p.code)) {
      assert.ok(documented.has(p.code), `${method} does not document ${where}`);
      assert.match(p.message, textPattern(documented.get(p.code)!), `not ${method}'s text: ${where}`);
      assert.equal(p.severity, 'error', `documented codes are errors: ${where}`);
      assert.ok(!STATE_CODES.includes(p.code), `a state code raised from a file: ${where}`);
      assert.ok(!(NEVER_FROM_FILE[method] ?? []).includes(p.code), `never raised from a file for ${method}: ${where}`);
    } else {
      assert.ok(p.code in WORD_SEVERITY, `not a word code of the README: ${where}`);
      assert.match(p.code, /^[a-z]+(?:-[a-z]+)*$/);
      assert.equal(p.severity, WORD_SEVERITY[p.code], `severity of ${where}`);
    }
    if (p.method !== undefined) assert.equal(p.method, method, `problem of another method: ${where}`);
  }
}

for (const method of METHODS) {
  test(`${method}: invalid payloads only raise codes documented for ${method} (or word codes)`, () => {
    const payloads = payloadsFor(method);
    let total = 0;
    const codes = new Set<string>();
    for (const text of payloads) {
      const problems = check(text);
      assertOnlyDocumented(method, problems, text);
      total += problems.length;
      problems.forEach((p) => codes.add(p.code));
    }
    // The same payloads as one batch (duplicates across requests included).
    const batch = `[${payloads.join(',\n')}]`;
    const batchProblems = check(batch);
    assertOnlyDocumented(method, batchProblems, batch);
    // Not vacuous: most payloads raise problems (a few "wrong" values, like "!!" for a filter, are valid).
    assert.ok(total > payloads.length / 2, `${method}: only ${total} problems for ${payloads.length} payloads`);
    assert.ok(batchProblems.length >= total, `${method}: the batch lost problems (${batchProblems.length} < ${total})`);
    assert.ok(codes.has('undocumented-code'), `${method}: the response check did not run`);
  });
}

test('the invariant check itself rejects a foreign code (it can fail)', () => {
  const foreign: Problem = { code: '617', message: 'Invalid flow. Here are the values available: in, out, both.', severity: 'error', offset: 0, length: 1, method: 'GetChannels' };
  assert.throws(() => assertOnlyDocumented('GetChannels', [foreign], ''), /does not document/);
  const wrongText: Problem = { ...foreign, method: 'AddChannel', message: 'Invalid flow.' };
  assert.throws(() => assertOnlyDocumented('AddChannel', [wrongText], ''), /not AddChannel's text/);
  const wrongSeverity: Problem = { code: 'duplicate-key', message: 'x', severity: 'error', offset: 0, length: 1 };
  assert.throws(() => assertOnlyDocumented('AddChannel', [wrongSeverity], ''), /severity/);
});

test('every documented method has a schema the engine compiles (24 methods)', () => {
  assert.equal(METHODS.length, 24);
  for (const method of METHODS) assert.ok(methodSpec(method).params.properties!.size > 0, method);
});

test('every required list parameter needs at least one item (spec 1: a required list given empty gets too-few-items)', () => {
  const lists: string[] = [];
  const walk = (method: string, spec: ValueSpec, path: string) => {
    for (const [name, sub] of spec.properties ?? []) {
      if (sub.listOf && spec.required?.includes(name)) {
        lists.push(`${method} ${path}.${name}`);
        assert.ok((sub.minItems ?? 0) >= 1, `${method} ${path}.${name} is required but takes an empty list`);
      }
      walk(method, sub.listOf ? sub.items ?? sub : sub, `${path}.${name}`);
    }
  };
  for (const method of METHODS) walk(method, methodSpec(method).params, 'params');
  // Not vacuous: the nine required lists of the spec (section 5).
  assert.equal(lists.length, 9, lists.join(', '));
});
