// The workspace session (core/workspace): 200 across files, the one implementation the command
// line and the language server share. Each file's first clashing request gets 200 naming the
// first other file in the workspace's order, with related places on the other files' requests;
// reports apply the rules and disable comments and place every range with the file's own lines.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { analyze, DEFAULT_EFFECTIVE_SETTINGS, MAX_RELATED, WorkspaceSession, type EffectiveSettings, type FileScope, type SessionFolder } from '../../../server/src/core';

const channel = (name: string) => `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": ${JSON.stringify(name)} } } }`;
const FOLDER: SessionFolder = { name: 'root', order: 0 };

function scope(relPath: string, folder: SessionFolder = FOLDER, settings: EffectiveSettings = DEFAULT_EFFECTIVE_SETTINGS): FileScope {
  return { folder, relPath, includePath: relPath, settings };
}

function session(texts: Record<string, string>, folder: SessionFolder = FOLDER): WorkspaceSession {
  const s = new WorkspaceSession();
  for (const [name, text] of Object.entries(texts)) s.update(name, text, scope(name, folder));
  return s;
}

/** Each problem as [code, message, the text it covers]. */
function rows(s: WorkspaceSession, id: string, texts: Record<string, string>): string[][] {
  return s.report(id).map((p) => [p.code, p.message, texts[id].slice(p.offset, p.offset + p.length)]);
}

describe('WorkspaceSession: 200 across files', () => {
  const texts = {
    'a.payload.json': channel('Carrier A'),
    'sub/b.payload.json': channel('  carrier a'),
    'c.payload.json': channel('CARRIER A'),
    'd.payload.json': channel('Carrier D'),
  };

  it('each clashing file gets 200 on its value, naming the first other file in path order, related to all others', () => {
    const s = session(texts);
    assert.deepEqual(rows(s, 'a.payload.json', texts), [['200', "Duplicate record. A channel named 'CARRIER A' is also added in c.payload.json.", '"Carrier A"']]);
    assert.deepEqual(rows(s, 'sub/b.payload.json', texts), [['200', "Duplicate record. A channel named 'Carrier A' is also added in a.payload.json.", '"  carrier a"']]);
    assert.deepEqual(rows(s, 'd.payload.json', texts), []);
    const [problem] = s.report('a.payload.json');
    assert.deepEqual(
      problem.related.map((r) => [r.id, r.message, texts[r.id as keyof typeof texts].slice(r.offset, r.offset + r.length), r.range.start.character]),
      [
        ['c.payload.json', "A channel named 'CARRIER A' is also added here.", '"CARRIER A"', texts['c.payload.json'].indexOf('"CARRIER A"')],
        ['sub/b.payload.json', "A channel named '  carrier a' is also added here.", '"  carrier a"', texts['sub/b.payload.json'].indexOf('"  carrier a"')],
      ],
    );
  });

  it('groups and public numbers (compared without a leading +) too; the kinds never mix', () => {
    const t = {
      'g1.json': '{ "method": "AddChannelGroup", "params": { "name": "Carriers" } }',
      'g2.json': '{ "method": "AddChannelGroup", "params": { "name": "carriers" } }',
      'n1.json': '{ "method": "AddPublicNo", "params": { "publicNo": [{ "phoneNo": "+40210000001", "did": "a1", "channelID": 1 }] } }',
      'n2.json': '{ "method": "AddPublicNo", "params": { "publicNo": [{ "phoneNo": "40210000001", "did": "a1", "channelID": 1 }] } }',
      'c.json': channel('Carriers'),
    };
    const s = session(t);
    const messages = Object.keys(t).map((id) => [id, ...s.report(id).filter((p) => p.code === '200').map((p) => p.message)]);
    assert.deepEqual(messages, [
      ['g1.json', "Duplicate record. A channel group named 'carriers' is also added in g2.json."],
      ['g2.json', "Duplicate record. A channel group named 'Carriers' is also added in g1.json."],
      ['n1.json', "Duplicate record. The public number '40210000001' is also added in n2.json."],
      ['n2.json', "Duplicate record. The public number '+40210000001' is also added in n1.json."],
      ['c.json'],
    ]);
  });

  it('a value added twice in one file clashes across files once, on its first request (the later one has its in-file 200)', () => {
    const t = { 'a.json': `[${channel('Xray')}, ${channel('xray')}]`, 'b.json': channel('Xray') };
    const s = session(t);
    const a = s.report('a.json').filter((p) => p.code === '200');
    assert.deepEqual(a.map((p) => [p.message, p.related.length]), [
      ["Duplicate record. A channel named 'Xray' is also added in b.json.", 1],
      ["Duplicate record. A channel named 'Xray' is also added on line 1 of this file.", 0],
    ]);
    assert.deepEqual(s.report('b.json').map((p) => p.related.map((r) => r.offset)), [[t['a.json'].indexOf('"Xray"')]]);
  });

  it('a file of another folder is named with its folder; related places are capped at MAX_RELATED', () => {
    const s = new WorkspaceSession();
    const west: SessionFolder = { name: 'west', order: 1 };
    s.update('east/a.json', channel('Same'), scope('a.json'));
    s.update('west/a.json', channel('Same'), scope('a.json', west));
    assert.equal(s.report('east/a.json')[0].message, "Duplicate record. A channel named 'Same' is also added in west/a.json.");
    assert.equal(s.report('west/a.json')[0].message, "Duplicate record. A channel named 'Same' is also added in root/a.json.");
    for (let i = 0; i < MAX_RELATED + 5; i++) s.update(`east/f${String(i).padStart(3, '0')}.json`, channel('Same'), scope(`f${String(i).padStart(3, '0')}.json`));
    const [problem] = s.report('east/a.json');
    assert.equal(problem.related.length, MAX_RELATED);
    assert.equal(problem.related[0].id, 'east/f000.json');
  });

  it('a file outside every folder clashes with nothing', () => {
    const s = session({ 'a.json': channel('Alpha') });
    s.update('/tmp/stray.json', channel('Alpha'), { ...scope('stray.json'), folder: undefined });
    assert.deepEqual(s.report('/tmp/stray.json'), []);
    assert.deepEqual(s.report('a.json'), []);
  });

  it('follows changes: a clash appears and goes, and the files whose clashes changed are told', () => {
    const s = session({ 'a.json': channel('Alpha'), 'b.json': channel('Bravo') });
    s.takeChanges();
    s.update('b.json', channel('alpha'), scope('b.json'));
    let changes = s.takeChanges();
    assert.deepEqual([...changes.files], ['b.json']);
    assert.deepEqual([...changes.clashes].sort(), ['a.json', 'b.json']);
    assert.equal(s.report('a.json').length, 1);
    // The same keys again (an edit elsewhere in the file): the other files' clashes did not change.
    s.update('b.json', channel('alpha').replace('"sip"', '"sip" '), scope('b.json'));
    changes = s.takeChanges();
    assert.deepEqual([...changes.clashes], []);
    s.remove('b.json');
    changes = s.takeChanges();
    assert.deepEqual([...changes.clashes].sort(), ['a.json', 'b.json']);
    assert.deepEqual(s.report('a.json'), []);
  });

  it('no clash, no problem', () => {
    const s = session({ 'a.json': channel('Alpha'), 'b.json': channel('Bravo') });
    assert.deepEqual(s.report('a.json'), []);
    assert.deepEqual(s.report('b.json'), []);
  });
});

describe('WorkspaceSession: reports', () => {
  it('rules and disable comments apply to 200s across files too; ranges use the file lines', () => {
    const a = `// voipnow-disable-next-line 200\n${channel('Alpha')}`;
    const s = new WorkspaceSession();
    s.update('a.json', a, scope('a.json'));
    s.update('b.json', `\n\n${channel('Alpha')}`, scope('b.json'));
    assert.deepEqual(s.report('a.json'), []);
    const [b] = s.report('b.json');
    assert.deepEqual([b.code, b.range.start.line, b.related[0].range.start.line], ['200', 2, 1]);
    const off = { ...DEFAULT_EFFECTIVE_SETTINGS, rules: { '200': 'off' as const } };
    s.update('b.json', `\n\n${channel('Alpha')}`, scope('b.json', FOLDER, off));
    assert.deepEqual(s.report('b.json'), []);
  });

  it('maxProblems keeps the first problems in document order and says how many were left out', () => {
    const s = new WorkspaceSession();
    const text = `{ "method": "AddChannel", "params": { "type": "sip", "SIP": { "name": "Alpha", ${Array.from({ length: 5 }, (_, i) => `"x${i}": 1`).join(', ')} } } }`;
    s.update('a.json', text, scope('a.json'));
    assert.equal(s.report('a.json').length, 5);
    const capped = s.report('a.json', { maxProblems: 2 });
    assert.deepEqual(capped.map((p) => [p.code, text.slice(p.offset, p.offset + p.length)]), [
      ['unknown-parameter', '"x0"'],
      ['unknown-parameter', '"x1"'],
      ['too-many-problems', '"x2"'],
    ]);
  });

  it('settings and records files report the problems the host gives, placed', () => {
    const s = new WorkspaceSession();
    const problem = { code: 'invalid-config', message: 'm', severity: 'error' as const, offset: 3, length: 2 };
    const file = s.update('/w/.voipnow/config.json', '{\n "x": 1 }', scope('.voipnow/config.json'), { problems: [problem] });
    assert.equal(file.role, 'settings');
    assert.deepEqual(s.report('/w/.voipnow/config.json').map((p) => [p.range.start.line, p.range.start.character]), [[1, 1]]);
  });

  it('a JSON file that is no payload keeps nothing and reports nothing', () => {
    const s = new WorkspaceSession();
    const file = s.update('package.json', '{ "name": "x" }', scope('package.json'));
    assert.equal(file.isPayload, false);
    assert.equal(file.text, undefined);
    assert.deepEqual(s.report('package.json'), []);
  });

  it('a document closed with the same text on disk stays checked, as a file on disk; other text or other checks are checked again', () => {
    const s = new WorkspaceSession();
    const text = channel('Alpha').replace('"sip"', '"sip", "x": 1');
    const open = s.update('a.json', text, scope('a.json'), { version: 3, analysis: analyze(text) });
    s.update('b.json', channel('alpha'), scope('b.json'));
    assert.equal(s.closedAsOnDisk('a.json', text, scope('a.json')), true);
    const disk = s.get('a.json')!;
    assert.deepEqual([disk.version, disk.analysis, disk.problems], [null, undefined, open.problems]);
    // Its clash is still placed from the kept text.
    assert.deepEqual(s.report('b.json')[0].related.map((r) => text.slice(r.offset, r.offset + r.length)), ['"Alpha"']);
    s.update('a.json', text, scope('a.json'), { version: 4, analysis: analyze(text) });
    assert.equal(s.closedAsOnDisk('a.json', text.replace('Alpha', 'Bravo'), scope('a.json')), false);
    const included = { ...scope('a.json'), settings: { ...DEFAULT_EFFECTIVE_SETTINGS, include: ['*.json'] } };
    assert.equal(s.closedAsOnDisk('a.json', text, included), false);
  });
});

describe('WorkspaceSession: held lean, placed when needed', () => {
  const batch = (names: string[]) => `[\n${names.map((n) => `  ${channel(n)}`).join(',\n')}\n]`;
  const covered = (text: string, place: { offset: number; length: number }) => text.slice(place.offset, place.offset + place.length);

  it('a value held by one file, then three, then one again: the 200s come and go, placed in each file', () => {
    const texts = { 'a.json': channel('Alpha'), 'b.json': batch(['Bravo', 'Alpha']), 'c.json': batch(['Charlie', 'Xray', 'ALPHA']) };
    const s = session({ 'a.json': texts['a.json'] });
    assert.deepEqual(s.report('a.json'), []);
    s.update('b.json', texts['b.json'], scope('b.json'));
    s.update('c.json', texts['c.json'], scope('c.json'));
    const a = s.report('a.json');
    assert.deepEqual(a.map((p) => [p.code, covered(texts['a.json'], p)]), [['200', '"Alpha"']]);
    assert.deepEqual(a[0].related.map((r) => [r.id, covered(texts[r.id as keyof typeof texts], r)]), [['b.json', '"Alpha"'], ['c.json', '"ALPHA"']]);
    s.remove('c.json');
    assert.deepEqual(s.report('a.json')[0].related.map((r) => r.id), ['b.json']);
    s.remove('b.json');
    assert.deepEqual(s.report('a.json'), []);
    // Held by one again: a new holder clashes with it as before.
    s.update('c.json', texts['c.json'], scope('c.json'));
    assert.deepEqual(s.report('c.json').map((p) => [p.code, covered(texts['c.json'], p)]), [['200', '"ALPHA"']]);
  });
});
