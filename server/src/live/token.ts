// Credentials and the access token. OAuth 2.0 client credentials (an app's client ID and secret,
// exchanged at {url}/oauth/token.php) or an access token given as it is. From the environment on
// the command line and in other editors; never from a flag or a file. The token is kept in memory
// only, and fetched again when it is about to expire or the server refused it.
import { httpsCall, type Tls } from './https-call';
import { LiveError } from './live-error';

/** `origin` says where they were set, for the message when the server refuses them (default: the environment). */
export type Credentials = ({ clientId: string; clientSecret: string } | { accessToken: string }) & { origin?: string };

/** VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN; undefined when neither is set. */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials | undefined {
  const { VOIPNOW_CLIENT_ID: clientId, VOIPNOW_CLIENT_SECRET: clientSecret, VOIPNOW_ACCESS_TOKEN: accessToken } = env;
  if (clientId && clientSecret) return { clientId, clientSecret };
  if (accessToken) return { accessToken };
  return undefined;
}

/** Renewed this long before it expires (a call that starts just before would fail). */
const EARLY_MS = 30_000;

export class TokenSource {
  private cached: { token: string; until: number } | undefined;

  constructor(
    private readonly url: string,
    private readonly credentials: Credentials,
    private readonly tls: Tls,
    private readonly timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async token(signal?: AbortSignal): Promise<string> {
    if ('accessToken' in this.credentials) return this.credentials.accessToken;
    if (this.cached && this.now() < this.cached.until) return this.cached.token;
    const { clientId, clientSecret } = this.credentials;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }).toString();
    const init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
    const answer = await httpsCall(`${this.url}/oauth/token.php`, init, this.tls, this.timeoutMs, signal);
    if (answer.status === 401 || answer.status === 400) {
      const origin = this.credentials.origin ?? 'VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET';
      const message = `The server refused the client ID and secret (HTTP ${answer.status}): check ${origin}.`;
      throw new LiveError('credentials', message);
    }
    let parsed: { access_token?: unknown; expires_in?: unknown } | undefined;
    try {
      parsed = JSON.parse(answer.body) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    if (answer.status !== 200 || typeof parsed?.access_token !== 'string') {
      throw new LiveError('http', `The token endpoint of ${new URL(this.url).host} did not give a token (HTTP ${answer.status}).`);
    }
    const lifetime = typeof parsed.expires_in === 'number' ? parsed.expires_in * 1000 : 3_600_000;
    this.cached = { token: parsed.access_token, until: this.now() + Math.max(0, lifetime - EARLY_MS) };
    return parsed.access_token;
  }

  /** Whether a refused token can be fetched again (not one given as it is). */
  get renewable(): boolean {
    return !('accessToken' in this.credentials);
  }

  /** The server refused the token: the next call fetches a new one. */
  refused(): void {
    this.cached = undefined;
  }
}
