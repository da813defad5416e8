// Where a value stands in well-formed JSON text, found by skipping over everything else: no tree is
// built. The quick path (check.ts) places the values that must be unique with it, one per request
// of a batch; a tree of each request cost as much again as the whole check, and its garbage.
// The text must be what the quick path takes: well formed, no comments, no repeated keys.
import type { Range } from './tree';

const QUOTE = 34;
const BACKSLASH = 92;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The offset just past the string whose opening quote is at `at` (text.length if it never closes).
 * Not json-text's stringEnd, which gives the closing quote itself or -1: here the caller goes on scanning.
 */
function afterString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

/** The end of the value that starts at `at` (no space before it). */
function valueEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return afterString(text, at);
  if (c !== 123 && c !== 91) {
    let i = at;
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === 44 || d === 125 || d === 93 || isSpace(d)) break;
      i++;
    }
    return i;
  }
  // An object or an array: to its matching bracket, strings skipped whole.
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === QUOTE) i = afterString(text, i) - 1;
    else if (d === 123 || d === 91) depth++;
    else if ((d === 125 || d === 93) && --depth === 0) return i + 1;
  }
  return text.length;
}

/** A key's text as JSON.parse reads it (escapes decoded only when there are any). */
function keyAt(text: string, at: number, end: number): string {
  const raw = text.slice(at + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(at, end)) as string) : raw;
}

/**
 * The range of the value at `path` (object keys and array indexes) in the value that starts at or
 * after `start`; undefined when the path leads nowhere.
 */
export function locateValue(text: string, start: number, path: ReadonlyArray<string | number>): Range | undefined {
  let at = skipSpace(text, start);
  for (const step of path) {
    const open = text.charCodeAt(at);
    if (typeof step === 'string' ? open !== 123 : open !== 91) return undefined;
    at = skipSpace(text, at + 1);
    let index = 0;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 125 || c === 93 || at >= text.length) return undefined;
      if (typeof step === 'string') {
        const keyEnd = afterString(text, at);
        const matches = keyAt(text, at, keyEnd) === step;
        at = skipSpace(text, skipSpace(text, keyEnd) + 1);
        if (matches) break;
      } else if (index++ === step) break;
      at = skipSpace(text, valueEnd(text, at));
      if (text.charCodeAt(at) === 44) at = skipSpace(text, at + 1);
    }
  }
  return { offset: at, length: valueEnd(text, at) - at };
}
