// Test inputs with a cursor marker: `|` stands for the cursor and is removed from the text.
import { analyze, type Analysis, type CheckOptions } from '../../../server/src/core';

export interface AtCursor {
  text: string;
  offset: number;
  analysis: Analysis;
}

/** The text without its first `|`, the cursor offset, and the analysis of the text. */
export function atCursor(source: string, options: CheckOptions = { included: true }): AtCursor {
  const offset = source.indexOf('|');
  if (offset < 0) throw new Error(`no cursor marker in ${source}`);
  const text = source.slice(0, offset) + source.slice(offset + 1);
  return { text, offset, analysis: analyze(text, options) };
}

/** What markdown renders for escaped text: `\$` is `$`. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}
