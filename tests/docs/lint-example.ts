// Lints one example of a rule doc with that rule alone, the way a user's ESLint
// would: espree for JavaScript, the TypeScript parser for TypeScript, and for
// `typed` examples a TypeScript program made of the example and the modules in
// `project.ts`, which examples may import (`./stores/auth.js`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';

import { projectFiles } from './project.js';

/** How an example asks to be linted, from the HTML comment before its block. */
export interface ExampleSettings {
  /** The rule's options, as they follow the severity in a config. */
  options: unknown[];
  /** Where the example lives, relative to the project root; its extension picks the parser. */
  filename?: string;
  /** Lint with type information. */
  typed: boolean;
}

/**
 * Reads `options: <JSON> filename: <path> typed` (each part optional, in any
 * order). A JSON object is the rule's first option; a JSON array is the whole
 * options list. Anything else is an error, so that a typo cannot quietly lint
 * an example with the wrong settings.
 */
export function parseDirective(text: string | undefined): ExampleSettings {
  const settings: ExampleSettings = { options: [], typed: false };
  let rest = (text ?? '').trim();
  while (rest !== '') {
    if (rest.startsWith('options:')) {
      rest = rest.slice('options:'.length).trimStart();
      const json = leadingJson(rest);
      const value: unknown = JSON.parse(json);
      settings.options = Array.isArray(value) ? value : [value];
      rest = rest.slice(json.length).trimStart();
    } else if (rest.startsWith('filename:')) {
      rest = rest.slice('filename:'.length).trimStart();
      const [filename = ''] = rest.split(/\s/, 1);
      if (filename === '' || path.isAbsolute(filename) || filename.split('/').includes('..')) {
        throw new Error(`bad filename in example settings: "${filename}"`);
      }
      settings.filename = filename;
      rest = rest.slice(filename.length).trimStart();
    } else if (/^typed(?:\s|$)/.test(rest)) {
      settings.typed = true;
      rest = rest.slice('typed'.length).trimStart();
    } else {
      throw new Error(`unknown example setting at "${rest}" (expected options:, filename: or typed)`);
    }
  }
  return settings;
}

/** The JSON object or array at the start of `text`, up to its matching bracket. */
function leadingJson(text: string): string {
  if (!text.startsWith('{') && !text.startsWith('['))
    throw new Error(`options: expects a JSON object or array at "${text}"`);
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if ((char === '}' || char === ']') && --depth === 0) {
      return text.slice(0, index + 1);
    }
  }
  throw new Error(`options: the JSON at "${text}" is not closed`);
}

/**
 * Where examples pretend to live. It does not exist on disk, and packages that
 * are not installed here (`electron`, `pinia`) stay unresolved, as `any`.
 */
export const projectRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), 'project');

// The ES library only: no DOM or Node types, which would triple the time of each
// typed example. An example declares the few types it needs from them.
const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  allowJs: true,
  skipLibCheck: true,
  experimentalDecorators: true,
};

// The files read from disk (the lib files), parsed once for every example.
const diskFiles = new Map<string, ts.SourceFile | undefined>();

/** A program over the example (at `filename`) and the project's modules, in memory. */
function createProgram(filename: string, code: string): ts.Program {
  const texts = new Map(Object.entries(projectFiles).map(([name, text]) => [path.join(projectRoot, name), text]));
  texts.set(filename, code);
  const host = ts.createCompilerHost(compilerOptions, true);
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (fileName) => texts.has(fileName) || fileExists.call(host, fileName);
  // Module resolution looks into a directory only if it exists: the project's do, in memory.
  host.directoryExists = (directory) =>
    [...texts.keys()].some((fileName) => fileName.startsWith(directory + path.sep)) ||
    (directoryExists?.call(host, directory) ?? false);
  host.readFile = (fileName) => texts.get(fileName) ?? readFile.call(host, fileName);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = texts.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!diskFiles.has(fileName)) {
      diskFiles.set(fileName, getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate));
    }
    return diskFiles.get(fileName);
  };
  return ts.createProgram([...texts.keys()], compilerOptions, host);
}

const linter = new Linter({ configType: 'flat', cwd: projectRoot });

// ESLint lints a file only when a non-universal `files` pattern matches it.
const FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'];

/** ESLint's messages for the example, linted with `defuse/<ruleName>` alone, at the given settings. */
export function lintExample(
  ruleName: string,
  rule: unknown,
  code: string,
  lang: string,
  settings: ExampleSettings,
): Linter.LintMessage[] {
  const filename = path.join(projectRoot, settings.filename ?? `file.${lang}`);
  const typescript = /\.[cm]?tsx?$/.test(filename);
  const languageOptions: Linter.LanguageOptions = settings.typed
    ? { parser: tsParser, parserOptions: { programs: [createProgram(filename, code)] } }
    : typescript
      ? { parser: tsParser }
      : {
          ecmaVersion: 'latest',
          sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module',
          parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } },
        };
  const config: Linter.Config[] = [
    {
      files: FILES,
      languageOptions,
      plugins: { defuse: { rules: { [ruleName]: rule } } as never },
      rules: { [`defuse/${ruleName}`]: ['error', ...settings.options] as Linter.RuleEntry },
    },
  ];
  return linter.verify(code, config, { filename });
}

/** The first parse error of a `js` or `ts` block with no rule on, if any. */
export function parseError(code: string, lang: 'js' | 'ts'): Linter.LintMessage | undefined {
  const languageOptions: Linter.LanguageOptions =
    lang === 'ts' ? { parser: tsParser } : { ecmaVersion: 'latest', sourceType: 'module' };
  const config: Linter.Config[] = [{ files: FILES, languageOptions }];
  return linter
    .verify(code, config, { filename: path.join(projectRoot, `file.${lang}`) })
    .find((message) => message.fatal);
}
