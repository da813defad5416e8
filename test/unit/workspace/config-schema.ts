// What schemas/config.schema.json must hold: the settings, and under `rules` one property per code
// a rule can name (every documented code, every word code) so that editors complete them.
// `UPDATE_CONFIG_SCHEMA=1 node test/run.mjs config` rewrites the file from this.
import { allRows, SECRETS_ELSEWHERE, DEFAULT_INCLUDE, DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_PROBLEMS, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, MAX_GLOB_STARS, RULE_LEVELS, WORD_CODES } from '../../../server/src/core';

export function configSchema(): object {
  const documented = new Map<string, { text: string; methods: string[] }>();
  for (const row of allRows()) {
    const seen = documented.get(row.code);
    if (seen) seen.methods.push(row.method);
    else documented.set(row.code, { text: row.text, methods: [row.method] });
  }
  const level = (description: string) => ({ enum: [...RULE_LEVELS], description });
  const rules: Record<string, object> = {};
  for (const [code, { text, methods }] of [...documented].sort(([a], [b]) => (a < b ? -1 : 1))) {
    rules[code] = level(`${text}${methods.length > 1 ? ` (${methods.length} methods; ${methods.join(', ')})` : ` (${methods[0]})`}`);
  }
  for (const [code, word] of Object.entries(WORD_CODES)) rules[code] = level(`${word.meaning} Default: ${word.severity}.`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'VoipNow Payloads settings',
    description: 'The project settings in .voipnow/config.json, shared by the editor and the command line. In the editor, the voipnowPayloads settings win over them; on the command line, the options do.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { description: 'URI of this JSON Schema, for editors.', type: 'string' },
      include: {
        description: `Globs of files that are always payload files (a missing or unknown method is reported in them), matched against the path relative to the folder that holds .voipnow/. Other JSON files are checked only when they name a documented method. A glob is at most ${MAX_GLOB_LENGTH} characters long with at most ${MAX_GLOB_STARS} '*', its braces stand for at most ${MAX_GLOB_ALTERNATIVES} globs, and extended globs (+(a|b)) are not supported.`,
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: MAX_GLOB_LENGTH },
        default: [...DEFAULT_INCLUDE],
      },
      rules: {
        description: 'The severity of a code or word code: "off" (not reported), "error", "warning" or "info". It never changes a code or its text.',
        type: 'object',
        additionalProperties: false,
        properties: rules,
      },
      maxFileSize: {
        description: `Larger files (in bytes) get one file-too-large information and are not checked. Default ${DEFAULT_MAX_FILE_SIZE} (8 MB).`,
        type: 'integer',
        minimum: 1,
        default: DEFAULT_MAX_FILE_SIZE,
      },
      maxProblems: {
        description: `The most problems shown per file in the editor: the first ones in document order, then one too-many-problems information saying how many more there are. Default ${DEFAULT_MAX_PROBLEMS}.`,
        type: 'integer',
        minimum: 1,
        default: DEFAULT_MAX_PROBLEMS,
      },
      servers: {
        description: `VoipNow servers that requests may be sent to, by a name of yours. No secret goes here: ${SECRETS_ELSEWHERE}`,
        type: 'object',
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['url'],
          properties: {
            url: { description: "The server's address, such as https://voipnow.example.com.", type: 'string', pattern: '^https?://[^/?#]+' },
            wsdl: { description: "The Channel service's WSDL, a URL or a file relative to the folder that holds .voipnow/. Default: {url}/soap2/schema/latest/Channel/Channel.wsdl.", type: 'string', minLength: 1 },
            ca: { description: "A PEM file (relative to the folder that holds .voipnow/) of the certificate authority that signed the server's certificate.", type: 'string', minLength: 1 },
            timeoutMs: { description: 'How long to wait for an answer, in milliseconds. Default 30000.', type: 'integer', minimum: 1 },
            insecure: { description: "true turns off the check of the server's certificate (warned of on every use). Never the default.", type: 'boolean' },
          },
        },
      },
    },
  };
}
