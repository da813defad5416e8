// 200 across files (spec section 5), the one implementation the command line and the language
// server share: each file's first clashing request gets 200 naming the first other file, with
// related locations on every other file's request.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, crossFileDuplicates, type FileEntries } from '../../../server/src/core';

const channel = (name: string) => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": ${JSON.stringify(name)} } } }`;

function files(texts: Record<string, string>): { entries: FileEntries[]; texts: string[] } {
  const names = Object.keys(texts);
  return { entries: names.map((display) => ({ display, unique: analyze(texts[display]).unique })), texts: names.map((n) => texts[n]) };
}

describe('crossFileDuplicates', () => {
  it('each clashing file gets 200 on its value, naming the first other file, related to all others', () => {
    const { entries, texts } = files({
      'a.payload.json': channel('Carrier A'),
      'sub/b.payload.json': channel('  carrier a'),
      'c.payload.json': channel('CARRIER A'),
      'd.payload.json': channel('Carrier D'),
    });
    const found = crossFileDuplicates(entries);
    assert.deepEqual(
      found.map((d) => [d.fileIndex, d.problem.code, d.problem.method, d.problem.message, texts[d.fileIndex].slice(d.problem.offset, d.problem.offset + d.problem.length)]),
      [
        [0, '200', 'AddChannel', "Duplicate record. A channel named '  carrier a' is also added in sub/b.payload.json.", '"Carrier A"'],
        [1, '200', 'AddChannel', "Duplicate record. A channel named 'Carrier A' is also added in a.payload.json.", '"  carrier a"'],
        [2, '200', 'AddChannel', "Duplicate record. A channel named 'Carrier A' is also added in a.payload.json.", '"CARRIER A"'],
      ],
    );
    assert.deepEqual(
      found[0].related.map((r) => [r.fileIndex, r.message, texts[r.fileIndex].slice(r.offset, r.offset + r.length)]),
      [
        [1, "A channel named '  carrier a' is also added here.", '"  carrier a"'],
        [2, "A channel named 'CARRIER A' is also added here.", '"CARRIER A"'],
      ],
    );
  });

  it('groups and public numbers (compared without a leading +) too; the kinds never mix', () => {
    const { entries } = files({
      'g1.json': '{ "method": "AddChannelGroup", "params": { "name": "Carriers" } }',
      'g2.json': '{ "method": "AddChannelGroup", "params": { "name": "carriers" } }',
      'n1.json': '{ "method": "AddPublicNo", "params": { "publicNo": [{ "phoneNo": "+40210000001", "did": "a1", "channelID": 1 }] } }',
      'n2.json': '{ "method": "AddPublicNo", "params": { "publicNo": [{ "phoneNo": "40210000001", "did": "a1", "channelID": 1 }] } }',
      'c.json': channel('Carriers'),
    });
    assert.deepEqual(
      crossFileDuplicates(entries).map((d) => [entries[d.fileIndex].display, d.problem.message]),
      [
        ['g1.json', "Duplicate record. A channel group named 'carriers' is also added in g2.json."],
        ['g2.json', "Duplicate record. A channel group named 'Carriers' is also added in g1.json."],
        ['n1.json', "Duplicate record. The public number '40210000001' is also added in n2.json."],
        ['n2.json', "Duplicate record. The public number '+40210000001' is also added in n1.json."],
      ],
    );
  });

  it('a value added twice in one file clashes across files once, on its first request (the later one has its in-file 200)', () => {
    const { entries } = files({
      'a.json': `[${channel('X')}, ${channel('x')}]`,
      'b.json': channel('X'),
    });
    const found = crossFileDuplicates(entries);
    assert.deepEqual(found.map((d) => [d.fileIndex, d.related.length]), [[0, 1], [1, 1]]);
    assert.equal(analyze(`[${channel('X')}, ${channel('x')}]`).problems.filter((p) => p.code === '200').length, 1);
  });

  it('the display of the other file can depend on the file shown in (multi-root), and related locations are capped', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 8; i++) many[`f${i}.json`] = channel('Same');
    const { entries } = files(many);
    const found = crossFileDuplicates(entries, { display: (other, from) => `${other}-seen-from-${from}`, maxRelated: 3 });
    assert.equal(found.length, 8);
    assert.equal(found[2].problem.message, "Duplicate record. A channel named 'Same' is also added in 0-seen-from-2.");
    assert.deepEqual(found[2].related.map((r) => r.fileIndex), [0, 1, 3]);
  });

  it('no clash, no problem; no entries, no work', () => {
    assert.deepEqual(crossFileDuplicates(files({ 'a.json': channel('A'), 'b.json': channel('B') }).entries), []);
    assert.deepEqual(crossFileDuplicates([]), []);
  });
});
