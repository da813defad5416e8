// Codes are strings and keep their leading zeros (030, 051, 037, 039); the lookups that `explain`
// and hover use; word codes and their severities (spec 2.3); which documented codes a file can
// raise (spec 2.5: state codes and codes no rule raises are never raised from a file).
// Run: node --import tsx --test test/unit/engine/*.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WORD_SEVERITY } from '../helpers';
import {
  allRows,
  check,
  documentedText,
  fileCheckableCodes,
  isDocumented,
  isDocumentedCode,
  methodsDocumenting,
  normalizeCode,
  METHODS,
  WORD_CODES,
} from '../../../server/src/core/index';

test('the catalog: 24 methods, 370 rows, codes are strings of three digits', () => {
  assert.equal(METHODS.length, 24);
  assert.equal(allRows().length, 370);
  for (const row of allRows()) {
    assert.equal(typeof row.code, 'string');
    assert.match(row.code, /^\d{3}$/);
  }
});

test('leading zeros: "030", "051", "037", "039" are the codes; "30" is not', () => {
  assert.equal(documentedText('GetCodecs', '030'), 'No records.');
  assert.equal(documentedText('GetCodecs', '30'), undefined);
  assert.equal(isDocumented('GetCodecs', '030'), true);
  assert.equal(isDocumented('GetCodecs', '30'), false);
  assert.equal(documentedText('AssignPublicNo', '051'), 'This license key allows only phone terminal extension management.');
  assert.equal(documentedText('EditCallRulesOutGroup', '037'), 'Unable to update outgoing routing rules order.');
  assert.equal(documentedText('EditCallRulesOutGroup', '039'), 'Unable to update outgoing routing rules group.');
});

test('normalizeCode: a one- or two-digit code gets its leading zeros back', () => {
  assert.equal(normalizeCode('30'), '030');
  assert.equal(normalizeCode('030'), '030');
  assert.equal(normalizeCode('51'), '051');
  assert.equal(normalizeCode('617'), '617');
  assert.equal(normalizeCode('0617'), '0617');
  assert.equal(normalizeCode('unknown-method'), 'unknown-method');
});

test('methodsDocumenting("030"): the seven listing methods, in documentation order', () => {
  assert.deepEqual(
    methodsDocumenting('030').map((r) => r.method),
    ['GetChannelGroups', 'GetCodecs', 'GetPublicNoPoll', 'GetPublicNo', 'GetCallRulesOutGroup', 'GetCallRulesOut', 'GetChannels'],
  );
  assert.ok(methodsDocumenting('030').every((r) => r.text === 'No records.'));
  assert.deepEqual(methodsDocumenting('30'), []);
});

test('one code, different texts per method (607, 200)', () => {
  assert.equal(
    documentedText('AddChannel', '607'),
    'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$.# .',
  );
  assert.equal(
    documentedText('EditChannel', '607'),
    'Invalid channel password. Value must be at least 1 character long and cannot contain any of the following characters: ;/?:@&=+\\$,# .',
  );
  assert.equal(documentedText('AddChannel', '200'), 'Duplicate record.{object_detail}');
  assert.equal(documentedText('AssignPublicNo', '200'), 'Unable to completely assign public phone numbers. Not enough numbers available.');
  assert.equal(documentedText('EditChannel', '624'), undefined);
  assert.equal(documentedText('GetChannels', '617'), undefined);
});

test('isDocumentedCode: three digits are documented codes, words are word codes', () => {
  assert.equal(isDocumentedCode('030'), true);
  assert.equal(isDocumentedCode('617'), true);
  assert.equal(isDocumentedCode('30'), false);
  assert.equal(isDocumentedCode('invalid-value'), false);
});

test('word codes and their severities are those of spec 2.3', () => {
  const severities = Object.fromEntries(Object.entries(WORD_CODES).map(([code, w]) => [code, w.severity]));
  assert.deepEqual(severities, WORD_SEVERITY);
  for (const code of Object.keys(WORD_CODES)) assert.match(code, /^[a-z]+(?:-[a-z]+)*$/);
});

test('word codes carry their severity in real problems', () => {
  const seen = new Map<string, string>();
  const texts: Array<[string, { included?: boolean; maxFileSize?: number }?]> = [
    ['{"method":"GetCodecs" "params":{}}'],
    ['{}', { included: true }],
    ['{"method":"Foo"}', { included: true }],
    ['{"method":"GetCodecs","params":{"x":1}}'],
    ['{"method":"GetCodecs","params":[]}'],
    ['{"method":"GetChannels","params":{"flow":"x"}}'],
    ['{"method":"AddPublicNo","params":{"publicNo":[]}}'],
    ['{"method":"GetPublicNoPoll","params":{"userID":1,"userIdentifier":"u"}}'],
    ['{"method":"GetCodecs","params":{"channelID":1,"channelID":2}}'],
    ['{"method":"GetCodecs","x":' + '['.repeat(1001) + ']'.repeat(1001) + '}'],
    ['{"method":"GetCodecs"}', { maxFileSize: 5 }],
    ['{"method":"GetCodecs","response":{"faultcode":"617"}}'],
    ['{"method":"GetCodecs","response":{"faultcode":"262","faultstring":"x"}}'],
  ];
  for (const [text, options] of texts) for (const p of check(text, options)) seen.set(p.code, p.severity);
  assert.deepEqual(Object.fromEntries([...seen].sort()), {
    'conflicting-parameters': 'error',
    'duplicate-key': 'warning',
    'file-too-large': 'information',
    'invalid-json': 'error',
    'invalid-value': 'error',
    'missing-method': 'error',
    'nesting-too-deep': 'error',
    'not-an-object': 'error',
    'text-differs': 'information',
    'too-few-items': 'error',
    'undocumented-code': 'warning',
    'unknown-method': 'error',
    'unknown-parameter': 'warning',
  });
});

// What a file can raise, per method (spec sections 2.5 and 5). Everything else comes from the server.
const CHECKABLE: Record<string, string> = {
  AddChannelGroup: '117 200 313 631 632',
  EditChannelGroup: '117 264 313 631 632',
  GetChannelGroups: '262',
  DelChannelGroup: '117',
  GetCodecs: '262',
  GetChannelGroupPoll: '117 262',
  GetPublicNoPoll: '117 250',
  AddPublicNo: '117 200 262 600 601 602 603 604 625',
  EditPublicNo: '117 262 263 600 601 602 603 604 625',
  GetPublicNo: '117 250 262 600',
  DelPublicNo: '117',
  AssignPublicNo: '117 250 623',
  UnassignPublicNo: '117',
  GetCallRulesOutGroup: '',
  DelCallRulesOutGroup: '117',
  GetCallRulesOut: '260',
  DelCallRulesOut: '117 260',
  GetChannels: '264',
  DelChannel: '117',
  // No 117 (not documented): a missing name is 641, a rule's missing number 646.
  AddCallRulesOutGroup: '641 642 643 644 645 646 647 648 649 650 652 653 654 656',
  // No 641 (no name parameter), no 655 (not documented).
  AddCallRulesOut: '117 260 642 643 644 645 646 647 648 649 650 652 653 654 656',
  EditCallRulesOutGroup: '260 641 642 643 644 645 646 647 648 649 650 652 653 654 655 656',
  // No 262 (no ID), no 117 (not documented).
  AddChannel: '200 310 313 314 315 605 606 607 608 609 610 611 612 613 614 615 616 617 618 619 620 622 624 626 627 628 629 667 864',
  // No 624 (no type), no 200 (EditChannel's 200 comes from the server).
  EditChannel: '117 262 310 313 314 315 605 606 607 608 609 610 611 612 613 614 615 616 617 618 619 620 622 626 627 628 629 667 864',
};

for (const method of Object.keys(CHECKABLE)) {
  test(`codes a ${method} file can raise`, () => {
    assert.equal([...fileCheckableCodes(method)].sort().join(' '), CHECKABLE[method]);
    for (const code of fileCheckableCodes(method)) assert.ok(isDocumented(method, code), `${method} ${code}`);
  });
}

test('every method is in the table above', () => {
  assert.deepEqual(Object.keys(CHECKABLE).sort(), [...METHODS].sort());
});
