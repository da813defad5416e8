// The workspace index's memory budget (voipnowPayloads.maxIndexMemory): past it the index takes no
// more files, so that no repository can exhaust the server's heap; it says so once, keeps the files
// it holds current, and open documents are checked as always. What is measured is the session's own
// estimate of what it keeps (WorkspaceSession.keptBytes: texts of small files, problems and unique
// values), not the process's heap: it is the same on every host (the web worker has no `process`),
// it does not trip on garbage not yet collected (a few large texts read ahead are hundreds of MB of
// it, gone at the next collection), and it counts what the index is responsible for.
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { WorkspaceSession } from '../core';

export class IndexBudget {
  /** Whether the budget was reached: no more files come in. */
  full = false;

  constructor(
    /** The budget in bytes; undefined: none. */
    private readonly max: (() => number) | undefined,
    private readonly onFull: (() => void) | undefined,
  ) {}

  /** Whether the session may take a file it does not hold yet (one it holds is always kept current). */
  admits(session: WorkspaceSession, uri: string): boolean {
    if (session.get(uri)) return true;
    if (!this.full && session.keptBytes < (this.max?.() ?? Infinity)) return true;
    if (!this.full) {
      this.full = true;
      this.onFull?.();
    }
    return false;
  }

  /** Whether a file the session does not hold is left out unread (the budget was reached). */
  refuses(session: WorkspaceSession, uri: string): boolean {
    return this.full && !session.get(uri);
  }

  /** The budget was raised: files may come in again (and it is said again if reached again). */
  raised(): void {
    this.full = false;
  }
}

/** What the server does once the budget is reached: one warning, in the log and shown to the user, then `then` (the status). */
export function sayBudgetReached(connection: Connection, now: () => { mb: number; payloads: number }, then: () => void): () => void {
  return () => {
    const { mb, payloads } = now();
    const message =
      `VoipNow: the workspace index reached its memory budget (${mb} MB, voipnowPayloads.maxIndexMemory) with ${payloads} payload files: ` +
      'it takes no more files. Open files are checked as always.';
    connection.console.warn(message);
    // A notification (window/showMessage), as records.ts does: nothing to wait for, nothing a client can fail.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    then();
  };
}
