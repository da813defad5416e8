// A client that sends messages exactly as given: params `null`, `42` or `[null]` as they are, or
// none at all (vscode-jsonrpc's own client wraps what is not an object in an array). It spawns the
// built server over stdio, answers the server's requests with null, and keeps every answer and
// notification; waits are on events (an answer, the process's end), never on time.
import { spawn, type ChildProcess } from 'node:child_process';
import { StreamMessageReader, StreamMessageWriter, type Message } from 'vscode-jsonrpc/node';
import { SERVER } from './lsp-client';

export interface Answer {
  result?: any;
  error?: { code: number; message: string };
}

export class RawClient {
  readonly process: ChildProcess;
  readonly notifications: Array<{ method: string; params: any }> = [];
  /** Resolves with the exit code when the server ends. */
  readonly exited: Promise<number | null>;
  private readonly writer: StreamMessageWriter;
  private readonly pending = new Map<number, (answer: Answer) => void>();
  private nextId = 1;
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += d));
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => resolve(code)));
    // An answer that will never come fails its wait at once.
    void this.exited.then((code) => {
      for (const resolve of this.pending.values()) resolve({ error: { code: 0, message: `server exited (${code})` } });
      this.pending.clear();
    });
    this.writer = new StreamMessageWriter(this.process.stdin!);
    new StreamMessageReader(this.process.stdout!).listen((message: Message) => this.received(message as any));
  }

  private received(message: any): void {
    if (message.method === undefined) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    } else if (message.id !== undefined) {
      void this.writer.write({ jsonrpc: '2.0', id: message.id, result: null } as Message);
    } else {
      this.notifications.push({ method: message.method, params: message.params });
    }
  }

  /** A request with these params as they are (undefined: no params member). */
  request(method: string, params?: unknown): Promise<Answer> {
    const id = this.nextId++;
    const answer = new Promise<Answer>((resolve) => this.pending.set(id, resolve));
    void this.writer.write({ jsonrpc: '2.0', id, method, params } as Message);
    return answer;
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.writer.write({ jsonrpc: '2.0', method, params } as Message);
  }

  /** Initialized with these capabilities and no workspace folder. */
  async initialize(capabilities: object): Promise<Answer> {
    const answer = await this.request('initialize', { processId: null, rootUri: null, capabilities });
    await this.notify('initialized', {});
    return answer;
  }

  /** The log lines received so far. */
  logged(): string[] {
    return this.notifications.filter((n) => n.method === 'window/logMessage').map((n) => String(n.params?.message));
  }

  /** Ends the server if it still runs. */
  async stop(): Promise<void> {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      await this.request('shutdown');
      await this.notify('exit');
      await this.exited;
    }
  }
}
