// The engine's entry point: text in, problems out. Protocol-free: the CLI and the language server
// both call analyze() and read what they need from the result.
import type { Node } from 'jsonc-parser';
import { LineIndex } from './line-index';
import { parseDocument, DEFAULT_MAX_FILE_SIZE } from './parse';
import type { Problem } from './problem';
import { checkRequest, findRequests, type Request } from './requests';
import { reportDuplicatesInFile, uniqueEntries, type UniqueEntry } from './rules/duplicates';
import { wordProblem } from './messages';

export interface CheckOptions {
  /** The file matches the include globs: a missing or unknown method is reported even if no request names one. */
  included?: boolean;
  maxFileSize?: number;
}

export interface Analysis {
  text: string;
  root: Node | undefined;
  /** Whether the document is a payload at all (otherwise it has no problems). */
  isPayload: boolean;
  requests: Request[];
  problems: Problem[];
  /** The values that must be unique across the workspace (200). */
  unique: UniqueEntry[];
}

export function analyze(text: string, options: CheckOptions = {}): Analysis {
  const included = options.included ?? false;
  const parsed = parseDocument(text, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (!parsed.parsed) {
    // Too large or too deep: only payload files hear about it.
    const isPayload = included || /"method"\s*:\s*"[A-Z][A-Za-z]+"/.test(text.slice(0, 4096));
    return { text, root: undefined, isPayload, requests: [], problems: isPayload ? parsed.problems : [], unique: [] };
  }
  const nodes = findRequests(parsed.root, included);
  if (nodes.length === 0) {
    const isPayload = included;
    const problems = isPayload ? [...parsed.problems] : [];
    if (isPayload && parsed.root && parsed.problems.length === 0) {
      const message = 'A payload file holds one request object or an array of request objects.';
      problems.push(wordProblem('missing-method', message, { offset: parsed.root.offset, length: parsed.root.type === 'object' || parsed.root.type === 'array' ? 1 : parsed.root.length }));
    }
    return { text, root: parsed.root, isPayload, requests: [], problems, unique: [] };
  }
  const problems = [...parsed.problems];
  const requests = nodes.map((node) => checkRequest(node, text, problems));
  const unique = uniqueEntries(requests, text);
  if (unique.length > 1) {
    let lines: LineIndex | undefined;
    reportDuplicatesInFile(unique, (offset) => (lines ??= new LineIndex(text)).line(offset), problems);
  }
  problems.sort((a, b) => a.offset - b.offset);
  return { text, root: parsed.root, isPayload: true, requests, problems, unique };
}

/** Shorthand when only the problems matter. */
export function check(text: string, options?: CheckOptions): Problem[] {
  return analyze(text, options).problems;
}
