// Lints one corpus package with a chosen set of rules through ESLint's Node API,
// one file at a time so that a crash in one file is recorded, not fatal.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';

import { listFiles, packageRoot, repoRoot } from './paths.mjs';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/** The built plugin (`npm run build` first). */
export async function loadPlugin() {
  const module = await import(pathToFileURL(path.join(repoRoot, 'dist/index.js')).href);
  return module.default;
}

/** `{ 'defuse/<name>': 'error' }` for every rule of the plugin (or the named ones). */
export function defuseRules(plugin, names = Object.keys(plugin.rules)) {
  return Object.fromEntries(names.map((name) => [`defuse/${name}`, 'error']));
}

/** The tsconfig a type-aware package is linted with, written next to its sources. */
export function writeCorpusTsconfig(entry, root = packageRoot(entry)) {
  const file = path.join(root, 'tsconfig.defuse-corpus.json');
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      experimentalDecorators: true,
    },
    include: entry.include,
    exclude: [...entry.exclude, '**/node_modules/**'],
  };
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return file;
}

/** How Node runs the package's `.js` files: its package.json `type`. */
function packageSourceType(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).type === 'module' ? 'module' : 'commonjs';
  } catch {
    return 'module';
  }
}

/**
 * The flat config a package is linted with: the TypeScript parser for TypeScript
 * files (with a generated project when `typeAware`), espree for JavaScript as
 * ESLint's defaults do, and the given rules on every file.
 */
export function corpusConfig(entry, { rules, plugins, typeAware, root = packageRoot(entry) }) {
  return [
    {
      files: TS_FILES,
      languageOptions: {
        parser: tsParser,
        parserOptions: typeAware
          ? { project: writeCorpusTsconfig(entry, root), tsconfigRootDir: root }
          : { ecmaFeatures: { jsx: true } },
      },
    },
    {
      files: JS_FILES,
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: entry.sourceType ?? packageSourceType(root),
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { files: [...TS_FILES, ...JS_FILES], plugins, rules, linterOptions: { reportUnusedDisableDirectives: 'off' } },
  ];
}

export function createESLint(entry, options) {
  const root = options.root ?? packageRoot(entry);
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: corpusConfig(entry, { ...options, root }),
    ignore: false,
    // The packages' own eslint-disable comments name their rules, not ours.
    allowInlineConfig: false,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });
}

/** Parses `text` as the file would be parsed; returns the first fatal message, if any. */
export function parseError(entry, file, text, root = packageRoot(entry)) {
  const linter = new Linter({ cwd: root });
  const config = corpusConfig(entry, { rules: {}, plugins: {}, typeAware: false, root });
  const [message] = linter.verify(text, config, { filename: path.join(root, file) });
  return message?.fatal ? message.message : undefined;
}

/** Applies one fix (or suggestion) to the text. */
export function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

/**
 * Lints every file of a package. A rule that throws is a crash: recorded with
 * its file and rule, and the run goes on with the next file.
 * `checkSuggestions` applies each suggestion and re-parses the result.
 */
export async function lintPackage(entry, { plugin, rules, typeAware, checkSuggestions = false, files }) {
  const root = packageRoot(entry);
  const eslint = createESLint(entry, { rules, plugins: { defuse: plugin }, typeAware, root });
  const result = { files: 0, lines: 0, reports: [], crashes: [], parseErrors: [], badSuggestions: [], ms: 0 };
  const started = performance.now();
  for (const file of files ?? listFiles(entry, root)) {
    const filePath = path.join(root, file);
    const text = readFileSync(filePath, 'utf8');
    result.files += 1;
    result.lines += text.split('\n').length;
    let lintResult;
    try {
      [lintResult] = await eslint.lintText(text, { filePath });
    } catch (error) {
      result.crashes.push({
        file,
        rule: error.ruleId ?? null,
        message: String(error.message).split('\n')[0],
        stack: String(error.stack).split('\n').slice(0, 8).join('\n'),
      });
      continue;
    }
    for (const message of lintResult.messages) {
      if (message.fatal || !message.ruleId) {
        result.parseErrors.push({ file, line: message.line, message: message.message });
        continue;
      }
      result.reports.push({
        file,
        line: message.line,
        column: message.column,
        rule: message.ruleId,
        message: message.message,
      });
      if (!checkSuggestions) continue;
      for (const suggestion of [
        ...(message.fix ? [message.fix] : []),
        ...(message.suggestions ?? []).map((s) => s.fix),
      ]) {
        const error = parseError(entry, file, applyFix(text, suggestion), root);
        if (error) result.badSuggestions.push({ file, line: message.line, rule: message.ruleId, error });
      }
    }
  }
  result.ms = performance.now() - started;
  return result;
}
