// Turns text into a jsonc-parser tree safely: size and nesting are measured before any recursive
// parse (parse/limits.ts), and what is too large, too deep or not well-formed becomes a problem.
import { parseTree, type Node, type ParseErrorCode } from 'jsonc-parser';
import { wordProblem } from '../codes/messages';
import type { Problem } from '../codes/problem';
import { fastParse } from '../parse/fast-parse';
import { DEFAULT_MAX_FILE_SIZE, exceedsSize, MAX_NESTING, syntaxMessage, tooDeepAt, withinText, withoutBom } from '../parse/limits';

export interface Parsed {
  root: Node | undefined;
  /** Syntax, size and nesting problems. */
  problems: Problem[];
  /** False when the document was too large or too deep to look into. */
  parsed: boolean;
}

/** The one problem of a document nested too deep to parse, on the bracket that opens the level too many. */
export function tooDeepProblem(offset: number): Problem {
  const message = `This document is nested deeper than ${MAX_NESTING} levels and is not checked.`;
  return wordProblem('nesting-too-deep', message, { offset, length: 1 });
}

export function parseDocument(text: string, maxFileSize = DEFAULT_MAX_FILE_SIZE): Parsed {
  if (exceedsSize(text, maxFileSize)) {
    const message = `This file is larger than maxFileSize (${maxFileSize} bytes) and is not checked.`;
    return { root: undefined, parsed: false, problems: [wordProblem('file-too-large', message, { offset: 0, length: 0 })] };
  }
  const source = withoutBom(text);
  const fast = fastParse(source, MAX_NESTING);
  if (fast !== 'fallback' && 'root' in fast) return { root: fast.root, problems: [], parsed: true };
  // Not well-formed (or too deep): measure depth without recursion, then let jsonc-parser recover.
  const deep = fast === 'fallback' ? tooDeepAt(source) : fast.tooDeepAt;
  if (deep !== undefined) return { root: undefined, parsed: false, problems: [tooDeepProblem(deep)] };
  const errors: Array<{ error: ParseErrorCode; offset: number; length: number }> = [];
  const root = parseTree(source, errors, { disallowComments: false, allowTrailingComma: false, allowEmptyContent: false });
  const problems = errors.map((e) => wordProblem('invalid-json', syntaxMessage(e.error), withinText(e, source.length)));
  return { root, problems, parsed: true };
}
