// import-x/no-cycle counting type imports. The rule leaves out `import type`, `export type ... from`
// and imports whose every name is marked `type`, and has no option to count them (checked in 4.18):
// here a cycle through types still ties two modules together (spec.ts, validate.ts and
// rules/cross-field.ts were one). So the rule is run as it is on imports with the marker dropped:
// `rule` wraps its visitor for the file being linted (whose own syntax tree other rules still see
// as parsed), and this module is also the parser import-x reads the imported modules with
// (eslint.config.mjs names it in `import-x/parsers`).
import tsParser from '@typescript-eslint/parser';
import { importX } from 'eslint-plugin-import-x';

const noCycle = importX.rules['no-cycle'];

/** The declaration as an import or re-export of values (the node itself is left alone). */
function asValues(node) {
  if (node.type === 'ImportDeclaration') {
    return { ...node, importKind: 'value', specifiers: node.specifiers.map((s) => ({ ...s, importKind: 'value' })) };
  }
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') {
    return { ...node, exportKind: 'value', ...(node.specifiers && { specifiers: node.specifiers.map((s) => ({ ...s, exportKind: 'value' })) }) };
  }
  return node;
}

/** @type {import('eslint').Rule.RuleModule} */
export const rule = {
  ...noCycle,
  create(context) {
    const visitors = noCycle.create(context);
    return Object.fromEntries(Object.entries(visitors).map(([selector, visit]) => [selector, (node) => visit(asValues(node))]));
  },
};

/** TypeScript's parser, whose tree import-x alone reads: its imports and re-exports are of values. */
export function parseForESLint(code, options) {
  const result = tsParser.parseForESLint(code, options);
  result.ast.body = result.ast.body.map(asValues);
  return result;
}

export const parserPath = new URL(import.meta.url).pathname;
