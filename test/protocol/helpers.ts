// What protocol tests share beside the client: diagnostics as rows, waits for the diagnostics
// published for a file (by event, never by sleeping; a failed wait names the file, what was waited
// for and the rows last published for it), and pulls.
import { rows, type TestClient } from './lsp-client';
import type { Session } from './workspace-session';

export { rows };

/** A client and the URIs of its workspace's files (a Session is one). */
export interface Files {
  client: TestClient;
  uri(relative: string): string;
}

export type Match = (rows: string[]) => boolean;

const any: Match = () => true;

function waitForRows(files: Files, relative: string, match: Match, from: number, since: string): Promise<string[]> {
  const { client } = files;
  const uri = files.uri(relative);
  return client
    .waitUntil('textDocument/publishDiagnostics', (p) => p.uri === uri && match(rows(p.diagnostics)), {
      from,
      expected: `for ${relative}${since}${match === any ? '' : ` matching ${match}`}`,
      lastSeen: () => {
        const last = client.lastPublished(uri);
        if (!last) return 'nothing published for it';
        const shown = JSON.stringify(rows(last.params.diagnostics), null, 2);
        return last.index < from ? `nothing published for it from notification ${from} on; before: ${shown}` : `the last published for it: ${shown}`;
      },
    })
    .then((p) => rows(p.diagnostics));
}

/** The diagnostics last published for a file, once they match: the last ones received if they do, else the next that do. */
export function published(files: Files, relative: string, match: Match = any): Promise<string[]> {
  const last = files.client.lastPublished(files.uri(relative));
  return waitForRows(files, relative, match, last ? last.index : files.client.received.length, '');
}

/**
 * The first diagnostics published for a file from `after` on that match. `after` is
 * `client.received.length` before the action that causes them (the default: now, so call this before the action).
 */
export function nextPublished(files: Files, relative: string, options: { after?: number; match?: Match } = {}): Promise<string[]> {
  const from = options.after ?? files.client.received.length;
  return waitForRows(files, relative, options.match ?? any, from, ` after notification ${from}`);
}

/** textDocument/diagnostic for a file: its items. */
export async function pull(client: TestClient, uri: string): Promise<any[]> {
  const report: any = await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  return report.items;
}

/** workspace/diagnostic with the result ids the client has: the report. */
export function pullWorkspace(client: TestClient, previousResultIds: ReadonlyArray<{ uri: string; value: string }> = []): Promise<any> {
  return client.connection.sendRequest('workspace/diagnostic', { previousResultIds });
}

/** Opens a file of the session's workspace with its text on disk. */
export function openFile(session: Session, relative: string): Promise<void> {
  return session.client.open(session.uri(relative), session.text(relative));
}
