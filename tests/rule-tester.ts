import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

/** The on-disk project that type-aware cases run in. */
export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Syntactic cases: the TypeScript parser, no type information. */
export function createRuleTester(): RuleTester {
  return new RuleTester();
}

/**
 * Type-aware cases: each case's code is linted as `tests/fixtures/file.ts`
 * (or the `filename` it gives) inside the fixture project, so it can import
 * the other fixture files.
 */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}

/** Plain JavaScript, parsed as ESLint parses it by default (espree). */
export function createJsRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: { parser: espree, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
  });
}
