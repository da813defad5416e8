// The last step before problems are shown, the same in the editor and on the command line: the
// `rules` of the settings (a severity per code, or `off`) and the disable comments a team writes in
// a payload file where it decides to live with a problem:
//
//   // voipnow-disable-next-line 617      silences 617 on the next line
//   // voipnow-disable 200                silences 200 in the whole file
//   /* voipnow-disable-next-line 617, unknown-parameter -- the gateway accepts it */
//
// A comment that silences nothing gets an `unused-disable` warning. A rule never changes a
// problem's code or text, only its severity (or drops it); `off` applies before the comments, so a
// comment for a code that is off is unused.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { Analysis } from '../engine/check';
import { type RuleLevel, ruleCode, levelSeverity, type Rules } from './config';
import { LineIndex } from '../parse/line-index';
import { wordProblem } from '../codes/messages';
import type { Problem } from '../codes/problem';

export interface Directive {
  kind: 'next-line' | 'file';
  /** The code as normalized (`030`), or as written when it is no code; '' when the comment names none. */
  code: string;
  /** Whether `code` is a documented code or a word code. */
  known: boolean;
  /** Where the code stands in the comment (the comment's first character when it names none). */
  offset: number;
  length: number;
  /** next-line: the zero-based line it silences. */
  line: number;
}

const MARKER = 'voipnow-disable';
const DIRECTIVE = /^(\s*)voipnow-disable(-next-line)?(?=\s|$|\*\/)/;

/** The disable comments of a document (none, quickly, when it does not mention them). */
export function findDirectives(text: string, lines?: LineIndex): Directive[] {
  if (!text.includes(MARKER)) return [];
  const index = lines ?? new LineIndex(text);
  const directives: Directive[] = [];
  const scanner = createScanner(text, false);
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token !== SyntaxKind.LineCommentTrivia && token !== SyntaxKind.BlockCommentTrivia) continue;
    const start = scanner.getTokenOffset();
    // The token's own text (getTokenValue can carry a preceding line break).
    const comment = text.slice(start, start + scanner.getTokenLength());
    const bodyStart = 2;
    const bodyEnd = token === SyntaxKind.BlockCommentTrivia && comment.endsWith('*/') ? comment.length - 2 : comment.length;
    const body = comment.slice(bodyStart, bodyEnd);
    const match = DIRECTIVE.exec(body);
    if (!match) continue;
    const kind = match[2] ? 'next-line' : 'file';
    const line = index.line(start + comment.length) + 1;
    // Codes follow, separated by commas or spaces, up to an optional `-- reason`.
    let rest = body.slice(match[0].length);
    const reason = rest.indexOf('--');
    if (reason >= 0) rest = rest.slice(0, reason);
    const restStart = start + bodyStart + match[0].length;
    let found = false;
    for (const code of rest.matchAll(/[^\s,]+/g)) {
      found = true;
      const normalized = ruleCode(code[0]);
      directives.push({ kind, code: normalized ?? code[0], known: normalized !== undefined, offset: restStart + code.index, length: code[0].length, line });
    }
    if (!found) directives.push({ kind, code: '', known: false, offset: start, length: comment.length, line });
  }
  return directives;
}

function applyRule(problem: Problem, rules: Rules): Problem | undefined {
  const level: RuleLevel | undefined = Object.hasOwn(rules, problem.code) ? rules[problem.code] : undefined;
  if (level === undefined) return problem;
  if (level === 'off') return undefined;
  const severity = levelSeverity(level);
  return severity === problem.severity ? problem : { ...problem, severity };
}

function unusedMessage(directive: Directive): string {
  const comment = directive.kind === 'file' ? 'voipnow-disable' : 'voipnow-disable-next-line';
  if (directive.code === '') return `This disable comment names no code: write the code it silences (${comment} 617).`;
  if (!directive.known) return `Unused disable comment: '${directive.code}' is neither a documented code nor a word code.`;
  return `Unused disable comment: no ${directive.code} problem ${directive.kind === 'file' ? 'in this file' : 'on the next line'}.`;
}

/**
 * Applies the rules and the disable comments to a payload file's problems (its own and those
 * across files), adds an `unused-disable` warning for each comment that silenced nothing, and
 * returns them in document order. `lineOf` is needed only when there are next-line comments.
 */
export function applyRulesAndComments(
  problems: readonly Problem[],
  rules: Rules,
  directives: readonly Directive[],
  lineOf: (offset: number) => number,
): Problem[] {
  let kept: Problem[] = [];
  for (const problem of problems) {
    const ruled = applyRule(problem, rules);
    if (ruled) kept.push(ruled);
  }
  if (directives.length > 0) {
    const used = new Set<Directive>();
    // The comments by code (whole file) and by line and code: each problem looks up its own, so
    // thousands of comments and problems cost no more than their number.
    const wholeFile = new Map<string, Directive[]>();
    const nextLine = new Map<string, Directive[]>();
    for (const directive of directives) {
      if (!directive.known) continue;
      const [map, key] = directive.kind === 'file' ? [wholeFile, directive.code] : [nextLine, `${directive.line} ${directive.code}`];
      const list = map.get(key);
      if (list) list.push(directive);
      else map.set(key, [directive]);
    }
    kept = kept.filter((problem) => {
      const onLine = nextLine.size > 0 ? nextLine.get(`${lineOf(problem.offset)} ${problem.code}`) : undefined;
      const silencing = [...(wholeFile.get(problem.code) ?? []), ...(onLine ?? [])];
      for (const directive of silencing) used.add(directive);
      return silencing.length === 0;
    });
    for (const directive of directives) {
      if (used.has(directive)) continue;
      const warning = applyRule(wordProblem('unused-disable', unusedMessage(directive), { offset: directive.offset, length: directive.length }), rules);
      if (warning) kept.push(warning);
    }
  }
  // Stable: problems at the same place keep the engine's order.
  return kept.sort((a, b) => a.offset - b.offset);
}

/**
 * The analysis with only the problems the settings leave shown, for fixes: a problem turned off or
 * silenced by a comment is not fixed by Fix all or `check --fix`. The rest (the tree, built on first
 * use) is the analysis's own.
 */
export function shownAnalysis(analysis: Analysis, rules: Rules): Analysis {
  const directives = analysis.isPayload ? findDirectives(analysis.text) : [];
  if (directives.length === 0 && Object.keys(rules).length === 0) return analysis;
  let lines: LineIndex | undefined;
  const problems = applyRulesAndComments(analysis.problems, rules, directives, (offset) => (lines ??= new LineIndex(analysis.text)).line(offset));
  return Object.create(analysis, { problems: { value: problems, enumerable: true } }) as Analysis;
}
