// Each profile's credentials in VS Code's SecretStorage (the system's keychain): asked for once per
// profile (its name and url: the same name in another repository is another server), passed to the
// server with each command and held there in memory only. Which profiles have some is kept in the
// global state, with no secret, so that "Forget" can offer them.
import { window, type ExtensionContext, type QuickPickItem } from 'vscode';
import type { LiveCredentials, ProfileEntry } from '../../../server/src/lsp/live-protocol';

export type Profile = Pick<ProfileEntry, 'name' | 'url'>;

const KNOWN = 'voipnowPayloads.credentialProfiles';

export class CredentialStore {
  /** The secrets passed in this session: the output channel masks them (masking-channel.ts). */
  private readonly used = new Set<string>();

  constructor(private readonly context: ExtensionContext) {}

  async get(profile: Profile): Promise<LiveCredentials | undefined> {
    const text = await this.context.secrets.get(keyOf(profile));
    const credentials = text === undefined ? undefined : parsed(text);
    if (credentials) this.remember(credentials);
    return credentials;
  }

  /** Asks the user (an OAuth app's client ID and secret, or an access token) and keeps the answer; undefined when they cancel. */
  async ask(profile: Profile): Promise<LiveCredentials | undefined> {
    const where = `${profile.name} (${profile.url})`;
    const kinds: (QuickPickItem & { token: boolean })[] = [
      { label: 'OAuth client ID and secret', detail: "An app's credentials, exchanged for an access token that is renewed when it expires", token: false },
      { label: 'Access token', detail: 'A token as it is (not renewed)', token: true },
    ];
    const kind = await window.showQuickPick(kinds, { title: `VoipNow credentials for ${where}`, ignoreFocusOut: true });
    if (!kind) return undefined;
    const input = (prompt: string, password: boolean) =>
      window.showInputBox({
        title: `VoipNow credentials for ${where}`,
        prompt,
        password,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : 'Required'),
      });
    let credentials: LiveCredentials | undefined;
    if (kind.token) {
      const accessToken = await input('The access token', true);
      credentials = accessToken ? { accessToken: accessToken.trim() } : undefined;
    } else {
      const clientId = await input("The app's client ID", false);
      const clientSecret = clientId ? await input("The app's client secret", true) : undefined;
      credentials = clientId && clientSecret ? { clientId: clientId.trim(), clientSecret: clientSecret.trim() } : undefined;
    }
    if (credentials) await this.set(profile, credentials);
    return credentials;
  }

  async set(profile: Profile, credentials: LiveCredentials): Promise<void> {
    this.remember(credentials);
    await this.context.secrets.store(keyOf(profile), JSON.stringify(credentials));
    const known = this.known().filter((p) => keyOf(p) !== keyOf(profile));
    await this.context.globalState.update(KNOWN, [...known, { name: profile.name, url: profile.url }]);
  }

  async forget(profile: Profile): Promise<void> {
    await this.context.secrets.delete(keyOf(profile));
    await this.context.globalState.update(KNOWN, this.known().filter((p) => keyOf(p) !== keyOf(profile)));
  }

  /** The profiles that have credentials kept (names and urls only). */
  known(): Profile[] {
    const value = this.context.globalState.get<unknown>(KNOWN);
    if (!Array.isArray(value)) return [];
    return value.filter((p: Partial<Record<keyof Profile, unknown>> | null): p is Profile => typeof p?.name === 'string' && typeof p.url === 'string');
  }

  secretsUsed(): Iterable<string> {
    return this.used;
  }

  private remember(credentials: LiveCredentials): void {
    this.used.add('accessToken' in credentials ? credentials.accessToken : credentials.clientSecret);
  }
}

function keyOf(profile: Profile): string {
  return `voipnowPayloads.credentials ${JSON.stringify([profile.name, profile.url])}`;
}

/** Credentials as kept, or undefined for anything else (kept by an older version, or damaged). */
export function parsed(text: string): LiveCredentials | undefined {
  try {
    const value = JSON.parse(text) as Partial<{ clientId: unknown; clientSecret: unknown; accessToken: unknown }>;
    if (typeof value.clientId === 'string' && typeof value.clientSecret === 'string') return { clientId: value.clientId, clientSecret: value.clientSecret };
    if (typeof value.accessToken === 'string') return { accessToken: value.accessToken };
  } catch {
    // Not kept by this extension: asked for again.
  }
  return undefined;
}
