// A large file on disk keeps no text in the session (KEEP_TEXT_BELOW): its problems, unique values
// and the lines and columns of their offsets are taken once from the text. Its reports (ranges,
// 200s across files with related places, disable comments by line, the cap) are the same as the
// ones of the same text kept whole, checked in this thread or posted from another.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  checkOptionsOf,
  DEFAULT_EFFECTIVE_SETTINGS,
  fromPosted,
  postedAnalysis,
  WorkspaceSession,
  type FileScope,
  type UpdateOptions,
} from '../../../server/src/core';
import { KEEP_TEXT_BELOW } from '../../../server/src/core/workspace/session';

const FOLDER = { name: 'root', order: 0 };
const scope = (relPath: string): FileScope => ({ folder: FOLDER, relPath, includePath: relPath, settings: DEFAULT_EFFECTIVE_SETTINGS });

/** A batch over KEEP_TEXT_BELOW: one request a line (`eol`), every seventh broken, one name shared with the other file, a disable comment (used). */
function batch(tag: string, eol: string): string {
  const lines: string[] = [];
  for (let i = 0; lines.join(eol).length < KEEP_TEXT_BELOW * 2; i++) {
    const name = i === 500 ? 'Shared 🎉 Ștefan' : `${tag} ${i} ✓`;
    const flow = i % 7 === 3 || i === 601 ? 'bothh' : 'in';
    lines.push(`  ${JSON.stringify({ method: 'AddChannel', params: { type: 'sip', SIP: { name, flow } } })},`);
    if (i === 600) lines.push('  // voipnow-disable-next-line 617');
  }
  lines[lines.length - 1] = lines[lines.length - 1].replace(/,$/, '');
  return ['[', ...lines, ']', ''].join(eol);
}

const TEXTS = { 'a.payload.json': batch('A', '\n'), 'b.payload.json': batch('B', '\r\n') };

function filled(options: (text: string, id: string) => UpdateOptions): WorkspaceSession {
  const session = new WorkspaceSession();
  for (const [id, text] of Object.entries(TEXTS)) session.update(id, text, scope(id), options(text, id));
  return session;
}

describe('WorkspaceSession: a large file on disk keeps no text', () => {
  // The reference: each text kept (an open document's), its positions from a line index of it.
  const kept = filled(() => ({ version: 1 }));
  const reports = (session: WorkspaceSession) => Object.keys(TEXTS).map((id) => session.report(id, { maxProblems: 120 }));

  it('checked in this thread: no text kept, the same reports (ranges, 200s across files, related places, comments, cap)', () => {
    const lean = filled(() => ({}));
    for (const id of Object.keys(TEXTS)) assert.equal(lean.get(id)!.text, undefined, id);
    const [a, b] = reports(lean);
    assert.deepEqual([a, b], reports(kept));
    // What the reports are made of: 617s, 200s across files with their related place, the cap's note.
    assert.deepEqual([...new Set(a.map((p) => p.code))].sort(), ['200', '617', 'too-many-problems']);
    assert.equal(a.find((p) => p.code === '200')!.related[0].id, 'b.payload.json');
  });

  it('checked in another thread (the posted check): the same reports', () => {
    const posted = filled((text, id) => ({ checked: fromPosted(structuredClone(postedAnalysis(text, checkOptionsOf(scope(id))))) }));
    assert.deepEqual(reports(posted), reports(kept));
  });

  it('keeps an estimate of what it holds (the memory budget), back to nothing once the files go', () => {
    const lean = filled(() => ({}));
    const problems = [...lean.all()].reduce((sum, f) => sum + f.problems.length + f.unique.length, 0);
    assert.ok(lean.keptBytes > problems * 40, `${lean.keptBytes} for ${problems} problems and values`);
    for (const id of Object.keys(TEXTS)) lean.remove(id);
    assert.equal(lean.keptBytes, 0);
  });

  it('an open document closed as on disk keeps no text either, and reports the same', () => {
    const session = filled(() => ({ version: 1 }));
    for (const [id, text] of Object.entries(TEXTS)) assert.equal(session.closedAsOnDisk(id, text, scope(id)), true);
    for (const id of Object.keys(TEXTS)) assert.equal(session.get(id)!.text, undefined, id);
    assert.deepEqual(reports(session), reports(kept));
  });
});
