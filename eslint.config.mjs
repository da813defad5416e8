// Lint (`npm run lint`, run by `npm test`): ESLint's and typescript-eslint's recommended rules, with
// type information for the TypeScript that tsconfig.json covers; no import cycles, type imports
// included; in server/src and client/src lines of at most 160 characters (scripts and bench too)
// and files of at most 400 lines, every line counted as `wc -l` counts it; in server/src/lsp, functions
// of at most 80 lines, counted the same way. Tests get the same rules with the limits and the rules
// on untyped values relaxed (below, each with its reason). The direction of the arrows between the
// engine's folders (server/src/core/*/README.md) is held too.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import * as cycles from './scripts/lint/no-cycle-with-types.mjs';

const SOURCES = ['server/src/**', 'client/src/**'];

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', '.bench/', '.scratch/', '.test-output/', 'test/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // `_` names what is left out on purpose (a destructured key, a loop's counted item).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // An async callback without await is how a callback that must return a promise turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
    },
  },
  { files: ['**/*.mjs', '**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // The rule import-x/no-cycle, counting `import type` too (see scripts/lint/no-cycle-with-types.mjs).
    files: ['**/*.ts', '**/*.mts'],
    plugins: { cycles: { rules: { 'no-cycle': cycles.rule } } },
    settings: {
      'import-x/extensions': ['.ts', '.mts', '.mjs', '.js'],
      'import-x/parsers': { [cycles.parserPath]: ['.ts', '.mts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mts', '.mjs', '.js', '.json'] })],
    },
    rules: { 'cycles/no-cycle': 'error' },
  },
  {
    // The engine's layers, lowest first: parse/ and glob/ (text and names, nothing of the engine),
    // codes/ (texts and problems), engine/ with rules/ (the checks), settings/ (what a project
    // turns off), then features/ and workspace/; and core/ knows no protocol and no host.
    files: ['server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [
        { target: './server/src/core/parse', from: './server/src/core', except: ['./parse'], message: 'parse/ imports nothing else of the engine.' },
        { target: './server/src/core/glob', from: './server/src/core', except: ['./glob'], message: 'glob/ imports nothing else of the engine.' },
        {
          target: './server/src/core/codes',
          from: './server/src/core',
          except: ['./codes', './parse'],
          message: 'codes/ imports only parse/: every check builds on the codes, never the other way.',
        },
        {
          target: ['./server/src/core/engine', './server/src/core/rules'],
          from: ['./server/src/core/settings', './server/src/core/features', './server/src/core/workspace'],
          message: 'The checks (engine/, rules/) never import settings, editing features or the workspace.',
        },
        {
          target: './server/src/core/settings',
          from: ['./server/src/core/features', './server/src/core/workspace'],
          message: 'settings/ never imports editing features or the workspace.',
        },
        { target: './server/src/core/features', from: './server/src/core/workspace', message: 'features/ work on one document, never on the workspace.' },
        {
          target: './server/src/core',
          from: ['./server/src/lsp', './server/src/cli', './server/src/node', './server/src/browser', './server/src/live', './client'],
          message: 'core/ is protocol-free and host-free: the language server and the command line call it, never the other way.',
        },
        {
          target: ['./server/src/lsp', './server/src/browser', './client'],
          from: './server/src/live',
          message: 'live/ (the wire to a VoipNow server) is for Node hosts: the command line and node/, never the shared handlers or the browser.',
        },
        {
          target: './server/src/live',
          from: ['./server/src/lsp', './server/src/cli', './server/src/browser'],
          message: 'live/ takes what it needs from core/ only.',
        },
      ] }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['node:*', 'vscode', 'vscode-languageserver*'], message: 'core/ imports no Node module and no protocol: a host passes in what it needs.' },
      ] }],
    },
  },
  { files: [...SOURCES, 'scripts/**', 'bench/**', '*.mjs'], rules: { 'max-len': ['error', { code: 160 }] } },
  { files: SOURCES, rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] } },
  // The language server's functions stay readable at one sitting (a handler group per file, lsp/README.md): at most 80
  // lines, counted as max-lines counts them (blank lines and comments too: a function's comments are read with it).
  { files: ['server/src/lsp/**'], rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }] } },
  {
    files: ['test/**/*.ts'],
    rules: {
      // node:test's describe/it/test return promises that its runner awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after'] }] },
      ],
      // Tests read the command line's JSON and the server's messages as untyped values; their assertions check the shape.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // A failure message shows a value as JavaScript writes it (a predicate's source, a list, a JSON value).
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      // Tests match the terminal's colour escapes (\x1b).
      'no-control-regex': 'off',
      // Packages without an ES module or types: markdown-it, and mocha's browser build.
      '@typescript-eslint/no-require-imports': ['error', { allow: ['^markdown-it$', '^mocha/mocha\\.js$'] }],
    },
  },
  // Its page functions run in the browser.
  { files: ['test/e2e/test-web.e2e.mjs'], languageOptions: { globals: { document: 'readonly' } } },
);
