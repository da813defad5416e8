// The records snapshot (spec section 6): `.voipnow/records.json`, what the server returned, by kind.
// parseRecords() reads a records file's text into a Records object (lookup by kind and ID, and by
// name for 200) and reports what is wrong with the file itself, positioned in that file, with the
// same parser and problem shapes as payloads. The shape is schemas/records.schema.json.
//
// A kind absent from the file is not checked (its IDs are not known to be missing); a kind present,
// even as an empty list, is. A file with any error is not used at all: a half-read snapshot would
// report IDs as unknown that the server holds.
import type { Node } from 'jsonc-parser';
import { LineIndex } from '../parse/line-index';
import { wordProblem } from '../codes/messages';
import { DEFAULT_MAX_FILE_SIZE, withoutBom } from '../parse/limits';
import { parseDocument } from './parse-document';
import type { Problem } from '../codes/problem';
import { suggest } from '../codes/suggest';
import { rangeOf, writtenText } from '../parse/tree';

export const RECORD_KINDS = ['codecs', 'channels', 'channelGroups', 'publicNumbers', 'timeIntervals', 'rulesGroups', 'rules', 'users'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** One record of each kind, in words: `codec`, `channel group`. */
export const RECORD_NOUNS: Record<RecordKind, string> = {
  codecs: 'codec',
  channels: 'channel',
  channelGroups: 'channel group',
  publicNumbers: 'public number',
  timeIntervals: 'time interval',
  rulesGroups: 'outgoing routing rules group',
  rules: 'outgoing routing rule',
  users: 'user',
};

/** Where a workspace folder keeps its records, relative to the folder. */
export const RECORDS_PATH = '.voipnow/records.json';

export function isRecordKind(name: string): name is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(name);
}

export interface RecordEntry {
  kind: RecordKind;
  /** The ID without leading zeros (`"3"`). */
  id: string;
  name: string;
  /** publicNumbers: the phone number, when the record gives one. */
  phoneNo?: string;
  /** The record object in the records file. */
  offset: number;
  length: number;
  /** The record's `name` value in the records file. */
  nameOffset: number;
  nameLength: number;
  /** Its other scalar fields as written (`phoneNo`, `did`, ...), for hover. */
  fields: ReadonlyArray<readonly [string, string]>;
}

export interface Records {
  /** How messages name the file (`.voipnow/records.json`). */
  readonly display: string;
  /** Where the file is, as the caller named it (a path or a URI); the engine never reads it. */
  readonly location?: string;
  /** The records file's text and tree (record offsets are offsets into this text). */
  readonly text: string;
  readonly root: Node | undefined;
  /** The file holds this kind (possibly empty): its IDs are checked. */
  has(kind: RecordKind): boolean;
  /** The record of a well-formed ID as written (`7`, `"007"`). */
  get(kind: RecordKind, id: string): RecordEntry | undefined;
  /** Every record of a kind, in file order (the first of a repeated ID only). */
  list(kind: RecordKind): readonly RecordEntry[];
  /** The record whose name (publicNumbers: phone number, else name) normalizes to `key`. */
  named(kind: RecordKind, key: string, normalize: (value: string) => string): RecordEntry | undefined;
  /** 1-based line of an offset in the records file. */
  lineOf(offset: number): number;
}

/** An ID as the engine compares it: digits without leading zeros. */
export function normalizeId(written: string): string {
  return written.replace(/^0+(?=\d)/, '');
}

const ID = /^0*[1-9][0-9]*$/;
const PHONE = /^\+?[0-9]+$/;

class Snapshot implements Records {
  private readonly byId = new Map<RecordKind, Map<string, RecordEntry>>();
  private readonly byName = new Map<RecordKind, Map<string, RecordEntry>>();
  private lines: LineIndex | undefined;

  constructor(
    readonly display: string,
    readonly location: string | undefined,
    readonly text: string,
    readonly root: Node | undefined,
    private readonly kinds: Map<RecordKind, RecordEntry[]>,
  ) {
    for (const [kind, entries] of kinds) {
      const ids = new Map<string, RecordEntry>();
      for (const entry of entries) if (!ids.has(entry.id)) ids.set(entry.id, entry);
      this.byId.set(kind, ids);
    }
  }

  has(kind: RecordKind): boolean {
    return this.kinds.has(kind);
  }

  get(kind: RecordKind, id: string): RecordEntry | undefined {
    return this.byId.get(kind)?.get(normalizeId(id));
  }

  list(kind: RecordKind): readonly RecordEntry[] {
    return [...(this.byId.get(kind)?.values() ?? [])];
  }

  named(kind: RecordKind, key: string, normalize: (value: string) => string): RecordEntry | undefined {
    let names = this.byName.get(kind);
    if (!names) {
      names = new Map();
      for (const entry of this.byId.get(kind)?.values() ?? []) {
        const value = normalize(kind === 'publicNumbers' ? entry.phoneNo ?? entry.name : entry.name);
        if (!names.has(value)) names.set(value, entry);
      }
      this.byName.set(kind, names);
    }
    return names.get(key);
  }

  lineOf(offset: number): number {
    return (this.lines ??= new LineIndex(this.text)).line(offset) + 1;
  }
}

export interface RecordsOptions {
  /** How messages name the file; default `.voipnow/records.json`. */
  display?: string;
  /** Where the file is (a path or URI), kept for callers (go to definition). */
  location?: string;
  maxFileSize?: number;
}

export interface ParsedRecords {
  /** Undefined when the file has an error: it is then not used. */
  records: Records | undefined;
  /** What is wrong with the records file, at offsets into its text. */
  problems: Problem[];
}

const SHAPE = `The records file holds one object whose keys are record kinds (${RECORD_KINDS.join(', ')}), each a list of records with an "ID" and a "name".`;

/** The properties of an object node, last duplicate winning, with a warning for each repeated key. */
function properties(object: Node, problems: Problem[], what: string): Map<string, { key: Node; value: Node | undefined }> {
  const found = new Map<string, { key: Node; value: Node | undefined }>();
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || key.type !== 'string') continue;
    const name = key.value as string;
    if (found.has(name)) problems.push(wordProblem('duplicate-key', `Duplicate key '${name}' in ${what}. The last one is used.`, rangeOf(key)));
    found.set(name, { key, value });
  }
  return found;
}

function readRecord(node: Node, kind: RecordKind, text: string, problems: Problem[]): RecordEntry | undefined {
  const noun = RECORD_NOUNS[kind];
  if (node.type !== 'object') {
    problems.push(wordProblem('not-an-object', `A ${noun} record must be an object with an "ID" and a "name".`, rangeOf(node)));
    return undefined;
  }
  const fields = properties(node, problems, `this ${noun} record`);
  const brace = { offset: node.offset, length: 1 };
  let ok = true;
  const id = fields.get('ID')?.value;
  const idText = id && (id.type === 'number' || id.type === 'string') ? writtenText(id, text) : undefined;
  if (!fields.has('ID')) {
    problems.push(wordProblem('invalid-value', `This ${noun} record has no "ID".`, brace, undefined, { param: 'ID', missing: true }));
    ok = false;
  } else if (!id || idText === undefined || !ID.test(idText)) {
    const message = `Invalid value for 'ID': expected a positive integer (3 or "3").`;
    if (id) problems.push(wordProblem('invalid-value', message, rangeOf(id), undefined, { param: 'ID' }));
    ok = false;
  }
  const name = fields.get('name')?.value;
  if (!fields.has('name')) {
    problems.push(wordProblem('invalid-value', `This ${noun} record has no "name".`, brace, undefined, { param: 'name', missing: true }));
    ok = false;
  } else if (name?.type !== 'string') {
    if (name) problems.push(wordProblem('invalid-value', `Invalid value for 'name': expected a string.`, rangeOf(name), undefined, { param: 'name' }));
    ok = false;
  }
  let phoneNo: string | undefined;
  const phone = kind === 'publicNumbers' ? fields.get('phoneNo')?.value : undefined;
  if (phone) {
    const written = phone.type === 'string' || phone.type === 'number' ? writtenText(phone, text) : undefined;
    if (written === undefined || !PHONE.test(written)) {
      const message = `Invalid value for 'phoneNo': expected a phone number (an optional +, then digits).`;
      problems.push(wordProblem('invalid-value', message, rangeOf(phone), undefined, { param: 'phoneNo' }));
      ok = false;
    } else phoneNo = written;
  }
  if (!ok) return undefined;
  const shown: Array<readonly [string, string]> = [];
  for (const [field, { value }] of fields) {
    if (field === 'ID' || field === 'name' || !value) continue;
    const scalar = value.type === 'number' || value.type === 'boolean';
    const written = value.type === 'string' ? (value.value as string) : scalar ? text.slice(value.offset, value.offset + value.length) : undefined;
    if (written !== undefined && written.length <= 200) shown.push([field, written]);
  }
  return {
    kind,
    id: normalizeId(idText!),
    name: name!.value as string,
    phoneNo,
    offset: node.offset,
    length: node.length,
    nameOffset: name!.offset,
    nameLength: name!.length,
    fields: shown,
  };
}

/** Reads a records file's text: the snapshot (undefined when the file has an error) and its problems. */
export function parseRecords(text: string, options: RecordsOptions = {}): ParsedRecords {
  const display = options.display ?? RECORDS_PATH;
  const parsed = parseDocument(text, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  const problems = [...parsed.problems];
  const root = parsed.root;
  if (!parsed.parsed) return { records: undefined, problems };
  if (!root) {
    if (problems.length === 0) problems.push(wordProblem('not-an-object', SHAPE, { offset: 0, length: 0 }));
    return { records: undefined, problems };
  }
  if (root.type !== 'object') {
    problems.push(wordProblem('not-an-object', SHAPE, root.type === 'array' ? { offset: root.offset, length: 1 } : rangeOf(root)));
    return { records: undefined, problems };
  }
  const source = withoutBom(text);
  const kinds = new Map<RecordKind, RecordEntry[]>();
  const lines = new LineIndex(source);
  for (const [name, { key, value }] of properties(root, problems, 'the records file')) {
    if (name === '$schema') continue;
    if (!isRecordKind(name)) {
      const suggestion = suggest(name, RECORD_KINDS);
      const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
      const message = `Unknown record kind '${name}'; it is not used.${hint} The kinds are ${RECORD_KINDS.join(', ')}.`;
      problems.push(wordProblem('unknown-parameter', message, rangeOf(key), undefined, { param: name, suggestion }));
      continue;
    }
    if (!value || value.type !== 'array') {
      const message = `'${name}' must be a list of records, each with an "ID" and a "name".`;
      if (value) problems.push(wordProblem('invalid-value', message, rangeOf(value), undefined, { param: name }));
      continue;
    }
    const entries: RecordEntry[] = [];
    const first = new Map<string, RecordEntry>();
    for (const element of value.children ?? []) {
      const entry = readRecord(element, name, source, problems);
      if (!entry) continue;
      const earlier = first.get(entry.id);
      if (earlier) {
        const idNode = element.children?.find((p) => p.children?.[0]?.value === 'ID')?.children?.[1];
        const message = `Another ${RECORD_NOUNS[name]} record has ID ${entry.id} (line ${lines.line(earlier.offset) + 1}); the first one is used.`;
        problems.push(wordProblem('duplicate-key', message, idNode ? rangeOf(idNode) : { offset: element.offset, length: 1 }, undefined, { param: 'ID' }));
      } else first.set(entry.id, entry);
      entries.push(entry);
    }
    kinds.set(name, entries);
  }
  problems.sort((a, b) => a.offset - b.offset);
  const usable = !problems.some((p) => p.severity === 'error');
  return { records: usable ? new Snapshot(display, options.location, source, root, kinds) : undefined, problems };
}

