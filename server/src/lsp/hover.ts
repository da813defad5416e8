// textDocument/hover: the core's markdown at the cursor, range converted to positions; a client that
// takes no Markdown (eglot without markdown-mode asks for plaintext only) gets it rendered as plain text.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover, type Analysis } from '../core';
import { plainText } from '../core/codes/markdown';

export function hoverAt(document: TextDocument, analysis: Analysis, position: Position, markdown: boolean): Hover | null {
  const result = hover(analysis, document.offsetAt(position));
  if (!result) return null;
  return {
    contents: markdown ? { kind: MarkupKind.Markdown, value: result.markdown } : { kind: MarkupKind.PlainText, value: plainText(result.markdown) },
    range: { start: document.positionAt(result.offset), end: document.positionAt(result.offset + result.length) },
  };
}
