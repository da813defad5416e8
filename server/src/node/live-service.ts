// The language server's sender on Node (lsp/platform.ts LiveSender), a bundle of its own
// (dist/live-service.js, with strong-soap) loaded when a request is first sent: each server's WSDL
// loaded once (and kept in the editor's storage folder when it gives one), its token kept in
// memory. Credentials are the ones the editor passes with the command (VS Code's SecretStorage),
// else the server's environment (VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or
// VOIPNOW_ACCESS_TOKEN); never a file.
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ChannelClient } from '../live/channel-client';
import { LiveError } from '../live/live-error';
import { clientOptionsOf } from '../live/profile-options';
import { pullAnswers } from '../live/pull-records';
import { sendRequest } from '../live/send';
import { credentialsFromEnv, TokenSource, type Credentials } from '../live/token';
import type { LiveFailure } from '../lsp/live-protocol';
import type { LiveAnswer, LiveOptions, LiveProfile, PulledRecords } from '../lsp/platform';
import { writePulledRecords } from './pulled-records-file';
import { StoredWsdl, WSDL_FOLDER } from './stored-wsdl';

const clients = new Map<string, Promise<ChannelClient>>();
const tokens = new Map<string, TokenSource>();

export async function liveSend(profile: LiveProfile, method: string, params: unknown, options: LiveOptions = {}): Promise<LiveAnswer> {
  return answered(async () => {
    const { client, source } = await connect(profile, options);
    return sendRequest(client, source, method, params, options.signal);
  });
}

export async function livePullRecords(profile: LiveProfile, path: string, options: LiveOptions = {}): Promise<PulledRecords> {
  return answered(async () => {
    const { client, source } = await connect(profile, options);
    const pulled = await pullAnswers((method, params) => sendRequest(client, source, method, params, options.signal));
    if ('fault' in pulled) {
      const { method, faultcode, faultstring } = pulled.fault;
      return { error: `${method} answered fault ${faultcode} ${faultstring}: nothing is written.` };
    }
    const written = await writePulledRecords(path, pulled.answers);
    return 'error' in written ? written : { written: path, counts: written.counts };
  });
}

export async function liveReload(storage?: string): Promise<void> {
  clients.clear();
  if (storage) await rm(join(storage, WSDL_FOLDER), { recursive: true, force: true });
}

/** A failure of the wire as an answer in words (no secret is in any LiveError's message). */
async function answered<T>(run: () => Promise<T>): Promise<T | LiveFailure> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof LiveError) return { error: error.message, kind: error.kind };
    throw error;
  }
}

async function connect(profile: LiveProfile, options: LiveOptions): Promise<{ client: ChannelClient; source: TokenSource }> {
  const credentials: Credentials | undefined = options.credentials
    ? { ...options.credentials, origin: `the credentials the editor holds for the profile '${profile.name}'` }
    : credentialsFromEnv(process.env);
  if (!credentials) {
    throw new LiveError('credentials', 'No credentials: set VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN, for the language server.');
  }
  const wire = clientOptionsOf(profile);
  const { url, wsdl, tls, timeoutMs } = wire;
  // One client per server as the profile now describes it (its CA's text included).
  const key = JSON.stringify([url, wsdl, tls.ca, tls.insecure, timeoutMs]);
  let client = clients.get(key);
  if (!client) {
    const stored = options.storage && wsdl ? await StoredWsdl.open(options.storage, wsdl) : undefined;
    client = ChannelClient.open({ ...wire, store: stored }).then(async (opened) => {
      await stored?.save();
      return opened;
    });
    clients.set(key, client);
    // A WSDL that could not be read is read again next time.
    client.catch(() => clients.delete(key));
  }
  // A token per server and credentials (other credentials get their own); the hash keeps no secret in the key.
  const tokenKey = key + createHash('sha256').update(JSON.stringify(options.credentials ?? credentials)).digest('hex');
  let source = tokens.get(tokenKey);
  if (!source) tokens.set(tokenKey, (source = new TokenSource(url, credentials, tls, timeoutMs)));
  return { client: await client, source };
}
