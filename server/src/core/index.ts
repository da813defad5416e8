// The engine's public surface for the CLI and the language server.
export { analyze, check, type Analysis, type CheckOptions } from './check';
export { allRows, documentedText, isDocumented, isMethod, methodCodes, methodsDocumenting, normalizeCode, METHODS, type CodeRow } from './catalog';
export { DEFAULT_INCLUDE, isIncluded } from './include';
export { LineIndex } from './line-index';
export { DEFAULT_MAX_FILE_SIZE, MAX_NESTING } from './parse';
export { isDocumentedCode, type FixData, type Problem, type Severity } from './problem';
export { fileCheckableCodes } from './checkable';
export { WORD_CODES, type WordCodeName } from './word-codes';
