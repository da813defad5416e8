// The open documents, found by any spelling of their URI. Clients spell one file differently:
// VS Code as vscode-uri's normal form (`carrier%20%281%29.payload.json`), Neovim 0.7 and eglot
// with `(` `)` `@` ... as they are or percent-encoded, with lower-case `%xx`, `C%3A` or `c:`.
// TextDocuments keys documents by the URI they were opened with; the index keys files by the
// normal form (uri-paths.ts normalUri). Both find a document here: by the spelling it was opened
// with, by its normal form (no parsing: the index's keys are in normal form), or, for a URI in a
// client's request (`find`), by any spelling. Notifications about a document that come in another
// spelling than its didOpen's are handed to TextDocuments in that one.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { normalUri } from './uri-paths';

export class OpenDocuments {
  /** The open documents whose normal form differs from the spelling they were opened with: normal form → that spelling. */
  private readonly spellings = new Map<string, string>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** An open document by the spelling it was opened with, or by its normal form. */
  get(uri: string): TextDocument | undefined {
    const document = this.documents.get(uri);
    if (document) return document;
    const opened = this.spellings.get(uri);
    return opened === undefined ? undefined : this.documents.get(opened);
  }

  /** An open document by any spelling of its URI (a client's request). */
  find(uri: string): TextDocument | undefined {
    return this.get(uri) ?? this.get(normalUri(uri));
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** Listens on the connection in TextDocuments' place: opens and closes keep the spellings, other spellings are mended. */
  listen(connection: Connection): void {
    const respelled = <P extends { textDocument: { uri: string } }>(params: P): P => {
      const opened = this.find(params.textDocument.uri)?.uri;
      return opened === undefined || opened === params.textDocument.uri ? params : { ...params, textDocument: { ...params.textDocument, uri: opened } };
    };
    // The connection as TextDocuments uses it (it sets the sync kind on it too), each document notification respelled on the way.
    const sync = connection as unknown as { __textDocumentSync: unknown };
    const through: Parameters<TextDocuments<TextDocument>['listen']>[0] & { __textDocumentSync: unknown } = {
      get __textDocumentSync() {
        return sync.__textDocumentSync;
      },
      set __textDocumentSync(kind) {
        sync.__textDocumentSync = kind;
      },
      onDidOpenTextDocument: (handler) =>
        connection.onDidOpenTextDocument((params) => {
          const key = normalUri(params.textDocument.uri);
          if (key !== params.textDocument.uri) this.spellings.set(key, params.textDocument.uri);
          return handler(params);
        }),
      onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument((params) => handler(respelled(params))),
      onDidCloseTextDocument: (handler) =>
        connection.onDidCloseTextDocument((params) => {
          const closing = respelled(params);
          const result = handler(closing);
          const key = normalUri(closing.textDocument.uri);
          if (this.spellings.get(key) === closing.textDocument.uri) {
            this.spellings.delete(key);
            // The file open in yet another spelling too (a client that opened it twice): found by that one now.
            const other = this.documents.all().find((d) => d.uri !== key && normalUri(d.uri) === key);
            if (other) this.spellings.set(key, other.uri);
          }
          return result;
        }),
      onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument((params) => handler(respelled(params))),
      onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil((params, token) => handler(respelled(params), token)),
      onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument((params) => handler(respelled(params))),
    };
    this.documents.listen(through);
  }
}
