// A server session over a fresh copy of a fixture workspace (the tests change files on disk):
// the client, the copy, and what the server asked of the client (registrations, progress).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lsp-client';

export interface Session {
  client: TestClient;
  dir: string;
  uri(relative: string): string;
  text(relative: string): string;
  registrations: any[];
  progress: any[];
  initializeResult: any;
}

/** Copies `fixture`, starts the server with `folders` of it as workspace folders (the first is the root). */
export async function startSession(fixture: string, folders: readonly string[], capabilities: object, configuration: unknown = null): Promise<Session> {
  const dir = mkdtempSync(path.join(tmpdir(), `voipnow-${path.basename(fixture)}-`));
  cpSync(fixture, dir, { recursive: true });
  const client = new TestClient();
  client.configuration = configuration;
  const registrations: any[] = [];
  const progress: any[] = [];
  client.connection.onRequest('client/registerCapability', (params: any) => {
    registrations.push(...params.registrations);
    return null;
  });
  client.connection.onRequest('window/workDoneProgress/create', (params: any) => {
    client.connection.onProgress({ __brand: 'ProgressType' } as any, params.token, (value: any) => {
      progress.push(value);
    });
    return null;
  });
  const uri = (relative: string) => pathToFileURL(path.join(dir, relative)).href;
  const initializeResult = await client.initialize(capabilities, folders.map((name) => ({ path: path.join(dir, name), name })));
  return { client, dir, uri, text: (relative) => readFileSync(path.join(dir, relative), 'utf8'), registrations, progress, initializeResult };
}

export async function stopSession(session: Session): Promise<void> {
  await session.client.stop();
  rmSync(session.dir, { recursive: true, force: true });
}
