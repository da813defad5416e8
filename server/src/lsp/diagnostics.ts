// Diagnostics by pull (textDocument/diagnostic, and workspace/diagnostic for files that are not
// open) when the client supports it, else pushed: an open document after a debounce, a file that is
// not open whenever its report changes. Either way a result computed for an older version is never
// delivered. A file's report is the workspace session's (core/workspace): its own problems, its 200s
// across files with related locations, the settings' rules and disable comments, the maxProblems
// cap. This module only reads the session; open documents are checked into it by `check`. Every
// report is built, converted (or serialized: report-steps.ts) and hashed in slices that yield;
// reports of files that are not open wait for the open documents' being built.
import {
  DocumentDiagnosticReportKind,
  PublishDiagnosticsNotification,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RelatedPlace, ReportedProblem, SessionFile } from '../core';
import type { Settings } from './settings';
import { afterRequests, inSlices } from './next-turn';
import type { OpenDocuments } from './open-documents';
import { diagnosticSteps, encodedSteps, toDiagnostics } from './report-steps';
import { normalUri } from './uri-paths';
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
/** A related place's share of an id, computed once (many reports name the same place). */
const relatedHashes = new WeakMap<RelatedPlace, number>();

/** The djb2 hash of `value`'s text, from `hash`. */
function mix(hash: number, value: string | number): number {
  const text = String(value);
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 33) + text.charCodeAt(i)) | 0;
  return hash;
}

function relatedHash(place: RelatedPlace): number {
  let hash = relatedHashes.get(place);
  if (hash === undefined) {
    hash = mix(mix(5381, `${place.id} ${place.range.start.line}:${place.range.start.character}`), place.message);
    relatedHashes.set(place, hash);
  }
  return hash;
}

/**
 * A report's id from what it says (codes, texts, severities, places, related places), a step at a
 * time: a file whose report is rebuilt the same (new settings that change nothing for it) keeps its
 * id, and is not sent again.
 */
function* reportIdSteps(report: readonly ReportedProblem[]): Generator<void, string> {
  if (report.length === 0) return 'empty';
  let id = ids.get(report);
  if (id) return id;
  let hash = 5381;
  let count = 0;
  for (const p of report) {
    const { start, end } = p.range;
    hash = mix(mix(mix(mix(hash, p.code), p.severity), p.message), `${start.line}:${start.character}-${end.line}:${end.character}`);
    for (const r of p.related) hash = (Math.imul(hash, 33) + relatedHash(r)) | 0;
    if (++count % 250 === 0) yield;
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

export class Diagnostics {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Push mode: the result id last published for each file that is not open. */
  private readonly published = new Map<string, string>();
  /** Push mode: files that are not open whose report is to be sent, in order. */
  private readonly toPublish = new Set<string>();
  private publishing = false;
  /** Push mode: open documents' reports being built; reports of files that are not open wait for them. */
  private openRunning = 0;
  private readonly openDone: Array<() => void> = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private workspace: WorkspaceReporting | undefined;
  private stopped = false;

  constructor(
    private readonly connection: Connection,
    /** By the spelling a document was opened with or by the normal form (the index's keys); `find`: any spelling. */
    private readonly documents: OpenDocuments,
    private readonly check: CheckOpen,
    readonly pull: boolean,
    /** The writer sends EncodedParams as they are (platform.ts). */
    private readonly encodedParams = false,
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

  /** Resolves when no open document's report is being built. */
  private async openReportsDone(): Promise<void> {
    while (this.openRunning > 0) await new Promise<void>((resolve) => this.openDone.push(resolve));
  }

  /** An open document's report, built in slices. */
  private async openReport(document: TextDocument): Promise<readonly ReportedProblem[]> {
    const checked = await this.check(document);
    const session = this.session();
    if (!checked || !session) return [];
    await this.placed();
    return inSlices(session.reportSteps(checked.file.id, { maxProblems: checked.settings.maxProblems }), SLICE_MS);
  }

  /** Push mode: a report converted (or serialized, where the writer takes it so) in slices, then sent. */
  private async send(uri: string, version: number | undefined, report: readonly ReportedProblem[]): Promise<void> {
    // A report from disk (no version) of a file opened meanwhile is not sent: the open document's is.
    const current = () => !this.stopped && (version !== undefined || !this.documents.get(uri));
    if (this.encodedParams) {
      const params = await inSlices(encodedSteps(uri, version, report), SLICE_MS);
      if (current()) await this.connection.sendNotification(PublishDiagnosticsNotification.method, params);
      return;
    }
    const diagnostics = await inSlices(diagnosticSteps(report, []), SLICE_MS);
    if (current()) await this.connection.sendDiagnostics({ uri, version, diagnostics });
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

  /** A file that is not open: its report's id, and the report (built in slices). */
  private async diskReport(uri: string): Promise<{ id: string; report: readonly ReportedProblem[] }> {
    const file = this.session()?.get(uri);
    if (!file || file.version !== null || !this.workspace) return { id: 'empty', report: [] };
    const folder = file.scope.folder as IndexFolder | undefined;
    const maxProblems = (folder ? this.workspace.folderSettings(folder) : file.scope.settings).maxProblems;
    const report = await inSlices(this.workspace.index.session.reportSteps(uri, { maxProblems }), SLICE_MS);
    return { id: await inSlices(reportIdSteps(report), SLICE_MS), report };
  }

  /**
   * textDocument/diagnostic (the document in any spelling): the open document's report, or what the
   * session knows of a file that is not open (just closed). With the id of what the client has
   * (`previousResultId`), a report that says the same is answered `unchanged`, not sent again.
   */
  async onPull(uri: string, token: CancellationToken, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    const document = this.documents.find(uri);
    let report: readonly ReportedProblem[];
    if (document) report = await this.openReport(document);
    else {
      await this.placed();
      report = (await this.diskReport(normalUri(uri))).report;
    }
    if (token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const resultId = await inSlices(reportIdSteps(report), SLICE_MS);
    if (resultId === previousResultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: await inSlices(diagnosticSteps(report, []), SLICE_MS) };
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
      const { id, report } = await this.diskReport(file.id);
      if (previous.get(file.id) === id || (id === 'empty' && !previous.has(file.id))) continue;
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: file.id, version: null, resultId: id, items: toDiagnostics(report) });
      if (Date.now() - sliceStart >= SLICE_MS) {
        await afterRequests();
        if (token.isCancellationRequested || this.stopped) return { items: [] };
        sliceStart = Date.now();
      }
    }
    // Files the client has diagnostics for that are gone from the session (deleted, no longer payloads),
    // in the client's spelling (a file it spells otherwise than the session's key is no file gone).
    for (const [uri, value] of previous) {
      if (reported.has(uri) || value === 'empty') continue;
      // One parse of the URI: the open documents are found by either spelling, as find() does.
      const key = normalUri(uri);
      if (reported.has(key) || this.documents.get(uri) || this.documents.get(key)) continue;
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
      this.openRunning++;
      try {
        const report = await this.openReport(current);
        const latest = this.documents.get(document.uri);
        if (!latest || latest.version !== current.version || this.stopped) return;
        await this.send(current.uri, current.version, report);
      } finally {
        if (--this.openRunning === 0) for (const resolve of this.openDone.splice(0)) resolve();
      }
    };
    this.timers.set(document.uri, setTimeout(() => void run().catch((e: unknown) => this.connection.console.error(logged(e))), delay));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /**
   * Push mode, a document opened in another spelling than the session's key (the normal form): what
   * was published from disk under the key is taken back, so that the client, which knows both for
   * one file, shows the open document's report alone.
   */
  opened(uri: string): void {
    const key = normalUri(uri);
    if (this.pull || this.stopped || key === uri || !this.published.has(key)) return;
    this.published.delete(key);
    void this.connection.sendDiagnostics({ uri: key, diagnostics: [] });
  }

  /**
   * A closed document: what is on disk is its report now (none for a file outside the index), once
   * read, published under the spelling the client closed it with (what it shows is replaced there).
   */
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
      await this.openReportsDone();
      const uri = this.toPublish.values().next().value;
      if (uri === undefined) break;
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
    const { id, report } = await this.diskReport(uri);
    // Opened while its report was built: the open document's report is what the client shows.
    if (this.documents.get(uri) || (this.published.get(uri) ?? 'empty') === id) return;
    if (id === 'empty') this.published.delete(uri);
    else this.published.set(uri, id);
    await this.send(uri, undefined, report);
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
