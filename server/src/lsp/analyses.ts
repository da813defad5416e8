// One analysis per document content, shared by diagnostics, hover, completion and code actions, so
// a document is parsed at most once per version. Keyed by the text as well as the version: a client
// that sends a version twice with other text (it happens) gets the new text checked.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, isIncluded, parseConfig, type Analysis, type Records } from '../core';
import { ProjectConfigs } from './project-config';
import type { RecordsStore } from './records';
import type { Settings } from './settings';

interface Entry {
  version: number;
  text: string;
  include: readonly string[];
  maxFileSize: number;
  /** The records snapshot it was checked against (a new snapshot is a new analysis). */
  records: Records | undefined;
  analysis: Analysis;
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();
  private records: RecordsStore | undefined;

  constructor(private readonly relativePath: (uri: string) => string) {}

  /** The records snapshots (spec section 6) documents are checked against. */
  useRecords(records: RecordsStore): void {
    this.records = records;
  }

  get(document: TextDocument, settings: Settings): Analysis {
    const cached = this.entries.get(document.uri);
    const records = this.records?.forDocument(document.uri);
    const text = document.getText();
    const unchanged = cached && cached.version === document.version && cached.text === text;
    if (unchanged && cached.include === settings.include && cached.maxFileSize === settings.maxFileSize && cached.records === records) return cached.analysis;
    const included = isIncluded(this.relativePath(document.uri), settings.include);
    // A records file is checked as one (its own problems), not as a payload; so is a settings file.
    const analysis = this.records?.isRecordsFile(document.uri)
      ? this.records.analyzeRecordsFile(text)
      : ProjectConfigs.isConfigFile(document.uri)
        ? configAnalysis(text)
        : analyze(text, { included, records, maxFileSize: settings.maxFileSize });
    this.entries.set(document.uri, { version: document.version, text, include: settings.include, maxFileSize: settings.maxFileSize, records, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** `.voipnow/config.json`: its own problems (invalid-json, invalid-config), no payload features. */
function configAnalysis(text: string): Analysis {
  return { text, root: undefined, isPayload: false, requests: [], problems: parseConfig(text).problems, unique: [] };
}
