// Hostile input through the core: thousands of seeded damaged documents and a few extreme ones.
// Every call must return (no exception, no hang) with every range inside the document, and every
// editing feature must answer at any offset.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, complete, definition, documentSymbols, fixAll, hover, isDocumentedCode, parseRecords, quickFixes, WORD_CODES, isDocumented, type Records } from '../../../server/src/core';
import { seeded } from '../random';
import { extremes, hostileDocuments } from './hostile';

function checkDocument(text: string, featureOffsets: number[], records?: Records) {
  const analysis = analyze(text, { included: true, records });
  for (const p of analysis.problems) {
    assert.ok(p.offset >= 0 && p.length >= 0 && p.offset + p.length <= text.length, `range ${p.offset}+${p.length} outside ${text.length}`);
    assert.ok(isDocumentedCode(p.code) ? p.method !== undefined && isDocumented(p.method, p.code) : p.code in WORD_CODES, `code ${p.code}`);
    assert.equal(typeof p.message, 'string');
    for (const fix of quickFixes(analysis, p)) for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length);
  }
  for (const offset of featureOffsets) {
    hover(analysis, offset);
    complete(analysis, offset);
    const found = definition(analysis, offset);
    if (found) assert.ok(found.record.offset + found.record.length <= found.records.text.length);
  }
  documentSymbols(analysis);
  fixAll(analysis);
}

describe('hostile input through the core', () => {
  it('3,000 seeded damaged documents', () => {
    const random = seeded(99);
    for (const text of hostileDocuments(3000)) {
      try {
        checkDocument(text, [0, text.length, Math.floor(random() * (text.length + 1))]);
      } catch (error) {
        assert.fail(`${(error as Error).stack}\non document ${JSON.stringify(text.slice(0, 500))}`);
      }
    }
  });

  it('1,000 of them with a records snapshot, and each of them read as a records file', () => {
    const records = parseRecords(JSON.stringify({ codecs: [{ ID: 1, name: 'G.711' }], channels: [{ ID: 2, name: 'Carrier A' }], users: [], rules: [{ ID: 3, name: 'r' }] })).records!;
    const random = seeded(7);
    for (const text of hostileDocuments(1000)) {
      try {
        checkDocument(text, [0, text.length, Math.floor(random() * (text.length + 1))], records);
        for (const p of parseRecords(text).problems) assert.ok(p.offset >= 0 && p.offset + p.length <= text.length && p.code in WORD_CODES);
      } catch (error) {
        assert.fail(`${(error as Error).stack}\non document ${JSON.stringify(text.slice(0, 500))}`);
      }
    }
  });

  for (const { name, text } of extremes()) {
    it(name, () => {
      checkDocument(text, [0, Math.floor(text.length / 2), text.length]);
    });
  }

  it('a document over maxFileSize gets one information diagnostic and is not parsed', () => {
    const text = '{"method":"GetCodecs","params":{"channelID":"x"}}' + ' '.repeat(100);
    const analysis = analyze(text, { maxFileSize: 64 });
    assert.deepEqual(analysis.problems.map((p) => [p.code, p.severity, p.offset, p.length]), [['file-too-large', 'information', 0, 0]]);
    assert.equal(analysis.root, undefined);
  });
});
