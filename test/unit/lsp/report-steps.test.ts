// A session report as it is sent (lsp/report-steps.ts, node/json-encoder.ts): the JSON text built
// in steps, with each related place serialized once, must be exactly what JSON.stringify makes of
// the diagnostics, and the stdio encoder must write a message with encoded params exactly as it
// writes the same message with the params as objects.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_EFFECTIVE_SETTINGS, WorkspaceSession, type ReportedProblem } from '../../../server/src/core';
import { diagnosticSteps, encodedSteps, EncodedParams, toDiagnostics } from '../../../server/src/lsp/report-steps';
import { jsonEncoder } from '../../../server/src/node/json-encoder';

const FOLDER = { name: 'root', order: 0 };
const channel = (name: string, flow = 'in') => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": ${JSON.stringify(name)}, "flow": "${flow}" } } }`;

/** Three files adding the same `count` channels (every tenth with a bad flow): reports with 200s and related places. */
function reports(count: number): { session: WorkspaceSession; report: (id: string) => ReportedProblem[] } {
  const session = new WorkspaceSession();
  const text = `[\n${Array.from({ length: count }, (_, i) => `  ${channel(`Carrier ${i}`, i % 10 === 3 ? 'bothh' : 'in')}`).join(',\n')}\n]\n`;
  for (const name of ['a.payload.json', 'b.payload.json', 'c.payload.json']) {
    session.update(`file:///w/${name}`, text, { folder: FOLDER, relPath: name, includePath: name, settings: DEFAULT_EFFECTIVE_SETTINGS });
  }
  return { session, report: (id) => session.report(`file:///w/${id}`) };
}

function run<T>(steps: Generator<void, T>): { value: T; steps: number } {
  for (let count = 0; ; count++) {
    const step = steps.next();
    if (step.done) return { value: step.value, steps: count };
  }
}

describe('reports as they are sent', () => {
  const { report } = reports(600);
  const a = report('a.payload.json');

  it('the fixture has what the encoding must get right: related places, fix data, code links', () => {
    assert.equal(a.length, 660);
    assert.equal(a.filter((p) => p.related.length === 2).length, 600);
    const diagnostics = toDiagnostics(a);
    assert.ok(diagnostics.some((d) => d.code === '617' && (d.data as { allowed?: string[] }).allowed?.includes('both')));
    assert.ok(diagnostics.every((d) => d.code !== '200' || d.relatedInformation?.length === 2));
  });

  for (const version of [7, undefined]) {
    it(`encoded params are JSON.stringify's text of { uri, ${version === undefined ? 'no version' : 'version'}, diagnostics }`, () => {
      const uri = 'file:///w/a.payload.json';
      const { value, steps } = run(encodedSteps(uri, version, a));
      assert.ok(value instanceof EncodedParams);
      assert.equal(value.json, JSON.stringify(version === undefined ? { uri, diagnostics: toDiagnostics(a) } : { uri, version, diagnostics: toDiagnostics(a) }));
      assert.ok(steps >= 2, `${steps} steps for ${a.length} problems`);
    });
  }

  it('diagnostics made in steps are the same as made at once', () => {
    const { value, steps } = run(diagnosticSteps(a, []));
    assert.deepEqual(value, toDiagnostics(a));
    assert.ok(steps >= 2);
  });

  it('a related place is one object in every report that names it (serialized once)', () => {
    const b = report('b.payload.json');
    const c = report('c.payload.json');
    // a's first 200 names b's and c's entries; b's names a's and c's: c's place is shared.
    const inA = a.find((p) => p.code === '200')!.related.find((r) => r.id.endsWith('c.payload.json'));
    const inB = b.find((p) => p.code === '200')!.related.find((r) => r.id.endsWith('c.payload.json'));
    assert.ok(inA && inA === inB);
    assert.equal(run(encodedSteps('file:///w/c.payload.json', undefined, c)).value.json, JSON.stringify({ uri: 'file:///w/c.payload.json', diagnostics: toDiagnostics(c) }));
  });

  it('the stdio encoder writes encoded params as the same message with objects', async () => {
    const uri = 'file:///w/a.payload.json';
    const params = run(encodedSteps(uri, 3, a)).value;
    const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics' };
    const options = { charset: 'utf-8' as const };
    const encoded = Buffer.from(await jsonEncoder.encode({ ...message, params } as never, options)).toString('utf8');
    assert.equal(encoded, JSON.stringify({ ...message, params: { uri, version: 3, diagnostics: toDiagnostics(a) } }));
    // Any other message as JSON.stringify writes it.
    const other = { jsonrpc: '2.0', id: 1, result: { contents: 'é' } };
    assert.equal(Buffer.from(await jsonEncoder.encode(other as never, options)).toString('utf8'), JSON.stringify(other));
  });
});
