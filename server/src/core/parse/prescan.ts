// One cheap pass over a document before the quick path (engine/check.ts) trusts JSON.parse:
// it finds what JSON.parse would hide (comments, number literals whose value does not print
// back as written, repeated keys through the count of properties, nesting) and where each
// element of a top-level array starts and ends, so a request with a problem can be parsed alone.

import { stringEnd } from './json-text';

export interface Prescan {
  /** Properties written in the document (colons outside strings), to detect repeated keys. */
  properties: number;
  /** [start, end) offsets of each element of a top-level array; undefined for any other root. */
  elements: number[] | undefined;
}

// Integers of up to 15 digits print back exactly as written; any other literal is compared with
// how its value prints.

/** undefined: this document needs the full path (comments, odd numbers, too deep, not well-formed). */
export function prescan(text: string, maxDepth: number): Prescan | undefined {
  const length = text.length;
  let depth = 0;
  let properties = 0;
  let elements: number[] | undefined;
  let elementOpen = false;
  let lastEnd = 0;
  let i = 0;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) {
      i++;
      continue;
    }
    if (depth === 1 && elements && !elementOpen && c !== 93 && c !== 44) {
      elements.push(i);
      elementOpen = true;
    }
    if (c === 34) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      i = lastEnd = end + 1;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      // Digits alone (the common case) are read without a regular expression.
      const first = c === 45 ? i + 1 : i;
      let j = first;
      let plain = true;
      for (; j < length; j++) {
        const d = text.charCodeAt(j);
        if (d >= 48 && d <= 57) continue;
        if (d === 46 || d === 101 || d === 69 || d === 43 || d === 45) plain = false;
        else break;
      }
      const digits = j - first;
      if (!plain || c === 45 || digits === 0 || digits > 15 || (digits > 1 && text.charCodeAt(first) === 48)) {
        const literal = text.slice(i, j);
        if (String(Number(literal)) !== literal) return undefined;
      }
      i = lastEnd = j;
    } else if (c === 123 || c === 91) {
      if (++depth > maxDepth) return undefined;
      if (depth === 1 && c === 91) elements = [];
      i++;
    } else if (c === 125 || c === 93) {
      if (depth === 1 && elements && elementOpen) {
        elements.push(lastEnd);
        elementOpen = false;
      }
      depth--;
      i = lastEnd = i + 1;
    } else if (c === 44) {
      if (depth === 1 && elements && elementOpen) {
        elements.push(lastEnd);
        elementOpen = false;
      }
      i++;
    } else if (c === 58) {
      properties++;
      i++;
    } else if (c === 47) {
      return undefined;
    } else {
      i = lastEnd = i + 1;
    }
  }
  return { properties, elements };
}
