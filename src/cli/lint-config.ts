import * as tsParser from '@typescript-eslint/parser';
import { type Linter } from 'eslint';

import plugin from '../index.js';

export const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
export const JAVASCRIPT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
export const VUE_FILES = ['**/*.vue'];

/** How TypeScript files get their types; absent when none does. */
export interface TypedSetup {
  /** A directory above every tsconfig.json in use: the project service looks no higher. */
  tsconfigRootDir: string;
  /** Whether a tsconfig.json includes the file (decided before the run). */
  isTyped(file: string): boolean;
  /** Called when the project service still refuses a file, which is then linted without types. */
  onFallback(file: string): void;
}

export interface LintSetup {
  typed?: TypedSetup | undefined;
  /** vue-eslint-parser from the user's project; `.vue` files are linted only with it. */
  vueParser?: Linter.Parser | undefined;
  linterOptions: Linter.LinterOptions;
}

const NOT_IN_PROJECT = ' was not found by the project service';

/**
 * The TypeScript parser with the project service on for files a tsconfig.json
 * includes, and without types for the others (a script, a config file, a test
 * outside `include`). `allowDefaultProject` cannot do this for a whole tree:
 * it refuses `**` globs and caps the number of files it serves. Should the
 * project service still disagree about a file, that file too falls back.
 */
function createTypedParser(typed: TypedSetup): Linter.Parser {
  const parseWithoutTypes = (code: string, options: Linter.ParserOptions | undefined) =>
    tsParser.parseForESLint(code, tsParser.withoutProjectParserOptions(options ?? {}));

  return {
    meta: { name: 'defuse/typescript-parser-with-fallback', version: tsParser.version },
    parseForESLint(code: string, options?: Linter.ParserOptions) {
      const filePath: unknown = options?.filePath;
      if (typeof filePath !== 'string' || !typed.isTyped(filePath)) return parseWithoutTypes(code, options);
      try {
        return tsParser.parseForESLint(code, options);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.includes(NOT_IN_PROJECT)) throw error;
        typed.onFallback(filePath);
        return parseWithoutTypes(code, options);
      }
    },
  } as Linter.Parser;
}

/**
 * The whole configuration of a `defuse` run: no user config is read. Every
 * rule of the plugin at its default options; TypeScript files get the
 * TypeScript parser (type-aware for the files `typed` says), JavaScript files
 * ESLint's default parser, Vue files vue-eslint-parser with the TypeScript
 * parser for `<script lang="ts">` (without types). Ignoring is done when the
 * files are chosen, so the config has no `ignores`.
 */
export function createLintConfig(setup: LintSetup): Linter.Config[] {
  const typescriptLanguageOptions: Linter.LanguageOptions =
    setup.typed === undefined
      ? { parser: tsParser }
      : {
          parser: createTypedParser(setup.typed),
          parserOptions: { projectService: true, tsconfigRootDir: setup.typed.tsconfigRootDir },
        };
  const linted = [...TYPESCRIPT_FILES, ...JAVASCRIPT_FILES];

  const config: Linter.Config[] = [
    { name: 'defuse-cli/options', linterOptions: setup.linterOptions },
    {
      // React projects often keep JSX in .js files; in plain JavaScript JSX syntax is unambiguous.
      name: 'defuse-cli/jsx',
      files: JAVASCRIPT_FILES,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { name: 'defuse-cli/typescript', files: TYPESCRIPT_FILES, languageOptions: typescriptLanguageOptions },
  ];
  if (setup.vueParser !== undefined) {
    linted.push(...VUE_FILES);
    config.push({
      name: 'defuse-cli/vue',
      files: VUE_FILES,
      languageOptions: {
        parser: setup.vueParser,
        parserOptions: { parser: { ts: tsParser, tsx: tsParser }, ecmaFeatures: { jsx: true } },
      },
    });
  }
  config.push({
    name: 'defuse-cli/rules',
    files: linted,
    plugins: { defuse: plugin },
    rules: plugin.configs.all.rules as Linter.RulesRecord,
  });
  return config;
}
