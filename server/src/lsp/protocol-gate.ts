// Every message from the client passes here before a handler sees it (the connection's message
// strategy, given by the entries: node/main.ts, browser/main.ts). The gate answers what the
// protocol says a server must, whatever the handlers would do:
// - before `initialize`, a request gets ServerNotInitialized and a notification is dropped;
//   `initialize` and `initialized` are taken once;
// - after `shutdown`, a request gets InvalidRequest and a notification is dropped; `exit` always
//   passes (the library ends the process: 0 after shutdown, 1 without);
// - params that are not what the method takes (method-params.ts): a request gets InvalidParams, a
//   notification is dropped (logged once per method), so no handler ever reads a malformed shape.
// An error answer goes through the connection like any other: the request is handed on as one to
// REFUSED, whose handler throws the error (so the gate needs no writer of its own, on any transport).
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { Connection, Message, MessageStrategy, NotificationMessage, RequestMessage } from 'vscode-languageserver';
import { paramsProblem } from './method-params';

/** The gate's own request, to which a refused request is handed on (never sent by a client: a client's is refused). */
export const REFUSED = 'voipnow/$refused';

interface Refusal {
  code: number;
  message: string;
}

type NotificationResult = void | Promise<void>;
type HandleMessage = (message: Message) => NotificationResult;

/** The connection's messages, one kind at a time (vscode-jsonrpc's Message.isRequest and co, without a value import). */
const hasMethod = (message: Message) => typeof (message as RequestMessage).method === 'string';
const isRequest = (message: Message): message is RequestMessage => hasMethod(message) && (message as RequestMessage).id !== undefined;
const isNotification = (message: Message): message is NotificationMessage => hasMethod(message) && (message as RequestMessage).id === undefined;

export class ProtocolGate implements MessageStrategy {
  private state: 'new' | 'initialized' | 'shutdown' = 'new';
  private initializedSeen = false;
  private readonly logged = new Set<string>();
  private log: ((message: string) => void) | undefined;

  /** Registers the refusal handler and the log on the connection the gate guards. */
  attach(connection: Connection): void {
    connection.onRequest(REFUSED, (refusal: Refusal) => {
      throw new ResponseError(refusal.code, refusal.message);
    });
    this.log = (message) => connection.console.warn(message);
  }

  handleMessage(message: Message, next: HandleMessage): NotificationResult {
    if (isRequest(message)) {
      const refusal = this.refusal(message);
      if (refusal) return next({ ...message, method: REFUSED, params: refusal } as RequestMessage);
    } else if (isNotification(message) && !this.takes(message)) {
      return;
    }
    return next(message);
  }

  private refusal(request: RequestMessage): Refusal | undefined {
    const { method } = request;
    if (method === REFUSED) return { code: ErrorCodes.MethodNotFound, message: `Unhandled method ${method}` };
    if (this.state === 'shutdown') return { code: ErrorCodes.InvalidRequest, message: `${method} after shutdown: only exit is taken now` };
    if (this.state === 'new' && method !== 'initialize') return { code: ErrorCodes.ServerNotInitialized, message: `${method} before initialize` };
    if (this.state !== 'new' && method === 'initialize') return { code: ErrorCodes.InvalidRequest, message: 'initialize was sent already' };
    const problem = paramsProblem(method, request.params, true);
    if (problem !== undefined) return { code: ErrorCodes.InvalidParams, message: `${method}: ${problem}` };
    if (method === 'initialize') this.state = 'initialized';
    if (method === 'shutdown') this.state = 'shutdown';
    return undefined;
  }

  /** Whether a notification is handed on. */
  private takes(notification: NotificationMessage): boolean {
    const { method } = notification;
    if (method === 'exit') return true;
    if (this.state !== 'initialized') return false;
    if (method === 'initialized') {
      if (this.initializedSeen) return false;
      this.initializedSeen = true;
    }
    const problem = paramsProblem(method, notification.params, false);
    if (problem === undefined) return true;
    // Once per method: a client that sends one malformed shape sends it again and again.
    if (!this.logged.has(method)) {
      this.logged.add(method);
      this.log?.(`VoipNow: ignored a malformed ${method} notification (${problem})`);
    }
    return false;
  }
}
