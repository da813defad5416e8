// Spec section 6: with a records snapshot, a well-formed ID that names no record of its kind gets
// the parameter's own documented code (the "outside the records available" codes 620, 622, 623,
// 632, 647, 650, 655, or the "Invalid ... ID." codes 262, 263, 264, 260, 250, whichever the schema
// gives the parameter), or an `unknown-record` warning where the method documents none. Which
// parameter names which kind is the schemas' `records` keyword. Names that already exist in the
// records (200) are in duplicates.ts.
import { documentedProblem, wordProblem } from '../codes/messages';
import { RECORD_NOUNS, type RecordKind, type Records } from '../engine/records-snapshot';
import type { Place } from '../parse/json-values';
import type { ValidationContext } from './rule-types';

/** The unknown-record sentence: `No channel with ID 7 in the records (.voipnow/records.json).` */
export function unknownRecordMessage(kind: RecordKind, id: string, records: Records): string {
  return `No ${RECORD_NOUNS[kind]} with ID ${id} in the records (${records.display}).`;
}

/**
 * Checks one well-formed ID value (a list's element, or a single value), `written` as the server
 * reads it, at `at`, against the records. `code` is the parameter's own documented code, if any.
 */
export function checkRecord(written: string, at: Place, param: string, kind: RecordKind, code: string | undefined, ctx: ValidationContext): void {
  const records = ctx.records;
  if (!records?.has(kind) || records.get(kind, written)) return;
  const data = { param, record: kind };
  const range = ctx.places.range(at);
  if (code) ctx.problems.push(documentedProblem(ctx.method, code, range, undefined, data));
  else ctx.problems.push(wordProblem('unknown-record', unknownRecordMessage(kind, written.trim(), records), range, ctx.method, data));
}
