// Fix-all: every preferred fix in one set of non-overlapping edits. On a document with several
// errors it leaves none of the errors that had a preferred fix and changes nothing else.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, applyEdits, fixAll, quickFixes, type Problem } from '../../../server/src/core';

const PAYLOAD = { included: true };

const BROKEN = `// Several mistakes, some with a safe fix and some without.
[
  {
    "method": "AddChannel",
    "params": {
      "type": "SIPP",
      "SIP": { "name": "Carrier B", "flow": "bothh", "dtmfMode": "rfc2833", "qualify": 150, "sessionTimers": 5, "hostname": "999.1.1.1" }
    }
  },
  { "method": "AddChanel", "params": { "SIP": { "name": "Carrier C" } } },
  { "method": "GetChannels", "params": { "flow": "Out", "enabled": "ture" } }, // 2 fixes
  { "method": "EditChannel", "params": { "SIP": { "sipTransport": "tcpp" } } },
  { "method": "AddPublicNo", "params": { "publicNo": [ { "phoneNo": "+40", "did": "A", "channelID": 7, "type": "stackd" } ] } },
  { "method": "GetCodecs", "response": { "faultcode": "262", "faultstring": "Invalid channel." } }
]
`;

const key = (p: Problem) => `${p.code} ${p.data?.param ?? ''}`;

describe('fix-all', () => {
  const before = analyze(BROKEN, PAYLOAD);
  const result = fixAll(before);
  const fixed = applyEdits(BROKEN, result.edits);
  const after = analyze(fixed, PAYLOAD);

  it('applies the preferred fix of each problem that has one', () => {
    const withPreferred = before.problems.filter((p) => quickFixes(before, p).some((f) => f.preferred));
    assert.deepEqual(result.fixes.map((f) => key(f.problem)), withPreferred.map(key));
    assert.deepEqual(result.fixes.map((f) => f.fix.title), [
      'Change to "sip"',
      'Change to "both" (Incoming and outgoing calls)',
      'Rename to "dtmf"',
      'Round to 200',
      'Change method to "AddChannel"',
      'Change to "out" (Outgoing calls only)',
      'Change to true',
      'Change to "tcp"',
      'Change to "stacked" (Shared by several extensions)',
      'Write the documented text',
    ]);
  });

  it('leaves none of the errors that had a preferred fix, and the others as they were', () => {
    const untouched = before.problems.filter((p) => !result.fixes.some((f) => f.problem === p));
    assert.deepEqual(after.problems.map(key), untouched.map(key));
    assert.deepEqual(after.problems.map((p) => p.code), ['626', '606', '117']);
  });

  it('changes nothing else: each edit replaces exactly the range of the problem it fixes', () => {
    assert.equal(result.edits.length, result.fixes.length);
    for (const { problem, fix } of result.fixes) {
      assert.deepEqual(fix.edits.map((e) => [e.offset, e.length]), [[problem.offset, problem.length]]);
    }
    // Outside the edits, the text is the same, in the same order.
    let at = 0;
    let rest = fixed;
    for (const edit of result.edits) {
      const kept = BROKEN.slice(at, edit.offset);
      assert.ok(rest.startsWith(kept));
      rest = rest.slice(kept.length + edit.newText.length);
      at = edit.offset + edit.length;
    }
    assert.equal(rest, BROKEN.slice(at));
    assert.ok(fixed.includes('// 2 fixes') && fixed.startsWith('// Several mistakes'));
  });

  it('finds nothing more to do on its own result', () => {
    assert.deepEqual(fixAll(after).edits, []);
  });

  it('keeps edits apart: a fix overlapping one already taken is left out', () => {
    const text = '{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "flow": "bothh", "flow": "bothh" } } }';
    const analysis = analyze(text, PAYLOAD);
    const { edits } = fixAll(analysis);
    assert.equal(applyEdits(text, edits), '{ "method": "AddChannel", "params": { "SIP": { "name": "abc", "flow": "bothh", "flow": "both" } } }');
  });

  it('handles a batch of thousands of requests at once', () => {
    const batch = `[\n${Array.from({ length: 3000 }, (_, i) => `  { "method": "AddChannel", "params": { "SIP": { "name": "Carrier ${i}", "flow": "bothh", "qualify": 250 } } }`).join(',\n')}\n]`;
    const started = performance.now();
    const { edits, fixes } = fixAll(analyze(batch, PAYLOAD));
    const output = applyEdits(batch, edits);
    assert.equal(fixes.length, 6000);
    assert.ok(performance.now() - started < 5000);
    assert.deepEqual(analyze(output, PAYLOAD).problems, []);
  });
});

describe('applyEdits', () => {
  it('applies edits in any order and refuses overlapping ones', () => {
    assert.equal(applyEdits('abcdef', [{ offset: 4, length: 1, newText: 'E' }, { offset: 0, length: 2, newText: 'AB' }, { offset: 6, length: 0, newText: '!' }]), 'ABcdEf!');
    assert.throws(() => applyEdits('abcdef', [{ offset: 0, length: 3, newText: 'x' }, { offset: 2, length: 1, newText: 'y' }]), /overlapping/);
  });
});
