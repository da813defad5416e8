// Which documented codes a payload file can raise for a method, derived from the schemas and the
// rules in code; every other documented code comes only from the server's state (spec 2.5).
import { crossFieldCodes } from './rules/cross-field';
import { uniqueMethods } from './rules/duplicates';
import { methodSpec, type ValueSpec } from './spec';
import { missingCode } from './validate';

function collect(spec: ValueSpec, method: string, into: Set<string>): void {
  if (spec.code) into.add(spec.code);
  for (const [name, sub] of spec.properties ?? []) {
    if (spec.required?.includes(name)) {
      const code = missingCode(method, sub);
      if (code) into.add(code);
    }
    collect(sub, method, into);
  }
  if (spec.items) {
    if (!spec.items.code && spec.code) into.add(spec.code);
    collect(spec.items, method, into);
  }
}

const cache = new Map<string, ReadonlySet<string>>();

export function fileCheckableCodes(method: string): ReadonlySet<string> {
  let codes = cache.get(method);
  if (!codes) {
    const found = new Set<string>();
    collect(methodSpec(method).params, method, found);
    crossFieldCodes(method).forEach((c) => found.add(c));
    if (uniqueMethods().includes(method)) found.add('200');
    codes = found;
    cache.set(method, codes);
  }
  return codes;
}
