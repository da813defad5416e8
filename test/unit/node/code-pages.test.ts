// Without dist/codes the server writes its code pages to a temporary folder. It was one with a
// fixed name (a hash of the pages), made if absent and written into if its index was missing: a
// folder made there first, with links in it, had the pages written through the links to whatever
// they pointed at. The pages now go to a folder of the process's own, made by mkdtemp (0700).
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { codePages } from '../../../server/src/core';
import { nodeCodePages } from '../../../server/src/node/code-pages';

/** The folder the pages went to before: the temporary folder and a hash of the pages. */
function predictableFolder(temporary: string): string {
  const hash = createHash('sha256');
  for (const page of codePages()) hash.update(page.fileName).update(page.markdown);
  return path.join(temporary, `voipnow-payloads-codes-${hash.digest('hex').slice(0, 12)}`);
}

describe('code pages written without dist/codes', () => {
  // A temporary folder of the test's own stands for the system's (tmpdir() reads TMPDIR).
  const temporary = mkdtempSync(path.join(tmpdir(), 'voipnow-tmp-'));
  const savedTmp = process.env.TMPDIR;
  after(() => {
    process.env.TMPDIR = savedTmp;
    rmSync(temporary, { recursive: true, force: true });
  });

  it('never write through a link planted at the old predictable place, and go to a private 0700 folder', () => {
    const victim = path.join(temporary, 'victim.txt');
    writeFileSync(victim, 'not yours\n');
    const planted = predictableFolder(temporary);
    mkdirSync(planted);
    for (const page of codePages()) if (page.fileName !== 'index.md') symlinkSync(victim, path.join(planted, page.fileName));
    process.env.TMPDIR = temporary;

    const uri = nodeCodePages();
    assert.ok(uri, 'the pages are written');
    const folder = fileURLToPath(uri);
    assert.equal(readFileSync(victim, 'utf8'), 'not yours\n');
    assert.notEqual(folder, planted);
    assert.equal(path.dirname(folder), temporary);
    assert.equal(statSync(folder).mode & 0o777, 0o700);
    for (const page of codePages()) {
      const file = path.join(folder, page.fileName);
      assert.ok(lstatSync(file).isFile(), `${page.fileName} is a file of its own`);
      assert.equal(readFileSync(file, 'utf8'), page.markdown);
    }
    // Asked again (a second initialize), the same folder: not a new one each time.
    assert.equal(nodeCodePages(), uri);
  });
});
