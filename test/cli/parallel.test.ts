// Worker threads must not change a byte of the report: the same fixtures (a duplicate across
// files among them) checked with one, two and three threads.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cli } from './run-cli';


describe('check --jobs', () => {
  for (const format of ['text', 'json', 'sarif']) {
    it(`gives the same ${format} report with 1, 2 and 3 threads`, () => {
      const runs = [1, 2, 3].map((jobs) => cli(['check', '--format', format, '--jobs', String(jobs), 'test/cli/fixtures', 'examples']));
      assert.match(runs[0].stdout, /200/);
      for (const run of runs) {
        assert.equal(run.stdout, runs[0].stdout);
        assert.equal(run.status, runs[0].status);
      }
    });
  }

  it('reports an unreadable file found by a worker as a usage error', () => {
    const run = cli(['check', '--jobs', '2', 'test/cli/fixtures', 'no/such/file.json']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no\/such\/file\.json/);
  });
});

describe('how many threads by default', () => {
  it('one below 400 files or on fewer than three cores; else one per core, up to four', async () => {
    const { workerCount } = await import('../../server/src/cli/parallel');
    assert.deepEqual([workerCount(399, 8), workerCount(5000, 2), workerCount(400, 3), workerCount(5000, 16)], [1, 1, 3, 4]);
  });
});
