// Completion with a cursor marker (`|`): methods, parameter names of the object under the cursor
// (without those present, required first, with a typed placeholder), enumeration values with their
// meaning, booleans, and skeletons for an empty file, an empty request and an empty object.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyEdits, complete, METHODS, plainFromSnippet, type CompletionEntry } from '../../../server/src/core';
import { atCursor } from './cursor';

function completeAt(source: string): { items: CompletionEntry[]; text: string } {
  const { analysis, offset, text } = atCursor(source);
  return { items: complete(analysis, offset), text };
}

/** The text after accepting an item, its snippet placeholders left at their defaults. */
function accept(text: string, item: CompletionEntry): string {
  return applyEdits(text, [{ ...item.replace, newText: item.snippet ? plainFromSnippet(item.insertText) : item.insertText }, ...(item.additionalEdits ?? [])]);
}

const byLabel = (items: CompletionEntry[], label: string) => items.find((i) => i.label === label)!;
const sorted = (items: CompletionEntry[]) => [...items].sort((a, b) => (a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0)).map((i) => i.label);

describe('completion of method values', () => {
  it('offers the 24 methods, each with its one-line description, replacing the string', () => {
    const { items, text } = completeAt('{ "method": "Add|" }');
    assert.deepEqual(items.map((i) => i.label), [...METHODS]);
    const item = byLabel(items, 'AddChannel');
    assert.equal(item.detail, 'Adds a channel: a SIP, IAX, PRI or ENUM trunk.');
    assert.equal(item.filterText, '"AddChannel"');
    assert.equal(accept(text, item), '{ "method": "AddChannel" }');
  });
});

describe('completion in a JSON file being started as a request (not matched by the include globs)', () => {
  const NOT_INCLUDED = { included: false };
  it('offers the 24 methods once the top-level object has a method key', () => {
    const { analysis, offset, text } = atCursor('{ "method": "|', NOT_INCLUDED);
    assert.equal(analysis.isPayload, false);
    const items = complete(analysis, offset);
    assert.deepEqual(items.map((i) => i.label), [...METHODS]);
    assert.equal(accept(text, byLabel(items, 'DelChannel')), '{ "method": "DelChannel"');
  });

  it('in an element of a top-level array', () => {
    const batch = atCursor('[ { "id": "x" }, { "method": "Add|" } ]', NOT_INCLUDED);
    assert.deepEqual(complete(batch.analysis, batch.offset).map((i) => i.label), [...METHODS]);
  });

  it('offers nothing where no top-level object has a method key', () => {
    for (const source of ['{ "name": "|" }', '[ { "name": "|" } ]', '{ "params": { "method": "|" } }']) {
      const { analysis, offset } = atCursor(source, NOT_INCLUDED);
      assert.deepEqual(complete(analysis, offset), [], source);
    }
  });
});

describe('completion of parameter names', () => {
  it('offers the keys of SIP without those present, with a typed placeholder', () => {
    const { items, text } = completeAt('{ "method": "AddChannel", "params": { "SIP": { "name": "Carrier A", | } } }');
    assert.equal(items.length, 33);
    assert.ok(!items.some((i) => i.label === 'name'));
    assert.equal(byLabel(items, 'flow').insertText, '"flow": "${1|in,out,both|}"');
    assert.equal(byLabel(items, 'flow').detail, 'string');
    assert.equal(byLabel(items, 'port').insertText, '"port": ${1:1}');
    assert.equal(byLabel(items, 'register').insertText, '"register": ${1|true,false|}');
    assert.equal(byLabel(items, 'codecs').insertText, '"codecs": ${1:1}');
    assert.equal(byLabel(items, 'hostname').insertText, '"hostname": "$1"');
    assert.ok(byLabel(items, 'flow').documentation?.startsWith('**flow** · `SIP.flow` · AddChannel'));
    assert.equal(accept(text, byLabel(items, 'flow')), '{ "method": "AddChannel", "params": { "SIP": { "name": "Carrier A", "flow": "in" } } }');
  });

  it('sorts the required ones first', () => {
    const { items } = completeAt('{ "method": "AddPublicNo", "params": { "publicNo": [ { | } ] } }');
    assert.deepEqual(sorted(items), ['required: phoneNo, did, channelID', 'phoneNo', 'did', 'channelID', 'location', 'cost', 'incomingCost', 'type']);
    assert.equal(byLabel(items, 'incomingCost').insertText, '"incomingCost": { "cost": ${1:0}, "interval": ${2:1} }');
    assert.equal(byLabel(items, 'type').insertText, '"type": "${1|exclusive,stacked|}"');
  });

  it('completes the keys of incomingCost, of a rule written as one object, and of the request itself', () => {
    const cost = completeAt('{ "method": "EditPublicNo", "params": { "incomingCost": { "cost": 1, | } } }').items;
    assert.deepEqual(cost.map((i) => i.label), ['interval']);
    const rule = completeAt('{ "method": "AddCallRulesOut", "params": { "ID": 1, "rules": { "number": "0040X.", | } } }').items;
    assert.equal(rule.length, 20);
    assert.equal(byLabel(rule, 'action').insertText, '"action": "${1|block,transfer,process,portability|}"');
    const envelope = completeAt('{ "method": "AddChannel", | }').items;
    assert.deepEqual(envelope.map((i) => i.label), ['params', 'id', '$schema', 'response']);
    assert.equal(byLabel(envelope, 'params').insertText, '"params": { "SIP": { "name": "$1" } }');
    assert.equal(byLabel(envelope, '$schema').insertText, '"\\$schema": "$1"');
  });

  it('replaces a quoted key being typed, and only the key when a value follows', () => {
    const typed = completeAt('{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "fl|" } } }');
    assert.equal(accept(typed.text, byLabel(typed.items, 'flow')), '{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "flow": "in" } } }');
    assert.equal(byLabel(typed.items, 'flow').filterText, '"flow"');
    const renamed = completeAt('{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "dtmfM|ode": "rfc2833" } } }');
    assert.equal(accept(renamed.text, byLabel(renamed.items, 'dtmf')), '{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "dtmf": "rfc2833" } } }');
  });

  it('adds the commas a new key needs before and after it', () => {
    const after = completeAt('{ "method": "AddChannel", "params": { "SIP": { "name": "abc"\n  | } } }');
    assert.equal(accept(after.text, byLabel(after.items, 'paid')), '{ "method": "AddChannel", "params": { "SIP": { "name": "abc",\n  "paid": true } } }');
    const before = completeAt('{ "method": "AddChannel", "params": { "SIP": { | "name": "abc" } } }');
    assert.equal(accept(before.text, byLabel(before.items, 'paid')), '{ "method": "AddChannel", "params": { "SIP": { "paid": true, "name": "abc" } } }');
  });

  it('inserts text that parses as JSON for every parameter of every method', () => {
    for (const method of METHODS) {
      const { items, text } = completeAt(`{ "method": "${method}", "params": { | } }`);
      for (const item of items) {
        const result = accept(text, item);
        assert.deepEqual(analyze(result).problems.filter((p) => p.code === 'invalid-json'), [], `${method} ${item.label}: ${result}`);
      }
    }
  });
});

describe('completion of values', () => {
  it('offers enumeration values with their meaning', () => {
    const { items, text } = completeAt('{ "method": "AddChannel", "params": { "SIP": { "sessionTimers": "|" } } }');
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['"0"', 'Accept'], ['"1"', 'Originate'], ['"2"', 'Refuse']]);
    assert.equal(accept(text, items[1]), '{ "method": "AddChannel", "params": { "SIP": { "sessionTimers": "1" } } }');
    const flow = completeAt('{ "method": "GetChannels", "params": { "flow": | } }').items;
    assert.deepEqual(flow.map((i) => [i.label, i.detail]), [['"in"', 'Incoming calls only'], ['"out"', 'Outgoing calls only'], ['"both"', 'Incoming and outgoing calls']]);
  });

  it('offers booleans, and the values of an item of a list', () => {
    assert.deepEqual(completeAt('{ "method": "GetChannels", "params": { "enabled": | } }').items.map((i) => i.label), ['true', 'false']);
    const rules = completeAt('{ "method": "AddCallRulesOut", "params": { "ID": 1, "rules": [ { "number": "1", "prefixOperation": "|" } ] } }').items;
    assert.deepEqual(rules.map((i) => i.label), ['"prefix"', '"replace"', '"add"', '"substract"']);
    // What is written (spec section 4), not the "also accepted" forms that invalid-value messages name.
    const dtmf = completeAt('{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "dtmf": "|" } } }').items;
    assert.deepEqual(dtmf.map((i) => i.label), ['"rfc2833"', '"inband"', '"info"', '"auto"']);
  });

  it('offers a skeleton with the required parameters for an object or list value not written yet', () => {
    const { items } = completeAt('{ "method": "AddPublicNo", "params": { "publicNo": | } }');
    assert.deepEqual(items.map((i) => [i.label, i.insertText]), [['[{ }]', '[{ "phoneNo": "$1", "did": "$2", "channelID": ${3:1} }]']]);
  });
});

describe('skeletons', () => {
  it('offers a whole request per method in an empty file', () => {
    const { items, text } = completeAt('|');
    assert.deepEqual(items.map((i) => i.label), [...METHODS]);
    assert.equal(byLabel(items, 'AddChannel').insertText, '{\n  "method": "AddChannel",\n  "params": { "SIP": { "name": "$1" } }\n}');
    assert.equal(byLabel(items, 'AssignPublicNo').insertText, '{\n  "method": "AssignPublicNo",\n  "params": { "didID": ${1:1}, "userID": ${2:1} }\n}');
    assert.equal(byLabel(items, 'GetChannels').insertText, '{\n  "method": "GetChannels",\n  "params": {$1}\n}');
    assert.deepEqual(analyze(accept(text, byLabel(items, 'AddPublicNo')), { included: true }).problems.map((p) => p.code), ['601', '602']);
  });

  it('offers the required parameters as one item in an empty params', () => {
    const { items, text } = completeAt('{ "method": "EditPublicNo", "params": {|} }');
    const item = byLabel(items, 'required: didID, phoneNo, did');
    assert.equal(item.sortText, '0');
    assert.equal(item.insertText, '"didID": ${1:1},\n"phoneNo": "$2",\n"did": "$3"');
    assert.equal(accept(text, item), '{ "method": "EditPublicNo", "params": {"didID": 1,\n"phoneNo": "",\n"did": ""} }');
    const user = completeAt('{ "method": "GetPublicNoPoll", "params": { | } }').items;
    assert.equal(byLabel(user, 'required: userID').insertText, '"userID": ${1:1}');
  });

  it('offers a new request between the requests of a batch, with its comma', () => {
    const { items, text } = completeAt('[ { "method": "GetCodecs" } | ]');
    assert.equal(accept(text, byLabel(items, 'GetCodecs')), '[ { "method": "GetCodecs" }, {\n  "method": "GetCodecs",\n  "params": {}\n} ]');
  });

  it('offers the method key or a whole request body in an empty request object', () => {
    const { items, text } = completeAt('{ | }');
    assert.equal(items[0].label, 'method');
    assert.equal(accept(text, byLabel(items, 'DelChannel request')), '{ "method": "DelChannel",\n"params": { "ID": 1 } }');
  });
});

describe('no completion', () => {
  it('in comments, in files that are not payloads, or after the document', () => {
    assert.deepEqual(completeAt('{ "method": "GetCodecs" // |\n}').items, []);
    const other = atCursor('{ "name": "x", | }', { included: false });
    assert.deepEqual(complete(other.analysis, other.offset), []);
  });
});
