// Diagnostics by pull (textDocument/diagnostic, and workspace/diagnostic for files that are not
// open) when the client supports it, else pushed: an open document after a debounce, a file that is
// not open whenever its report changes. Either way a result computed for an older version is never
// delivered. A file's report is the workspace session's (core/workspace): its own problems, its 200s
// across files with related locations, the settings' rules and disable comments, the maxProblems
// cap. This module only reads the session; open documents are checked into it by `check`. Reports of
// files that are not open are built and sent in slices that yield, after the open documents'.
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
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportedProblem, SessionFile } from '../core';
import type { Settings } from './settings';
import { toDiagnostic } from './to-diagnostic';
import { afterRequests } from './next-turn';
import type { IndexChange, IndexFolder, WorkspaceIndex } from './workspace-index';

export const DEBOUNCE_MS = 200;
/** A burst of index changes asks pull clients to pull again once. */
const REFRESH_DELAY_MS = 50;
/** Milliseconds of building reports between two turns of the event loop. */
const SLICE_MS = 8;
/** Result ids of this process (a restarted server never matches an old one by chance). */
const RUN = Math.random().toString(36).slice(2, 8);

/** A failure as the log shows it: its stack, or the value itself. */
function logged(error: unknown): string {
  return String((error as { stack?: unknown } | null | undefined)?.stack ?? error);
}

/** Each report's id, computed once (the session keeps a report while its file and clashes stay). */
const ids = new WeakMap<readonly ReportedProblem[], string>();

/**
 * A report's id from what it says (codes, texts, severities, places, related places): a file whose
 * report is rebuilt the same (new settings that change nothing for it) keeps its id, and is not sent again.
 */
function reportId(report: readonly ReportedProblem[]): string {
  if (report.length === 0) return 'empty';
  let id = ids.get(report);
  if (id) return id;
  let hash = 5381;
  const mix = (value: string | number) => {
    const text = String(value);
    for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 33) + text.charCodeAt(i)) | 0;
  };
  for (const p of report) {
    mix(p.code);
    mix(p.severity);
    mix(p.message);
    mix(`${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`);
    for (const r of p.related) mix(`${r.id} ${r.range.start.line}:${r.range.start.character} ${r.message}`);
  }
  id = `${RUN}.${(hash >>> 0).toString(36)}.${report.length}`;
  ids.set(report, id);
  return id;
}
/** The client has diagnostics for a file (an open document's, just closed) that must be replaced. */
const SHOWN = 'shown';

/** JSON and JSONC documents, by language or, for clients that send other ids, by file name. */
export function isCandidate(document: TextDocument): boolean {
  return document.languageId === 'json' || document.languageId === 'jsonc' || /\.jsonc?$/i.test(document.uri);
}

/** Checks an open document into the session (analysis, settings): undefined when it is no JSON document. */
export type CheckOpen = (document: TextDocument) => Promise<{ file: SessionFile; settings: Settings } | undefined>;

export interface WorkspaceReporting {
  index: WorkspaceIndex;
  /** The settings of a folder's files that are not open (kept current by the server). */
  folderSettings(folder: IndexFolder): Settings;
}

/** The session's report as LSP diagnostics (ranges placed by the session; related locations in other files). */
export function toDiagnostics(report: readonly ReportedProblem[]): Diagnostic[] {
  return report.map(({ range, related, ...problem }) => {
    const diagnostic = toDiagnostic(problem, range);
    if (related.length > 0) diagnostic.relatedInformation = related.map((r) => ({ location: { uri: r.id, range: r.range }, message: r.message }));
    return diagnostic;
  });
}

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Push mode: the result id last published for each file that is not open. */
  private readonly published = new Map<string, string>();
  /** Push mode: files that are not open whose report is to be sent, in order. */
  private readonly toPublish = new Set<string>();
  private publishing = false;
  private refreshTimer: NodeJS.Timeout | undefined;
  private workspace: WorkspaceReporting | undefined;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly check: CheckOpen,
    readonly pull: boolean,
  ) {}

  /** Reports the workspace index's files too (200 across files, files that are not open). */
  useWorkspace(workspace: WorkspaceReporting): void {
    this.workspace = workspace;
    workspace.index.onChange((change) => this.indexChanged(change));
  }

  /** After shutdown nothing more is sent. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.toPublish.clear();
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }

  /** Push mode: forget the reports of files that are not open still queued (the caller queues them again). */
  dropPending(): void {
    this.toPublish.clear();
  }

  async compute(document: TextDocument): Promise<Diagnostic[]> {
    const checked = await this.check(document);
    if (!checked) return [];
    await this.placed();
    const report = this.session()?.report(checked.file.id, { maxProblems: checked.settings.maxProblems }) ?? [];
    if (report.length > 500) await afterRequests();
    return toDiagnostics(report);
  }

  private session() {
    return this.workspace?.index.session;
  }

  /** Clashing values placed in slices that yield, so that building a report afterwards is quick. */
  private async placed(): Promise<void> {
    const session = this.session();
    if (!session) return;
    while (!session.placeSome(Date.now() + SLICE_MS)) await afterRequests();
  }

  /** A file that is not open: its report's id, and the report. */
  private diskReport(uri: string): { id: string; report: readonly ReportedProblem[] } {
    const file = this.session()?.get(uri);
    if (!file || file.version !== null || !this.workspace) return { id: 'empty', report: [] };
    const folder = file.scope.folder as IndexFolder | undefined;
    const maxProblems = (folder ? this.workspace.folderSettings(folder) : file.scope.settings).maxProblems;
    const report = this.workspace.index.session.report(uri, { maxProblems });
    return { id: reportId(report), report };
  }

  /** textDocument/diagnostic */
  async onPull(uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    // A file that is not open (just closed): what the session knows of it on disk.
    if (!document) {
      await this.placed();
      return { kind: DocumentDiagnosticReportKind.Full, items: toDiagnostics(this.diskReport(uri).report) };
    }
    const items = await this.compute(document);
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }

  /**
   * workspace/diagnostic: the files that are not open, once the index is ready. Only what differs
   * from what the client has (its previous result ids) is sent; a file with nothing to say that the
   * client knows nothing of is left out. Built in slices, so that other requests are answered meanwhile.
   */
  async onWorkspacePull(previousResultIds: ReadonlyArray<{ uri: string; value: string }>, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    if (!this.workspace) return { items: [] };
    await Promise.race([this.workspace.index.ready(), new Promise<void>((resolve) => token.onCancellationRequested(() => resolve()))]);
    await this.placed();
    if (token.isCancellationRequested) return { items: [] };
    const previous = new Map(previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const reported = new Set<string>();
    let sliceStart = Date.now();
    for (const file of [...this.workspace.index.session.all()]) {
      if (this.documents.get(file.id) || file.version !== null) continue;
      reported.add(file.id);
      const { id, report } = this.diskReport(file.id);
      if (previous.get(file.id) === id || (id === 'empty' && !previous.has(file.id))) continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: file.id, version: null, resultId: id, items: toDiagnostics(report) });
      if (Date.now() - sliceStart >= SLICE_MS) {
        await afterRequests();
        if (token.isCancellationRequested || this.stopped) return { items: [] };
        sliceStart = Date.now();
      }
    }
    // Files the client has diagnostics for that are gone from the session (deleted, no longer payloads).
    for (const [uri, value] of previous) {
      if (reported.has(uri) || this.documents.get(uri) || value === 'empty') continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: 'empty', items: [] });
    }
    return { items };
  }

  /** Push mode: validate after `delay` ms of quiet, and publish only if the version is still current. */
  schedule(document: TextDocument, delay = DEBOUNCE_MS): void {
    if (this.pull || this.stopped) return;
    this.cancel(document.uri);
    const run = async () => {
      this.timers.delete(document.uri);
      const current = this.documents.get(document.uri);
      if (!current || current.version !== document.version) return;
      const diagnostics = await this.compute(current);
      const latest = this.documents.get(document.uri);
      if (!latest || latest.version !== current.version || this.stopped) return;
      await this.connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics });
    };
    this.timers.set(document.uri, setTimeout(() => void run().catch((e: unknown) => this.connection.console.error(logged(e))), delay));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /** A closed document: what is on disk is its report now (none for a file outside the index), once read. */
  closed(uri: string): void {
    this.cancel(uri);
    const read = this.workspace?.index.closed(uri) ?? Promise.resolve();
    if (this.pull) return;
    // The client shows the open document's diagnostics: they are replaced whatever the disk says.
    this.published.set(uri, SHOWN);
    void read.then(() => this.enqueue([uri]));
  }

  /** Settings changed: everything open is checked again (and, through the index, every other file). */
  refreshAll(): void {
    if (this.stopped) return;
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
    this.enqueue([...files, ...clashes].filter((uri) => !this.documents.get(uri)));
  }

  /** Push mode: files that are not open to report, in slices (each sent when it differs from the last one sent). */
  private enqueue(uris: Iterable<string>): void {
    if (this.pull || this.stopped) return;
    for (const uri of uris) this.toPublish.add(uri);
    if (this.publishing || this.toPublish.size === 0) return;
    this.publishing = true;
    void this.drain().finally(() => (this.publishing = false));
  }

  private async drain(): Promise<void> {
    // Open documents' checks (timers of 0 ms) go first.
    await afterRequests();
    let sliceStart = Date.now();
    while (this.toPublish.size > 0 && !this.stopped) {
      const uri = this.toPublish.values().next().value as string;
      this.toPublish.delete(uri);
      await this.placed();
      // A document just closed still has its open version here until its file is read again (which reports it then).
      // Each report waits for the one before to be written: a large report takes a while to cross the
      // pipe, and a hover's answer written meanwhile would wait behind all of them.
      if (!this.documents.get(uri) && this.session()?.get(uri)?.version == null) await this.publishDisk(uri);
      if (Date.now() - sliceStart >= SLICE_MS) {
        await afterRequests();
        sliceStart = Date.now();
      }
    }
  }

  private async publishDisk(uri: string): Promise<void> {
    const { id, report } = this.diskReport(uri);
    if ((this.published.get(uri) ?? 'empty') === id) return;
    if (id === 'empty') this.published.delete(uri);
    else this.published.set(uri, id);
    // Building, converting and sending a large report are three slices.
    if (report.length > 0) await afterRequests();
    const diagnostics = toDiagnostics(report);
    if (report.length > 0) await afterRequests();
    await this.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Push mode, settings changed: every file that is not open reports again. */
  republishWorkspace(): void {
    if (this.pull || !this.workspace) return;
    this.enqueue([...this.published.keys(), ...[...this.workspace.index.session.all()].map((f) => f.id)].filter((uri) => !this.documents.get(uri)));
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer || this.stopped) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.connection.languages.diagnostics.refresh();
    }, REFRESH_DELAY_MS);
  }
}
