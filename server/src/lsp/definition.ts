// textDocument/definition: from an ID (or a new name the records already hold) to its record in the
// workspace folder's `.voipnow/records.json`; a LocationLink (the record, its name selected) when the
// client takes links, else a Location.
import type { Location, LocationLink, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { definition, type Analysis } from '../core';

export function definitionAt(document: TextDocument, analysis: Analysis, position: Position, links: boolean): Location[] | LocationLink[] | null {
  const found = definition(analysis, document.offsetAt(position));
  const uri = found?.records.location;
  if (!found || !uri) return null;
  const file = TextDocument.create(uri, 'json', 0, found.records.text);
  const range = (offset: number, length: number) => ({ start: file.positionAt(offset), end: file.positionAt(offset + length) });
  const { record } = found;
  if (!links) return [{ uri, range: range(record.offset, record.length) }];
  return [
    {
      originSelectionRange: { start: document.positionAt(found.originOffset), end: document.positionAt(found.originOffset + found.originLength) },
      targetUri: uri,
      targetRange: range(record.offset, record.length),
      targetSelectionRange: range(record.nameOffset, record.nameLength),
    },
  ];
}
