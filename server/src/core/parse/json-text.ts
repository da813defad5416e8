// Scanning JSON text without a parser, shared by the fast parser and the prescan.

/** Offset of the quote that closes the string opening at `quoteAt` (one not escaped), or -1. */
export function stringEnd(text: string, quoteAt: number): number {
  let end = text.indexOf('"', quoteAt + 1);
  while (end > 0) {
    let backslashes = 0;
    for (let i = end - 1; text.charCodeAt(i) === 92; i--) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}
