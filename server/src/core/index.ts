// The engine's public surface for the CLI and the language server.
export { analyze, check, type Analysis, type CheckOptions } from './engine/check';
export {
  allRows, changesServer, documentedText, isDocumented, isMethod, methodCodes, methodsDocumenting, normalizeCode, METHODS, type CodeRow,
} from './codes/catalog';
export { DEFAULT_INCLUDE, isIncluded } from './glob/include';
export { compileGlob, globProblem, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH, MAX_GLOB_STARS, type CompiledGlob } from './glob/glob';
export { LineIndex } from './parse/line-index';
export { DEFAULT_MAX_FILE_SIZE, MAX_NESTING } from './parse/limits';
export { isDocumentedCode, type FixData, type Problem, type Severity } from './codes/problem';
export { WORD_CODES, type WordCodeName } from './codes/word-codes';
// Editing features (hover, completion, quick fixes, fix-all, outline, code pages): plain data with offsets.
export { locate, nodeAt, requestAt, specAtPath, type SpecAt, type Target } from './features/locate';
export { hover, type HoverResult } from './features/hover';
export { complete, type CompletionEntry } from './features/completion';
export { quickFixes, type Edit, type Fix, type ProblemRef } from './features/fixes';
export { recordResponse, type RecordedResponse, type RecordResult } from './features/record-response';
export { applyEdits, fixAll, type AppliedFix, type FixAllResult } from './features/fix-all';
export { documentSymbols, MAX_SYMBOLS, outlineSteps, type SymbolEntry, type SymbolKind } from './features/symbols';
export { codePage, codePages, methodCodeTable, type CodePage } from './features/code-docs';
export { fileCheckableCodes } from './features/code-index';
export { plainFromSnippet } from './features/placeholders';
// The records snapshot (spec section 6): parsing `.voipnow/records.json`, and go to definition on an ID.
export {
  parseRecords, RECORD_KINDS, RECORD_NOUNS, RECORDS_PATH, type ParsedRecords, type RecordEntry, type RecordKind, type Records, type RecordsOptions,
} from './engine/records-snapshot';
export { matchesDocumented } from './rules/response';
export { idsIn, pulledRecordsText, type PulledAnswers, type PulledRecord } from './engine/pulled-records';
export { definition, recordTargetAt, type RecordDefinition } from './features/record-targets';
// Workspace features: the session (files, 200 across files, reports), project settings, rules and disable comments.
export * from './workspace';
export type { UniqueEntry } from './rules/duplicates';
export {
  CONFIG_FILE, DEFAULT_EFFECTIVE_SETTINGS, levelSeverity, mergeSettings, parseConfig, ruleCode, RULE_LEVELS, settingsLayer,
  type EffectiveSettings, type ParsedConfig, type RuleLevel, type Rules, type SettingsLayer,
} from './settings/config';
export { insecureWarning, PROFILE_KEYS, SECRETS_ELSEWHERE, type ServerProfile } from './settings/server-profiles';
export { applyRulesAndComments, findDirectives, shownAnalysis, type Directive } from './settings/suppress';
export { finish } from './engine/steps';
export { capProblems, DEFAULT_MAX_PROBLEMS, tooManyProblemsMessage } from './settings/max-problems';
