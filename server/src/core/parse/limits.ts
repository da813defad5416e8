// What is measured and mended before any recursive parse (jsonc-parser's parseTree recurses and
// throws RangeError at a few thousand levels): size, nesting, the byte order mark; and the words
// of a syntax error. engine/parse-document.ts turns what these find into problems.
import { createScanner, printParseErrorCode, SyntaxKind, type ParseErrorCode } from 'jsonc-parser';
import type { Range } from './tree';

export const MAX_NESTING = 1000;
export const DEFAULT_MAX_FILE_SIZE = 8 * 1024 * 1024;

const SYNTAX_MESSAGES: Partial<Record<string, string>> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes',
  ValueExpected: 'a value',
  ColonExpected: 'a colon',
  CommaExpected: 'a comma',
  CloseBraceExpected: 'a closing brace',
  CloseBracketExpected: 'a closing bracket',
  EndOfFileExpected: 'the end of the file',
  UnexpectedEndOfComment: 'the end of the comment (*/)',
  UnexpectedEndOfString: 'the end of the string (")',
  UnexpectedEndOfNumber: 'more digits',
  InvalidUnicode: 'a valid \\u escape',
  InvalidEscapeCharacter: 'a valid escape character',
  InvalidCharacter: 'no control character inside a string',
};

export function syntaxMessage(error: ParseErrorCode): string {
  const name = printParseErrorCode(error);
  // These two name what was found, not what was expected ("expected an unexpected character").
  if (name === 'InvalidSymbol' || name === 'InvalidNumberFormat') return `Invalid JSON: ${SYNTAX_MESSAGES[name]} here.`;
  return `Invalid JSON: expected ${SYNTAX_MESSAGES[name] ?? name} here.`;
}

/** The length of a text in UTF-8 bytes (a lone surrogate counts 3, as its U+FFFD), without Buffer (not in a Web Worker). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two UTF-16 units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Size in UTF-8 bytes, counted only when the length alone cannot decide. */
export function exceedsSize(text: string, maxFileSize: number): boolean {
  if (text.length > maxFileSize) return true;
  if (text.length * 3 <= maxFileSize) return false;
  return utf8Length(text) > maxFileSize;
}

/** The first bracket that opens level MAX_NESTING + 1, found with the non-recursive scanner. */
export function tooDeepAt(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_NESTING) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * A range inside a text of `textLength` characters. jsonc-parser places the error of an
 * unterminated comment or string at the end of the text, one character long: past the end.
 */
export function withinText(range: Range, textLength: number): Range {
  const offset = Math.min(Math.max(range.offset, 0), textLength);
  return { offset, length: Math.max(0, Math.min(range.length, textLength - offset)) };
}

/** A byte order mark is ignored; a space of the same length keeps every offset. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
}
