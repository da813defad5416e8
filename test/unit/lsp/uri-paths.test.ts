// Every spelling of one file's URI comes to one key (issue 17): the normal form the index keys files
// by, and the key that places a file in a folder (scheme, authority, decoded path).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { folderKey, normalUri, uriKey, within } from '../../../server/src/lsp/uri-paths';

const SPELLINGS: string[][] = [
  ['file:///w/carrier%20%281%29.payload.json', 'file:///w/carrier%20(1).payload.json', 'file:///w/carrier (1).payload.json'],
  ["file:///w/a%40b%21c%27d%3A%2A%26%3D%2B%2C%3B%24.json", "file:///w/a%40b%21c%27d%3a%2a%26%3d%2b%2c%3b%24.json", "file:///w/a@b!c'd:*&=+,;$.json"],
  ['file:///w/caf%C3%A9%20%E2%82%AC.json', 'file:///w/caf%c3%a9%20%e2%82%ac.json', 'file:///w/café €.json'],
  // Windows drive letters: `C%3A`, `c%3A`, `C:` and `c:` are one drive.
  ['file:///c%3A/w/a.json', 'file:///C%3A/w/a.json', 'file:///C:/w/a.json', 'file:///c:/w/a.json'],
  ['file://server/share/a.json', 'file://SERVER/share/a.json'],
];

describe('URI spellings', () => {
  for (const spellings of SPELLINGS) {
    it(`one key for ${spellings[0]}`, () => {
      assert.deepEqual(new Set(spellings.map(normalUri)), new Set([spellings[0]]));
      assert.equal(new Set(spellings.map(uriKey)).size, 1);
    });
  }

  it('a file in a folder spelled otherwise is within it', () => {
    assert.ok(within('file:///C:/w/sub/a%20(1).json', folderKey('file:///c%3A/w')));
    assert.ok(!within('file:///c:/wx/a.json', folderKey('file:///C:/w')));
  });
});
