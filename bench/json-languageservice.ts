// What VS Code's built-in JSON support would do with our schemas: vscode-json-languageservice
// parsing and validating the batch against AddChannel's schema (refs resolved from schemas/).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';

export async function jsonLanguageService(root: string) {
  const methodUri = pathToFileURL(path.join(root, 'schemas', 'methods', 'AddChannel.schema.json')).href;
  const service = getLanguageService({
    schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
  });
  // A batch is an array of requests.
  service.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: 'inmemory://batch.schema.json', fileMatch: ['*.json'], schema: { type: 'array', items: { $ref: methodUri } } }],
  });
  return async (text: string) => {
    const document = TextDocument.create('file:///bench/batch.json', 'json', 1, text);
    const parsed = service.parseJSONDocument(document);
    return service.doValidation(document, parsed, { comments: 'ignore', trailingCommas: 'error' });
  };
}
