// Go to definition on a name or number that must be unique (AddChannel SIP.name, AddChannelGroup
// name, AddPublicNo phoneNo): the other requests adding the same value, in this file and in the
// other payload files of the workspace (the ones its 200 is about).
import type { Location } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../core';
import type { WorkspaceIndex } from './workspace-index';

export function duplicateDefinition(index: WorkspaceIndex | undefined, document: TextDocument, analysis: Analysis, offset: number): Location[] {
  const entry = analysis.unique.find((u) => {
    const r = u.range();
    return offset >= r.offset && offset <= r.offset + r.length;
  });
  if (!entry) return [];
  const locations: Location[] = [];
  for (const other of analysis.unique) {
    if (other === entry || other.key !== entry.key) continue;
    const r = other.range();
    locations.push({ uri: document.uri, range: { start: document.positionAt(r.offset), end: document.positionAt(r.offset + r.length) } });
  }
  // Other files only when this one is part of the workspace (a stray file clashes with nothing).
  if (index?.get(document.uri)?.scope.folder) {
    for (const other of index.holders(entry.key, document.uri)) locations.push({ uri: other.id, range: other.range });
  }
  return locations;
}
