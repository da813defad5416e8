// For each method: which documented codes a payload file can raise, on which parameter and why.
// One walk of the compiled schemas gives what they say (an invalid value's code, an absent required
// parameter's), the rules in code (rules/code-rules.ts) give the rest; hover, explanations, the code
// pages and the file-checkable codes all read this one list.
import { rulesOf } from '../rules/code-rules';
import { shownPath } from '../rules/paths';
import type { RaisedCode } from '../rules/rule-types';
import { methodSpec, type ValueSpec } from '../engine/spec';
import { missingCode } from '../engine/validate';
import { expectation } from './describe';
import { code as inline } from '../codes/markdown';

export interface CodeEntry extends RaisedCode {
  /** Set on a parameter's own code for an invalid value: the parameter's spec. */
  invalid?: ValueSpec;
}

function invalidEntry(code: string, path: string, spec: ValueSpec): CodeEntry {
  const cause = `${inline(shownPath(path))} is invalid: expected ${expectation(spec)}.`;
  return { code, path, params: [path], absent: false, when: 'invalid value', cause, invalid: spec };
}

function missingEntry(code: string, path: string): CodeEntry {
  return { code, path, params: [path], absent: true, when: 'absent', cause: `${inline(shownPath(path))} is absent (it is required).` };
}

function walk(method: string, spec: ValueSpec, path: string, out: CodeEntry[]): void {
  if (spec.listOf) {
    // The validator gives a list's items their own code, else the list's.
    const itemCode = spec.items?.code ?? spec.code;
    if (itemCode) out.push(invalidEntry(itemCode, path, spec));
    if (spec.items?.properties) walkObject(method, spec.items, `${path}[]`, out);
    return;
  }
  if (spec.code) out.push(invalidEntry(spec.code, path, spec));
  if (spec.properties) walkObject(method, spec, path, out);
}

function walkObject(method: string, spec: ValueSpec, path: string, out: CodeEntry[]): void {
  for (const [name, sub] of spec.properties ?? []) {
    const at = `${path}.${name}`;
    if (spec.required?.includes(name)) {
      const absentCode = missingCode(method, sub);
      if (absentCode) out.push(missingEntry(absentCode, at));
    }
    walk(method, sub, at, out);
  }
}

const entries = new Map<string, readonly CodeEntry[]>();

/** Every (code, parameter, cause) a file can raise for the method: the schema's in schema order, then the rules'. */
export function codeIndex(method: string): readonly CodeEntry[] {
  let found = entries.get(method);
  if (!found) {
    const out: CodeEntry[] = [];
    walkObject(method, methodSpec(method).params, 'params', out);
    for (const rule of rulesOf(method)) out.push(...rule.raises);
    found = out;
    entries.set(method, found);
  }
  return found;
}

/** The entries of one code. */
export function entriesFor(method: string, code: string): CodeEntry[] {
  return codeIndex(method).filter((e) => e.code === code);
}

const checkable = new Map<string, ReadonlySet<string>>();

/** The documented codes a payload file can raise for the method; every other comes only from the server's state (spec 2.5). */
export function fileCheckableCodes(method: string): ReadonlySet<string> {
  let codes = checkable.get(method);
  if (!codes) {
    codes = new Set(codeIndex(method).map((e) => e.code));
    checkable.set(method, codes);
  }
  return codes;
}
