// The language server's worker bundle (dist/server-browser.js) run the way a browser runs it: in a
// context that has a Web Worker's globals and nothing of Node's (no require, process, Buffer,
// setImmediate, __dirname), its messages posted as structured clones. The test side is the client:
// a JSON-RPC connection over those messages that answers the server's voipnow/fs/* requests from
// an in-memory file system on any scheme, as the extension answers them with workspace.fs.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { AbstractMessageReader, AbstractMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { DataCallback, Message, MessageConnection } from 'vscode-jsonrpc/node';
import { URI, Utils } from 'vscode-uri';
import { ROOT } from './lsp-client';

export const WORKER_BUNDLE = path.join(ROOT, 'dist', 'server-browser.js');
const JSON_FILE = /\.jsonc?$/;
const SKIPPED = /\/(node_modules|\.git|\.voipnow)\//;

class PortReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  listen(callback: DataCallback) {
    this.callback = callback;
    return { dispose: () => (this.callback = undefined) };
  }
  deliver(message: Message): void {
    this.callback?.(message);
  }
}

class PortWriter extends AbstractMessageWriter {
  constructor(private readonly post: (message: Message) => void) {
    super();
  }
  async write(message: Message): Promise<void> {
    this.post(message);
  }
  end(): void {}
}

/** A browser's MessageChannel for the worker's own use (yielding between slices), on the host's tasks. */
class WorkerMessageChannel {
  readonly port1: { onmessage: ((event: { data: unknown }) => void) | null; postMessage(data: unknown): void };
  readonly port2: { onmessage: ((event: { data: unknown }) => void) | null; postMessage(data: unknown): void };
  constructor() {
    const port = () => ({ onmessage: null as ((event: { data: unknown }) => void) | null, postMessage: (_data: unknown) => {} });
    this.port1 = port();
    this.port2 = port();
    this.port1.postMessage = (data) => setImmediate(() => this.port2.onmessage?.({ data }));
    this.port2.postMessage = (data) => setImmediate(() => this.port1.onmessage?.({ data }));
  }
}

/** Files by URI (normal form); folders are implied by the files below them. */
export class MemoryFiles {
  readonly files = new Map<string, string>();
  /** Requests the server made, by method. */
  readonly asked = new Map<string, number>();
  /** Files the server read. */
  readonly read = new Set<string>();
  /** Whether the client can search (workspace.findFiles); otherwise the server walks with readDirectory. */
  searchable = true;

  set(uri: string, text: string): void {
    this.files.set(URI.parse(uri).toString(), text);
  }

  delete(uri: string): void {
    this.files.delete(URI.parse(uri).toString());
  }

  private below(folder: string): string[] {
    const prefix = URI.parse(folder).toString().replace(/\/?$/, '/');
    return [...this.files.keys()].filter((uri) => uri.startsWith(prefix)).map((uri) => uri.slice(prefix.length));
  }

  answer(connection: MessageConnection): void {
    const count = (method: string) => this.asked.set(method, (this.asked.get(method) ?? 0) + 1);
    connection.onRequest('voipnow/fs/readFile', ({ uri, limit }: { uri: string; limit: number }) => {
      count('readFile');
      this.read.add(URI.parse(uri).toString());
      const text = this.files.get(URI.parse(uri).toString());
      return text === undefined ? null : Buffer.from(text, 'utf8').subarray(0, limit).toString('base64');
    });
    connection.onRequest('voipnow/fs/stat', ({ uri }: { uri: string }) => {
      count('stat');
      const text = this.files.get(URI.parse(uri).toString());
      if (text !== undefined) return { kind: 'file', size: Buffer.byteLength(text) };
      return this.below(uri).length > 0 ? { kind: 'directory', size: 0 } : null;
    });
    connection.onRequest('voipnow/fs/readDirectory', ({ uri }: { uri: string }) => {
      count('readDirectory');
      const entries = new Map<string, string>();
      for (const rest of this.below(uri)) {
        const [name, ...deeper] = rest.split('/');
        entries.set(decodeURIComponent(name), deeper.length > 0 ? 'directory' : 'file');
      }
      return [...entries];
    });
    connection.onRequest('voipnow/fs/findFiles', ({ folder }: { folder: string }) => {
      count('findFiles');
      if (!this.searchable) return null;
      return this.below(folder)
        .filter((rest) => JSON_FILE.test(rest) && !SKIPPED.test(`/${rest}`))
        .map((rest) => Utils.joinPath(URI.parse(folder), ...rest.split('/').map(decodeURIComponent)).toString());
    });
  }
}

export interface WorkerServer {
  connection: MessageConnection;
  /** The worker's global scope, to check what it has (and has not). */
  scope: Record<string, unknown>;
  errors: unknown[];
}

/** Evaluates the worker bundle in a fresh worker-like context and connects to it. */
export function startWorkerServer(): WorkerServer {
  const reader = new PortReader();
  const errors: unknown[] = [];
  const scope: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    TextEncoder,
    TextDecoder,
    atob,
    btoa,
    URL,
    performance,
    crypto: globalThis.crypto,
    MessageChannel: WorkerMessageChannel,
    onmessage: null,
    addEventListener: () => {},
    removeEventListener: () => {},
    postMessage: (message: Message) => reader.deliver(structuredClone(message)),
  };
  scope.self = scope;
  createContext(scope);
  runInContext(readFileSync(WORKER_BUNDLE, 'utf8'), scope, { filename: WORKER_BUNDLE });
  const writer = new PortWriter((message) => {
    const onmessage = scope.onmessage as ((event: { data: unknown }) => void) | null;
    try {
      onmessage?.({ data: structuredClone(message) });
    } catch (error) {
      errors.push(error);
    }
  });
  const connection = createMessageConnection(reader, writer);
  return { connection, scope, errors };
}
