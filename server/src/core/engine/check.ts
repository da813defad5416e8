// The engine's entry point: text in, problems out. Protocol-free: the CLI and the language server
// both call analyze() and read what they need from the result.
//
// Two paths give the same problems. The quick path (most documents: well-formed, no comments)
// lets JSON.parse read the document and the validator walk each request's values; only a request
// with a problem is parsed into a tree (alone), to say where its problems stand. The full path
// parses the whole document with positions first (comments, syntax errors, odd number literals,
// repeated keys). A tree is built for a quick-path document only when something asks for `root`.
import type { Node } from 'jsonc-parser';
import { fastParse } from '../parse/fast-parse';
import { locateValue } from '../parse/json-locate';
import { LineIndex } from '../parse/line-index';
import { wordProblem } from '../codes/messages';
import { DEFAULT_MAX_FILE_SIZE, exceedsSize, MAX_NESTING, withoutBom } from '../parse/limits';
import { parseDocument } from './parse-document';
import { prescan } from '../parse/prescan';
import type { Problem } from '../codes/problem';
import type { Records } from './records-snapshot';
import { checkRequest, checkRequestValue, describeRequest, findRequests, methodOf, type Request } from './requests';
import { Place, pathOf, TreePlaces } from '../parse/json-values';
import { reportDuplicatesInFile, reportRecordClashes, uniqueEntriesOfTree, uniqueEntriesOfValues, type UniqueEntry } from '../rules/duplicates';

export interface CheckOptions {
  /** The file matches the include globs: a missing or unknown method is reported even if no request names one. */
  included?: boolean;
  maxFileSize?: number;
  /** The records snapshot (spec section 6): IDs are looked up, new names compared with it. */
  records?: Records;
}

export interface Analysis {
  readonly text: string;
  /** The parse tree (built on first use on the quick path). */
  readonly root: Node | undefined;
  /** Whether the document is a payload at all (otherwise it has no problems). */
  readonly isPayload: boolean;
  /** The requests' nodes (built on first use on the quick path). */
  readonly requests: Request[];
  readonly problems: Problem[];
  /** The values that must be unique across the workspace (200); those the records already hold have their 200 and are left out. */
  readonly unique: UniqueEntry[];
  /** The records snapshot the document was checked against, if any (for hover, completion, definition). */
  readonly records?: Records;
}

export function analyze(text: string, options: CheckOptions = {}): Analysis {
  const included = options.included ?? false;
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const records = options.records;
  return (!exceedsSize(text, maxFileSize) && quickAnalyze(text, included, records)) || fullAnalyze(text, included, maxFileSize, records);
}

/** Shorthand when only the problems matter. */
export function check(text: string, options?: CheckOptions): Problem[] {
  return analyze(text, options).problems;
}

function reportDuplicates(unique: readonly UniqueEntry[], text: string, problems: Problem[]): void {
  if (unique.length < 2) return;
  let lines: LineIndex | undefined;
  reportDuplicatesInFile(unique, (offset) => (lines ??= new LineIndex(text)).line(offset), problems);
}

/** The full path alone (exported for the test that keeps both paths equal). */
export function fullAnalyze(text: string, included: boolean, maxFileSize = DEFAULT_MAX_FILE_SIZE, records?: Records): Analysis {
  const parsed = parseDocument(text, maxFileSize);
  if (!parsed.parsed) {
    // Too large or too deep: only payload files hear about it.
    const isPayload = included || /"method"\s*:\s*"[A-Z][A-Za-z]+"/.test(text.slice(0, 4096));
    return { text, root: undefined, isPayload, requests: [], problems: isPayload ? parsed.problems : [], unique: [], records };
  }
  const nodes = findRequests(parsed.root, included);
  if (nodes.length === 0) {
    const isPayload = included;
    const problems = isPayload ? [...parsed.problems] : [];
    if (isPayload && parsed.root && parsed.problems.length === 0) {
      const message = 'A payload file holds one request object or an array of request objects.';
      const root = parsed.root;
      problems.push(wordProblem('missing-method', message, { offset: root.offset, length: root.type === 'object' || root.type === 'array' ? 1 : root.length }));
    }
    return { text, root: parsed.root, isPayload, requests: [], problems, unique: [], records };
  }
  const problems = [...parsed.problems];
  const source = withoutBom(text);
  const requests = nodes.map((node) => checkRequest(node, source, problems, records));
  const unique = reportRecordClashes(uniqueEntriesOfTree(requests, source), records, problems);
  reportDuplicates(unique, source, problems);
  problems.sort((a, b) => a.offset - b.offset);
  return { text, root: parsed.root, isPayload: true, requests, problems, unique, records };
}

/** The number of properties of every object in a parsed value (JSON.parse keeps one of repeated keys). */
function countProperties(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  if (Array.isArray(value)) for (const element of value) count += countProperties(element);
  else for (const key in value) count += 1 + countProperties((value as Record<string, unknown>)[key]);
  return count;
}

/** A quick-path analysis: the tree and requests built when first asked for (a class: no closures made a document). */
class LazyTreeAnalysis implements Analysis {
  private tree: Node | undefined | null = null;
  private found: Request[] | undefined;

  constructor(
    readonly text: string,
    private readonly included: boolean,
    readonly isPayload: boolean,
    readonly problems: Problem[],
    readonly unique: UniqueEntry[],
    readonly records: Records | undefined,
  ) {}

  get root(): Node | undefined {
    return this.tree === null ? (this.tree = parseDocument(this.text).root) : this.tree;
  }

  get requests(): Request[] {
    return (this.found ??= this.isPayload ? findRequests(this.root, this.included).map(describeRequest) : []);
  }
}

/** undefined: the document needs the full path. */
function quickAnalyze(text: string, included: boolean, records: Records | undefined): Analysis | undefined {
  const source = withoutBom(text);
  const scan = prescan(source, MAX_NESTING);
  if (!scan) return undefined;
  let root: unknown;
  try {
    root = JSON.parse(source);
  } catch {
    return undefined;
  }
  if (countProperties(root) !== scan.properties) return undefined;
  const isArray = Array.isArray(root);
  const isObject = !isArray && root !== null && typeof root === 'object';
  const values: unknown[] = isArray ? (root as unknown[]) : [root];
  const methods = values.map(methodOf);
  const payload = isArray ? included || methods.some(Boolean) : isObject && (included || methods[0] !== undefined);
  if (!payload) return included ? undefined : new LazyTreeAnalysis(text, included, false, [], [], records);
  if (isArray && (scan.elements?.length !== 2 * values.length || values.length === 0)) return undefined;

  // A request's tree, parsed alone from its own text when a problem needs positions.
  const trees: Array<Node | undefined> = [];
  const treeOf = (index: number): Node => {
    let node = trees[index];
    if (!node) {
      const [start, end] = isArray ? [scan.elements![2 * index], scan.elements![2 * index + 1]] : [0, source.length];
      const parsed = fastParse(source, MAX_NESTING, start, end);
      if (parsed === 'fallback' || !('root' in parsed)) throw new Error('a well-formed request did not parse alone');
      node = trees[index] = parsed.root;
    }
    return node;
  };

  const problems: Problem[] = [];
  const places = new TreePlaces(treeOf);
  values.forEach((value, index) => {
    const method = methods[index];
    places.request = index;
    // A request that names no documented method is told so on its tree.
    if (!method) checkRequest(treeOf(index), source, problems, records);
    else checkRequestValue(value, method, places, problems, records);
  });
  // Where a value stands is found by skipping through its request's text; a tree is the fallback.
  const entries = uniqueEntriesOfValues(values, methods, (index, steps) => {
    const found = locateValue(source, isArray ? scan.elements![2 * index] : 0, ['params', ...steps]);
    if (found) return found;
    // Asked later than the walk above: a places of its own, on this request.
    const own = new TreePlaces(treeOf);
    own.request = index;
    return own.range(new Place(pathOf(['params', ...steps]), 'value'));
  });
  const unique = reportRecordClashes(entries, records, problems);
  reportDuplicates(unique, source, problems);
  problems.sort((a, b) => a.offset - b.offset);
  return new LazyTreeAnalysis(text, included, true, problems, unique, records);
}
