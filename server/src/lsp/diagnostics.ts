// Diagnostics by pull (textDocument/diagnostic, and workspace/diagnostic for files that are not
// open) when the client supports it, else pushed: an open document after a debounce, a file that is
// not open whenever its report changes. Either way a result computed for an older version is never
// delivered. A payload's report is the engine's problems plus its 200s across files (with related
// locations), then the settings' rules and the file's disable comments.
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applySettings, findDirectives, type Directive, type Problem, type Rules } from '../core';
import type { Analyses } from './analyses';
import { rangeIn } from './locations';
import type { Settings, SettingsStore } from './settings';
import { toDiagnostic } from './to-diagnostic';
import type { CrossItem, IndexChange, IndexedFile, IndexFolder, RelatedLocation, WorkspaceIndex } from './workspace-index';

export const DEBOUNCE_MS = 200;
/** A burst of index changes asks pull clients to pull again once. */
const REFRESH_DELAY_MS = 50;

/** JSON and JSONC documents, by language or, for clients that send other ids, by file name. */
export function isCandidate(document: TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc' || /\.jsonc?$/i.test(document.uri);
}

export interface WorkspaceReporting {
  index: WorkspaceIndex;
  /** The settings of a folder's files that are not open (kept current by the server). */
  folderSettings(folder: IndexFolder): Settings;
}

type Located = Problem & { related?: RelatedLocation[] };

/** A short stable hash of a report, as its result id. */
function resultId(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'empty';
  const text = JSON.stringify(diagnostics);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return `${(hash >>> 0).toString(36)}-${text.length}`;
}

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Push mode: what was last published for each file that is not open. */
  private readonly published = new Map<string, string>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private workspace: WorkspaceReporting | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly analyses: Analyses,
    private readonly settings: SettingsStore,
    readonly pull: boolean,
  ) {}

  /** Reports the workspace index's files too (200 across files, files that are not open). */
  useWorkspace(workspace: WorkspaceReporting): void {
    this.workspace = workspace;
    workspace.index.onChange((change) => this.indexChanged(change));
  }

  async compute(document: TextDocument): Promise<Diagnostic[]> {
    if (!isCandidate(document)) return [];
    const settings = await this.settings.get(document.uri);
    const analysis = this.analyses.get(document, settings);
    // Not a payload (an ordinary JSON file, a records or settings file): its own problems, as they are.
    if (!analysis.isPayload) {
      this.workspace?.index.updateOpen(document.uri, document.version, analysis);
      return analysis.problems.map((p) => toDiagnostic(p, document));
    }
    const index = this.workspace?.index;
    index?.updateOpen(document.uri, document.version, analysis);
    const cross = index?.crossFor(document.uri) ?? [];
    const text = document.getText();
    return this.build(analysis.problems, cross, settings.rules, findDirectives(text), document);
  }

  /** Engine problems + 200s across files → rules and disable comments → diagnostics with related locations. */
  private build(problems: readonly Problem[], cross: readonly CrossItem[], rules: Rules, directives: readonly Directive[], document: TextDocument): Diagnostic[] {
    const all: Located[] = cross.length === 0 ? [...problems] : [...problems, ...cross.map((c) => ({ ...c.problem, related: c.related }))];
    const shown: Located[] = applySettings(all, rules, directives, (offset) => document.positionAt(offset).line);
    return shown.map(({ related, ...problem }) => {
      const diagnostic = toDiagnostic(problem, document);
      if (related && related.length > 0) {
        diagnostic.relatedInformation = related.map((r) => ({ location: { uri: r.uri, range: this.rangeIn(r.uri, r.offset, r.length) }, message: r.message }));
      }
      return diagnostic;
    });
  }

  private rangeIn(uri: string, offset: number, length: number) {
    return rangeIn(this.documents, this.workspace?.index, uri, offset, length);
  }

  /** Reports of files that are not open, kept while the file, its folder's settings and its clashes stay the same (a workspace pull every 2 s asks for all of them). */
  private readonly reports = new Map<string, { file: IndexedFile; settings: Settings; clashes: string | undefined; diagnostics: Diagnostic[] }>();

  /** The report of a file that is not open, from the index (empty when it has nothing to say). */
  diskReport(file: IndexedFile | undefined): Diagnostic[] {
    if (!file || !this.workspace) return [];
    const settings = this.workspace.folderSettings(file.folder);
    const clashes = this.workspace.index.clashSignature(file.uri);
    const cached = this.reports.get(file.uri);
    if (cached && cached.file === file && cached.settings === settings && cached.clashes === clashes) return cached.diagnostics;
    const diagnostics = this.computeDiskReport(file, settings);
    if (this.reports.size > 20_000) this.reports.clear();
    this.reports.set(file.uri, { file, settings, clashes, diagnostics });
    return diagnostics;
  }

  private computeDiskReport(file: IndexedFile, settings: Settings): Diagnostic[] {
    const { index } = this.workspace!;
    if (file.kind === 'config') {
      const document = TextDocument.create(file.uri, 'json', 0, file.text ?? '');
      return file.problems.map((p) => toDiagnostic(p, document));
    }
    const cross = index.crossFor(file.uri);
    if (file.problems.length === 0 && cross.length === 0 && file.directives.length === 0) return [];
    const document = TextDocument.create(file.uri, 'json', 0, index.textOf(file) ?? '');
    return this.build(file.problems, cross, settings.rules, file.directives, document);
  }

  /** textDocument/diagnostic */
  async onPull(uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    // A file that is not open (just closed): what the index knows of it on disk.
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: this.diskReport(this.workspace?.index.get(uri)) };
    const items = await this.compute(document);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }

  /**
   * workspace/diagnostic: the files that are not open, once the index is ready. Only what differs
   * from what the client has (its previous result ids) is sent; a file with nothing to say that the
   * client knows nothing of is left out.
   */
  async onWorkspacePull(previousResultIds: ReadonlyArray<{ uri: string; value: string }>, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    if (!this.workspace) return { items: [] };
    await Promise.race([this.workspace.index.ready(), new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()))]);
    if (token.isCancellationRequested) return { items: [] };
    const previous = new Map(previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    for (const file of this.workspace.index.all()) {
      if (this.documents.get(file.uri)) continue;
      reported.add(file.uri);
      const diagnostics = this.diskReport(file);
      const id = resultId(diagnostics);
      if (previous.get(file.uri) === id || (diagnostics.length === 0 && !previous.has(file.uri))) continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: file.uri, version: null, resultId: id, items: diagnostics });
    }
    // Files the client has diagnostics for that are gone from the index (deleted, no longer payloads).
    for (const [uri, value] of previous) {
      if (reported.has(uri) || this.documents.get(uri) || value === 'empty') continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: 'empty', items: [] });
    }
    return { items };
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

  /** A closed document: what is on disk is its report now (none for a file outside the index). */
  closed(uri: string): void {
    this.cancel(uri);
    this.workspace?.index.closed(uri);
    if (this.pull) return;
    this.published.delete(uri);
    const diagnostics = this.diskReport(this.workspace?.index.get(uri));
    if (diagnostics.length > 0) this.published.set(uri, resultId(diagnostics));
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Settings changed: everything open is checked again (and, through the index, every other file). */
  refreshAll(): void {
    if (this.pull) void this.connection.languages.diagnostics.refresh();
    else for (const document of this.documents.all()) this.schedule(document, 0);
  }

  /** The index changed: open documents whose clashes changed are checked again; other files report what changed. */
  private indexChanged({ files, clashes }: IndexChange): void {
    let refresh = false;
    for (const uri of clashes) {
      const document = this.documents.get(uri);
      if (!document) continue;
      if (this.pull) refresh = true;
      else this.schedule(document, 0);
    }
    if (this.pull) {
      if (refresh) this.scheduleRefresh();
      return;
    }
    for (const uri of new Set([...files, ...clashes])) if (!this.documents.get(uri)) this.publishDisk(uri);
  }

  /** Push mode: the report of a file that is not open, when it differs from the last one sent. */
  private publishDisk(uri: string): void {
    const diagnostics = this.diskReport(this.workspace?.index.get(uri));
    const id = resultId(diagnostics);
    if ((this.published.get(uri) ?? 'empty') === id) return;
    if (id === 'empty') this.published.delete(uri);
    else this.published.set(uri, id);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Push mode, settings changed: every file that is not open reports again. */
  republishWorkspace(): void {
    if (this.pull || !this.workspace) return;
    const uris = new Set([...this.published.keys(), ...[...this.workspace.index.all()].map((f) => f.uri)]);
    for (const uri of uris) if (!this.documents.get(uri)) this.publishDisk(uri);
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.connection.languages.diagnostics.refresh();
    }, REFRESH_DELAY_MS);
  }
}
