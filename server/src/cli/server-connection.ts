// The server a live command talks to: the profile named (or the only one) of the nearest
// .voipnow/config.json, else VOIPNOW_URL; its WSDL loaded with the profile's TLS; credentials from
// the environment only, asked for when a request is first sent (a dry run needs none).
import { isAbsolute, resolve } from 'node:path';
import { CONFIG_FILE, insecureWarning, parseConfig } from '../core';
import { ChannelClient } from '../live/channel-client';
import { LiveError } from '../live/live-error';
import { clientOptionsOf, type NamedProfile } from '../live/profile-options';
import { credentialsFromEnv, TokenSource } from '../live/token';
import { CliError } from './errors';
import { NearestFile } from './nearest-file';
import { readText } from './read';

/** The server a command talks to: a profile, and the folder holding `.voipnow/` (its paths are relative to it). */
export type Target = NamedProfile;

export interface Connection {
  target: Target;
  client: ChannelClient;
  /** The token source (credentials from the environment, read at the first call). */
  tokens(): TokenSource;
  /** Runs wire work: a LiveError becomes a usage-level failure (one line, exit 2). */
  live<T>(work: () => Promise<T>): Promise<T>;
}

/** Loads the WSDL of a server found by serverFor. */
export async function openServer(target: Target): Promise<Connection> {
  const options = await live(async () => clientOptionsOf(target));
  const { tls, timeoutMs } = options;
  if (tls.insecure) process.stderr.write(`voipnow-payloads: warning: ${insecureWarning(target.name)}\n`);
  const client = await live(() => ChannelClient.open(options));
  let tokens: TokenSource | undefined;
  return {
    target,
    client,
    live,
    tokens: () => {
      const credentials = credentialsFromEnv(process.env);
      if (!credentials) throw new CliError('no credentials: set VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN');
      return (tokens ??= new TokenSource(target.profile.url, credentials, tls, timeoutMs));
    },
  };
}

/** The profile named (or the only one) of the nearest .voipnow/config.json, else VOIPNOW_URL. */
export function serverFor(folder: string, name: string | undefined): Target {
  const nearest = new NearestFile(CONFIG_FILE, (absolute, base) => ({ layer: parseConfig(readText(absolute, absolute)).layer, base }));
  const config = nearest.find(folder);
  const servers = config?.layer.servers ?? {};
  const names = Object.keys(servers);
  if (name !== undefined) {
    if (!servers[name]) throw new CliError(`no server '${name}' in ${CONFIG_FILE} (servers: ${names.join(', ') || 'none'})`);
    return { name, profile: servers[name], base: config!.base };
  }
  if (names.length === 1) return { name: names[0], profile: servers[names[0]], base: config!.base };
  if (names.length > 1) throw new CliError(`${CONFIG_FILE} names ${names.length} servers: pick one with --server (${names.join(', ')})`);
  const url = process.env.VOIPNOW_URL;
  if (url) return { name: new URL(url).host, profile: { url: url.replace(/\/$/, '') }, base: isAbsolute(folder) ? folder : resolve(folder) };
  throw new CliError(`no server: name one under "servers" in ${CONFIG_FILE}, or set VOIPNOW_URL`);
}

async function live<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LiveError) throw new CliError(error.message);
    throw error;
  }
}
