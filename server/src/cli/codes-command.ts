// `codes [--json]`: every documented (method, code, text) row, from the catalog only.
import { allRows, METHODS, methodCodes } from '../core';
import { parseCommandArgs } from './args';
import { CliError } from './errors';
import { CODES_HELP } from './help';
import { CODES_OPTIONS } from './option-tables';

export function codesCommand(args: string[]): number {
  const { values, positionals } = parseCommandArgs('codes', args, CODES_OPTIONS);
  if (values.help) {
    process.stdout.write(CODES_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new CliError(`codes takes no arguments, got '${positionals[0]}' (see 'voipnow-payloads help codes')`);
  process.stdout.write(values.json ? codesJson() : codesTable());
  return 0;
}

/**
 * `{ "<method>": { "<code>": "<text>" } }`, written by hand rather than JSON.stringify so that the
 * codes keep the documentation's order (a JS object would put "100" before "030").
 */
export function codesJson(): string {
  const methods = METHODS.map((method) => {
    const codes = [...methodCodes(method)].map(([code, text]) => `    ${JSON.stringify(code)}: ${JSON.stringify(text)}`);
    return `  ${JSON.stringify(method)}: {\n${codes.join(',\n')}\n  }`;
  });
  return `{\n${methods.join(',\n')}\n}\n`;
}

/** Aligned columns; the text is last so that long texts do not push anything. */
export function codesTable(): string {
  const rows = allRows();
  const width = Math.max('METHOD'.length, ...rows.map((r) => r.method.length));
  const lines = [`${'METHOD'.padEnd(width)}  CODE  TEXT`];
  for (const row of rows) lines.push(`${row.method.padEnd(width)}  ${row.code.padEnd(4)}  ${row.text}`);
  return lines.join('\n') + '\n';
}
