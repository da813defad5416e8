// What the editor shows about the workspace: work-done progress while the index is built
// (window/workDoneProgress/create + $/progress when the client supports it), a `voipnow/status`
// notification when the index's state changes, and a `voipnow/documentStatus` request that a
// client (the VS Code extension's language status item) asks for the active payload file: the
// methods it holds, how many payload files are indexed, and the settings and records files in use.
import type { Connection } from 'vscode-languageserver';
import type { Analysis } from '../core';
import type { ProjectConfigs } from './project-config';
import type { IndexBudget } from './index-budget';
import type { IndexProgress, WorkspaceIndex } from './workspace-index';

export const STATUS_NOTIFICATION = 'voipnow/status';
export const DOCUMENT_STATUS_REQUEST = 'voipnow/documentStatus';

export interface WorkspaceStatus {
  indexing: boolean;
  /** Payload files in the index. */
  indexed: number;
  /** Workspace folders. */
  folders: number;
  /** Present when the index reached its memory budget (voipnowPayloads.maxIndexMemory) and takes no more files. */
  full?: true;
}

export interface DocumentStatus extends WorkspaceStatus {
  isPayload: boolean;
  /** The documented methods the document's requests name, in order, each once. */
  methods: string[];
  requests: number;
  /** The workspace folder's name, if the document is in one. */
  folder: string | null;
  /** The project settings file in use (a URI), if any. */
  configFile: string | null;
  /** The records snapshot the document is checked against (a URI or path), if any. */
  recordsFile: string | null;
}

export class StatusReporter {
  private timer: NodeJS.Timeout | undefined;
  private last = '';

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly configs: ProjectConfigs,
    private readonly workDoneProgress: boolean,
    private readonly budget?: IndexBudget,
  ) {
    index.onChange(() => this.notifySoon());
    // Indexing started or ended (folders added or removed too): said at once, so that the status is never behind.
    index.onIndexing(() => this.notify());
  }

  workspace(): WorkspaceStatus {
    const status: WorkspaceStatus = { indexing: this.index.isIndexing, indexed: this.index.payloadCount(), folders: this.index.allFolders().length };
    if (this.budget?.full) status.full = true;
    return status;
  }

  document(uri: string, analysis: Analysis | undefined): DocumentStatus {
    const methods = analysis?.isPayload ? [...new Set(analysis.requests.map((r) => r.method).filter((m): m is string => m !== undefined))] : [];
    const config = this.configs.forDocument(uri);
    return {
      ...this.workspace(),
      isPayload: analysis?.isPayload ?? false,
      methods,
      requests: analysis?.isPayload ? analysis.requests.length : 0,
      folder: this.index.folderOf(uri)?.name ?? null,
      configFile: config?.text !== undefined ? config.uri : null,
      recordsFile: analysis?.records ? (analysis.records.location ?? analysis.records.display) : null,
    };
  }

  /** Sends `voipnow/status` when it differs from the last one (at most every 200 ms). */
  notifySoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.notify();
    }, 200);
  }

  notify(): void {
    const status = this.workspace();
    const text = JSON.stringify(status);
    if (text === this.last) return;
    this.last = text;
    void this.connection.sendNotification(STATUS_NOTIFICATION, status);
  }

  /** Work-done progress for indexing: created now (when the client supports it), reported per batch. */
  async progress(): Promise<IndexProgress | undefined> {
    const notifyAround: IndexProgress = {
      begin: () => this.notify(),
      report: () => this.notifySoon(),
      end: () => this.notify(),
    };
    if (!this.workDoneProgress) return notifyAround;
    let reporter: Awaited<ReturnType<Connection['window']['createWorkDoneProgress']>>;
    try {
      reporter = await this.connection.window.createWorkDoneProgress();
    } catch {
      return notifyAround;
    }
    let lastPercent = -1;
    return {
      begin: (total) => {
        reporter.begin('VoipNow: indexing payload files', 0, `${total} JSON files`, false);
        notifyAround.begin(total);
      },
      report: (done, total) => {
        const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percent !== lastPercent) reporter.report(percent, `${done} of ${total} files`);
        lastPercent = percent;
        notifyAround.report(done, total);
      },
      end: () => {
        reporter.done();
        notifyAround.end();
      },
    };
  }
}
