// What a documented code means for a method: its text, what usually causes it, and whether a
// payload file can show it or only the server's state can (spec sections 2.5 and 7).
import { documentedText } from '../codes/catalog';
import { fillText } from '../codes/messages';
import type { Problem } from '../codes/problem';
import { RECORD_NOUNS, RECORDS_PATH, isRecordKind } from '../engine/records-snapshot';
import { WORD_CODES, type WordCodeName } from '../codes/word-codes';
import { paramName, shownPath } from '../rules/paths';
import { entriesFor, fileCheckableCodes } from './code-index';
import { code as inline, escapeMarkdown } from '../codes/markdown';

/** Codes that only the server's state raises, and what usually causes them. */
const SERVER_CAUSES: Record<string, string> = {
  '030': 'The request matched no record on the server.',
  '037': 'The server could not save the new order of the rules (an error on its side).',
  '039': 'The server could not save the rules group (an error on its side).',
  '051': "The server's license key allows only phone terminal extension management.",
  '100': 'The credentials of the call are not accepted, or an ID in the request names an object this account cannot reach.',
  '102': 'The account making the call has expired.',
  '103': 'The account making the call has no access to this service (its role or permissions).',
  '104': 'The account making the call is disabled.',
  '106': 'The parent of the account making the call has expired.',
  '107': 'The parent of the account making the call is disabled.',
  '108': 'The parent of the account making the call has no control panel access.',
  '151': 'The server could not read the data (an error on its side).',
  '152': 'The server could not save the data (an error on its side).',
  '201': 'Some of the channel groups are still in use, so the server kept them.',
  '525': "The server's roles and phone numbers setting is disabled.",
  '526': "The server's phone number management setting is disabled.",
  '666': 'The extension already has an outgoing routing rules group; only one is allowed at extension level.',
  'AssignPublicNo 200': 'The server has fewer free public numbers than the request assigns.',
};

export interface CodeExplanation {
  method: string;
  code: string;
  /** The documented text, placeholders as documented (`{param}`). */
  text: string;
  /** A payload file can raise it (otherwise only the server's state can). */
  fromFile: boolean;
  /** Markdown sentences: what usually causes it. */
  causes: string[];
}

function serverCause(method: string, code: string, text: string): string {
  const known = SERVER_CAUSES[`${method} ${code}`] ?? SERVER_CAUSES[code];
  if (known) return known;
  if (/outside the records available/.test(text)) return 'The IDs are well-formed but name no record the server holds.';
  if (/^Invalid .*ID\.$/.test(text)) return 'The ID is well-formed but names no record the server holds (or one this account cannot reach).';
  if (text.startsWith('Duplicate record.')) return 'A record with the same name or number already exists on the server.';
  return `No check of a payload file raises ${code} for ${method}; the server answers it from its own state.`;
}

export function explainCode(method: string, code: string): CodeExplanation | undefined {
  const text = documentedText(method, code);
  if (text === undefined) return undefined;
  const fromFile = fileCheckableCodes(method).has(code);
  const entries = fromFile ? entriesFor(method, code) : [];
  const causes = fromFile ? entries.map((e) => e.cause) : [serverCause(method, code, text)];
  if (fromFile && /^Invalid .*ID\.$/.test(text)) causes.push('The server also answers it for a well-formed ID that names no record it holds.');
  // Spec section 6: with a records snapshot, an unknown ID of these parameters is caught in the file too.
  for (const entry of entries) {
    const kind = entry.invalid?.records ?? entry.invalid?.items?.records;
    if (!kind) continue;
    const snapshot = `With a records snapshot (${inline(RECORDS_PATH)}) that lists ${RECORD_NOUNS[kind]}s`;
    causes.push(`${snapshot}: a well-formed ${inline(shownPath(entry.path))} that it does not hold.`);
  }
  return { method, code, text, fromFile, causes };
}

/** The verdict line: file or server. */
export function verdict(e: CodeExplanation): string {
  return e.fromFile ? 'Checked in the file' : "From the server's state: a payload file cannot show it";
}

/** Markdown: the code, the method's text as a quote, then the causes. */
export function explanationMarkdown(e: CodeExplanation): string {
  const causes = e.causes.length === 1 ? e.causes[0] : e.causes.map((c) => `\n- ${c}`).join('');
  return [`**${e.code}** · ${e.method}`, `> ${escapeMarkdown(e.text)}`, `${verdict(e)}: ${causes}`].join('\n\n');
}

/** Markdown added to a diagnostic's message on hover: why the problem is there. */
export function explainProblem(problem: Problem): string | undefined {
  if (Object.hasOwn(WORD_CODES, problem.code)) {
    return `**${problem.code}** · ${escapeMarkdown(WORD_CODES[problem.code as WordCodeName].meaning)}`;
  }
  if (!problem.method) return undefined;
  const e = explainCode(problem.method, problem.code);
  if (!e) return undefined;
  const kind = problem.data?.record;
  if (kind && isRecordKind(kind)) {
    const noun = RECORD_NOUNS[kind];
    const why =
      problem.code === '200'
        ? `A ${noun} with this ${kind === 'publicNumbers' ? 'number' : 'name'} already exists in the records snapshot.`
        : `The ID is well-formed, but the records snapshot holds no ${noun} with it.`;
    return `**${e.code}** · ${why}`;
  }
  const all = entriesFor(problem.method, problem.code);
  const missing = problem.data?.missing === true;
  const matching = all.filter((entry) => paramName(entry.path) === problem.data?.param && entry.absent === missing);
  const causes = (matching.length ? matching : all).map((entry) => entry.cause);
  const shown = causes.length ? causes : e.causes;
  return `**${e.code}** · ${shown.join(' ')}`;
}

/** The text as a parameter's hover shows it: `{param}` filled with the parameter's name. */
export function textFor(method: string, code: string, param?: string): string {
  const template = documentedText(method, code) ?? '';
  return fillText(template, { param, objectDetail: '{object_detail}' });
}
