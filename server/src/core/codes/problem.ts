// The result of every check: a code, its exact text, where it stands and what a fix needs.
// Offsets are UTF-16 offsets into the document text (what editors and jsonc-parser use).

export type Severity = 'error' | 'warning' | 'information';

/** What a quick fix needs, so that no one ever parses a message. */
export interface FixData {
  /** The parameter (or envelope key) the problem is about. */
  param?: string;
  /** Values the parameter accepts, best written form first (enumerations). */
  allowed?: Array<string | number | boolean>;
  /** A close known name for a misspelled parameter or method. */
  suggestion?: string;
  /** For a missing parameter: where a new property would go (offset of the holding object's `{`). */
  insertInto?: number;
  /** For `text-differs`: the documented text to write. */
  documentedText?: string;
  /** The problem is a required parameter that is absent (`param` names it; `insertInto` may be unset when its object is absent too). */
  missing?: boolean;
  /** The problem comes from the records snapshot (an unknown ID, or a name it already holds): the kind of record. */
  record?: string;
}

export interface Problem {
  /** A documented code (`"617"`, `"030"`) or one of the word codes of word-codes.ts. */
  code: string;
  message: string;
  severity: Severity;
  offset: number;
  length: number;
  /** The request's method, when the problem belongs to a request. */
  method?: string;
  data?: FixData;
}

/** A documented code is three digits; everything else is a word code. */
export function isDocumentedCode(code: string): boolean {
  return /^\d{3}$/.test(code);
}
