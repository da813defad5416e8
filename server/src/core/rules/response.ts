// Spec section 7: a recorded response's codes must be documented for the request's method, and
// its texts should be the documented ones.
import { documentedText, normalizeCode } from '../codes/catalog';
import { fillText, wordProblem } from '../codes/messages';
import { memberOf, Path, Place, writtenOf } from '../parse/json-values';
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

/** One recorded (code, text) pair, the members `codeName` and `textName` of `object`, which sits at `at`. */
function checkPair(object: unknown, at: Path, codeName: string, textName: string, ctx: ValidationContext): void {
  const written = writtenOf(memberOf(object, codeName));
  if (written === undefined) return;
  const code = normalizeCode(written.trim());
  const template = documentedText(ctx.method, code);
  if (template === undefined) {
    const range = ctx.places.range(new Place(new Path(at, codeName), 'value'));
    const message = `${ctx.method} does not document code ${JSON.stringify(written)}; the server cannot answer it to this request.`;
    ctx.problems.push(wordProblem('undocumented-code', message, range, ctx.method, { param: 'code' }));
    return;
  }
  const text = memberOf(object, textName);
  if (typeof text !== 'string' || text.length > 100_000) return;
  if (textPattern(template).test(text)) return;
  const range = ctx.places.range(new Place(new Path(at, textName), 'value'));
  const documented = fillText(template);
  const message = `This text differs from the documented text of ${code} for ${ctx.method}: "${documented}"`;
  ctx.problems.push(wordProblem('text-differs', message, range, ctx.method, { param: 'text', documentedText: documented }));
}

/** A recorded response (the value at `at`): its fault's code and text, then each notice's. */
export function checkResponse(response: unknown, at: Path, ctx: ValidationContext): void {
  checkPair(response, at, 'faultcode', 'faultstring', ctx);
  const notices = memberOf(response, 'notice');
  const noticesAt = new Path(at, 'notice');
  if (Array.isArray(notices)) notices.forEach((notice, index) => checkPair(notice, new Path(noticesAt, index), 'code', 'message', ctx));
  else checkPair(notices, noticesAt, 'code', 'message', ctx);
}
