// The server's thread for large files (node/check-thread.ts, its script the built
// dist/check-thread.js): what it answers is what the engine finds in this thread, records snapshot
// included; a thread that cannot run answers undefined, and the caller checks the file itself.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { KEEP_TEXT_BELOW, postedLeanOf, parseRecords, postedAnalysis } from '../../../server/src/core';
import { CheckThread } from '../../../server/src/node/check-thread';
import { ROOT } from '../../protocol/lsp-client';

const SCRIPT = path.join(ROOT, 'dist', 'check-thread.js');
const request = (i: number) => `{ "method": "EditChannel", "params": { "ID": "${i % 3 === 0 ? 41 : 7}", "type": "sip", "SIP": { "name": "Carrier ${i}", "flow": "${i % 5 ? 'in' : 'bothh'}" } } }`;
const TEXT = `[\n${Array.from({ length: 40 }, (_, i) => `  ${request(i)}`).join(',\n')}\n]\n`;
const RECORDS = parseRecords('{ "channels": [{ "ID": 7, "name": "Carrier 7" }] }', { display: '.voipnow/records.json', location: 'file:///w/.voipnow/records.json' }).records!;

describe('the check thread', () => {
  it('answers what this thread finds, with and without a records snapshot', async () => {
    const thread = new CheckThread(SCRIPT);
    try {
      for (const options of [{ included: true, maxFileSize: 1e6 }, { included: true, maxFileSize: 1e6, records: RECORDS }]) {
        const here = postedAnalysis(TEXT, options);
        assert.ok(here.problems.length > 0);
        assert.deepEqual(await thread.check(TEXT, options), { checked: here });
      }
      // The snapshot is what decides: unknown IDs are problems only with it.
      const codes = (await thread.check(TEXT, { included: true, maxFileSize: 1e6, records: RECORDS }))!.checked!.problems.map((p) => p.code);
      assert.ok(codes.length > postedAnalysis(TEXT, { included: true }).problems.length, codes.join(' '));
    } finally {
      await thread.stop();
    }
    assert.equal(await thread.check(TEXT, { included: true }), undefined, 'stopped');
  });

  it('threads go when the workspace settles, used or not (their heaps go with them); a later check starts them again', async () => {
    const thread = new CheckThread(SCRIPT);
    try {
      thread.prepare();
      thread.settle();
      assert.deepEqual(await thread.check(TEXT, { included: true }), { checked: postedAnalysis(TEXT, { included: true }) });
      thread.settle();
      assert.deepEqual(await thread.check(TEXT, { included: true }), { checked: postedAnalysis(TEXT, { included: true }) });
    } finally {
      await thread.stop();
    }
  });

  it('two threads (three cores or more) share the checks, each answer for its own text', async () => {
    const thread = new CheckThread(SCRIPT, 2);
    try {
      const texts = Array.from({ length: 6 }, (_, k) => TEXT.replace(/Carrier /g, `Carrier ${k}-`));
      const answers = await Promise.all(texts.map((text) => thread.check(text, { included: true })));
      assert.deepEqual(answers, texts.map((text) => ({ checked: postedAnalysis(text, { included: true }) })));
    } finally {
      await thread.stop();
    }
  });

  it("a large file's bytes are moved to the thread, which answers only what the session keeps (no text), as made here", async () => {
    const thread = new CheckThread(SCRIPT);
    try {
      const large = `[\n${Array.from({ length: 1200 }, (_, i) => `  ${request(i).replace('EditChannel', 'AddChannel')}`).join(',\n')}\n]\n`;
      assert.ok(large.length >= KEEP_TEXT_BELOW);
      for (const options of [{ included: true }, { included: true, records: RECORDS }]) {
        const bytes = new TextEncoder().encode(large);
        const answer = await thread.check(bytes, options);
        assert.equal(bytes.byteLength, 0, 'moved, not copied');
        assert.equal(answer?.text, undefined);
        assert.deepEqual(answer, { lean: postedLeanOf(large, options).check });
        assert.ok(answer.lean.problems.fields.length > 0, `${answer.lean.problems.fields.length}`);
        // Every name once (with the snapshot, Carrier 7 is a record: a 200 of its own, not a value to compare).
        assert.equal(answer.lean.values.hashes.length, options.records ? 1199 : 1200);
      }
      // A small text read as bytes (multi-byte characters: 64 KB of bytes, fewer characters) comes back as a text and its check.
      const small = TEXT.replace(/Carrier/g, 'Carrier ✓');
      const answer = await thread.check(new TextEncoder().encode(small), { included: true });
      assert.deepEqual(answer, { text: small, checked: postedAnalysis(small, { included: true }) });
      // Bytes of no payload (no "method"): nothing to check, nothing kept.
      const other = await thread.check(new TextEncoder().encode(`{ "x": "${'y'.repeat(KEEP_TEXT_BELOW)}" }`), { included: false });
      assert.equal(other?.lean?.isPayload, false);
      assert.equal(other?.lean?.problems.ranges.length, 0);
    } finally {
      await thread.stop();
    }
  });

  it('a thread that cannot start answers undefined, then and after', async () => {
    const thread = new CheckThread(path.join(ROOT, 'dist', 'no-such-thread.js'));
    assert.equal(await thread.check(TEXT, { included: true }), undefined);
    assert.equal(await thread.check(TEXT, { included: true }), undefined);
  });
});
