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
    // As VS Code's JSON support does: relative `$ref`s resolve against the schema file's URI.
    workspaceContext: { resolveRelativePath: (relative, resource) => new URL(relative, resource).href },
  });
  // A batch is an array of requests.
  service.configure({
    validate: true,
    allowComments: true,
    schemas: [{ uri: 'inmemory://batch.schema.json', fileMatch: ['*.json'], schema: { type: 'array', items: { $ref: methodUri } } }],
  });
  /** The diagnostics; a schema that fails to load would make the comparison meaningless, so it throws. */
  return async (text: string) => {
    const document = TextDocument.create('file:///bench/batch.json', 'json', 1, text);
    const parsed = service.parseJSONDocument(document);
    const diagnostics = await service.doValidation(document, parsed, { comments: 'ignore', trailingCommas: 'error' });
    const messageOf = (d: (typeof diagnostics)[number]) => (typeof d.message === 'string' ? d.message : d.message.value);
    const broken = diagnostics.find((d) => /Problems loading reference|Unable to load schema/.test(messageOf(d)));
    if (broken) throw new Error(`vscode-json-languageservice could not load the schemas: ${messageOf(broken)}`);
    return diagnostics;
  };
}
