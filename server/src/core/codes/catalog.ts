// The documented codes and texts (schemas/codes.json): the only source of a code's text.
import codesFile from '../../../../schemas/codes.json';

export interface CodeRow {
  method: string;
  code: string;
  text: string;
}

const rows: CodeRow[] = codesFile.rows;
const byMethod = new Map<string, Map<string, string>>();
for (const row of rows) {
  let codes = byMethod.get(row.method);
  if (!codes) byMethod.set(row.method, (codes = new Map<string, string>()));
  codes.set(row.code, row.text);
}

/** The 24 methods in the order of the documentation. */
export const METHODS: readonly string[] = [...byMethod.keys()];

/** Whether a method changes the server's state (Add*, Edit*, Del*, Assign*, Unassign*): sending one is confirmed first. */
export function changesServer(method: string): boolean {
  return /^(Add|Edit|Del|Assign|Unassign)/.test(method);
}

export function isMethod(name: string): boolean {
  return byMethod.has(name);
}

export function allRows(): readonly CodeRow[] {
  return rows;
}

/** The method's codes and texts in documentation order. */
export function methodCodes(method: string): ReadonlyMap<string, string> {
  return byMethod.get(method) ?? new Map();
}

export function isDocumented(method: string, code: string): boolean {
  return byMethod.get(method)?.has(code) ?? false;
}

/** The documented text, placeholders left as written (`{param}`). */
export function documentedText(method: string, code: string): string | undefined {
  return byMethod.get(method)?.get(code);
}

/** `30` and `030` name the same code. */
export function normalizeCode(code: string): string {
  return /^\d{1,2}$/.test(code) ? code.padStart(3, '0') : code;
}

/** Every method that documents the code, with its text. */
export function methodsDocumenting(code: string): CodeRow[] {
  return rows.filter((r) => r.code === code);
}
