// One request sent with a token: a token the server refuses (fault 100, its documented "not
// authorized" answer to a missing, unknown or expired token) is fetched again once and the
// request sent again; a given token cannot be, and its fault is the answer.
import type { CallAnswer, ChannelClient } from './channel-client';
import type { TokenSource } from './token';

/** The fault the server answers a refused token with (the catalog documents it for every method). */
const TOKEN_REFUSED = '100';

/** `signal` aborts it (the editor's cancel). */
export async function sendRequest(client: ChannelClient, tokens: TokenSource, method: string, params: unknown, signal?: AbortSignal): Promise<CallAnswer> {
  const answer = await client.call(method, params, await tokens.token(signal), signal);
  if (answer.ok || answer.fault.faultcode !== TOKEN_REFUSED || !tokens.renewable) return answer;
  tokens.refused();
  return client.call(method, params, await tokens.token(signal), signal);
}
