// The engine, the command line and the language server must report the same problems: the same
// code, text, severity and range, for a corpus of generated requests of every method. (The
// engine's own tests pin each rule; this test carries them through the protocol and the CLI.)
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { analyze, LineIndex } from '../../server/src/core';
import { request } from '../unit/engine/generated-requests';
import { seeded } from '../unit/random';
import { cli } from '../cli/run-cli';
import { pull } from './helpers';
import { TestClient } from './lsp-client';

const SEVERITY = { error: 1, warning: 2, information: 3 } as const;

const random = seeded(4242);
const documents = Array.from({ length: 150 }, (_, i) => ({
  name: `doc${String(i).padStart(3, '0')}.payload.json`,
  // Single requests and small batches, some with comments (the full path), most without.
  text: (i % 7 === 0 ? '// generated\n' : '') + JSON.stringify(i % 3 === 0 ? [request(random), request(random)] : request(random), null, 2),
}));

function expected(text: string) {
  const lines = new LineIndex(text);
  return analyze(text, { included: true }).problems.map((p) => ({
    code: p.code,
    message: p.message,
    severity: p.severity,
    start: lines.position(p.offset),
    end: lines.position(p.offset + p.length),
  }));
}

describe('engine, command line and language server agree', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-consistency-'));
  before(() => documents.forEach((d) => writeFileSync(path.join(dir, d.name), d.text)));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('covers many codes', () => {
    const codes = new Set(documents.flatMap((d) => expected(d.text).map((p) => p.code)));
    assert.ok(codes.size >= 25, `only ${codes.size} codes: ${[...codes]}`);
  });

  it('the command line (json) reports what the engine reports', () => {
    // Names that clash across files are the CLI's business only: they get their own 200s, left out here.
    const run = cli(['check', '--format', 'json', '--fail-on', 'never', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const reported: any[] = JSON.parse(run.stdout);
    for (const d of documents) {
      const mine = reported.filter((r) => r.file === d.name && !(r.code === '200' && / in doc\d+\.payload\.json\.$/.test(r.message)));
      assert.deepEqual(
        mine.map((r) => ({ code: r.code, message: r.message, severity: r.severity, start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } })),
        expected(d.text),
        d.name,
      );
    }
  });

  describe('the language server', () => {
    const client = new TestClient();
    before(() => client.initialize({ textDocument: { diagnostic: {} } }, dir));
    after(() => client.stop());

    it('pulls the diagnostics the engine reports', async () => {
      for (const d of documents) {
        const uri = pathToFileURL(path.join(dir, d.name)).href;
        await client.open(uri, d.text);
        const items = await pull(client, uri);
        const mine = items.filter((x: any) => !(x.code === '200' && / in doc\d+\.payload\.json\.$/.test(x.message)));
        assert.deepEqual(
          mine.map((x: any) => ({ code: x.code, message: x.message, severity: x.severity, start: x.range.start, end: x.range.end })),
          expected(d.text).map((p) => ({ ...p, severity: SEVERITY[p.severity] })),
          d.name,
        );
        assert.ok(items.every((x: any) => x.source === 'voipnow'));
      }
    });
  });
});
