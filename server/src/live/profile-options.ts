// A server profile as `.voipnow/config.json` writes it, made into what the wire needs: its
// relative paths (`ca`, a `wsdl` file) resolved against the folder that holds `.voipnow/`, its CA
// read, its timeout defaulted. The command line and the language server's sender both start here.
import { resolve } from 'node:path';
import type { ServerProfile } from '../core';
import { DEFAULT_TIMEOUT_MS, DEFAULT_WSDL_PATH, isRemote, readCaFile, type ClientOptions } from './channel-client';

/** A profile by name, and the folder (a path) its relative paths are read from. */
export interface NamedProfile {
  name: string;
  profile: ServerProfile;
  base: string;
}

/** The profile's client options (the CA read now: a LiveError 'tls' when it cannot be). */
export function clientOptionsOf({ name, profile, base }: NamedProfile): ClientOptions {
  const ca = profile.ca === undefined ? undefined : readCaFile(resolve(base, profile.ca), name);
  const wsdl = profile.wsdl === undefined ? `${profile.url}${DEFAULT_WSDL_PATH}` : isRemote(profile.wsdl) ? profile.wsdl : resolve(base, profile.wsdl);
  return { url: profile.url, wsdl, tls: { ca, insecure: profile.insecure }, timeoutMs: profile.timeoutMs ?? DEFAULT_TIMEOUT_MS };
}
