// textDocument/codeAction: a quick fix per fix of each of our diagnostics, built from the
// diagnostic's code, range and data (never its message), and `source.fixAll.voipnow`, every
// preferred fix in one edit. Edits carry the document's version (a TextDocumentEdit) when the
// client supports it, so a client applies none of them to a document that changed meanwhile.
import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll, quickFixes, type Analysis, type Edit, type FixData, type ProblemRef } from '../core';
import { SOURCE } from './to-diagnostic';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.voipnow`;

/** A requested kind covers an action's kind when it is the same or a parent (`source` covers `source.fixAll.voipnow`). */
function covers(requested: readonly string[] | undefined, kind: string): boolean {
  return requested === undefined || requested.some((k) => k === kind || kind.startsWith(`${k}.`));
}

export function workspaceEdit(document: TextDocument, edits: readonly Edit[], versioned: boolean): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({
    range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
    newText: e.newText,
  }));
  if (versioned) return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, textEdits)] };
  return { changes: { [document.uri]: textEdits } };
}

export function codeActionsFor(params: CodeActionParams, document: TextDocument, analysis: Analysis, versioned: boolean): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (covers(only, CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE || diagnostic.code === undefined) continue;
      const data = (diagnostic.data ?? {}) as FixData & { method?: string };
      const start = document.offsetAt(diagnostic.range.start);
      const length = document.offsetAt(diagnostic.range.end) - start;
      const problem: ProblemRef = { code: String(diagnostic.code), offset: start, length, method: data.method, data };
      for (const fix of quickFixes(analysis, problem)) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred || undefined,
          edit: workspaceEdit(document, fix.edits, versioned),
        });
      }
    }
  }
  // Fix-all only when asked for by kind (the Source Action menu, codeActionsOnSave), as ESLint does.
  if (only !== undefined && covers(only, FIX_ALL_KIND)) {
    const { edits, fixes } = fixAll(analysis);
    if (edits.length > 0) {
      actions.push({
        title: `Fix all VoipNow payload problems that have a safe fix (${fixes.length})`,
        kind: FIX_ALL_KIND,
        edit: workspaceEdit(document, edits, versioned),
      });
    }
  }
  return actions;
}
