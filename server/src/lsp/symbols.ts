// textDocument/documentSymbol: one symbol per request with its parameters below (hierarchical), or
// a flat list with container names for clients without hierarchical support. Built in slices that
// let the requests read meanwhile (a hover) be answered, and given up when the client cancels.
import { LSPErrorCodes, ResponseError, SymbolKind, type CancellationToken, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { outlineSteps, type Analysis, type SymbolEntry, type SymbolKind as EntryKind } from '../core';
import { afterRequests, inSlices } from './next-turn';

const KINDS: Record<EntryKind, SymbolKind> = {
  request: SymbolKind.Method,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
  property: SymbolKind.Property,
  omitted: SymbolKind.Event,
};

/** Symbols converted between two yields. */
const STEP = 250;
const SLICE_MS = 8;

type Outline = DocumentSymbol[] | SymbolInformation[];

/** The outline as LSP has it, a step at a time. */
function* symbolSteps(document: TextDocument, analysis: Analysis, hierarchical: boolean): Generator<void, Outline> {
  const range = (offset: number, length: number) => ({ start: document.positionAt(offset), end: document.positionAt(offset + length) });
  const entries = yield* outlineSteps(analysis);
  let converted = 0;
  if (hierarchical) {
    function* convert(entry: SymbolEntry): Generator<void, DocumentSymbol> {
      const symbol: DocumentSymbol = {
        name: entry.name,
        detail: entry.detail,
        kind: KINDS[entry.kind],
        range: range(entry.offset, entry.length),
        selectionRange: range(entry.selectionOffset, entry.selectionLength),
        children: undefined,
      };
      if (++converted % STEP === 0) yield;
      if (entry.children) {
        const children: DocumentSymbol[] = [];
        for (const child of entry.children) children.push(yield* convert(child));
        symbol.children = children;
      }
      return symbol;
    }
    const symbols: DocumentSymbol[] = [];
    for (const entry of entries) symbols.push(yield* convert(entry));
    return symbols;
  }
  const flat: SymbolInformation[] = [];
  function* walk(entry: SymbolEntry, container?: string): Generator<void, void> {
    const location = { uri: document.uri, range: range(entry.offset, entry.length) };
    flat.push({ name: entry.name, kind: KINDS[entry.kind], location, containerName: container });
    if (++converted % STEP === 0) yield;
    for (const child of entry.children ?? []) yield* walk(child, entry.name);
  }
  for (const entry of entries) yield* walk(entry);
  return flat;
}

/** Ends the steps early (undefined) once `stop` says so. */
function* until<T>(steps: Generator<void, T>, stop: () => boolean): Generator<void, T | undefined> {
  for (;;) {
    if (stop()) return undefined;
    const step = steps.next();
    if (step.done) return step.value;
    yield;
  }
}

/**
 * The answer to textDocument/documentSymbol: after the requests already read (a hover asked at the
 * same time is answered first: the outline is the less urgent), in 8 ms slices; RequestCancelled
 * once the client cancels, ContentModified once the document changes (TextDocuments updates the
 * document in place: its positions would no longer be those of the analysis).
 */
export async function answerSymbols(
  document: TextDocument,
  analysis: Analysis,
  hierarchical: boolean,
  token: CancellationToken,
): Promise<Outline | ResponseError> {
  const version = document.version;
  const stop = () => token.isCancellationRequested || document.version !== version;
  await afterRequests();
  const outline = await inSlices(until(symbolSteps(document, analysis, hierarchical), stop), SLICE_MS);
  if (outline) return outline;
  return token.isCancellationRequested
    ? new ResponseError(LSPErrorCodes.RequestCancelled, 'The outline was cancelled.')
    : new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while its outline was made.');
}
