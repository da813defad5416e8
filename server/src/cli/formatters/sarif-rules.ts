// SARIF's reportingDescriptor for a code: GitHub wants a short and a full description and help.
// A documented code's short description is its documented text (placeholders named, not left as
// `{param}`); the full one gives each raising method's text; the help is what `explain` prints.
import { documentedText, isDocumentedCode, methodsDocumenting, WORD_CODES, type Severity, type WordCodeName } from '../../core';
import { fillText } from '../../core/codes/messages';
import { explain } from '../explain-command';

export const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note' };

export interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  defaultConfiguration: { level: string };
}

/** `{param}` stands for a parameter's name; `{object_detail}` for the clash, which only a result can say. */
const described = (template: string) => fillText(template, { param: '(parameter name)' });

export function ruleFor(code: string, raisedBy: ReadonlySet<string>): SarifRule {
  if (!isDocumentedCode(code)) {
    const word = Object.hasOwn(WORD_CODES, code) ? WORD_CODES[code as WordCodeName] : undefined;
    const meaning = word?.meaning ?? code;
    const level = LEVEL[word?.severity ?? 'error'];
    const help = { text: helpOf(code, meaning) };
    return { id: code, shortDescription: { text: meaning }, fullDescription: { text: meaning }, help, defaultConfiguration: { level } };
  }
  const raising = [...raisedBy].filter((m) => documentedText(m, code) !== undefined);
  const methods = raising.length > 0 ? raising : methodsDocumenting(code).map((row) => row.method);
  const texts = methods.map((m) => `${m}: ${described(documentedText(m, code)!)}`);
  return {
    id: code,
    shortDescription: { text: described(documentedText(methods[0], code) ?? code) },
    fullDescription: { text: texts.join('\n') },
    help: { text: helpOf(code, texts.join('\n')) },
    defaultConfiguration: { level: 'error' },
  };
}

function helpOf(code: string, fallback: string): string {
  try {
    // explain prints the documented templates: one line per method, each filled as the descriptions are.
    return explain(code).trimEnd().split('\n').map(described).join('\n');
  } catch {
    return fallback;
  }
}
