// The language status item on payload files (the `{}` in the status bar): the method(s) the active
// file names, how many payload files the server has indexed, and which records and settings files
// are in use. All of it comes from the server (`voipnow/documentStatus`, asked again on its
// `voipnow/status` notification, on a change of the active editor and after an edit); the item
// exists only while the active file is a payload.
import { languages, LanguageStatusSeverity, Uri, window, workspace, type Disposable, type LanguageStatusItem, type TextDocument } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { SHOW_CODE_TABLE } from './code-table';
import { documentSelector } from './selector';

interface DocumentStatus {
  indexing: boolean;
  indexed: number;
  /** The index reached its memory budget and takes no more files. */
  full?: true;
  isPayload: boolean;
  methods: string[];
  requests: number;
  configFile: string | null;
  recordsFile: string | null;
}

/** A file as the user knows it: relative to its workspace folder. */
function shown(uriOrPath: string): string {
  const uri = /^[a-z][a-z0-9+.-]*:/i.test(uriOrPath) ? Uri.parse(uriOrPath) : Uri.file(uriOrPath);
  return workspace.asRelativePath(uri, true) || uri.path.split('/').pop() || uriOrPath;
}

export function registerStatusItem(client: BaseLanguageClient): Disposable {
  const selector = documentSelector((workspace.workspaceFolders ?? []).map((f) => f.uri.scheme));
  let item: LanguageStatusItem | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const hide = () => {
    item?.dispose();
    item = undefined;
  };

  const update = async () => {
    const document = window.activeTextEditor?.document;
    if (!document || languages.match(selector, document) === 0 || !client.isRunning()) return hide();
    const ticket = ++asked;
    let status: DocumentStatus;
    try {
      status = await client.sendRequest<DocumentStatus>('voipnow/documentStatus', { uri: document.uri.toString() });
    } catch {
      return;
    }
    // An older answer arriving late changes nothing.
    if (ticket !== asked || window.activeTextEditor?.document !== document) return;
    if (!status.isPayload) return hide();
    item ??= languages.createLanguageStatusItem('voipnowPayloads.status', selector);
    item.name = 'VoipNow Payloads';
    const methods = status.methods.length === 0 ? 'no method' : status.methods.length <= 2 ? status.methods.join(', ') : `${status.methods.length} methods`;
    item.text = `$(symbol-method) ${methods}${status.requests > 1 ? ` · ${status.requests} requests` : ''}`;
    const indexed = status.full ? 'indexed, no more: memory budget reached (voipnowPayloads.maxIndexMemory)' : status.indexing ? 'indexed so far' : 'indexed';
    const files = `${status.indexed} payload file${status.indexed === 1 ? '' : 's'} ${indexed}`;
    const records = status.recordsFile ? `records: ${shown(status.recordsFile)}` : 'no records file';
    const settings = status.configFile ? `settings: ${shown(status.configFile)}` : '';
    item.detail = [files, records, settings].filter(Boolean).join(' · ');
    item.busy = status.indexing;
    item.severity = status.full ? LanguageStatusSeverity.Warning : LanguageStatusSeverity.Information;
    const first = status.methods[0];
    item.command = first ? { title: 'Code table', command: SHOW_CODE_TABLE, arguments: [first], tooltip: `Show ${first}'s documented error codes` } : undefined;
  };

  const soon = (delay = 150) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), delay);
  };

  const isActive = (document: TextDocument) => window.activeTextEditor?.document === document;
  const disposables: Disposable[] = [
    window.onDidChangeActiveTextEditor(() => soon(0)),
    workspace.onDidChangeTextDocument((event) => isActive(event.document) && soon(400)),
    client.onNotification('voipnow/status', () => soon()),
  ];
  soon(0);
  return {
    dispose() {
      if (timer) clearTimeout(timer);
      hide();
      for (const d of disposables) d.dispose();
    },
  };
}
