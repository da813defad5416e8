// What the client supports, resolved once from initialize's capabilities (lsp/client-capabilities.ts):
// a client that says nothing gets the defaults, one that says everything gets every flag, and values
// of another type than the protocol's (a client may send anything inside `capabilities`) count as
// not said: a flag is true only for `true`, a format only when a list names it.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ClientCapabilities } from 'vscode-languageserver';
import { clientSupport, type ClientSupport } from '../../../server/src/lsp/client-capabilities';

const NOTHING: ClientSupport = {
  pullDiagnostics: false,
  configuration: false,
  markdownHover: true,
  completion: { snippets: false, markdown: false },
  hierarchicalSymbols: false,
  versionedEdits: false,
  watchesFiles: false,
  definitionLinks: false,
  workDoneProgress: false,
  workspaceFolderEvents: false,
  codeLensRefresh: false,
};

const EVERYTHING: ClientCapabilities = {
  textDocument: {
    diagnostic: {},
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    definition: { linkSupport: true },
  },
  workspace: {
    configuration: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    codeLens: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
};

describe('client capabilities', () => {
  it('a client that says nothing: Markdown hovers, nothing else', () => {
    assert.deepEqual(clientSupport({}), NOTHING);
  });

  it('a client that says everything: every flag', () => {
    assert.deepEqual(clientSupport(EVERYTHING), {
      pullDiagnostics: true,
      configuration: true,
      markdownHover: true,
      completion: { snippets: true, markdown: true },
      hierarchicalSymbols: true,
      versionedEdits: true,
      watchesFiles: true,
      definitionLinks: true,
      workDoneProgress: true,
      workspaceFolderEvents: true,
      codeLensRefresh: true,
    });
  });

  it('formats: plain text only when the client lists formats without Markdown', () => {
    const plain = clientSupport({ textDocument: { hover: { contentFormat: ['plaintext'] }, completion: { completionItem: { documentationFormat: ['plaintext'] } } } });
    assert.equal(plain.markdownHover, false);
    assert.equal(plain.completion.markdown, false);
  });

  it('values of another type than the protocol says are not taken as support', () => {
    const odd = {
      textDocument: {
        hover: { contentFormat: 'plaintext' },
        completion: { completionItem: { snippetSupport: 'yes', documentationFormat: 'markdown' } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: 1 },
        definition: { linkSupport: 'true' },
      },
      workspace: { configuration: {}, workspaceEdit: { documentChanges: 1 }, didChangeWatchedFiles: { dynamicRegistration: 'true' }, workspaceFolders: 'yes' },
      window: { workDoneProgress: 1 },
    } as unknown as ClientCapabilities;
    assert.deepEqual(clientSupport(odd), NOTHING);
  });
});
