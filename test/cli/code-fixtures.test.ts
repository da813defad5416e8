// A fixture per code (test/fixtures/codes/<code>/, see its README): each folder's invalid.payload.json
// must raise its code and valid.payload.json must not, and each file's text report is kept beside it
// as <kind>.golden, so the folder reads as the code's documentation. The codes that must have a
// folder come from the engine (every word code, and every documented code that a payload file can
// raise for some method: the list `explain` and hover read), so a new code without its fixture fails.
// Run: npm run build && node test/run.mjs code-fixtures (UPDATE_GOLDEN=1 rewrites the goldens).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { fileCheckableCodes, methodsDocumenting, METHODS, WORD_CODES } from '../../server/src/core';
import { CLI, colorFreeEnv, ROOT, type Run } from './run-cli';

const CODES = join(ROOT, 'test', 'fixtures', 'codes');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const KINDS = ['invalid', 'valid'] as const;
type Kind = (typeof KINDS)[number];

/** Every code a file can raise: the word codes, and each method's file-checkable documented codes. */
function raisableCodes(): string[] {
  const documented = new Set(METHODS.flatMap((method) => [...fileCheckableCodes(method)]));
  return [...documented].sort().concat(Object.keys(WORD_CODES));
}

interface Fixture {
  code: string;
  kind: Kind;
  /** The payload file, relative to the code's folder (the working folder of its run). */
  file: string;
  golden: string;
}

/** A code folder's fixtures: `<kind>.payload.json` in it or in a subfolder (invalid-config needs one config per kind). */
function fixturesOf(code: string): Fixture[] {
  const folder = join(CODES, code);
  const found: Fixture[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const kind = KINDS.find((k) => entry.name === `${k}.payload.json`);
    if (!entry.isFile() || kind === undefined) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ code, kind, file: relative(folder, path).split('\\').join('/'), golden: join(entry.parentPath, `${kind}.golden`) });
  }
  return found.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** `args.json` in a code folder: options its runs need (too-many-problems: `--max-problems 2`). */
function argsOf(code: string): string[] {
  const path = join(CODES, code, 'args.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as string[]) : [];
}

/** `check --format text` on one fixture, from its code's folder so that its report's paths are short and stable. */
function checkFixture(fixture: Fixture): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'text', ...argsOf(fixture.code), fixture.file], {
      cwd: join(CODES, fixture.code),
      env: colorFreeEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const keyOf = (fixture: Fixture) => `${fixture.code}/${fixture.file}`;

/** Runs every fixture, a few processes at a time (one per fixture: each report is exactly that file's). */
async function checkAll(fixtures: readonly Fixture[]): Promise<Map<string, Run>> {
  const runs = new Map<string, Run>();
  let next = 0;
  const worker = async () => {
    while (next < fixtures.length) {
      const fixture = fixtures[next++];
      runs.set(keyOf(fixture), await checkFixture(fixture));
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  return runs;
}

interface Reported {
  file: string;
  line: number;
  code: string;
}

/** A text report's problem lines (`file:line:col  severity  code  message`, the problem matcher's pattern); the message is not read. */
function reported(report: string): Reported[] {
  return report.split('\n').flatMap((text) => {
    const match = /^(.+):(\d+):\d+ {2}(?:error|warning|information) {2}(\S+) {2}/.exec(text);
    return match ? [{ file: match[1], line: Number(match[2]), code: match[3] }] : [];
  });
}

interface Case {
  method: unknown;
  /** The first line of the comments above the request, and the request's last line. */
  from: number;
  to: number;
  /** `// context: ...`: a request that only sets the scene (the first of two duplicates) and need not raise the code. */
  context: boolean;
}

/** The requests of a batch fixture, each with the comment above it; none for a file that is not a batch. */
function casesOf(text: string): Case[] {
  const root = parseTree(text);
  if (root?.type !== 'array') return [];
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  let previousEnd = root.offset + 1;
  return (root.children ?? []).map((element) => {
    const before = text.slice(previousEnd, element.offset);
    const found = { method: findNodeAtLocation(element, ['method'])?.value, from: lineAt(previousEnd) + 1, to: lineAt(element.offset + element.length), context: before.includes('// context:') };
    previousEnd = element.offset + element.length;
    return found;
  });
}

/** The methods that document the code and whose file can raise it (each needs a case in the invalid fixture). */
function methodsRaising(code: string): string[] {
  return methodsDocumenting(code)
    .map((row) => row.method)
    .filter((method) => fileCheckableCodes(method).has(code));
}

const folders = existsSync(CODES) ? readdirSync(CODES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : [];
const fixtures = folders.flatMap(fixturesOf);
let runs: Map<string, Run>;

before(async () => {
  runs = await checkAll(fixtures);
});

describe('code fixtures: one folder per code a file can raise', () => {
  test('every code a file can raise has a folder with an invalid and a valid fixture', () => {
    const missing = raisableCodes().filter((code) => KINDS.some((kind) => !fixtures.some((f) => f.code === code && f.kind === kind)));
    assert.deepEqual(missing, [], `codes without their fixtures in test/fixtures/codes/ (see its README): ${missing.join(', ')}`);
  });

  test('every folder names a code a file can raise', () => {
    const raisable = new Set(raisableCodes());
    assert.deepEqual(folders.filter((code) => !raisable.has(code)), []);
  });
});

for (const code of folders) {
  describe(`code fixture ${code}`, () => {
    for (const fixture of fixturesOf(code)) {
      test(`${fixture.file}: the report ${fixture.kind === 'invalid' ? 'holds' : 'does not hold'} ${code} and matches ${fixture.kind}.golden`, () => {
        const run = runs.get(keyOf(fixture));
        assert.ok(run, 'the fixture was not run');
        assert.equal(run.stderr, '');
        assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}`);
        const problems = reported(run.stdout);
        const codes = problems.map((p) => p.code);
        if (fixture.kind === 'invalid') assert.ok(codes.includes(code), `${code} not raised:\n${run.stdout}`);
        else assert.ok(!codes.includes(code), `${code} raised by the valid fixture:\n${run.stdout}`);
        if (fixture.kind === 'invalid') {
          // Each request of a batch is a case of the code (a golden rewritten by UPDATE_GOLDEN would not say that one stopped raising it).
          const cases = casesOf(readFileSync(join(CODES, code, fixture.file), 'utf8'));
          const raises = (c: Case) => problems.some((p) => p.file === fixture.file && p.code === code && p.line >= c.from && p.line <= c.to);
          const silent = cases.filter((c) => !c.context && !raises(c)).map((c) => `lines ${c.from}-${c.to}`);
          assert.deepEqual(silent, [], `cases of ${fixture.file} that do not raise ${code}`);
          const uncovered = methodsRaising(code).filter((method) => !cases.some((c) => c.method === method && raises(c)));
          assert.deepEqual(uncovered, [], `methods that document ${code} without a case raising it in ${fixture.file}`);
        }
        if (UPDATE) writeFileSync(fixture.golden, run.stdout);
        else {
          assert.ok(existsSync(fixture.golden), `missing ${relative(ROOT, fixture.golden)}: run with UPDATE_GOLDEN=1`);
          assert.equal(run.stdout, readFileSync(fixture.golden, 'utf8'), `the report differs from ${relative(ROOT, fixture.golden)} (UPDATE_GOLDEN=1 rewrites it)`);
        }
      });
    }
  });
}
