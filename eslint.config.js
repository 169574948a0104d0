// The repository lints itself: typescript-eslint, eslint-plugin-eslint-plugin
// for the rules and their tests, and the plugin's own rules (from the build).
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import tseslint from 'typescript-eslint';

import defuse from './dist/index.js';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', 'tests/fixtures/', '.corpus-cache/', 'examples/', 'bench/.cache/'],
  },
  ...tseslint.configs.recommended,
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
    files: ['src/rules/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['tests/rules/*.test.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      // Our tests are RuleTester runs with the @typescript-eslint tester.
      'eslint-plugin/consistent-output': 'error',
      'eslint-plugin/no-only-tests': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.mjs', 'bench/**/*.mjs'],
    ...defuse.configs['recommended'],
  },
);
