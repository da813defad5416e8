// Offsets in any file of the workspace as LSP ranges: an open document's own, or, for a file that
// is not open, from the text the workspace index keeps or reads again.
import type { Range, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core';
import type { WorkspaceIndex } from './workspace-index';

export function rangeIn(documents: TextDocuments<TextDocument>, index: WorkspaceIndex | undefined, uri: string, offset: number, length: number): Range {
  const document = documents.get(uri);
  if (document) return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
  const file = index?.get(uri);
  const lines = new LineIndex((file && index!.textOf(file)) ?? '');
  return { start: lines.position(offset), end: lines.position(offset + length) };
}
