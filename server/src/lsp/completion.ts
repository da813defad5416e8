// textDocument/completion: the core's entries as CompletionItems with text edits. Clients without
// snippet support get the placeholder values as plain text.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, plainFromSnippet, type Analysis, type CompletionEntry } from '../core';

const KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  method: CompletionItemKind.Method,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
};

export interface CompletionSupport {
  snippets: boolean;
  markdown: boolean;
}

export function completionAt(document: TextDocument, analysis: Analysis, position: Position, support: CompletionSupport): CompletionList {
  const range = (offset: number, length: number) => ({ start: document.positionAt(offset), end: document.positionAt(offset + length) });
  const items = complete(analysis, document.offsetAt(position)).map((entry): CompletionItem => {
    const snippet = entry.snippet && support.snippets;
    const item: CompletionItem = {
      label: entry.label,
      kind: KINDS[entry.kind],
      detail: entry.detail,
      sortText: entry.sortText,
      filterText: entry.filterText,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: {
        range: range(entry.replace.offset, entry.replace.length),
        newText: entry.snippet && !snippet ? plainFromSnippet(entry.insertText) : entry.insertText,
      },
    };
    if (entry.documentation) item.documentation = { kind: support.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: entry.documentation };
    if (entry.additionalEdits) item.additionalTextEdits = entry.additionalEdits.map((e) => ({ range: range(e.offset, e.length), newText: e.newText }));
    return item;
  });
  return { isIncomplete: false, items };
}
