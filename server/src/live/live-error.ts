// The failures of talking to a server, each one clear line for the user. None holds a secret:
// messages are made here from what was asked, never from a credential or a token.

export type LiveErrorKind = 'credentials' | 'tls' | 'connection' | 'timeout' | 'http' | 'not-soap' | 'wsdl' | 'parameter' | 'cancelled';

export class LiveError extends Error {
  constructor(
    readonly kind: LiveErrorKind,
    message: string,
  ) {
    super(message);
  }
}

/** Node's network and TLS errors in words, naming the setting that helps. */
export function networkError(error: unknown, url: string, timeoutMs: number): LiveError {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const host = new URL(url).host;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|DEPTH_ZERO/.test(code)) {
    return new LiveError('tls', `The certificate of ${host} is not trusted (${code}): name its certificate authority in the profile's "ca" setting.`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new LiveError('connection', `${host} is not found (DNS).`);
  if (code === 'ECONNREFUSED') return new LiveError('connection', `${host} refused the connection.`);
  if (/TIMEDOUT|^TIMEOUT$/.test(code)) return new LiveError('timeout', `${host} did not answer within ${timeoutMs} ms (the profile's "timeoutMs").`);
  if (code === 'ECONNRESET' || code === 'EPIPE') return new LiveError('connection', `${host} closed the connection before answering.`);
  return new LiveError('connection', `The request to ${host} failed (${code || 'no answer'}).`);
}

/** The user cancelled the request while it waited (the editor's cancel): nothing is recorded. */
export function cancelled(what: string): LiveError {
  return new LiveError('cancelled', `Cancelled: ${what} was not waited for (the server may still have done it).`);
}
