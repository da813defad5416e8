// A request's answer opened beside its file as read-only JSON: documents of the `voipnow-answer`
// scheme come from this provider, which VS Code never writes to. Each answer is held until its
// document is closed.
import { EventEmitter, Uri, ViewColumn, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';

export const ANSWER_SCHEME = 'voipnow-answer';

export interface Answer {
  file: string;
  request: number;
  method: string;
  server: string;
  ok: boolean;
  response: unknown;
}

export class AnswerView implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;

  register(): Disposable[] {
    return [
      workspace.registerTextDocumentContentProvider(ANSWER_SCHEME, this),
      workspace.onDidCloseTextDocument((document) => this.texts.delete(document.uri.toString())),
      this.changed,
    ];
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the answer beside the active editor (a second answer to the same request replaces the first). */
  async show(answer: Answer): Promise<Uri> {
    const file = Uri.parse(answer.file).path.split('/').pop() ?? 'payload';
    const outcome = answer.ok ? 'answer' : 'fault';
    const uri = Uri.from({ scheme: ANSWER_SCHEME, path: `/${file} ${answer.method} ${answer.request} ${outcome} from ${answer.server}.json` });
    this.texts.set(uri.toString(), `${JSON.stringify(answer.response, null, 2)}\n`);
    this.changed.fire(uri);
    const document = await workspace.openTextDocument(uri);
    await window.showTextDocument(document, { viewColumn: ViewColumn.Beside, preview: true, preserveFocus: true });
    return uri;
  }
}
