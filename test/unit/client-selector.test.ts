// The extension's document selector (client/src/selector.ts), the same in the desktop and the web
// build: JSON and JSONC on every scheme that holds workspace files, never a view of another revision.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { documentSelector } from '../../client/src/selector';

const schemesOf = (selector: ReturnType<typeof documentSelector>, language: string) => selector.filter((f) => f.language === language).map((f) => f.scheme);

describe('documentSelector', () => {
  const WORKSPACE = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];

  for (const language of ['json', 'jsonc']) {
    it(`matches ${language} on the desktop's, a remote's and the web's schemes`, () => {
      assert.deepEqual(schemesOf(documentSelector(), language), WORKSPACE);
    });
  }

  it("adds a workspace folder's own scheme (a file system extension's), once", () => {
    assert.deepEqual(schemesOf(documentSelector(['memfs', 'file', 'memfs']), 'json'), [...WORKSPACE, 'memfs']);
  });

  it('never matches a read-only view of another revision, even as a folder scheme', () => {
    const schemes = documentSelector(['git', 'gitlens', 'pr', 'review']).map((f) => f.scheme);
    for (const revision of ['git', 'gitlens', 'pr', 'review']) assert.ok(!schemes.includes(revision), revision);
  });

  it('gives every filter a scheme (a filter without one would match git: too)', () => {
    assert.ok(documentSelector(['x']).every((f) => typeof f.scheme === 'string' && f.scheme.length > 0));
  });
});
