// Imports the documented error codes (shared/spec/channel-error-codes.md) into schemas/codes.json,
// the one place every code and text is read from. Run again when the documentation changes;
// test/unit/catalog.test.ts checks that the two still agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Reads the markdown into rows in document order: `## Method` headings, then `code<TAB>text` lines. */
export function parseCodeTable(markdown) {
  const rows = [];
  let method = null;
  for (const line of markdown.split('\n')) {
    const heading = /^## (\w+)\s*$/.exec(line);
    if (heading) { method = heading[1]; continue; }
    const row = /^(\d{3})\t(.*)$/.exec(line);
    if (row && method) rows.push({ method, code: row[1], text: row[2] });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const source = process.argv[2] ?? join(root, '..', 'shared', 'spec', 'channel-error-codes.md');
  const rows = parseCodeTable(readFileSync(source, 'utf8'));
  const catalog = {
    description:
      'VoipNow SystemAPI Channel service: documented error codes per method, imported from channel-error-codes.md by scripts/import-codes.mjs. ' +
      'Codes are strings.',
    rows,
  };
  // One row a line keeps the file readable and its diffs small.
  const body = rows.map((r) => '    ' + JSON.stringify(r)).join(',\n');
  const text = `{\n  "description": ${JSON.stringify(catalog.description)},\n  "rows": [\n${body}\n  ]\n}\n`;
  JSON.parse(text);
  writeFileSync(join(root, 'schemas', 'codes.json'), text);
  console.log(`${rows.length} rows, ${new Set(rows.map((r) => r.method)).size} methods`);
}
