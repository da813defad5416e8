// textDocument/hover: the core's markdown at the cursor, range converted to positions.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover, type Analysis } from '../core';

export function hoverAt(document: TextDocument, analysis: Analysis, position: Position, markdown: boolean): Hover | null {
  const result = hover(analysis, document.offsetAt(position));
  if (!result) return null;
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: result.markdown },
    range: { start: document.positionAt(result.offset), end: document.positionAt(result.offset + result.length) },
  };
}
