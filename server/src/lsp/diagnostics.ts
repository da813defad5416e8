// Diagnostics by pull (textDocument/diagnostic) when the client supports it, else pushed after a
// debounce. Either way a result computed for an older version is never delivered.
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyses } from './analyses';
import type { SettingsStore } from './settings';
import { toDiagnostic } from './to-diagnostic';

export const DEBOUNCE_MS = 200;

/** JSON and JSONC documents, by language or, for clients that send other ids, by file name. */
export function isCandidate(document: TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc' || /\.jsonc?$/i.test(document.uri);
}

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: Analyses,
    private readonly settings: SettingsStore,
    readonly pull: boolean,
  ) {}

  async compute(document: TextDocument): Promise<Diagnostic[]> {
    if (!isCandidate(document)) return [];
    const settings = await this.settings.get(document.uri);
    return this.analyses.get(document, settings).problems.map((p) => toDiagnostic(p, document));
  }

  /** textDocument/diagnostic */
  async onPull(uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const items = await this.compute(document);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }

  /** Push mode: validate after `delay` ms of quiet, and publish only if the version is still current. */
  schedule(document: TextDocument, delay = DEBOUNCE_MS): void {
    if (this.pull) return;
    this.cancel(document.uri);
    const run = async () => {
      this.timers.delete(document.uri);
      const current = this.documents.get(document.uri);
      if (!current || current.version !== document.version) return;
      const diagnostics = await this.compute(current);
      const latest = this.documents.get(document.uri);
      if (!latest || latest.version !== current.version) return;
      await this.connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    };
    this.timers.set(document.uri, setTimeout(() => void run().catch((e) => this.connection.console.error(String(e?.stack ?? e))), delay));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** A closed document keeps no diagnostics (push mode; pull clients drop them themselves). */
  closed(uri: string): void {
    this.cancel(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings changed: everything open is checked again. */
  refreshAll(): void {
    if (this.pull) void this.connection.languages.diagnostics.refresh();
    else for (const document of this.documents.all()) this.schedule(document, 0);
  }
}
