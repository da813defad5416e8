// The outline: one symbol per request named after its method and what tells it apart, with its
// parameters below.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, documentSymbols, type SymbolEntry } from '../../../server/src/core';

const BATCH = `[
  { "method": "AddChannel", "id": "carrier-a", "params": { "type": "sip", "SIP": { "name": "Carrier A", "flow": "both", "codecs": [1, 3] } } },
  { "method": "AddPublicNo", "params": { "publicNo": [ { "phoneNo": "+40212345678", "did": "A1", "channelID": 7 }, { "phoneNo": "+40212345679", "did": "A2", "channelID": 7 } ] } },
  { "method": "EditChannel", "params": { "ID": 12, "SIP": { "flow": "in" } } },
  { "method": "DelChannel", "params": { "ID": [3, 4, 5] } },
  { "method": "GetChannels", "id": "all channels" },
  { "method": "GetCodecs" },
  { "method": "AddChanel", "params": { "SIP": { "name": "Typo" } } },
  { "params": {} }
]`;

function outline(entries: SymbolEntry[] | undefined, depth = 0): string[] {
  return (entries ?? []).flatMap((e) => [`${'  '.repeat(depth)}${e.name}${e.detail ? ` = ${e.detail}` : ''} (${e.kind})`, ...outline(e.children, depth + 1)]);
}

describe('document symbols', () => {
  const symbols = documentSymbols(analyze(BATCH, { included: true }));

  it('names each request after its method and what tells it apart', () => {
    assert.deepEqual(symbols.map((s) => s.name), [
      'AddChannel · Carrier A',
      'AddPublicNo · +40212345678 +1',
      'EditChannel · ID 12',
      'DelChannel · ID 3 +2',
      'GetChannels · all channels',
      'GetCodecs',
      'AddChanel · Typo',
      '(no method)',
    ]);
  });

  it('puts the parameters below each request', () => {
    assert.deepEqual(outline(symbols.slice(0, 2)), [
      'AddChannel · Carrier A (request)',
      '  type = "sip" (string)',
      '  SIP (object)',
      '    name = "Carrier A" (string)',
      '    flow = "both" (string)',
      '    codecs (array)',
      '      [0] = 1 (number)',
      '      [1] = 3 (number)',
      'AddPublicNo · +40212345678 +1 (request)',
      '  publicNo (array)',
      '    [0] +40212345678 (object)',
      '      phoneNo = "+40212345678" (string)',
      '      did = "A1" (string)',
      '      channelID = 7 (number)',
      '    [1] +40212345679 (object)',
      '      phoneNo = "+40212345679" (string)',
      '      did = "A2" (string)',
      '      channelID = 7 (number)',
    ]);
  });

  it('selects the method value inside the range of the request, and the key of a parameter', () => {
    const first = symbols[0];
    assert.equal(BATCH.slice(first.selectionOffset, first.selectionOffset + first.selectionLength), '"AddChannel"');
    assert.ok(BATCH.slice(first.offset, first.offset + first.length).startsWith('{ "method": "AddChannel"'));
    const type = first.children![0];
    assert.equal(BATCH.slice(type.offset, type.offset + type.length), '"type": "sip"');
    assert.equal(BATCH.slice(type.selectionOffset, type.selectionOffset + type.selectionLength), '"type"');
  });

  it('past its limit lists requests first, then parameters level by level, and ends with what is left out', () => {
    const analysis = analyze(BATCH, { included: true });
    // 8 requests, then 3 of their parameters: the outline cut on the second level.
    const cut = documentSymbols(analysis, 11);
    assert.deepEqual(outline(cut), [
      'AddChannel · Carrier A (request)',
      '  type = "sip" (string)',
      '  SIP (object)',
      'AddPublicNo · +40212345678 +1 (request)',
      '  publicNo (array)',
      'EditChannel · ID 12 (request)',
      'DelChannel · ID 3 +2 (request)',
      'GetChannels · all channels (request)',
      'GetCodecs (request)',
      'AddChanel · Typo (request)',
      '(no method) (request)',
      '… more parameters not listed: the outline shows at most 11 symbols (omitted)',
    ]);
    const omitted = cut.at(-1)!;
    assert.equal(BATCH.slice(omitted.offset, omitted.offset + 8), '"ID": 12');
    assert.equal(omitted.offset + omitted.length, BATCH.lastIndexOf('}') + 1);
    // Cut among the requests: how many are left out.
    assert.deepEqual(outline(documentSymbols(analysis, 6)).slice(-2), ['GetCodecs (request)', '… 2 more requests not listed: the outline shows at most 6 symbols (omitted)']);
    // Within the limit: the whole outline, nothing said.
    assert.deepEqual(documentSymbols(analysis, outline(symbols).length), symbols);
  });

  it('has nothing for a document that is not a payload', () => {
    assert.deepEqual(documentSymbols(analyze('{ "name": "x" }')), []);
  });
});
