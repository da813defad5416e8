// Connection profiles (issue 18): `servers` in .voipnow/config.json names the VoipNow servers a
// request may be sent to. Only `url` is required; `wsdl` is a URL or a file for a server that
// serves its WSDL elsewhere; `ca` is a PEM file (private CAs are common); paths are relative to
// the folder that holds .voipnow/. No secret is ever read from here: credentials come from the
// editor's secret storage or the environment, and a key that looks like one is refused by name.
//
//   { "servers": { "staging": { "url": "https://voipnow.example.com", "ca": "certs/ca.pem", "timeoutMs": 30000 } } }

export interface ServerProfile {
  url: string;
  wsdl?: string;
  ca?: string;
  timeoutMs?: number;
  /** TLS verification off: warned of on every use, never a default. */
  insecure?: boolean;
}

export const PROFILE_KEYS = ['url', 'wsdl', 'ca', 'timeoutMs', 'insecure'] as const;

/** What a profile that skips the certificate check warns of, on every use (the command line and the server say it). */
export function insecureWarning(name: string): string {
  return `the certificate of ${name} is not checked (its profile says insecure)`;
}

/** Keys that would hold a secret: refused with where secrets go instead. */
const SECRET_KEY = /secret|password|passwd|token|credential|clientid|client_id/i;

export const SECRETS_ELSEWHERE =
  'Secrets never go in a file of the workspace: set them in the editor (VoipNow: Set Server Credentials) or in the environment ' +
  '(VOIPNOW_CLIENT_ID and VOIPNOW_CLIENT_SECRET, or VOIPNOW_ACCESS_TOKEN).';

type Report = (path: Array<string | number>, message: string, on?: 'key' | 'value') => void;

/** An http(s) URL with a host, else undefined. */
function httpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Reads `servers`; what is wrong is reported and left out (a profile without a valid url is left out whole). */
export function readServers(value: unknown, report: Report): Record<string, ServerProfile> {
  const servers: Record<string, ServerProfile> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report(['servers'], 'servers is an object of profiles by name, such as { "staging": { "url": "https://voipnow.example.com" } }.');
    return servers;
  }
  for (const [name, profile] of Object.entries(value as Record<string, unknown>)) {
    const at = ['servers', name];
    if (name.trim() === '') report(at, 'A server profile has a name.', 'key');
    else if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) {
      report(at, `The profile '${name}' is an object such as { "url": "https://voipnow.example.com" }.`);
    } else readProfile(name, profile as Record<string, unknown>, at, report, servers);
  }
  return servers;
}

function readProfile(name: string, profile: Record<string, unknown>, at: string[], report: Report, into: Record<string, ServerProfile>): void {
  for (const key of Object.keys(profile)) {
    if (SECRET_KEY.test(key)) report([...at, key], `'${key}' is not read from this file. ${SECRETS_ELSEWHERE}`, 'key');
    else if (!(PROFILE_KEYS as readonly string[]).includes(key)) {
      report([...at, key], `Unknown key '${key}' in the profile '${name}': a profile has ${PROFILE_KEYS.join(', ')}.`, 'key');
    }
  }
  const url = httpUrl(profile.url);
  if (!url) {
    report('url' in profile ? [...at, 'url'] : at, `The profile '${name}' needs a url: the server's address, such as "https://voipnow.example.com".`);
    return;
  }
  const read: ServerProfile = { url: url.href.replace(/\/$/, '') };
  if ('wsdl' in profile) {
    if (typeof profile.wsdl === 'string' && profile.wsdl.trim() !== '') read.wsdl = profile.wsdl;
    else report([...at, 'wsdl'], 'wsdl is a URL or a file (relative to the folder that holds .voipnow/) of the Channel service\'s WSDL.');
  }
  if ('ca' in profile) {
    if (typeof profile.ca === 'string' && profile.ca.trim() !== '') read.ca = profile.ca;
    else report([...at, 'ca'], 'ca is a PEM file of the certificate authority the server\'s certificate is signed by.');
  }
  if ('timeoutMs' in profile) {
    const ms = profile.timeoutMs;
    if (typeof ms === 'number' && Number.isSafeInteger(ms) && ms >= 1) read.timeoutMs = ms;
    else report([...at, 'timeoutMs'], 'timeoutMs is a whole number of milliseconds, at least 1.');
  }
  if ('insecure' in profile) {
    if (typeof profile.insecure === 'boolean') read.insecure = profile.insecure;
    else report([...at, 'insecure'], 'insecure is true or false (true turns TLS verification off, with a warning on every use).');
  }
  into[name] = read;
}
