// capProblems: the first maxProblems problems in document order, then one too-many-problems
// information on the first problem left out, saying how many more there are.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, capProblems, WORD_CODES, type Problem } from '../../../server/src/core';

const summary = (problems: readonly Problem[]) => problems.map((p) => [p.code, p.severity, p.offset, p.length, p.message]);

/** A batch of `n` requests with one problem each (an invalid flow). */
function flows(n: number): string {
  return '[' + Array.from({ length: n }, () => '{"method":"GetChannels","params":{"flow":"bothh"}}').join(',') + ']';
}

describe('capProblems', () => {
  it('keeps all problems (the same array) up to the cap', () => {
    const problems = analyze(flows(3)).problems;
    assert.equal(problems.length, 3);
    assert.equal(capProblems(problems, 3), problems);
    assert.equal(capProblems(problems, 1000), problems);
    assert.equal(capProblems(problems, Infinity), problems);
    assert.deepEqual(capProblems([], 1), []);
  });

  it('keeps the first ones in document order and says on the first left out how many more there are', () => {
    const text = flows(5);
    const problems = analyze(text).problems;
    const capped = capProblems(problems, 2);
    assert.deepEqual(capped.slice(0, 2), problems.slice(0, 2));
    assert.deepEqual(summary(capped.slice(2)), [
      ['too-many-problems', 'information', problems[2].offset, problems[2].length, '3 more problems in this file are not shown (maxProblems is 2).'],
    ]);
    assert.equal(text.slice(capped[2].offset, capped[2].offset + capped[2].length), '"bothh"');
    assert.equal(WORD_CODES['too-many-problems'].severity, 'information');
    assert.deepEqual(summary(capProblems(problems, 4).slice(4)), [['too-many-problems', 'information', problems[4].offset, problems[4].length, '1 more problem in this file is not shown (maxProblems is 4).']]);
  });

  it('orders problems given out of order, keeping the order of those at one place', () => {
    const at = (offset: number, code: string): Problem => ({ code, message: code, severity: 'error', offset, length: 1 });
    const problems = [at(30, 'c'), at(10, 'a'), at(10, 'b'), at(20, 'd')];
    assert.deepEqual(capProblems(problems, 2).map((p) => [p.code, p.offset]), [['a', 10], ['b', 10], ['too-many-problems', 20]]);
    assert.deepEqual(problems.map((p) => p.code), ['c', 'a', 'b', 'd']);
  });

  it('bounds what a file of 100,000 problems hands on', () => {
    const problems = analyze(flows(100_000)).problems;
    assert.equal(problems.length, 100_000);
    const capped = capProblems(problems, 1000);
    assert.equal(capped.length, 1001);
    assert.equal(capped[1000].message, '99000 more problems in this file are not shown (maxProblems is 1000).');
  });
});
