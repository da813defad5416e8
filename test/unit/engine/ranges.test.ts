// Every range the core reports lies inside the text: jsonc-parser reports a trailing unterminated
// `/*` one character past the end, which the command line then printed as a column past the line.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, parseConfig, parseRecords, type Problem } from '../../../server/src/core';
import { hostileDocuments } from './hostile';

const ranges = (problems: readonly Problem[]) => problems.map((p) => [p.code, p.offset, p.length]);

function assertInside(text: string, problems: readonly Problem[], what: string): void {
  for (const p of problems) {
    assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `${what}: ${p.code} at ${p.offset}+${p.length} outside ${text.length} in ${JSON.stringify(text.slice(-80))}`);
  }
}

describe('ranges inside the text', () => {
  it('a trailing unterminated /* is reported up to the end of the text, not past it', () => {
    assert.deepEqual(ranges(analyze('{ /*', { included: true }).problems), [
      ['missing-method', 0, 1],
      ['invalid-json', 2, 2],
      ['invalid-json', 4, 0],
    ]);
    assert.deepEqual(ranges(analyze('{"method":"GetCodecs"} /*').problems), [['invalid-json', 23, 2]]);
    assert.deepEqual(ranges(parseRecords('{ /*').problems), [
      ['invalid-json', 2, 2],
      ['invalid-json', 4, 0],
    ]);
    assert.deepEqual(ranges(parseConfig('/*').problems), [['invalid-json', 0, 2]]);
  });

  it('holds for 500 damaged documents ending in /* or an open string, read as payloads, records and settings', () => {
    for (const base of hostileDocuments(250, 7)) {
      for (const text of [base + '/*', base + ' "']) {
        assertInside(text, analyze(text, { included: true }).problems, 'analyze');
        assertInside(text, parseRecords(text).problems, 'parseRecords');
        assertInside(text, parseConfig(text).problems, 'parseConfig');
      }
    }
  });
});
