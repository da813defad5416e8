// The language server's map (server/src/lsp/README.md) says where each group of handlers is: its
// table names exactly the files of lsp/handlers, and server.ts registers every one of them, so that
// a group added, moved or left unregistered shows here. A row marked "(to come)" names a group not
// built yet.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';

const LSP = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'lsp');
const readme = readFileSync(path.join(LSP, 'README.md'), 'utf8');

/** The table's rows: the group's name and its file. */
const rows = [...readme.matchAll(/^\| ([^|]+?) \| `(handlers\/[\w-]+\.ts)` \|/gm)].map((m) => ({ group: m[1], file: m[2] }));

it("lsp/README.md's table names exactly the handler groups' files (and any to come)", () => {
  const built = rows.filter((r) => !r.group.includes('(to come)')).map((r) => r.file);
  const files = readdirSync(path.join(LSP, 'handlers')).map((f) => `handlers/${f}`);
  assert.deepEqual(built.sort(), files.sort());
});

it('server.ts registers every handler group', () => {
  const server = readFileSync(path.join(LSP, 'server.ts'), 'utf8');
  for (const file of readdirSync(path.join(LSP, 'handlers'))) {
    const name = /export function (register\w+)\(/.exec(readFileSync(path.join(LSP, 'handlers', file), 'utf8'))?.[1];
    assert.ok(name, `${file} exports its register function`);
    assert.match(server, new RegExp(`\\b${name}\\(state\\)`), `server.ts calls ${name}`);
  }
});
