// The records snapshot in the editing features (spec section 6), with a `|` cursor marker:
// completion of ID values offers the known records (`3 - G.729`), hover on an ID shows its
// record, and go to definition leads to the record in the records file.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyEdits, complete, definition, hover, parseRecords, type CompletionEntry } from '../../../server/src/core';
import { atCursor } from './cursor';

const RECORDS_TEXT = `{
  "codecs": [
    { "ID": 1, "name": "G.711 u-law" },
    { "ID": 3, "name": "G.729" },
    { "ID": 10, "name": "Opus" }
  ],
  "channels": [
    { "ID": 2, "name": "Carrier A", "flow": "both" }
  ],
  "publicNumbers": [
    { "ID": 9, "name": "Main line", "phoneNo": "+40212345678" }
  ]
}`;
const records = parseRecords(RECORDS_TEXT, { location: 'file:///w/.voipnow/records.json' }).records!;
const options = { included: true, records };

function completeAt(source: string, withRecords = true) {
  const { analysis, offset, text } = atCursor(source, withRecords ? options : { included: true });
  return { items: complete(analysis, offset), text };
}

function accept(text: string, item: CompletionEntry): string {
  return applyEdits(text, [{ ...item.replace, newText: item.insertText }]);
}

const SIP = (inner: string) => `{ "method": "AddChannel", "params": { "SIP": { "name": "Carrier N", ${inner} } } }`;

describe('completion of ID values from the records', () => {
  it('offers the known records of the kind, in ID order, labelled `ID - name`', () => {
    const { items, text } = completeAt(SIP('"codecs": [1, |]'));
    assert.deepEqual(items.map((i) => i.label), ['1 - G.711 u-law', '3 - G.729', '10 - Opus']);
    const g729 = items[1];
    assert.equal(g729.kind, 'value');
    assert.equal(g729.detail, 'codec (.voipnow/records.json)');
    assert.equal(g729.documentation, '**G.729** · codec `3` in the records\n\nDefined in `.voipnow/records.json` on line 4.');
    assert.equal(accept(text, g729), SIP('"codecs": [1, 3]'));
  });

  it('replaces a number as a number and a string as a string', () => {
    const number = completeAt(SIP('"codecs": 1|'));
    assert.equal(accept(number.text, number.items[2]), SIP('"codecs": 10'));
    assert.equal(number.items[2].filterText, '10 - Opus');
    const string = completeAt('{ "method": "EditChannel", "params": { "ID": "|" } }');
    assert.deepEqual(string.items.map((i) => i.label), ['2 - Carrier A']);
    assert.equal(string.items[0].filterText, '"2 - Carrier A');
    assert.equal(accept(string.text, string.items[0]), '{ "method": "EditChannel", "params": { "ID": "2" } }');
  });

  it('shows a record’s other fields in its documentation', () => {
    const { items } = completeAt('{ "method": "AssignPublicNo", "params": { "didID": |, "userID": 5 } }');
    assert.equal(items[0].label, '9 - Main line');
    assert.equal(items[0].documentation, '**Main line** · public number `9` in the records\n\n- phoneNo: `+40212345678`\n\nDefined in `.voipnow/records.json` on line 11.');
  });

  it('offers nothing for a kind the records do not hold, nor without records', () => {
    assert.deepEqual(completeAt(SIP('"channelGroupID": |')).items, []);
    assert.deepEqual(completeAt(SIP('"codecs": [|]'), false).items, []);
  });
});

function hoverAt(source: string, withRecords = true) {
  const { analysis, offset } = atCursor(source, withRecords ? options : { included: true });
  return hover(analysis, offset);
}

describe('hover on an ID', () => {
  it('shows the record first, then the parameter', () => {
    const result = hoverAt('{ "method": "EditChannel", "params": { "ID": |2 } }')!;
    const [record, parameter] = result.markdown.split('\n\n---\n\n');
    assert.equal(record, '**Carrier A** · channel `2` in the records\n\n- flow: `both`\n\nDefined in `.voipnow/records.json` on line 8.');
    assert.ok(parameter.startsWith('**ID** · `ID` · EditChannel · required'), parameter);
  });

  it('on an element of a list, and on an ID written with leading zeros', () => {
    const result = hoverAt(SIP('"codecs": [1, "00|3"]'))!;
    assert.ok(result.markdown.startsWith('**G.729** · codec `3` in the records'), result.markdown);
  });

  it('says when the records hold no such ID, after the problem it raises', () => {
    const result = hoverAt(SIP('"codecs": [|4]'))!;
    assert.deepEqual(result.markdown.split('\n\n---\n\n').slice(0, 2), [
      '**620** · The ID is well-formed, but the records snapshot holds no codec with it.',
      '**Not in the records** · no codec with ID `4` in `.voipnow/records.json` (it holds 3 codecs)',
    ]);
  });

  it('on a new name that the records already hold: that record', () => {
    const result = hoverAt('{ "method": "AddChannel", "params": { "SIP": { "name": "carrier |a" } } }')!;
    const sections = result.markdown.split('\n\n---\n\n');
    assert.equal(sections[0], '**200** · A channel with this name already exists in the records snapshot.');
    assert.equal(sections[1], '**Already in the records** · this channel exists\n\n**Carrier A** · channel `2` in the records\n\n- flow: `both`\n\nDefined in `.voipnow/records.json` on line 8.');
  });

  it('says nothing of records without them, nor for an ill-formed ID or a kind they do not hold', () => {
    assert.ok(!hoverAt('{ "method": "EditChannel", "params": { "ID": |2 } }', false)!.markdown.includes('records'));
    assert.ok(!hoverAt(SIP('"codecs": [|0]'))!.markdown.includes('in the records'));
    assert.ok(!hoverAt(SIP('"channelGroupID": |4'))!.markdown.includes('in the records'));
  });
});

describe('go to definition', () => {
  it('leads from an ID to its record in the records file', () => {
    const { analysis, offset, text } = atCursor('{ "method": "GetCodecs", "params": { "channelID": "0|2" } }', options);
    const found = definition(analysis, offset)!;
    assert.equal(found.records.location, 'file:///w/.voipnow/records.json');
    assert.equal(text.slice(found.originOffset, found.originOffset + found.originLength), '"02"');
    const { record } = found;
    assert.equal(RECORDS_TEXT.slice(record.offset, record.offset + record.length), '{ "ID": 2, "name": "Carrier A", "flow": "both" }');
    assert.equal(RECORDS_TEXT.slice(record.nameOffset, record.nameOffset + record.nameLength), '"Carrier A"');
  });

  it('leads from a new public number that the records hold to that record', () => {
    const { analysis, offset } = atCursor('{ "method": "AddPublicNo", "params": { "publicNo": [{ "phoneNo": "4021|2345678", "did": "d", "channelID": 2 }] } }', options);
    assert.equal(definition(analysis, offset)?.record.name, 'Main line');
  });

  it('finds nothing for an unknown ID, a key, another value, or without records', () => {
    const none = (source: string, opts = options) => {
      const { analysis, offset } = atCursor(source, opts);
      return definition(analysis, offset);
    };
    assert.equal(none('{ "method": "GetCodecs", "params": { "channelID": |7 } }'), undefined);
    assert.equal(none('{ "method": "GetCodecs", "params": { "channel|ID": 2 } }'), undefined);
    assert.equal(none(SIP('"flow": "in|"')), undefined);
    assert.equal(none('{ "method": "GetCodecs", "params": { "channelID": |2 } }', { included: true } as typeof options), undefined);
  });
});
