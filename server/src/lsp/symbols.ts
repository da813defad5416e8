// textDocument/documentSymbol: one symbol per request with its parameters below (hierarchical), or
// a flat list with container names for clients without hierarchical support.
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentSymbols, type Analysis, type SymbolEntry, type SymbolKind as EntryKind } from '../core';

const KINDS: Record<EntryKind, SymbolKind> = {
  request: SymbolKind.Method,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
  property: SymbolKind.Property,
};

export function symbolsOf(document: TextDocument, analysis: Analysis, hierarchical: boolean): DocumentSymbol[] | SymbolInformation[] {
  const range = (offset: number, length: number) => ({ start: document.positionAt(offset), end: document.positionAt(offset + length) });
  const entries = documentSymbols(analysis);
  if (hierarchical) {
    const convert = (entry: SymbolEntry): DocumentSymbol => ({
      name: entry.name,
      detail: entry.detail,
      kind: KINDS[entry.kind],
      range: range(entry.offset, entry.length),
      selectionRange: range(entry.selectionOffset, entry.selectionLength),
      children: entry.children?.map(convert),
    });
    return entries.map(convert);
  }
  const flat: SymbolInformation[] = [];
  const walk = (entry: SymbolEntry, container?: string) => {
    const location = { uri: document.uri, range: range(entry.offset, entry.length) };
    flat.push({ name: entry.name, kind: KINDS[entry.kind], location, containerName: container });
    entry.children?.forEach((child) => walk(child, entry.name));
  };
  entries.forEach((e) => walk(e));
  return flat;
}
