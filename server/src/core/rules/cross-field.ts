// Rules that span several keys of one object, which a JSON Schema cannot say with a code:
// 628 (session intervals) and the exactly-one / at-most-one user selectors.
import { documentedProblem, wordProblem } from '../messages';
import type { ObjectCheck, Present, ValidationContext } from './rule-types';

/** 628: sessionMinExpire must be lower than sessionExpire when both are given and valid. */
const sessionIntervals: ObjectCheck = (present, ctx) => {
  const min = present.get('sessionMinExpire');
  const max = present.get('sessionExpire');
  if (!min?.value || !max?.value || !min.valid || !max.valid) return;
  if (Number(min.value.value) >= Number(max.value.value)) {
    ctx.problems.push(documentedProblem(ctx.method, '628', { offset: min.value.offset, length: min.value.length }, undefined, { param: 'sessionMinExpire' }));
  }
};

const USER_SELECTORS = ['userID', 'userIdentifier', 'extendedNumber'];

/** Two or more selectors: each one after the first conflicts. */
function conflicts(present: Present, ctx: ValidationContext): number {
  const given = USER_SELECTORS.filter((name) => present.has(name));
  for (const name of given.slice(1)) {
    const key = present.get(name)!.key;
    ctx.problems.push(
      wordProblem('conflicting-parameters', `Give only one of ${USER_SELECTORS.join(', ')}: '${name}' conflicts with '${given[0]}'.`, { offset: key.offset, length: key.length }, ctx.method, { param: name }),
    );
  }
  return given.length;
}

const atMostOneUser: ObjectCheck = (present, ctx) => {
  conflicts(present, ctx);
};

/** None given: 117 names userID (spec section 5). */
const exactlyOneUser: ObjectCheck = (present, ctx, holder, object) => {
  if (conflicts(present, ctx) === 0) {
    ctx.problems.push(documentedProblem(ctx.method, '117', holder, { param: 'userID' }, { param: 'userID', insertInto: object?.offset, missing: true }));
  }
};

const RULES: Record<string, ObjectCheck> = {
  'AddChannel params.SIP': sessionIntervals,
  'EditChannel params.SIP': sessionIntervals,
  'GetPublicNo params': atMostOneUser,
  'GetPublicNoPoll params': exactlyOneUser,
  'AssignPublicNo params': exactlyOneUser,
  'UnassignPublicNo params': exactlyOneUser,
};

export function objectRuleFor(method: string, path: string): ObjectCheck | undefined {
  return RULES[`${method} ${path}`];
}

/** The codes these rules can raise for a method (for `explain` and hover). */
export function crossFieldCodes(method: string): string[] {
  const codes: string[] = [];
  if (RULES[`${method} params.SIP`] === sessionIntervals) codes.push('628');
  if (RULES[`${method} params`] === exactlyOneUser) codes.push('117');
  return codes;
}
