// How the robustness tests lint: every defuse rule, from the sources, through
// ESLint's Linter, syntactically (espree for JavaScript as ESLint's defaults do,
// the TypeScript parser for TypeScript) or type-aware over an in-memory program.
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import ts from 'typescript';

import plugin from '../../src/index.js';
import type { Sample } from './syntax-samples.js';

/** Where the in-memory samples pretend to live. */
export const virtualRoot = '/virtual-defuse';

export const ruleNames = Object.keys(plugin.rules);

type RuleOptions = 'default' | 'strict';

/** `{ 'defuse/<rule>': 'error' }` for every rule, or the `strict` config's entries (with its options) when asked. */
export function allRules(options: RuleOptions = 'default'): Linter.RulesRecord {
  if (options === 'strict') return { ...(plugin.configs.strict.rules as Linter.RulesRecord) };
  return Object.fromEntries(ruleNames.map((name) => [`defuse/${name}`, 'error']));
}

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/** The flat config: every rule, on every file, with the parser each extension needs. */
export function lintConfig(rules: Linter.RulesRecord, program?: ts.Program): Linter.Config[] {
  return [
    {
      files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      // With a program, every file goes through the TypeScript parser and gets type information.
      files: program ? ['**/*'] : TS_FILES,
      languageOptions: {
        parser: tsParser,
        parserOptions: program ? { programs: [program] } : {},
      },
    },
    { files: ['**/*'], plugins: { defuse: plugin }, rules },
  ];
}

/** A TypeScript program over in-memory files, with the real lib files from disk. */
export function createVirtualProgram(files: Sample[]): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.esnext.d.ts', 'lib.dom.d.ts'],
    jsx: ts.JsxEmit.Preserve,
    strict: true,
    noEmit: true,
    allowJs: true,
    skipLibCheck: true,
    resolveJsonModule: true,
    types: [],
  };
  const texts = new Map(files.map((file) => [path.posix.join(virtualRoot, file.name), file.code]));
  const host = ts.createCompilerHost(options, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (fileName) => texts.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => texts.get(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = texts.get(fileName);
    return text === undefined
      ? getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  return ts.createProgram([...texts.keys()], options, host);
}

/** The file name a sample is linted under. */
export function virtualPath(sample: Sample): string {
  return path.posix.join(virtualRoot, sample.name);
}
