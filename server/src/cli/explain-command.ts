// `explain <code> [--method M]`: a code's documented text for each method that documents it, and
// whether a payload file can raise it or only the server's state can (spec section 2.5).
import { documentedText, fileCheckableCodes, METHODS, methodsDocumenting, normalizeCode, WORD_CODES, type WordCodeName } from '../core';
import { suggest } from '../core/codes/suggest';
import { parseCommandArgs } from './args';
import { CliError } from './errors';
import { EXPLAIN_HELP } from './help';
import { EXPLAIN_OPTIONS } from './option-tables';

const FROM_FILE = '  From the file: a payload file can raise it (check and the editor report it).';
const FROM_SERVER = "  From the server: it depends on the server's state, which a payload file cannot show.";

export function explainCommand(args: string[]): number {
  const { values, positionals } = parseCommandArgs('explain', args, EXPLAIN_OPTIONS);
  if (values.help) {
    process.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new CliError(`explain takes one code, got ${positionals.length} (see 'voipnow-payloads help explain')`);
  }
  const method = values.method === undefined ? undefined : resolveMethod(values.method as string);
  process.stdout.write(explain(positionals[0], method));
  return 0;
}

export function explain(written: string, method?: string): string {
  const code = normalizeCode(written.trim());
  if (Object.hasOwn(WORD_CODES, code)) {
    const word = WORD_CODES[code as WordCodeName];
    return `${code} (${word.severity}; a code of this tool, for a condition the documentation gives no number for)\n${word.meaning}\n`;
  }
  const rows = methodsDocumenting(code);
  if (rows.length === 0) throw new CliError(`unknown code '${written}': no method documents it and it is not one of the tool's word codes`);
  const shown = method === undefined ? rows : rows.filter((r) => r.method === method);
  if (shown.length === 0) {
    throw new CliError(`${method} does not document ${code} (documented by ${rows.map((r) => r.method).join(', ')})`);
  }
  const lines = [method === undefined ? `${code} is documented by ${rows.length} method${rows.length === 1 ? '' : 's'}.` : `${code} for ${method}:`];
  for (const row of shown) {
    lines.push(`${row.method}: ${documentedText(row.method, code)}`);
    lines.push(fileCheckableCodes(row.method).has(code) ? FROM_FILE : FROM_SERVER);
  }
  return lines.join('\n') + '\n';
}

/** The documented name; letter case is forgiven, anything else gets a suggestion. */
function resolveMethod(written: string): string {
  const exact = METHODS.find((m) => m === written) ?? METHODS.find((m) => m.toLowerCase() === written.toLowerCase());
  if (exact) return exact;
  const close = suggest(written, METHODS);
  throw new CliError(`unknown method '${written}'${close ? ` (did you mean ${close}?)` : ''}`);
}
