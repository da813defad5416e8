// Rules that span several keys of one object, which a JSON Schema cannot say with a code: 628
// (session intervals) and the exactly-one / at-most-one user selectors. Each is one record.
import { code } from '../codes/markdown';
import { documentedProblem, wordProblem } from '../codes/messages';
import { insertionPoint, Place, scalarOf } from '../parse/json-values';
import { pathIn, shownPath } from './paths';
import type { CrossFieldRule, ObjectCheck, Present, ValidationContext } from './rule-types';

const SIP = 'params.SIP';
const MIN = 'sessionMinExpire';
const MAX = 'sessionExpire';

/** 628: sessionMinExpire must be lower than sessionExpire when both are given and valid. */
const sessionIntervals: CrossFieldRule = {
  name: 'session intervals in order',
  methods: ['AddChannel', 'EditChannel'],
  object: SIP,
  raises: [
    {
      code: '628',
      path: pathIn(SIP, MIN),
      params: [pathIn(SIP, MIN), pathIn(SIP, MAX)],
      absent: false,
      when: `not lower than ${code(MAX)}`,
      cause: `${code(shownPath(pathIn(SIP, MIN)))} is not lower than ${code(shownPath(pathIn(SIP, MAX)))}.`,
    },
  ],
  words: [],
  check: (present, ctx) => {
    const min = present.get(MIN);
    const max = present.get(MAX);
    if (min?.value === undefined || max?.value === undefined || !min.valid || !max.valid) return;
    if (Number(scalarOf(min.value)) >= Number(scalarOf(max.value))) {
      ctx.problems.push(documentedProblem(ctx.method, '628', ctx.places.range(new Place(min.path, 'value')), undefined, { param: MIN }));
    }
  },
};

const USER_SELECTORS = ['userID', 'userIdentifier', 'extendedNumber'];
const SELECTOR_LIST = USER_SELECTORS.map((name) => code(name)).join(', ');

/** Two or more selectors: each one after the first conflicts. Returns how many are given. */
function conflicts(present: Present, ctx: ValidationContext): number {
  const given = USER_SELECTORS.filter((name) => present.has(name));
  for (const name of given.slice(1)) {
    const range = ctx.places.range(new Place(present.get(name)!.path, 'key'));
    const message = `Give only one of ${USER_SELECTORS.join(', ')}: '${name}' conflicts with '${given[0]}'.`;
    ctx.problems.push(wordProblem('conflicting-parameters', message, range, ctx.method, { param: name }));
  }
  return given.length;
}

const atMostOneUser: CrossFieldRule = {
  name: 'at most one user selector',
  methods: ['GetPublicNo'],
  object: 'params',
  raises: [],
  words: ['conflicting-parameters'],
  check: (present, ctx) => {
    conflicts(present, ctx);
  },
};

/** None given: 117 names the first selector, userID (spec section 5). */
const exactlyOneUser: CrossFieldRule = {
  name: 'exactly one user selector',
  methods: ['GetPublicNoPoll', 'AssignPublicNo', 'UnassignPublicNo'],
  object: 'params',
  raises: [
    {
      code: '117',
      path: pathIn('params', USER_SELECTORS[0]),
      params: USER_SELECTORS.map((name) => pathIn('params', name)),
      absent: true,
      when: `none of ${SELECTOR_LIST}`,
      cause: `None of ${SELECTOR_LIST} is given (exactly one is required).`,
    },
  ],
  words: ['conflicting-parameters'],
  check: (present, ctx, holder, object) => {
    if (conflicts(present, ctx) > 0) return;
    const param = USER_SELECTORS[0];
    const range = ctx.places.range(holder);
    ctx.problems.push(documentedProblem(ctx.method, '117', range, { param }, { param, insertInto: insertionPoint(ctx.places, holder, object), missing: true }));
  },
};

export const CROSS_FIELD_RULES: readonly CrossFieldRule[] = [sessionIntervals, atMostOneUser, exactlyOneUser];

const checks = new Map<string, ObjectCheck>();
for (const rule of CROSS_FIELD_RULES) for (const method of rule.methods) checks.set(`${method} ${rule.object}`, rule.check);

/** The check of the rule over the keys of the object at `path` (spec.ts attaches it to the object's spec). */
export function objectCheckFor(method: string, path: string): ObjectCheck | undefined {
  return checks.get(`${method} ${path}`);
}
