// Problem (offsets) → LSP Diagnostic (positions), with the code, a link to its documentation, the
// source and the fix data. The range is placed by the caller: an open document's positionAt, or
// the workspace session's line index of the file.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isDocumentedCode, type Problem, type Severity } from '../core';
import { codeHref } from './code-links';

export const SOURCE = 'voipnow';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toDiagnostic(problem: Problem, where: TextDocument | Range): Diagnostic {
  const range = 'positionAt' in where ? { start: where.positionAt(problem.offset), end: where.positionAt(problem.offset + problem.length) } : where;
  const diagnostic: Diagnostic = {
    range,
    severity: SEVERITY[problem.severity],
    code: problem.code,
    source: SOURCE,
    message: problem.message,
  };
  if (problem.method && isDocumentedCode(problem.code)) {
    const href = codeHref(problem.method, problem.code);
    if (href) diagnostic.codeDescription = { href };
  }
  if (problem.data || problem.method) diagnostic.data = { ...problem.data, method: problem.method };
  return diagnostic;
}
