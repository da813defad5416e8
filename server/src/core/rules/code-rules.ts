// Every rule written in code, one record each (in the manner of a linter's ruleset): the rules over
// several keys (cross-field.ts) and the values that must be unique (duplicates.ts). The code index
// (features/code-index.ts) reads their codes, places and causes beside what the schemas say, so a
// new rule is added in one place.
import { CROSS_FIELD_RULES } from './cross-field';
import { UNIQUE_VALUE_RULES } from './duplicates';
import type { CodeRule } from './rule-types';

export const CODE_RULES: readonly CodeRule[] = [...CROSS_FIELD_RULES, ...UNIQUE_VALUE_RULES];

/** The rules that apply to a method's requests, in the order above. */
export function rulesOf(method: string): CodeRule[] {
  return CODE_RULES.filter((rule) => rule.methods.includes(method));
}
