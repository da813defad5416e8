// One analysis per document version, shared by diagnostics and (later) hover, completion and
// code actions, so a document is parsed at most once per version.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, isIncluded, type Analysis } from '../core';
import type { Settings } from './settings';

interface Entry {
  version: number;
  include: readonly string[];
  analysis: Analysis;
}

export class Analyses {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly relativePath: (uri: string) => string) {}

  get(document: TextDocument, settings: Settings): Analysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.include === settings.include) return cached.analysis;
    const included = isIncluded(this.relativePath(document.uri), settings.include);
    const analysis = analyze(document.getText(), { included });
    this.entries.set(document.uri, { version: document.version, include: settings.include, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
