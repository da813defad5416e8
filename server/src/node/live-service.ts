// The language server's sender on Node (lsp/platform.ts LiveSender), a bundle of its own
// (dist/live-service.js, with strong-soap) loaded when a request is first sent: each server's WSDL
// loaded once, its token kept in memory; credentials from the server's environment
// (VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN), never from a file.
import { ChannelClient, DEFAULT_TIMEOUT_MS, readCaFile } from '../live/channel-client';
import { LiveError } from '../live/live-error';
import { sendRequest } from '../live/send';
import { credentialsFromEnv, TokenSource } from '../live/token';
import type { LiveAnswer, LiveProfile } from '../lsp/platform';

const clients = new Map<string, Promise<ChannelClient>>();
const tokens = new Map<string, TokenSource>();

export async function liveSend(profile: LiveProfile, method: string, params: unknown): Promise<LiveAnswer> {
  try {
    const credentials = credentialsFromEnv(process.env);
    if (!credentials) return { error: 'No credentials: set VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN, for the language server.' };
    const ca = profile.caFile === undefined ? undefined : readCaFile(profile.caFile, profile.name);
    const tls = { ca, insecure: profile.insecure };
    const timeoutMs = profile.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const key = JSON.stringify([profile.url, profile.wsdl, profile.caFile, profile.insecure, timeoutMs]);
    let client = clients.get(key);
    if (!client) {
      client = ChannelClient.open({ url: profile.url, wsdl: profile.wsdl, tls, timeoutMs });
      clients.set(key, client);
      // A WSDL that could not be read is read again next time.
      client.catch(() => clients.delete(key));
    }
    let source = tokens.get(key);
    if (!source) tokens.set(key, (source = new TokenSource(profile.url, credentials, tls, timeoutMs)));
    return await sendRequest(await client, source, method, params);
  } catch (error) {
    if (error instanceof LiveError) return { error: error.message };
    throw error;
  }
}
