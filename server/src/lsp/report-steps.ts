// A session report as what is sent, built a step at a time (a report of 2,400 problems with 14,000
// related places takes tens of milliseconds to convert and as many to serialize): either LSP
// diagnostics, or, where the writer can send it as it is (node/json-encoder.ts), the JSON text of
// the publishDiagnostics params. A related place is serialized once, however many reports name it.
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import { finish, type RelatedPlace, type ReportedProblem } from '../core';
import { toDiagnostic } from './to-diagnostic';

/** Problems per step. */
const STEP = 250;

/** A related place as LSP has it. */
const relatedInformation = (place: RelatedPlace): DiagnosticRelatedInformation => ({ location: { uri: place.id, range: place.range }, message: place.message });

/** The session's report as LSP diagnostics (ranges placed by the session; related locations in other files). */
export function toDiagnostics(report: readonly ReportedProblem[]): Diagnostic[] {
  return finish(diagnosticSteps(report, []));
}

/** The same, into `into`, a step at a time. */
export function* diagnosticSteps(report: readonly ReportedProblem[], into: Diagnostic[]): Generator<void, Diagnostic[]> {
  for (const { range, related, ...problem } of report) {
    const diagnostic = toDiagnostic(problem, range);
    if (related.length > 0) diagnostic.relatedInformation = related.map(relatedInformation);
    if (into.push(diagnostic) % STEP === 0) yield;
  }
  return into;
}

/** Params serialized already: a writer that knows them writes `json` as the message's params. */
export class EncodedParams {
  constructor(readonly json: string) {}
}

const relatedJson = new WeakMap<RelatedPlace, string>();

function relatedText(place: RelatedPlace): string {
  let json = relatedJson.get(place);
  if (json === undefined) {
    json = JSON.stringify(relatedInformation(place));
    relatedJson.set(place, json);
  }
  return json;
}

/** The publishDiagnostics params of a report as JSON, the same text JSON.stringify makes of { uri, version?, diagnostics }. */
export function* encodedSteps(uri: string, version: number | undefined, report: readonly ReportedProblem[]): Generator<void, EncodedParams> {
  const parts: string[] = [];
  for (const { range, related, ...problem } of report) {
    const own = JSON.stringify(toDiagnostic(problem, range));
    // Its relatedInformation comes last, as diagnosticSteps adds it.
    parts.push(related.length === 0 ? own : `${own.slice(0, -1)},"relatedInformation":[${related.map(relatedText).join(',')}]}`);
    if (parts.length % STEP === 0) yield;
  }
  const head = JSON.stringify(version === undefined ? { uri } : { uri, version });
  return new EncodedParams(`${head.slice(0, -1)},"diagnostics":[${parts.join(',')}]}`);
}
