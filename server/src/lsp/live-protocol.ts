// The live loop's commands between an editor and the language server (handlers/commands.ts serves
// them; the VS Code extension's client/src/live/ calls them): names, arguments and results, shared
// by both sides and free of the engine and of the protocol libraries, so that the client's bundle
// stays small. Any LSP editor can run them with workspace/executeCommand.

/** [uri, index, profile, url, credentials?]: send a payload file's request (its index from 0) to a profile's server. */
export const SEND_COMMAND = 'voipnow.send';
/** As SEND_COMMAND, and the answer is written into the request's `response` (one edit, for the version sent from). */
export const SEND_AND_RECORD_COMMAND = 'voipnow.sendAndRecord';
/** [uri, profile, url?, credentials?]: the records pulled from the server into the .voipnow/records.json beside the config of the uri's folder. */
export const PULL_RECORDS_COMMAND = 'voipnow.pullRecords';
/** [uri?]: the profiles of every folder, or of the uri's (ProfileEntry[]). */
export const PROFILES_COMMAND = 'voipnow.profiles';
/** []: every server's WSDL is read from the server again at its next request (the stored copies removed). */
export const RELOAD_WSDL_COMMAND = 'voipnow.reloadWsdl';
export const LIVE_COMMANDS = [SEND_COMMAND, SEND_AND_RECORD_COMMAND, PULL_RECORDS_COMMAND, PROFILES_COMMAND, RELOAD_WSDL_COMMAND];

/**
 * Credentials an editor passes with a command (VS Code: from its SecretStorage), held in memory
 * only; without them the server uses its environment's.
 */
export type LiveCredentials = { clientId: string; clientSecret: string } | { accessToken: string };

/** Why nothing was sent or written, in one line with no secret; `kind` is the failure's (LiveErrorKind), e.g. `credentials`. */
export interface LiveFailure {
  error: string;
  kind?: string;
}

/** What a send returns: the command line's `--format json` object (`response` is what recording writes), or why not. */
export type SendResult = { file: string; request: number; method: string; server: string; ok: boolean; response: unknown } | LiveFailure;

export type PullResult = { written: string; counts: Record<string, number> } | LiveFailure;

/** A profile with no secret: the editor asks for credentials by its name and url. */
export interface ProfileEntry {
  /** The workspace folder (URI) whose .voipnow/config.json names it. */
  folder: string;
  name: string;
  url: string;
}
