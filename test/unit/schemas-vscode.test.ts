// The schemas work in VS Code's own JSON support (vscode-json-languageservice, relative `$ref`s
// resolved against the schema file as VS Code does): a payload naming a method schema in
// `$schema` gets the schema's checks, with nothing fetched.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';

it('vscode-json-languageservice loads a method schema with its shared $defs and validates with it', async () => {
  const requested: string[] = [];
  const service = getLanguageService({
    schemaRequestService: async (uri) => {
      requested.push(uri);
      return readFileSync(fileURLToPath(uri), 'utf8');
    },
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  const schema = pathToFileURL(path.resolve(__dirname, '..', '..', 'schemas', 'methods', 'AddChannel.schema.json')).href;
  service.configure({ validate: true, allowComments: true, schemas: [{ uri: schema, fileMatch: ['*.payload.json'] }] });
  const text = JSON.stringify({ method: 'AddChannel', params: { SIP: { name: 'Carrier A', flow: 'bothh', qualify: 150, dtmfMode: 'rfc2833' } } });
  const document = TextDocument.create('file:///w/a.payload.json', 'json', 1, text);
  const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
  assert.deepEqual(diagnostics.map((d) => String(d.message)).sort(), [
    'Property dtmfMode is not allowed.',
    'Value is not accepted. Valid values: "in", "out", "both".',
    'Value is not divisible by 100.',
  ]);
  assert.ok(requested.every((uri) => uri.startsWith('file:')), requested.join(' '));
  assert.ok(requested.some((uri) => uri.endsWith('/schemas/common.schema.json')));
});
