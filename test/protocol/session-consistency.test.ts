// The command line and the language server are two hosts of one workspace session: on the same
// workspace (a project file, a records snapshot, clashes across subfolders, disable comments, CR LF
// line ends) they must report every problem alike: file, code, text, severity, range, and the
// related locations of each 200 across files. A large file (checked in the server's thread for
// large files, its report serialized in slices when pushed) is reported alike too.
import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { cli } from '../cli/run-cli';
import { pullWorkspace } from './helpers';
import { ROOT, TestClient } from './lsp-client';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'session-workspace');
const LEVEL = { error: 1, warning: 2, note: 3 } as const;

interface Row {
  file: string;
  code: string;
  message: string;
  severity: number;
  range: string;
  related: string[];
}

const at = (r: { startLine: number; startColumn: number; endLine: number; endColumn: number }) => `${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn}`;
const byPlace = (a: Row, b: Row) => (a.file + a.range + a.code < b.file + b.range + b.code ? -1 : 1);

describe('the command line and the language server report alike (one workspace session)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voipnow-session-'));
  const base = pathToFileURL(dir).href + '/';
  before(() => cpSync(FIXTURE, dir, { recursive: true }));
  after(() => rmSync(dir, { recursive: true, force: true }));

  function cliRows(): Row[] {
    const run = cli(['check', '--format', 'sarif', '--fail-on', 'never', '.'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const sarif = JSON.parse(run.stdout);
    const rules = sarif.runs[0].tool.driver.rules;
    return sarif.runs[0].results.map((r: any) => {
      const physical = r.locations[0].physicalLocation;
      return {
        file: physical.artifactLocation.uri,
        code: r.ruleId ?? rules[r.ruleIndex].id,
        message: r.message.text,
        severity: LEVEL[r.level as keyof typeof LEVEL],
        range: at(physical.region),
        related: (r.relatedLocations ?? []).map((l: any) => `${l.physicalLocation.artifactLocation.uri} ${at(l.physicalLocation.region)}`),
      };
    });
  }

  const lsp = (p: any) => ({ startLine: p.start.line + 1, startColumn: p.start.character + 1, endLine: p.end.line + 1, endColumn: p.end.character + 1 });
  const lspRows = (uri: string, diagnostics: any[]): Row[] =>
    diagnostics.map((d: any) => ({
      file: uri.slice(base.length),
      code: d.code,
      message: d.message,
      severity: d.severity,
      range: at(lsp(d.range)),
      related: (d.relatedInformation ?? []).map((r: any) => `${r.location.uri.slice(base.length)} ${at(lsp(r.location.range))}`),
    }));

  async function serverRows(): Promise<Row[]> {
    const client = new TestClient();
    try {
      await client.initialize({ textDocument: { diagnostic: {} }, workspace: { configuration: true } }, dir);
      const report = await pullWorkspace(client);
      return report.items.flatMap((item: any) => lspRows(item.uri, item.items));
    } finally {
      await client.stop();
    }
  }

  /** Push mode: each file's published rows once they equal `expected`'s for it (a wait that fails shows the last). */
  async function pushedRows(expected: Row[]): Promise<Row[]> {
    const client = new TestClient();
    try {
      const files = [...new Set(expected.map((r) => r.file))];
      const waits = files.map((file) => {
        const want = JSON.stringify(expected.filter((r) => r.file === file));
        const matches = (p: any) => p.uri === base + file && JSON.stringify(lspRows(p.uri, p.diagnostics).sort(byPlace)) === want;
        return client.waitUntil('textDocument/publishDiagnostics', matches, { expected: `${file}'s rows as the command line has them` });
      });
      await client.initialize({ workspace: { configuration: true } }, dir);
      const published = await Promise.all(waits);
      return published.flatMap((p: any) => lspRows(p.uri, p.diagnostics));
    } finally {
      await client.stop();
    }
  }

  it('every problem, with its related locations', async () => {
    const cli = cliRows().sort(byPlace);
    const server = (await serverRows()).sort(byPlace);
    assert.deepEqual(server, cli);
    // The fixture exercises what it says: records, clashes in three files, rules, disable comments, CR LF.
    assert.equal(cli.length, 12);
    const codes = cli.map((r) => r.code);
    for (const code of ['200', '617', '620', '619', 'unused-disable', 'duplicate-key', 'unknown-parameter']) assert.ok(codes.includes(code), code);
    assert.ok(cli.some((r) => r.related.length === 2), 'a value added in three files');
    assert.ok(cli.some((r) => r.file === 'west/carrier.payload.json' && r.code === '200' && r.range.startsWith('4:')), 'CR LF lines');
    assert.ok(!cli.some((r) => r.file === 'west/carrier.payload.json' && r.code === '619'), 'the disable comment applies');
    assert.equal(cli.find((r) => r.code === '617')?.severity, LEVEL.warning);
  });

  it('a large file too, pulled and pushed', async () => {
    // 400 requests (over 64 KB): one adds a channel that two fixture files add, one a group the west adds; every 50th has a bad flow.
    const requests = Array.from({ length: 400 }, (_, i) => {
      const name = i === 120 ? 'Carrier A' : `Large carrier ${i}`;
      const flow = i % 50 === 7 ? 'bothh' : 'in';
      const note = 'A generated carrier with a note long enough to make the file large.';
      return `  { "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "${name}", "flow": "${flow}", "notes": "${note}" } } }`;
    });
    requests.push('  { "method": "AddChannelGroup", "params": { "name": "carriers west" } }');
    const text = `[\n${requests.join(',\n')}\n]\n`;
    assert.ok(text.length > 64 * 1024, `${text.length} characters`);
    writeFileSync(path.join(dir, 'north', 'large.payload.json'), text);
    try {
      const cli = cliRows().sort(byPlace);
      const large = cli.filter((r) => r.file === 'north/large.payload.json');
      assert.deepEqual(large.map((r) => r.code).sort(), ['200', '200', '617', '617', '617', '617', '617', '617', '617', '617']);
      assert.ok(cli.some((r) => r.related.some((l) => l.startsWith('north/large.payload.json '))), 'other files name the large one');
      assert.deepEqual((await serverRows()).sort(byPlace), cli);
      assert.deepEqual((await pushedRows(cli)).sort(byPlace), cli);
    } finally {
      rmSync(path.join(dir, 'north', 'large.payload.json'));
    }
  });
});
