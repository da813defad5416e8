// The records snapshot in the editing features (spec section 6): what record an ID value (or a new
// name that the records already hold) stands for, for hover, completion and go to definition. The
// record's place is given as offsets into the records file (Records.text); callers turn them into
// positions in that file.
import type { Node } from 'jsonc-parser';
import type { Analysis } from '../engine/check';
import { RECORD_NOUNS, type RecordEntry, type RecordKind, type Records } from '../engine/records-snapshot';
import { recordClash, uniquePath } from '../rules/duplicates';
import type { ValueSpec } from '../engine/spec';
import { writtenText } from '../parse/tree';
import { scalarAccepts, typeAccepts } from '../engine/value-checks';
import { locate } from './locate';
import { code, escapeMarkdown } from '../codes/markdown';

export interface RecordTarget {
  records: Records;
  kind: RecordKind;
  /** The value under the cursor. */
  node: Node;
  written: string;
  /** The record it names; undefined when the records hold the kind but not this ID. */
  record: RecordEntry | undefined;
  /** An ID (or a new name or number that must not exist yet). */
  role: 'id' | 'name';
}

function wellFormed(spec: ValueSpec, node: Node, written: string): boolean {
  return typeAccepts(spec.types, node.type, written) && scalarAccepts(spec, node.type, node.value, written);
}

/** The ID (or new name) under the cursor that the records speak about, if any. */
export function recordTargetAt(analysis: Analysis, offset: number): RecordTarget | undefined {
  const records = analysis.records;
  if (!records || !analysis.isPayload) return undefined;
  const target = locate(analysis, offset);
  if (target?.kind !== 'parameter' || target.onKey) return undefined;
  const { node } = target;
  if (node.type !== 'string' && node.type !== 'number') return undefined;
  const written = writtenText(node, analysis.text)!;
  const spec = target.at.spec?.listOf ? target.at.spec.items : target.at.spec;
  if (spec?.records) {
    if (!records.has(spec.records) || !wellFormed(spec, node, written)) return undefined;
    return { records, kind: spec.records, node, written, record: records.get(spec.records, written), role: 'id' };
  }
  if (target.at.path === uniquePath(target.method)) {
    const record = recordClash({ method: target.method, shown: written }, records);
    return record ? { records, kind: record.kind, node, written, record, role: 'name' } : undefined;
  }
  return undefined;
}

/** `codec 3 · G.729`, and the record's other fields, and where it is written. */
export function recordMarkdown(record: RecordEntry, records: Records): string {
  const lines = [`**${escapeMarkdown(record.name)}** · ${RECORD_NOUNS[record.kind]} ${code(record.id)} in the records`];
  const fields = record.fields.map(([name, value]) => `- ${escapeMarkdown(name)}: ${code(value)}`);
  if (fields.length) lines.push(fields.join('\n'));
  lines.push(`Defined in ${code(records.display)} on line ${records.lineOf(record.offset)}.`);
  return lines.join('\n\n');
}

/** The hover section about the record an ID names (or the record a new name repeats). */
export function recordHover(target: RecordTarget): string {
  const { records, kind, record } = target;
  if (!record) {
    const count = records.list(kind).length;
    const holds = `it holds ${count} ${RECORD_NOUNS[kind]}${count === 1 ? '' : 's'}`;
    return `**Not in the records** · no ${RECORD_NOUNS[kind]} with ID ${code(target.written.trim())} in ${code(records.display)} (${holds})`;
  }
  const section = recordMarkdown(record, records);
  return target.role === 'name' ? `**Already in the records** · this ${RECORD_NOUNS[kind]} exists\n\n${section}` : section;
}

export interface RecordDefinition {
  records: Records;
  record: RecordEntry;
  /** The value the definition was asked on, in the payload. */
  originOffset: number;
  originLength: number;
}

/** Go to definition: the record (in the records file) that the ID or name under the cursor names. */
export function definition(analysis: Analysis, offset: number): RecordDefinition | undefined {
  const target = recordTargetAt(analysis, offset);
  if (!target?.record) return undefined;
  return { records: target.records, record: target.record, originOffset: target.node.offset, originLength: target.node.length };
}

/** A number as written, compared by value (IDs may be longer than a double holds exactly). */
function byId(a: RecordEntry, b: RecordEntry): number {
  return a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The known records of a kind, in ID order (for completion). */
export function recordsForCompletion(records: Records, kind: RecordKind): RecordEntry[] {
  return [...records.list(kind)].sort(byId);
}
