// A minimal LSP client for tests: spawns the built server over stdio as an editor does, and lets a
// test wait for notifications by predicate (no sleeps).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/** The repository root: the nearest folder upward holding this package's package.json (tests and the bundled benchmark both use this file). */
function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'voipnow-payloads') return dir;
    if (path.dirname(dir) === dir) throw new Error(`no voipnow-payloads package.json above ${start}`);
  }
}

export const ROOT = findRoot(__dirname);
export const SERVER = path.join(ROOT, 'dist', 'server.js');

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (params: any) => void;
  reject: (error: Error) => void;
}

export class TestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly received: Array<{ method: string; params: any }> = [];
  private waiters: Waiter[] = [];
  stderr = '';

  constructor(args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    // A server that dies fails every wait at once instead of leaving it pending.
    this.process.on('exit', (code) => {
      this.exited = true;
      for (const w of this.waiters) w.reject(new Error(`server exited (${code}) before ${w.method}; stderr: ${this.stderr}`));
      this.waiters = [];
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification((method, params) => {
      this.received.push({ method, params });
      this.waiters = this.waiters.filter((w) => {
        if (w.method !== method || !w.predicate(params)) return true;
        w.resolve(params);
        return false;
      });
    });
    this.connection.onRequest('workspace/configuration', (params: any) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      return null;
    });
    this.connection.listen();
  }

  configuration: unknown = null;
  exited = false;
  refreshes = 0;

  /** Resolves with the first notification (already received or coming) that matches. */
  waitFor(method: string, predicate: (params: any) => boolean = () => true, timeoutMs = 20000): Promise<any> {
    const seen = this.received.find((n) => n.method === method && predicate(n.params));
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${method} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      if (this.exited) return reject(new Error(`server exited before ${method}; stderr: ${this.stderr}`));
      this.waiters.push({ method, predicate, resolve: (p) => (clearTimeout(timer), resolve(p)), reject: (e) => (clearTimeout(timer), reject(e)) });
    });
  }

  /**
   * `rootPath`: the workspace folder, several (`{ path, name }`), or null for none. The default is
   * none: the server indexes its workspace folders (200 across files), and this repository's own
   * payload files (examples, fixtures) would clash with the documents a test opens.
   */
  async initialize(capabilities: object = {}, rootPath: string | null | ReadonlyArray<{ path: string; name: string }> = null, initializationOptions?: unknown): Promise<any> {
    const folders = rootPath === null ? [] : typeof rootPath === 'string' ? [{ path: rootPath, name: 'root' }] : rootPath;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders.length > 0 ? pathToFileURL(folders[0].path).href : null,
      workspaceFolders: folders.length > 0 ? folders.map((f) => ({ uri: pathToFileURL(f.path).href, name: f.name })) : null,
      capabilities,
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'json', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  diagnosticsFor(uri: string, version?: number): Promise<any> {
    return this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version));
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => (this.process.kill(), resolve(null)), 5000);
        this.process.once('exit', () => (clearTimeout(timer), resolve(null)));
      });
    }
  }
}

export function fileUri(relative: string): string {
  return pathToFileURL(path.join(ROOT, relative)).href;
}
