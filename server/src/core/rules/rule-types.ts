// What a check is given (the validation context, an object's present properties) and what a rule
// written in code is: one record with its codes, where it applies, its cause and its check, from
// which hover, explanations, the code pages and the file-checkable codes are derived. The compiled
// schemas (spec.ts), the validator (validate.ts) and the rules import these types from here, so
// that none of them imports another for a type (no import cycle).
import type { Problem } from '../codes/problem';
import type { RecordKind, Records } from '../engine/records-snapshot';
import type { Path, Place, Places } from '../parse/json-values';
import type { WordCodeName } from '../codes/word-codes';

/**
 * What every check is given. The values it walks are plain JSON values (parse/json-values.ts),
 * from JSON.parse or read from a tree; `places` says where one stands when a problem is reported.
 */
export interface ValidationContext {
  method: string;
  problems: Problem[];
  /** The records snapshot, when there is one: well-formed IDs are looked up (rules/record-ids.ts). */
  records?: Records;
  places: Places;
}

/** An object's property as the server reads it: the last of duplicate keys wins. */
export interface PresentProperty {
  /** Its value (undefined when written with no value, in a tree with a syntax error). */
  value: unknown;
  /** The value passed its own checks. */
  valid: boolean;
  /** Where it sits: `new Place(path, 'key')` places a problem on its key. */
  path: Path;
}

/** What the rules over several keys may ask of an object. */
export interface Present {
  get(name: string): PresentProperty | undefined;
  has(name: string): boolean;
}

/**
 * The check of a rule over several keys of one object; `holder` is where the object's missing
 * parameters go, `object` the object (undefined when absent: `params` not written).
 */
export type ObjectCheck = (present: Present, ctx: ValidationContext, holder: Place, object: object | undefined) => void;

/** One documented code a rule raises: where, and why in words. */
export interface RaisedCode {
  code: string;
  /** The parameter the problem is reported on, a canonical path (`params.SIP.sessionMinExpire`; `[]`: a list's item). */
  path: string;
  /** Every parameter whose hover lists the code (the reported one among them). */
  params: readonly string[];
  /** Raised for a parameter that is absent (the problem's data says `missing`). */
  absent: boolean;
  /** The condition in a few words (Markdown): hover's When column, the code tables' Checked cell. */
  when: string;
  /** What causes it, one Markdown sentence: explanations, the code pages, a diagnostic's hover. */
  cause: string;
}

interface CodeRuleBase {
  /** What it checks, in a few words. */
  name: string;
  methods: readonly string[];
  /** The documented codes it raises. */
  raises: readonly RaisedCode[];
  /** The word codes it raises (word-codes.ts says what each means). */
  words: readonly WordCodeName[];
}

/** A rule over several keys of one object, which a JSON Schema cannot say with a code (cross-field.ts). */
export interface CrossFieldRule extends CodeRuleBase {
  /** The object whose keys it checks, a canonical path (`params.SIP`). */
  object: string;
  check: ObjectCheck;
}

/** A value that must be unique among the requests and the records: a 200 (duplicates.ts). */
export interface UniqueValueRule extends CodeRuleBase {
  /** Where the value sits in `params`; `*` is each item of a list (or its single value). */
  value: readonly string[];
  /** What is compared: the value as the server compares it (a function, handed on as one to the records' lookup). */
  normalize: (value: string) => string;
  /** Names the value in a 200's `{object_detail}`: `A channel named 'x'`. */
  describe(shown: string): string;
  /** The kind of record whose names (public numbers: numbers) it must not repeat (spec section 6). */
  records: RecordKind;
}

export type CodeRule = CrossFieldRule | UniqueValueRule;
