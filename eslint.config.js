// @ts-check
// The repository lints itself as typescript-eslint lints itself: the strict,
// type-checked configs on the TypeScript sources and tests,
// eslint-plugin-eslint-plugin on the rules and their tests, sorted imports,
// and the plugin's own rules (from the build) on the code that runs.
import { defineConfig } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

import defuse from './dist/index.js';

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/fixtures/', '.corpus-cache/', 'examples/', 'bench/.cache/'],
  },
  tseslint.configs.recommended,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: { 'simple-import-sort/imports': 'error', 'simple-import-sort/exports': 'error' },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    // The choices typescript-eslint makes for its own code.
    rules: {
      // `(node) => check(file, node)` as a listener reads better than a block; the listener returns void anyway.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Numbers and booleans in messages and test names print as they should.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      // Methods passed around here are the AST's and the checker's, which do not use `this` unbound.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    // The house budget: a file a maintainer can read at once, a function that fits a screen or two.
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // A test states what it expects: `list[0]!` after asserting the length is clearer than a guard.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // vitest's asymmetric matchers (`expect.stringMatching()`) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs['rules-recommended']],
    rules: {
      'eslint-plugin/meta-property-ordering': 'error',
      'eslint-plugin/no-property-in-node': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow) .+[^. ]$' }],
      'eslint-plugin/require-meta-schema': 'error',
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-type': 'error',
    },
  },
  {
    files: ['tests/rules/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
    rules: {
      // Our tests are RuleTester runs with the @typescript-eslint tester.
      'eslint-plugin/consistent-output': 'error',
      'eslint-plugin/no-only-tests': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    extends: [defuse.configs['recommended']],
  },
);
