// Which files `check` reads, as ESLint users expect: quoted globs, a path or glob that matches no
// JSON file is an error (exit 2) unless --no-error-on-unmatched-pattern, --include globs relative to
// the working folder with a warning for one that matches nothing, paths shown relative when under it.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { cli } from './run-cli';

const PAYLOAD = '{ "method": "GetCodecs", "params": { "channelID": 0 } }\n';
const NO_METHOD = '{ "note": "names no method" }\n';

describe('check: paths, globs and include', () => {
  let dir: string;
  const files = (stdout: string) => [...new Set(stdout.split('\n').filter((l) => /^[^ ]+:\d+:\d+ /.test(l)).map((l) => l.split(':')[0]))];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'voipnow-files-'));
    for (const folder of ['payloads/deep', 'empty', 'docs', 'node_modules/x']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'payloads', 'a.json'), PAYLOAD);
    writeFileSync(join(dir, 'payloads', 'deep', 'b.json'), PAYLOAD);
    writeFileSync(join(dir, 'payloads', 'deep', 'plain.json'), NO_METHOD);
    writeFileSync(join(dir, 'payloads', 'notes.txt'), PAYLOAD);
    writeFileSync(join(dir, 'node_modules', 'x', 'c.json'), PAYLOAD);
    writeFileSync(join(dir, 'docs', 'readme.md'), '# docs\n');
    writeFileSync(join(dir, 'top.json'), PAYLOAD);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a quoted glob is expanded: ** goes deep (skipping node_modules), * stays in its folder', () => {
    assert.deepEqual(files(cli(['check', 'payloads/**/*.json'], { cwd: dir }).stdout), ['payloads/a.json', 'payloads/deep/b.json']);
    assert.deepEqual(files(cli(['check', 'payloads/*.json'], { cwd: dir }).stdout), ['payloads/a.json']);
    assert.deepEqual(files(cli(['check', '*.json'], { cwd: dir }).stdout), ['top.json']);
    assert.deepEqual(files(cli(['check', '**/b.json'], { cwd: dir }).stdout), ['payloads/deep/b.json']);
    assert.deepEqual(files(cli(['check', '{top,payloads/a}.json'], { cwd: dir }).stdout), ['payloads/a.json', 'top.json']);
    assert.deepEqual(files(cli(['check', `${dir}/payloads/deep/*.json`], { cwd: join(dir, 'empty') }).stdout), [`${dir}/payloads/deep/b.json`]);
  });

  test('a path or glob that matches no JSON file: exit 2 naming it, unless --no-error-on-unmatched-pattern', () => {
    const cases: Array<[string, string]> = [
      ['empty', "voipnow-payloads: no .json or .jsonc file in 'empty' (--no-error-on-unmatched-pattern allows it)\n"],
      ['docs', "voipnow-payloads: no .json or .jsonc file in 'docs' (--no-error-on-unmatched-pattern allows it)\n"],
      ['payloads/**/*.jsonc', "voipnow-payloads: no .json or .jsonc file matches 'payloads/**/*.jsonc' (--no-error-on-unmatched-pattern allows it)\n"],
      ['nowhere/*.json', "voipnow-payloads: no .json or .jsonc file matches 'nowhere/*.json' (--no-error-on-unmatched-pattern allows it)\n"],
      ['payloads/*.txt', "voipnow-payloads: no .json or .jsonc file matches 'payloads/*.txt' (--no-error-on-unmatched-pattern allows it)\n"],
      ['missing.json', "voipnow-payloads: cannot read 'missing.json': no such file or directory\n"],
    ];
    for (const [path, stderr] of cases) {
      const run = cli(['check', 'top.json', path], { cwd: dir });
      assert.equal(run.stderr, stderr, path);
      assert.equal(run.status, 2, path);
      assert.equal(run.stdout, '');
      const allowed = cli(['check', '--no-error-on-unmatched-pattern', 'top.json', path], { cwd: dir });
      assert.equal(allowed.stderr, '', path);
      assert.equal(allowed.status, 1, path);
      assert.deepEqual(files(allowed.stdout), ['top.json']);
    }
    assert.equal(cli(['check', '--no-error-on-unmatched-pattern', 'empty'], { cwd: dir }).stdout, 'No problems in 0 files\n');
    // A file given is checked whatever its name.
    assert.deepEqual(files(cli(['check', 'payloads/notes.txt'], { cwd: dir }).stdout), ['payloads/notes.txt']);
  });

  test('--include globs match the path relative to the working folder, whatever folder is given', () => {
    const included = cli(['check', '--include', 'payloads/deep/*.json', 'payloads'], { cwd: dir });
    assert.equal(included.stderr, '');
    assert.match(included.stdout, /^payloads\/deep\/plain\.json:1:1 {2}error {2}missing-method /m);
    const fromInside = cli(['check', '--include', 'deep/*.json', '.'], { cwd: join(dir, 'payloads') });
    assert.match(fromInside.stdout, /^deep\/plain\.json:1:1 {2}error {2}missing-method /m);
  });

  test('an --include glob that matches no file checked gets a warning on stderr', () => {
    const run = cli(['check', '--include', 'deep/*.json', '--include', 'payloads/**/plain.json', 'payloads'], { cwd: dir });
    assert.equal(run.stderr, "voipnow-payloads: warning: --include 'deep/*.json' matches no file checked\n");
    assert.match(run.stdout, /payloads\/deep\/plain\.json:1:1 {2}error {2}missing-method/);
  });

  test('paths are shown relative to the working folder when under it, absolute otherwise', () => {
    const inside = cli(['check', join(dir, 'payloads', 'a.json')], { cwd: join(dir, 'payloads') });
    assert.match(inside.stdout, /^a\.json:1:/);
    const outside = cli(['check', join(dir, 'top.json')], { cwd: join(dir, 'payloads') });
    assert.match(outside.stdout, new RegExp(`^${join(dir, 'top.json').replace(/[.]/g, '\\.')}:1:`));
  });
});
