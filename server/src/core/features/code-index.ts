// For each method: which documented codes a payload file can raise, on which parameter and why
// (an invalid value, an absent required parameter, a rule over several keys, a duplicate). Hover,
// the code pages and explanations read it; it agrees with checkable.ts by construction (tested).
import { crossFieldCodes } from '../rules/cross-field';
import { uniqueMethods } from '../rules/duplicates';
import { methodSpec, type ValueSpec } from '../spec';
import { missingCode } from '../validate';

export type CodeSource = 'invalid' | 'missing' | 'order' | 'one-of' | 'duplicate';

export interface CodeEntry {
  code: string;
  /** Where, from the request: `params.SIP.flow`, `params.publicNo[].phoneNo` (`[]`: an item of a list). */
  path: string;
  source: CodeSource;
  /** The parameter's spec (for `missing`: the absent parameter's). */
  spec?: ValueSpec;
}

/** The values that must be unique (duplicates.ts), by method. */
const UNIQUE_PATHS: Record<string, string> = {
  AddChannel: 'params.SIP.name',
  AddChannelGroup: 'params.name',
  AddPublicNo: 'params.publicNo[].phoneNo',
};

/** What the rules of cross-field.ts look at. */
const CROSS_FIELD: Record<string, { path: string; source: CodeSource }> = {
  '628': { path: 'params.SIP.sessionMinExpire', source: 'order' },
  '117': { path: 'params.userID', source: 'one-of' },
};

function walk(method: string, spec: ValueSpec, path: string, out: CodeEntry[]): void {
  if (spec.listOf) {
    const code = spec.items?.code ?? spec.code;
    if (code) out.push({ code, path, source: 'invalid', spec });
    if (spec.items?.properties) walkObject(method, spec.items, `${path}[]`, out);
    return;
  }
  if (spec.code) out.push({ code: spec.code, path, source: 'invalid', spec });
  if (spec.properties) walkObject(method, spec, path, out);
}

function walkObject(method: string, spec: ValueSpec, path: string, out: CodeEntry[]): void {
  for (const [name, sub] of spec.properties ?? []) {
    const at = `${path}.${name}`;
    if (spec.required?.includes(name)) {
      const code = missingCode(method, sub);
      if (code) out.push({ code, path: at, source: 'missing', spec: sub });
    }
    walk(method, sub, at, out);
  }
}

const cache = new Map<string, readonly CodeEntry[]>();

/** Every (code, parameter, reason) a file can raise for the method, in schema order. */
export function codeIndex(method: string): readonly CodeEntry[] {
  let entries = cache.get(method);
  if (!entries) {
    const out: CodeEntry[] = [];
    walkObject(method, methodSpec(method).params, 'params', out);
    for (const code of crossFieldCodes(method)) {
      const rule = CROSS_FIELD[code];
      if (rule) out.push({ code, path: rule.path, source: rule.source });
    }
    if (uniqueMethods().includes(method) && UNIQUE_PATHS[method]) out.push({ code: '200', path: UNIQUE_PATHS[method], source: 'duplicate' });
    entries = out;
    cache.set(method, entries);
  }
  return entries;
}

/** The entries of one code. */
export function entriesFor(method: string, code: string): CodeEntry[] {
  return codeIndex(method).filter((e) => e.code === code);
}

/** A path as shown to users: without `params.` (`SIP.flow`, `publicNo[].phoneNo`). */
export function shownPath(path: string): string {
  return path.replace(/^params\./, '');
}
