// Spec section 7: a recorded response's codes must be documented for the request's method, and
// its texts should be the documented ones.
import type { Node } from 'jsonc-parser';
import { documentedText, normalizeCode } from '../codes/catalog';
import { fillText, wordProblem } from '../codes/messages';
import { propertyValue, rangeOf, writtenText } from '../parse/tree';
import type { ValidationContext } from './rule-types';

/** The documented text as a pattern in which each placeholder may hold any text. */
function textPattern(template: string): RegExp {
  const parts = template.split(/\{(?:param|actions|object_detail)\}/);
  return new RegExp('^' + parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*') + '$');
}

/** Whether a server's text is a method's documented text for a code (its placeholders holding any text). */
export function matchesDocumented(documented: string, text: string): boolean {
  return textPattern(documented).test(text);
}

/** One recorded (code, text) pair. */
function checkPair(codeNode: Node | undefined, textNode: Node | undefined, ctx: ValidationContext): void {
  if (!codeNode) return;
  const written = writtenText(codeNode, ctx.text);
  if (written === undefined) return;
  const code = normalizeCode(written.trim());
  const template = documentedText(ctx.method, code);
  if (template === undefined) {
    const message = `${ctx.method} does not document code ${JSON.stringify(written)}; the server cannot answer it to this request.`;
    ctx.problems.push(wordProblem('undocumented-code', message, rangeOf(codeNode), ctx.method, { param: 'code' }));
    return;
  }
  if (textNode?.type !== 'string' || textNode.length > 100_000) return;
  if (textPattern(template).test(textNode.value as string)) return;
  const documented = fillText(template);
  const message = `This text differs from the documented text of ${code} for ${ctx.method}: "${documented}"`;
  ctx.problems.push(wordProblem('text-differs', message, rangeOf(textNode), ctx.method, { param: 'text', documentedText: documented }));
}

export function checkResponse(response: Node, ctx: ValidationContext): void {
  checkPair(propertyValue(response, 'faultcode'), propertyValue(response, 'faultstring'), ctx);
  const notices = propertyValue(response, 'notice');
  const list = notices?.type === 'array' ? notices.children ?? [] : notices ? [notices] : [];
  for (const notice of list) checkPair(propertyValue(notice, 'code'), propertyValue(notice, 'message'), ctx);
}
