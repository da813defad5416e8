// The include globs' own matcher: the semantics minimatch gave them ({ dot: true, matchBase }),
// compared with minimatch itself on generated globs and paths; hostile globs end at once; what
// exceeds a bound is refused with a message naming the bound.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Minimatch } from 'minimatch';
import { compileGlob, globProblem, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, MAX_GLOB_STARS } from '../../../server/src/core/glob/glob';
import { isIncluded } from '../../../server/src/core/glob/include';
import { pick, seeded } from '../random';

const match = (glob: string, path: string) => compileGlob(glob).matches(path);

describe('glob matcher', () => {
  it('matches as the project documents: **, *, ?, classes, braces, dot files, base names', () => {
    const rows: Array<[string, string, boolean]> = [
      ['**/*.payload.json', 'a/b/c.payload.json', true],
      ['**/*.payload.json', 'c.payload.json', true],
      ['**/*.payload.json', '.hidden/.c.payload.json', true],
      ['payloads/**/*.json', 'payloads/x.json', true],
      ['payloads/**/*.json', 'payloads/a/b/x.json', true],
      ['payloads/**/*.json', 'other/payloads/x.json', false],
      ['payloads/*.json', 'payloads/a/x.json', false],
      ['a/**', 'a', false],
      ['a/**', 'a/b/c', true],
      ['a/**/b', 'a/b', true],
      ['*.json', 'deep/down/x.json', true],
      ['*.json', 'x.jsonc', false],
      ['x?.json', 'x1.json', true],
      ['x?.json', 'x12.json', false],
      ['[abc]*.json', 'b.json', true],
      ['[!abc]*.json', 'b.json', false],
      ['[^abc]*.json', 'd.json', true],
      ['[a-c]x', 'bx', true],
      ['[[:digit:]]x', '7x', true],
      ['[*]', '*', true],
      ['\\*.json', '*.json', true],
      ['\\*.json', 'a.json', false],
      ['{east,west}/*.json', 'west/a.json', true],
      ['{east,west}/*.json', 'north/a.json', false],
      ['{a/**/x,b}.json', 'a/q/x.json', true],
      ['v{1..3}.json', 'v2.json', true],
      ['v{1..3}.json', 'v4.json', false],
      ['v{01..10..3}.json', 'v07.json', true],
      ['{a..c}.json', 'b.json', true],
      ['{a}.json', '{a}.json', true],
      ['{a,b.json', '{a,b.json', true],
      ['*', '.env', true],
      ['**/x', '../x', false],
      ['*', '..', false],
      ['..', '..', true],
      ['!*.json', 'a.txt', true],
      ['!*.json', 'a.json', false],
      ['#comment', '#comment', false],
      ['a[b-a]c', 'abc', false],
    ];
    for (const [glob, path, expected] of rows) assert.equal(match(glob, path), expected, `${glob} ${path}`);
  });

  it('agrees with minimatch on 3,000 generated globs, 20 paths each', () => {
    const PIECES = ['a', 'b', 'x', '.', '-', '*', '*', '**', '?', '[ab]', '[!a]', '[a-c]', '[.]', '[^.]', '{a,b}', '{,x}', '{1..2}', '{a,{b,.}}', '/', '/',
      '.json', '**/', '/**', '[', ']', '{', '}', ',', '!', '#', '[[:alpha:]]', '[]a]', '[a-]', '{a/b,x}', '{a..c}', '{01..3}', 'a/', '{**/,}', '[b-a]',
      '*b*', '{3..1..2}', '[!]', '[^a-b]'];
    // No `.` or `..` segments: minimatch's shortcut for `*.x` lets `*` match them, its regular expressions do not.
    const NAMES = ['01', '1', '3', 'c', 'a1', 'x01', 'ac', 'a', 'b', 'x', 'ab', '.a', 'a.json', '.json', 'x1', 'x2', 'a-b', 'ba', '[', 'a]', '{a}', ',', '!a', '#a', 'é'];
    const random = seeded(3);
    let compared = 0;
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const glob = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(random, PIECES)).join('');
      let expected: Minimatch;
      try {
        expected = new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') });
      } catch {
        // minimatch throws on some globs (`[[:alpha:]]-`: an escape its `u` regular expression rejects).
        continue;
      }
      const actual = compileGlob(glob);
      for (let j = 0; j < 20; j++) {
        const path = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, NAMES)).join('/');
        const hit = expected.match(path);
        assert.equal(actual.matches(path), hit, `${JSON.stringify(glob)} on ${JSON.stringify(path)}`);
        compared++;
        if (hit) matched++;
      }
    }
    assert.ok(compared > 50_000 && matched > 3_000, `${compared} compared, ${matched} matched`);
  });

  it('ends at once on globs that made minimatch run forever or throw', () => {
    const started = Date.now();
    assert.equal(match('*a'.repeat(13) + '*c', 'a'.repeat(45)), false);
    assert.equal(match('*a'.repeat(63) + '*c', 'a'.repeat(100_000)), false);
    assert.equal(match('**/' + 'a/**/'.repeat(20) + '*.json', 'a/'.repeat(2000) + 'b.txt'), false);
    assert.equal(match('*' + '[[:alpha:]]'.repeat(60) + '*', '1'.repeat(50_000)), false);
    assert.equal(match('[[:alpha:]]-*', 'é-x'), true);
    assert.equal(isIncluded('a'.repeat(45), ['+(a|aa)'.repeat(10), 'x'.repeat(70_000), '{a,b}'.repeat(40)]), false);
    assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  });
});

describe('globProblem', () => {
  it('names the bound a glob exceeds and its limit', () => {
    assert.deepEqual([MAX_GLOB_LENGTH, MAX_GLOB_STARS, MAX_GLOB_ALTERNATIVES], [1024, 64, 64]);
    const rows: Array<[string, string | undefined]> = [
      ['**/*.payload.json', undefined],
      ['a'.repeat(1024), undefined],
      ['a'.repeat(1025), 'A glob may be at most 1024 characters long; this one has 1025.'],
      ['x'.repeat(70_000), 'A glob may be at most 1024 characters long; this one has 70000.'],
      ['*a'.repeat(64), undefined],
      ['*a'.repeat(65), "A glob may hold at most 64 '*'; this one has 65."],
      ['\\*'.repeat(100), undefined],
      ['{a,b}'.repeat(6), undefined],
      ['{a,b}'.repeat(7), "A glob's braces may stand for at most 64 globs; this one's stand for more."],
      ['{a,b}'.repeat(40), "A glob's braces may stand for at most 64 globs; this one's stand for more."],
      ['v{1..64}', undefined],
      ['v{1..65}', "A glob's braces may stand for at most 64 globs; this one's stand for more."],
      ['v{1..99999999999999999999}', "A glob's braces may stand for at most 64 globs; this one's stand for more."],
      ['+(a|aa)'.repeat(10), "Extended globs such as '+(' are not supported: write braces ({a,b}) for alternatives, or [+] for the character."],
      ['x/@(a|b).json', "Extended globs such as '@(' are not supported: write braces ({a,b}) for alternatives, or [@] for the character."],
      ['*(a)', "Extended globs such as '*(' are not supported: write braces ({a,b}) for alternatives, or [*] for the character."],
      ['{+,x}(a)', "Extended globs such as '+(' are not supported: write braces ({a,b}) for alternatives, or [+] for the character."],
      ['[+](a)', undefined],
      ['\\+(a)', undefined],
    ];
    for (const [glob, problem] of rows) assert.equal(globProblem(glob), problem, glob.slice(0, 40));
  });
});
