// Builds problems: documented codes get their method's exact text (placeholders filled as spec
// section 2.4 says); word codes get this tool's own sentence.
import { documentedText } from './catalog';
import { isDocumentedCode, type FixData, type Problem } from './problem';
import { WORD_CODES, type WordCodeName } from './word-codes';
import type { Range } from '../parse/tree';
import commonSchema from '../../../../schemas/common.schema.json';

/** `{actions}`: the rule actions as the schema lists them. */
const ACTIONS = commonSchema.$defs.ruleItem.properties.action.preferredValues.join(', ');

export interface Placeholders {
  param?: string;
  objectDetail?: string;
}

export function fillText(template: string, values: Placeholders = {}): string {
  // Function replacers: a value is inserted as written (`$&`, `$$` in a name are not patterns).
  return template
    .replace('{param}', () => values.param ?? '{param}')
    .replace('{actions}', () => ACTIONS)
    .replace('{object_detail}', () => values.objectDetail ?? '');
}


export function documentedProblem(method: string, code: string, range: Range, values?: Placeholders, data?: FixData): Problem {
  const template = documentedText(method, code);
  if (template === undefined) throw new Error(`${method} does not document ${code}`);
  return { code, message: fillText(template, values), severity: 'error', offset: range.offset, length: range.length, method, data };
}

export function wordProblem(code: WordCodeName, message: string, range: Range, method?: string, data?: FixData): Problem {
  return { code, message, severity: WORD_CODES[code].severity, offset: range.offset, length: range.length, method, data };
}

/** A problem for either kind of code (documented codes need a method). */
export function problemFor(code: string, method: string, range: Range, wordMessage: string, values?: Placeholders, data?: FixData): Problem {
  return isDocumentedCode(code) ? documentedProblem(method, code, range, values, data) : wordProblem(code as WordCodeName, wordMessage, range, method, data);
}
