import path from 'node:path';

import * as tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';

import plugin from '../index.js';
import { createProjectMembership } from './projects.js';

export const TYPESCRIPT_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
export const JAVASCRIPT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
export const LINTED_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx']);

/** Dependencies, build output, caches of frameworks and tools, and declaration files (no runtime code). */
export const IGNORES = [
  '**/node_modules/',
  '**/dist/',
  '**/build/',
  '**/out/',
  '**/coverage/',
  '**/.next/',
  '**/.nuxt/',
  '**/.output/',
  '**/.svelte-kit/',
  '**/.vercel/',
  '**/.netlify/',
  '**/.turbo/',
  '**/.cache/',
  '**/*.min.js',
  '**/*.d.ts',
  '**/*.d.mts',
  '**/*.d.cts',
];

const NOT_IN_PROJECT = ' was not found by the project service';

/**
 * The TypeScript parser with the project service on for files a tsconfig.json
 * includes, and without types for the others (a script, a config file, a test
 * outside `include`). `allowDefaultProject` cannot do this for a whole tree:
 * it refuses `**` globs and caps the number of files it serves. Should the
 * project service still disagree about a file, that file too falls back.
 */
function createTypedParser(): Linter.Parser {
  const isInProject = createProjectMembership();
  const parseWithoutTypes = (code: string, options: Linter.ParserOptions | undefined) =>
    tsParser.parseForESLint(code, tsParser.withoutProjectParserOptions(options ?? {}));

  return {
    meta: { name: 'defuse/typescript-parser-with-fallback', version: tsParser.version },
    parseForESLint(code: string, options?: Linter.ParserOptions) {
      const filePath: unknown = options?.filePath;
      if (typeof filePath !== 'string' || !isInProject(filePath)) return parseWithoutTypes(code, options);
      try {
        return tsParser.parseForESLint(code, options);
      } catch (error) {
        if (!(error instanceof Error) || !error.message.includes(NOT_IN_PROJECT)) throw error;
        return parseWithoutTypes(code, options);
      }
    },
  } as Linter.Parser;
}

/**
 * The whole configuration of a `defuse` run: no user config is read. Every
 * rule of the plugin at its default options; TypeScript files get the
 * TypeScript parser (type-aware when `tsconfigRootDir` is given), JavaScript
 * files ESLint's default parser.
 */
export function createLintConfig(tsconfigRootDir: string | undefined): Linter.Config[] {
  const typescriptLanguageOptions: Linter.LanguageOptions =
    tsconfigRootDir === undefined
      ? { parser: tsParser }
      : {
          parser: createTypedParser(),
          parserOptions: { projectService: true, tsconfigRootDir: path.resolve(tsconfigRootDir) },
        };

  return [
    { name: 'defuse-cli/ignores', ignores: IGNORES },
    {
      name: 'defuse-cli/options',
      // Disable comments that name rules of plugins this run does not load must
      // not turn into "Definition for rule ... was not found" problems.
      linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    },
    {
      // React projects often keep JSX in .js files; in plain JavaScript JSX syntax is unambiguous.
      name: 'defuse-cli/jsx',
      files: JAVASCRIPT_FILES,
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
    { name: 'defuse-cli/typescript', files: TYPESCRIPT_FILES, languageOptions: typescriptLanguageOptions },
    {
      name: 'defuse-cli/rules',
      files: [...TYPESCRIPT_FILES, ...JAVASCRIPT_FILES],
      plugins: { defuse: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: plugin.configs.all.rules as Linter.RulesRecord,
    },
  ];
}
