// The language features on an open payload document, each answered from the document's current
// analysis (the one its diagnostics use) and shaped by what the client supports: textDocument/hover,
// completion, codeAction (quick fixes, fix all), definition (a record, or the other requests that
// add the same name or number), documentSymbol (the outline). A document that is not JSON, or that
// changed while its settings were read, gets the empty answer.
import { shownAnalysis } from '../../core';
import { codeActionsFor } from '../code-actions';
import { completionAt } from '../completion';
import { definitionAt } from '../definition';
import { duplicateDefinition } from '../duplicate-definition';
import { hoverAt } from '../hover';
import type { ServerState } from '../server-state';
import { answerSymbols } from '../symbols';

export function registerLanguageFeatures(state: ServerState): void {
  const { connection, client, settings, index } = state;

  connection.onHover(async (params) => {
    const found = await state.analysisOf(params.textDocument.uri);
    return found ? hoverAt(found.document, found.analysis, params.position, client.markdownHover) : null;
  });

  connection.onCompletion(async (params) => {
    const found = await state.analysisOf(params.textDocument.uri);
    return found ? completionAt(found.document, found.analysis, params.position, client.completion) : null;
  });

  connection.onCodeAction(async (params) => {
    const found = await state.analysisOf(params.textDocument.uri);
    if (!found) return [];
    // Fix all leaves alone what a rule turns off or a disable comment silences.
    const { rules } = await settings.get(found.document.uri);
    return codeActionsFor(params, found.document, shownAnalysis(found.analysis, rules), client.versionedEdits);
  });

  connection.onDefinition(async (params) => {
    const found = await state.analysisOf(params.textDocument.uri);
    if (!found) return null;
    // An ID (or a name the records hold): its record; a name or number added elsewhere too: the other requests.
    const record = definitionAt(found.document, found.analysis, params.position, client.definitionLinks);
    if (record) return record;
    const others = duplicateDefinition(index, found.document, found.analysis, found.document.offsetAt(params.position));
    return others.length > 0 ? others : null;
  });

  connection.onDocumentSymbol(async (params, token) => {
    const found = await state.analysisOf(params.textDocument.uri);
    return found ? answerSymbols(found.document, found.analysis, client.hierarchicalSymbols, token) : [];
  });
}
