// Markdown helpers for hover, completion documentation and the code pages. Documented texts are
// escaped so that they render character for character (`\$`, `*`, `|` in a table cell); values
// taken from a file (a record's fields, a response's code, a path) go through the same helpers, so
// nothing in a file can close a span early or start a link, an image, HTML or a block. Table cells
// take documented texts only (a `|` inside a code span would still split a GFM cell).
// plainText() turns this Markdown into plain text for clients that ask for it.

const LINE_END = /\r\n|\r|\n/g;

/**
 * Escapes what Markdown would interpret in running text or a table cell: emphasis, code, links,
 * images, HTML and entities, tables, headings, and the GFM autolinks (`http://`, `www.`, `a@b`).
 * Line ends become spaces (a line end could start a block), and so does a leading list marker.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_END, ' ')
    .replace(/[\\`*_[\]<>|~&#@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(?<=(?:^|[^\p{L}\p{N}])www)\./giu, '\\.')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * Inline code that shows `text` as it is: the fence is one backtick longer than the longest run of
 * backticks inside (CommonMark: a span closes only at a run of its own length), padded with a
 * space where the text starts or ends with a backtick or a space, line ends as spaces.
 */
export function code(text: string): string {
  const flat = text.replace(LINE_END, ' ');
  if (flat.length === 0) return '` `';
  let longest = 0;
  for (const run of flat.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const spaces = flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '';
  const pad = flat.startsWith('`') || flat.endsWith('`') || spaces ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
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

// ---- Plain text: the Markdown above (paragraphs, `- ` lists, `> ` quotes, tables, `---` rules,
// `**strong**`, code spans, backslash escapes) rendered without its syntax.

const ESCAPABLE = /[!-/:-@[-`{-~]/;
/** Between the sections of a hover, where the Markdown has a `---` rule. */
export const PLAIN_RULE = '─'.repeat(20);
/** Wider leading columns than this make a table a list of rows (its texts would not fit). */
const MAX_ALIGNED = 60;

/** The end of the backtick run of exactly `length` that closes a code span opened before `from`, or -1. */
function closingRun(text: string, from: number, length: number): number {
  const runs = /`+/g;
  runs.lastIndex = from;
  for (let m = runs.exec(text); m; m = runs.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** One line of inline Markdown as the text it renders. */
export function plainInline(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const c = markdown[i];
    if (c === '\\' && ESCAPABLE.test(markdown[i + 1] ?? '')) {
      out += markdown[i + 1];
      i += 2;
    } else if (c === '`') {
      let end = i;
      while (markdown[end] === '`') end++;
      const close = closingRun(markdown, end, end - i);
      if (close < 0) {
        out += markdown.slice(i, end);
        i = end;
        continue;
      }
      let content = markdown.slice(end, close);
      if (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
      out += content;
      i = close + (end - i);
    } else if (c === '*' && markdown[i + 1] === '*') {
      i += 2;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The cells of a table row, split at the pipes that are not escaped. */
function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => plainInline(cell.trim()));
}

const width = (text: string) => [...text].length;

/** A table as aligned columns (the last one unpadded), or one line per row when the columns are too wide. */
function plainTable(rows: string[][]): string[] {
  const columns = rows[0].length;
  const widths = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r) => width(r[c] ?? ''))));
  const leading = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
  if (leading > MAX_ALIGNED) return rows.map((r) => r.join(' · '));
  return rows.map((r) => r.map((cell, c) => (c === columns - 1 ? cell : cell + ' '.repeat(widths[c] - width(cell) + 2))).join('').trimEnd());
}

function isTableAt(lines: readonly string[], i: number): boolean {
  return lines[i].startsWith('|') && /^\|( *:?-+:? *\|)+$/.test(lines[i + 1] ?? '');
}

/** Markdown (as the helpers above write it) rendered as plain text: no backticks, no `**`, no escapes. */
export function plainText(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isTableAt(lines, i)) {
      const rows = [cells(line)];
      for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(cells(lines[i]));
      i--;
      out.push(...plainTable(rows));
    } else if (line === '---') out.push(PLAIN_RULE);
    else if (line.startsWith('> ')) out.push(`  ${plainInline(line.slice(2))}`);
    else out.push(plainInline(line.replace(/^#{1,6} /, '')));
  }
  return out.join('\n');
}
