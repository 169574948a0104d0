import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { RuleTester, type RuleTesterConfig, type RunTests } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import * as espree from 'espree';

/** The on-disk project that type-aware cases run in. */
export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/**
 * What each tester below is made with (`tests/suggestions.test.ts` lints the
 * same cases again, with the same parser). An empty configuration is
 * RuleTester's default: `@typescript-eslint/parser`, no type information.
 */
export const testerConfigs = {
  /** Syntactic cases: the TypeScript parser, no type information. */
  syntactic: {},
  /**
   * Type-aware cases: each case's code is linted as `tests/fixtures/file.ts`
   * (or the `filename` it gives) inside the fixture project, so it can import
   * the other fixture files.
   */
  typed: {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: fixturesDir,
      },
    },
  },
  /** Plain JavaScript, parsed as ESLint parses it by default (espree). */
  javascript: {
    languageOptions: { parser: espree, parserOptions: { sourceType: 'module', ecmaVersion: 'latest' } },
  },
} satisfies Record<string, RuleTesterConfig>;

/** One `run` of a rule test module: the rule, its cases, and the tester configuration they run with. */
export interface CollectedRun {
  name: string;
  rule: TSESLint.RuleModule<string, readonly unknown[]>;
  config: RuleTesterConfig;
  tests: RunTests<string, readonly unknown[]>;
}

/** While set, `run` collects its cases here instead of running them (see {@link collectRuns}). */
let collecting: CollectedRun[] | undefined;

/** A RuleTester that remembers its configuration, so that its cases can be collected and linted again. */
class DefuseRuleTester extends RuleTester {
  readonly #config: RuleTesterConfig;

  constructor(config: RuleTesterConfig) {
    super(config);
    this.#config = config;
  }

  override run<MessageIds extends string, Options extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<MessageIds, Options>,
    tests: RunTests<MessageIds, Options>,
  ): void {
    if (collecting) {
      collecting.push({ name, rule, config: this.#config, tests });
      return;
    }
    super.run(name, rule, tests);
  }
}

/**
 * Imports rule test modules and returns every `run` they make, without
 * running their RuleTester cases. (Other tests those modules declare with
 * `describe`/`it` still register in the importing file.)
 */
export async function collectRuns(modules: readonly string[]): Promise<CollectedRun[]> {
  const runs: CollectedRun[] = [];
  collecting = runs;
  try {
    for (const module of modules) await import(module);
  } finally {
    collecting = undefined;
  }
  return runs;
}

export function createRuleTester(): RuleTester {
  return new DefuseRuleTester(testerConfigs.syntactic);
}

export function createTypedRuleTester(): RuleTester {
  return new DefuseRuleTester(testerConfigs.typed);
}

export function createJsRuleTester(): RuleTester {
  return new DefuseRuleTester(testerConfigs.javascript);
}
