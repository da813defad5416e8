// The live loop in VS Code on the desktop: the code lens's commands (the server's) get the
// profile's credentials from SecretStorage (asked for the first time) and run with progress and a
// Cancel button; a send's answer opens beside the file. The palette's commands: send the request
// at the cursor, pull the records, set or forget a profile's credentials, reload the WSDLs.
// Credentials the server refused are forgotten, so that the next use asks again.
import { commands, ProgressLocation, window, type CancellationToken, type Disposable, type QuickPickItem } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient, type Middleware } from 'vscode-languageclient';
import * as protocol from '../../../server/src/lsp/live-protocol';
import type { LiveCredentials, ProfileEntry, PullResult, SendResult } from '../../../server/src/lsp/live-protocol';
import { AnswerView } from './answer-view';
import { CredentialStore, type Profile } from './credentials';
import { PALETTE } from './palette-commands';

export class LiveCommands {
  private client: BaseLanguageClient | undefined;

  constructor(
    readonly store: CredentialStore,
    private readonly view: AnswerView,
  ) {}

  /** The client's executeCommand middleware: the server's live commands get credentials, progress and the answer's view. */
  readonly middleware: Middleware['executeCommand'] = async (command, args: unknown[], next) => {
    if (command === protocol.SEND_COMMAND || command === protocol.SEND_AND_RECORD_COMMAND) {
      const [uri, index, name, url] = args as [string, number, string, string];
      return this.send(command, uri, index, { name, url });
    }
    if (command === protocol.PULL_RECORDS_COMMAND) {
      const [uri, name, url] = args as [string, string, string];
      return this.pull(uri, { name, url });
    }
    return next(command, args) as unknown;
  };

  /** The palette's commands and the answers' view; `client` is the started client. */
  register(client: BaseLanguageClient): Disposable[] {
    this.client = client;
    return [
      ...this.view.register(),
      commands.registerCommand(PALETTE.send, () => this.sendAtCursor()),
      commands.registerCommand(PALETTE.pullRecords, async () => {
        const profile = await this.pickProfile(window.activeTextEditor?.document.uri.toString());
        return profile && commands.executeCommand(protocol.PULL_RECORDS_COMMAND, profile.folder, profile.name, profile.url);
      }),
      // Arguments (a profile and its credentials) set them without asking: for tests and automation.
      commands.registerCommand(PALETTE.setCredentials, async (given?: Profile, credentials?: LiveCredentials) => {
        const profile = given ?? (await this.pickProfile());
        if (!profile) return false;
        if (credentials) await this.store.set(profile, credentials);
        return Boolean(credentials ?? (await this.store.ask(profile)));
      }),
      commands.registerCommand(PALETTE.forgetCredentials, async (given?: Profile) => {
        const known = this.store.known();
        const items = known.map((p) => ({ ...p, label: p.name, description: p.url }));
        const profile = given ?? (await pick(items, 'Forget the credentials of', 'No credentials are kept.', true));
        if (profile) await this.store.forget(profile);
        return Boolean(profile);
      }),
      commands.registerCommand(PALETTE.reloadWsdl, () => this.execute(protocol.RELOAD_WSDL_COMMAND, [])),
    ];
  }

  private async send(command: string, uri: string, index: number, profile: Profile): Promise<SendResult | undefined> {
    const credentials = (await this.store.get(profile)) ?? (await this.store.ask(profile));
    if (!credentials) return undefined;
    const title = `VoipNow: sending request ${index} to ${profile.name}`;
    const result = await this.withProgress<SendResult>(title, command, [uri, index, profile.name, profile.url, credentials]);
    if (!result) return undefined;
    if ('error' in result) await this.refused(result, profile);
    else await this.view.show(result);
    return result;
  }

  private async pull(uri: string, profile: Profile): Promise<PullResult | undefined> {
    const credentials = (await this.store.get(profile)) ?? (await this.store.ask(profile));
    if (!credentials) return undefined;
    const title = `VoipNow: pulling the records from ${profile.name}`;
    const result = await this.withProgress<PullResult>(title, protocol.PULL_RECORDS_COMMAND, [uri, profile.name, profile.url, credentials]);
    if (result && 'error' in result) await this.refused(result, profile);
    return result;
  }

  /** Refused credentials are not kept (the server said why). */
  private async refused(result: { kind?: string }, profile: Profile): Promise<void> {
    if (result.kind === 'credentials') await this.store.forget(profile);
  }

  /** The command sent with a notification's progress and Cancel (the server aborts the request); undefined when cancelled. */
  private withProgress<T>(title: string, command: string, args: unknown[]): Thenable<T | undefined> {
    const options = { location: ProgressLocation.Notification, title, cancellable: true };
    return window.withProgress(options, (_progress, token) => this.execute<T>(command, args, token));
  }

  private async execute<T>(command: string, args: unknown[], token?: CancellationToken): Promise<T | undefined> {
    if (!this.client) return undefined;
    try {
      return (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token)) as T;
    } catch (error) {
      if (token?.isCancellationRequested) return undefined;
      throw error;
    }
  }

  /** The active editor's request at the cursor (the last code lens at or above it), to a profile picked when there are several. */
  private async sendAtCursor(): Promise<SendResult | undefined> {
    const editor = window.activeTextEditor;
    if (!editor) return undefined;
    type Lens = { range: { start: { line: number } }; command?: { command: string; arguments?: unknown[] } };
    const lenses = ((await commands.executeCommand<Lens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? []).filter(
      (l) => l.command?.command === protocol.SEND_COMMAND,
    );
    if (lenses.length === 0) {
      void window.showInformationMessage('VoipNow: nothing to send here: no request with a method, or no profile under "servers" in .voipnow/config.json.');
      return undefined;
    }
    const line = editor.selection.active.line;
    const above = lenses.filter((l) => l.range.start.line <= line);
    const at = (above.length > 0 ? above[above.length - 1] : lenses[0]).range.start.line;
    const choices = lenses.filter((l) => l.range.start.line === at).map((l) => l.command!.arguments as [string, number, string, string]);
    const items = choices.map((a) => ({ label: a[2], description: a[3], args: a }));
    const chosen = items.length === 1 ? items[0] : await window.showQuickPick(items, { title: 'Send to' });
    if (!chosen) return undefined;
    const [uri, index, name, url] = chosen.args;
    return this.send(protocol.SEND_COMMAND, uri, index, { name, url });
  }

  private async pickProfile(uri?: string): Promise<ProfileEntry | undefined> {
    const profiles = (await this.execute<ProfileEntry[]>(protocol.PROFILES_COMMAND, uri ? [uri] : [])) ?? [];
    const all = profiles.length > 0 || !uri ? profiles : ((await this.execute<ProfileEntry[]>(protocol.PROFILES_COMMAND, [])) ?? []);
    const items = all.map((p) => ({ ...p, label: p.name, description: p.url, detail: p.folder }));
    return pick(items, 'VoipNow server', 'No server profile: add one under "servers" in a folder\'s .voipnow/config.json.');
  }
}

/** One of the items: the only one without asking, unless `always`. */
async function pick<T extends QuickPickItem>(items: T[], title: string, none: string, always = false): Promise<T | undefined> {
  if (items.length === 0) {
    void window.showInformationMessage(`VoipNow: ${none}`);
    return undefined;
  }
  return items.length === 1 && !always ? items[0] : window.showQuickPick(items, { title });
}
