// Markdown helpers for hover, completion documentation and the code pages: documented texts are
// escaped so that they render character for character (`\$`, `*`, `|` in a table cell).

/** Escapes the characters markdown would interpret inside running text or a table cell. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&#]/g, '\\$&');
}

/** Inline code; a value that holds backticks gets a longer fence. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A markdown table; cells are given already formatted (escape plain text first). */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A JSON value as it is written in a payload (`"in"`, `true`, `0`). */
export function literal(value: unknown): string {
  return JSON.stringify(value);
}
