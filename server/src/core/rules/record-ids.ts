// Spec section 6: with a records snapshot, a well-formed ID that names no record of its kind gets
// the parameter's own documented code (the "outside the records available" codes 620, 622, 623,
// 632, 647, 650, 655, or the "Invalid ... ID." codes 262, 263, 264, 260, 250, whichever the schema
// gives the parameter), or an `unknown-record` warning where the method documents none. Which
// parameter names which kind is the schemas' `records` keyword. Names that already exist in the
// records (200) are in duplicates.ts.
import type { Node } from 'jsonc-parser';
import { documentedProblem, wordProblem } from '../codes/messages';
import { RECORD_NOUNS, type RecordKind, type Records } from '../engine/records-snapshot';
import { rangeOf, writtenText } from '../parse/tree';
import type { ValidationContext } from './rule-types';

/** False when the records hold the kind and not this well-formed ID (the quick path's question). */
export function isKnownRecord(records: Records | undefined, kind: RecordKind, written: string): boolean {
  return !records?.has(kind) || records.get(kind, written) !== undefined;
}

/** The unknown-record sentence: `No channel with ID 7 in the records (.voipnow/records.json).` */
export function unknownRecordMessage(kind: RecordKind, id: string, records: Records): string {
  return `No ${RECORD_NOUNS[kind]} with ID ${id} in the records (${records.display}).`;
}

/**
 * Checks one well-formed ID value (a list's element, or a single value) against the records.
 * `code` is the parameter's own documented code, if any.
 */
export function checkRecord(node: Node, param: string, kind: RecordKind, code: string | undefined, ctx: ValidationContext): void {
  const records = ctx.records;
  if (!records?.has(kind)) return;
  const written = writtenText(node, ctx.text);
  if (written === undefined || records.get(kind, written)) return;
  const data = { param, record: kind };
  if (code) ctx.problems.push(documentedProblem(ctx.method, code, rangeOf(node), undefined, data));
  else ctx.problems.push(wordProblem('unknown-record', unknownRecordMessage(kind, written.trim(), records), rangeOf(node), ctx.method, data));
}
