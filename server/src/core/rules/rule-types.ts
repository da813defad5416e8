// What a check is given: the validation context and an object's present properties. The compiled
// schemas (spec.ts), the validator (validate.ts) and the rules import these types from here, so
// that none of them imports another for a type (no import cycle).
import type { Node } from 'jsonc-parser';
import type { Problem } from '../problem';
import type { Records } from '../records';
import type { Range } from '../tree';

export interface ValidationContext {
  text: string;
  method: string;
  problems: Problem[];
  /** The records snapshot, when there is one: well-formed IDs are looked up (rules/records.ts). */
  records?: Records;
}

/** An object's properties as the server reads them: the last of duplicate keys wins. */
export interface PresentProperty {
  key: Node;
  value: Node | undefined;
  /** The value passed its own checks. */
  valid: boolean;
}

/** What the rules over several keys may ask of an object. */
export interface Present {
  get(name: string): PresentProperty | undefined;
  has(name: string): boolean;
}

/** The check of a rule over several keys of one object; `holder` is where the object's missing parameters go. */
export type ObjectCheck = (present: Present, ctx: ValidationContext, holder: Range, object: Node | undefined) => void;
