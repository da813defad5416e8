// schemas/codes.json must say exactly what the documentation says: 24 methods, 370 rows.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { allRows, documentedText, METHODS, methodsDocumenting, normalizeCode } from '../../server/src/core';
// @ts-expect-error: a plain ES module script without types
import { parseCodeTable } from '../../scripts/import-codes.mjs';

const SPEC = path.resolve(__dirname, '..', '..', '..', 'shared', 'spec', 'channel-error-codes.md');

describe('code catalog', () => {
  it('holds 24 methods and 370 rows, codes as three-digit strings', () => {
    assert.equal(METHODS.length, 24);
    assert.equal(allRows().length, 370);
    for (const row of allRows()) assert.match(row.code, /^\d{3}$/);
  });

  it('matches the documentation row for row', { skip: !existsSync(SPEC) && 'shared/spec is not beside this clone' }, () => {
    assert.deepEqual(parseCodeTable(readFileSync(SPEC, 'utf8')), allRows());
  });

  it('keeps the documented oddities character for character', () => {
    assert.equal(documentedText('AddChannel', '607'), 'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$.# .');
    assert.equal(documentedText('EditChannel', '607'), 'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$,# .');
    assert.match(documentedText('AddChannel', '864')!, /IPs\/network '\. Valid/);
    assert.equal(documentedText('GetCodecs', '030'), 'No records.');
    assert.equal(documentedText('AssignPublicNo', '200'), 'Unable to completely assign public phone numbers. Not enough numbers available.');
  });

  it('reads 30 as 030 and lists every method that documents a code', () => {
    assert.equal(normalizeCode('30'), '030');
    assert.equal(normalizeCode('617'), '617');
    assert.deepEqual(methodsDocumenting('617').map((r) => r.method), ['AddChannel', 'EditChannel']);
  });
});
