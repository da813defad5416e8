// A minimal LSP client for tests: spawns the built server over stdio as an editor does, and lets a
// test wait for notifications by predicate and for diagnostic refreshes, on events (no sleeps); a
// wait that fails says what it waited for and what it saw last. Shared waits on a file's
// diagnostics are in helpers.ts.
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

/** How long a wait lasts before it fails, unless told. */
export const WAIT_MS = 20000;

/** Diagnostics as tests compare them and as a failed wait shows them: `line:col severity code message` (from 1). */
export function rows(diagnostics: readonly any[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity]} ${d.code} ${d.message}`);
}

export interface WaitOptions {
  /** Only notifications from this index of `received` on: `received.length` before an action waits for what it causes. */
  from?: number;
  timeoutMs?: number;
  /** What is waited for, in words (default: the predicate's source). */
  expected?: string;
  /** The value last seen, for the error when the wait fails (default: the last notification of the method). */
  lastSeen?: () => string;
}

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (params: any) => void;
  reject: (error: Error) => void;
}

/** What a failed wait saw last, kept short. */
function shown(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return text.length > 4000 ? `${text.slice(0, 4000)}...` : text;
}

export class TestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly received: Array<{ method: string; params: any }> = [];
  private waiters: Waiter[] = [];
  stderr = '';

  /**
   * `keepReports: false` (the benchmark): diagnostics are not kept in `received`, as an editor keeps
   * only each file's latest, so that waits see only those still to come. Kept, the benchmark's own
   * heap grew by every report of 3.5 MB, and its collections slowed the answers it timed.
   */
  constructor(args: string[] = ['--stdio'], { keepReports = true }: { keepReports?: boolean } = {}) {
    this.process = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    // A server that dies fails every wait at once instead of leaving it pending.
    this.process.on('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
      for (const w of this.waiters) w.reject(new Error(`server exited (${code})`));
      this.waiters = [];
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification((method, params) => {
      if (keepReports || method !== 'textDocument/publishDiagnostics') this.received.push({ method, params });
      this.deliver(method, params);
    });
    this.connection.onRequest('workspace/configuration', (params: any) => params.items.map(() => this.configuration));
    this.connection.onRequest('client/registerCapability', () => null);
    // A request, not a notification: counted and handed to waitForRefresh, not kept in `received`.
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.deliver('workspace/diagnostic/refresh', null);
      return null;
    });
    this.connection.listen();
  }

  configuration: unknown = null;
  exited = false;
  exitCode: number | null = null;
  refreshes = 0;

  private deliver(method: string, params: any): void {
    this.waiters = this.waiters.filter((w) => {
      if (w.method !== method || !w.predicate(params)) return true;
      w.resolve(params);
      return false;
    });
  }

  /** Resolves with the first notification (already received or coming) that matches. */
  waitFor(method: string, predicate: (params: any) => boolean = () => true, timeoutMs = WAIT_MS): Promise<any> {
    return this.waitUntil(method, predicate, { timeoutMs });
  }

  /**
   * Resolves with the first notification from `options.from` on (already received or coming) that
   * matches. A wait that fails says what it waited for and what it saw last.
   */
  waitUntil(method: string, predicate: (params: any) => boolean, options: WaitOptions = {}): Promise<any> {
    const { from = 0, timeoutMs = WAIT_MS } = options;
    for (let i = from; i < this.received.length; i++) {
      const n = this.received[i];
      if (n.method === method && predicate(n.params)) return Promise.resolve(n.params);
    }
    const lastSeen =
      options.lastSeen ??
      (() => {
        const last = [...this.received].reverse().find((n) => n.method === method);
        return last ? `the last ${method}: ${shown(last.params)}` : `no ${method} received`;
      });
    const failure = (why: string) => new Error(`${why}, waiting for one ${options.expected ?? `matching ${predicate}`}; ${lastSeen()}${this.stderrShown()}`);
    return this.waitForMessage(method, predicate, timeoutMs, failure);
  }

  /** Resolves on the next workspace/diagnostic/refresh the server asks for (after this call). */
  waitForRefresh(timeoutMs = WAIT_MS): Promise<void> {
    const before = this.refreshes;
    const failure = (why: string) => new Error(`${why} (${before} asked for before this wait)${this.stderrShown()}`);
    return this.waitForMessage('workspace/diagnostic/refresh', () => true, timeoutMs, failure);
  }

  private waitForMessage(method: string, predicate: (params: any) => boolean, timeoutMs: number, failure: (why: string) => Error): Promise<any> {
    return new Promise((resolve, reject) => {
      if (this.exited) return reject(failure(`server exited (${this.exitCode}) before ${method}`));
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (p) => (clearTimeout(timer), resolve(p)),
        reject: (e) => (clearTimeout(timer), reject(failure(`${e.message} before ${method}`))),
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(failure(`no ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  private stderrShown(): string {
    return this.stderr === '' ? '' : `; the server's stderr: ${this.stderr}`;
  }

  /** The last diagnostics published for `uri` (undefined: none), and where in `received` they are. */
  lastPublished(uri: string, from = 0): { params: any; index: number } | undefined {
    for (let i = this.received.length - 1; i >= from; i--) {
      const n = this.received[i];
      if (n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri) return { params: n.params, index: i };
    }
    return undefined;
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

  /** The diagnostics published for `uri` (for `version` if given), the first received or coming. */
  diagnosticsFor(uri: string, version?: number): Promise<any> {
    return this.waitUntil('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version), {
      expected: `for ${uri}${version === undefined ? '' : ` version ${version}`}`,
      lastSeen: () => {
        const last = this.lastPublished(uri)?.params;
        return last ? `the last published for it (version ${last.version}): ${shown(rows(last.diagnostics))}` : 'nothing published for it';
      },
    });
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
