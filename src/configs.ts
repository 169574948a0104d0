import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { ESLint, Linter } from 'eslint';

import type { ConfigName } from './index.js';
import type { DefuseRule } from './rules.js';

/** The files the configs lint, by the parser they need. */
export const JAVASCRIPT_FILES = ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx'];
export const TYPESCRIPT_FILES = ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'];
export const VUE_FILES = ['**/*.vue'];

const TYPESCRIPT_EXTENSION = /\.[cm]?tsx?$/i;
const JSX_EXTENSION = /\.jsx$/i;
const VUE_EXTENSION = /\.vue$/i;

const require = createRequire(import.meta.url);

type ParserOptions = Linter.ParserOptions & Record<string, unknown>;

interface ParserModule {
  parse?: (code: string, options?: ParserOptions) => unknown;
  parseForESLint?: (code: string, options?: ParserOptions) => unknown;
}

/** The `version` in the nearest package.json named `name` above `entry`. */
function versionOf(entry: string, name: string): string | undefined {
  for (
    let directory = path.dirname(entry);
    directory !== path.dirname(directory);
    directory = path.dirname(directory)
  ) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (manifest.name === name) return typeof manifest.version === 'string' ? manifest.version : undefined;
    } catch {
      // No package.json here (or an unreadable one): look higher.
    }
  }
  return undefined;
}

/** A module loaded on first use, from its resolved entry point. */
function lazy(entry: string): () => ParserModule {
  let loaded: ParserModule | undefined;
  return () => (loaded ??= require(entry) as ParserModule);
}

function resolveFrom(base: string, specifier: string): string | undefined {
  try {
    return createRequire(base).resolve(specifier);
  } catch {
    return undefined;
  }
}

/**
 * vue-eslint-parser as the user's project has it (from the working
 * directory, or beside the project's eslint-plugin-vue), never ours: the
 * plugin does not depend on it. Without it, the configs leave `.vue` files
 * alone rather than lint them with a parser that cannot read them.
 */
function findVueParser(cwd: string): string | undefined {
  const fromProject = path.join(cwd, 'package.json');
  const direct = resolveFrom(fromProject, 'vue-eslint-parser');
  if (direct !== undefined) return direct;
  const vuePlugin = resolveFrom(fromProject, 'eslint-plugin-vue');
  return vuePlugin === undefined ? undefined : resolveFrom(vuePlugin, 'vue-eslint-parser');
}

/** Whether the options ask typescript-eslint for type information (a config placed before ours set them). */
function asksForTypes(options: ParserOptions): boolean {
  return Boolean(options.projectService ?? options.project ?? options.programs);
}

function parseWith(parser: ParserModule, code: string, options: ParserOptions): unknown {
  if (parser.parseForESLint !== undefined) return parser.parseForESLint(code, options);
  // ESLint analyses the scopes of a bare AST itself, with the file's language options.
  return { ast: parser.parse?.(code, options) };
}

/**
 * The one parser of every config: each file goes to the parser its extension
 * needs, loaded on its first file, so that importing the plugin loads no
 * parser and a JavaScript-only project never loads `@typescript-eslint/parser`
 * (nor, through it, the TypeScript compiler).
 * - TypeScript: `@typescript-eslint/parser` (ours, a caret range of
 *   typescript-eslint's major: npm installs one copy for both). With
 *   `typeInformation`, the project service is on unless the options already
 *   say how to get types.
 * - JavaScript: ESLint's own parser, espree, as ESLint has it. When the
 *   options ask typescript-eslint for types (typescript-eslint's configs come
 *   before ours), JavaScript goes to `@typescript-eslint/parser`, as it would
 *   have without us, and keeps its types (`allowJs`).
 * - Vue SFCs: the project's vue-eslint-parser, with `@typescript-eslint/parser`
 *   for `<script lang="ts">` unless the options name a script parser.
 */
function createParser(cwd: string, typeInformation: boolean, vueParser: string | undefined): Linter.Parser {
  const typescriptEntry = require.resolve('@typescript-eslint/parser');
  const typescript = lazy(typescriptEntry);
  const espreeEntry = resolveFrom(require.resolve('eslint'), 'espree') ?? require.resolve('espree');
  const espree = lazy(espreeEntry);
  const vue = vueParser === undefined ? undefined : lazy(vueParser);
  const typescriptForVue: Linter.Parser = {
    meta: { name: '@typescript-eslint/parser', version: versionOf(typescriptEntry, '@typescript-eslint/parser') },
    parseForESLint: (code: string, options?: ParserOptions) => parseWith(typescript(), code, options ?? {}),
  } as Linter.Parser;

  const versions = [
    `@typescript-eslint/parser@${versionOf(typescriptEntry, '@typescript-eslint/parser') ?? '?'}`,
    `espree@${versionOf(espreeEntry, 'espree') ?? '?'}`,
    ...(vueParser === undefined ? [] : [`vue-eslint-parser@${versionOf(vueParser, 'vue-eslint-parser') ?? '?'}`]),
  ];
  return {
    meta: {
      name: typeInformation ? 'defuse/parser-type-checked' : 'defuse/parser',
      // ESLint's cache keys on the parser's name and version: they name every parser this one may call.
      version: versions.join(','),
    },
    parseForESLint(code: string, options: ParserOptions = {}) {
      const file = typeof options.filePath === 'string' ? options.filePath : '';
      if (vue !== undefined && VUE_EXTENSION.test(file)) {
        const scriptParser: unknown = options.parser ?? { ts: typescriptForVue, tsx: typescriptForVue };
        return parseWith(vue(), code, { ...options, parser: scriptParser });
      }
      if (TYPESCRIPT_EXTENSION.test(file)) {
        const typed = typeInformation && !asksForTypes(options);
        return parseWith(
          typescript(),
          code,
          typed ? { projectService: true, tsconfigRootDir: cwd, ...options } : options,
        );
      }
      if (asksForTypes(options)) return parseWith(typescript(), code, options);
      if (JSX_EXTENSION.test(file)) {
        const ecmaFeatures = { jsx: true, ...(options.ecmaFeatures as Record<string, unknown> | undefined) };
        return parseWith(espree(), code, { ...options, ecmaFeatures });
      }
      return parseWith(espree(), code, options);
    },
  } as Linter.Parser;
}

type RuleEntry = Linter.RuleEntry;

/**
 * The flat configs, generated from each rule's `meta.docs` so that a new rule
 * is added in one place. Each config is one object, so that it can be put in
 * a config array as it is, spread into one or extended. Used alone, it lints
 * JavaScript, TypeScript and (where the project has vue-eslint-parser) Vue
 * files, each with its parser, and it is scoped with `files` so that other
 * languages (JSON, Markdown, CSS) are left alone. Every rule works without
 * type information, so `recommended-type-checked` turns on the same rules as
 * `recommended` and adds the project service for TypeScript files.
 */
export function createConfigs(
  plugin: ESLint.Plugin,
  rules: Record<string, DefuseRule>,
  cwd: string = process.cwd(),
): Record<ConfigName, Linter.Config> {
  const vueParser = findVueParser(cwd);
  const files = [...JAVASCRIPT_FILES, ...TYPESCRIPT_FILES, ...(vueParser === undefined ? [] : VUE_FILES)];
  const syntactic = createParser(cwd, false, vueParser);
  const typed = createParser(cwd, true, vueParser);

  const pick = (accept: (rule: DefuseRule) => RuleEntry | undefined): Record<string, RuleEntry> => {
    const picked: Record<string, RuleEntry> = {};
    for (const [name, rule] of Object.entries(rules)) {
      const entry = accept(rule);
      if (entry !== undefined) picked[`defuse/${name}`] = entry;
    }
    return picked;
  };
  const config = (name: ConfigName, parser: Linter.Parser, rulesOfConfig: Record<string, RuleEntry>) => ({
    name: `defuse/${name}`,
    files,
    plugins: { defuse: plugin },
    languageOptions: { parser },
    rules: rulesOfConfig,
  });

  const recommendedRules = pick((rule) => (rule.meta.docs?.recommended === 'recommended' ? 'error' : undefined));
  // `strict`: every rule of `recommended` and of `strict`, with the opt-in options its docs declare.
  const strictRules = pick((rule) => {
    const strictOptions = rule.meta.docs?.strictOptions;
    return strictOptions === undefined ? 'error' : ['error', ...strictOptions];
  });
  const allRules = pick(() => 'error');

  return {
    recommended: config('recommended', syntactic, recommendedRules),
    strict: config('strict', syntactic, strictRules),
    'recommended-type-checked': config('recommended-type-checked', typed, recommendedRules),
    all: config('all', syntactic, allRules),
  };
}
