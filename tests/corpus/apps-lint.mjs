// Lints one app of the application corpus the way the README's setup lints a
// project: every rule on every JavaScript, TypeScript and Vue file (tests
// included), TypeScript type-aware where the app has a tsconfig, `.vue` files
// through vue-eslint-parser with @typescript-eslint/parser for <script lang="ts">.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint, Linter } from 'eslint';
import vueParser from 'vue-eslint-parser';

import { appFiles, appRoot, isTestFile } from './apps.mjs';
import { applyFix } from './lint.mjs';

const TS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];
const VUE_FILES = ['**/*.vue'];
const TS_EXTENSION = /\.[cm]?tsx?$/;

/** JSON with comments and trailing commas, as tsconfig files are written. */
function readJsonc(file) {
  const text = readFileSync(file, 'utf8');
  let out = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      const end = stringEnd(text, index);
      out += text.slice(index, end);
      index = end - 1;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index += 1;
      out += '\n';
    } else if (char === '/' && text[index + 1] === '*') {
      index = text.indexOf('*/', index + 2);
      if (index === -1) break;
      index += 1;
    } else out += char;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

function stringEnd(text, start) {
  let index = start + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/**
 * The path aliases a tsconfig declares, following relative `extends` (an
 * `extends` of a package, such as `@vue/tsconfig`, is not installed and is
 * recorded in `skipped`). `baseUrl` becomes a `*` alias, so the generated
 * tsconfig needs no `baseUrl` (deprecated in TypeScript 6).
 * Returned paths are relative to `root`.
 */
export function tsconfigAliases(root, tsconfig, seen = new Set()) {
  const file = path.join(root, tsconfig);
  const result = { paths: {}, jsx: undefined, skipped: [] };
  if (seen.has(file) || !existsSync(file)) return result;
  seen.add(file);
  let json;
  try {
    json = readJsonc(file);
  } catch {
    result.skipped.push(`${tsconfig} (unreadable)`);
    return result;
  }
  for (const base of [json.extends ?? []].flat()) {
    if (base.startsWith('.')) {
      let relative = path.relative(root, path.resolve(path.dirname(file), base));
      if (!relative.endsWith('.json')) relative += '.json';
      const inherited = tsconfigAliases(root, relative, seen);
      Object.assign(result.paths, inherited.paths);
      result.jsx ??= inherited.jsx;
      result.skipped.push(...inherited.skipped);
    } else result.skipped.push(base);
  }
  const options = json.compilerOptions ?? {};
  const dir = path.dirname(file);
  const baseDir = options.baseUrl === undefined ? dir : path.resolve(dir, options.baseUrl);
  const fromRoot = (target) => {
    const relative = path.relative(root, path.resolve(baseDir, target)).split(path.sep).join('/');
    return relative === '' ? '.' : relative.startsWith('.') ? relative : `./${relative}`;
  };
  if (options.baseUrl !== undefined) result.paths['*'] = [fromRoot('*')];
  for (const [alias, targets] of Object.entries(options.paths ?? {})) {
    result.paths[alias] = targets.map(fromRoot);
  }
  if (options.jsx) result.jsx = options.jsx;
  return result;
}

/**
 * The tsconfig an app is linted with, written at its root: the corpus's own
 * compiler options, the app's path aliases, and exactly the TypeScript files linted.
 * The app's dependencies are not installed, so their types are `any`.
 */
export function writeAppTsconfig(app, files, root = appRoot(app)) {
  const paths = {};
  let jsx;
  const skipped = [];
  for (const tsconfig of app.tsconfig) {
    const aliases = tsconfigAliases(root, tsconfig);
    Object.assign(paths, aliases.paths);
    jsx ??= aliases.jsx;
    skipped.push(...aliases.skipped);
  }
  Object.assign(paths, app.paths ?? {});
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2023', 'DOM', 'DOM.Iterable'],
      jsx: jsx === 'preserve' ? 'preserve' : 'react-jsx',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      allowJs: false,
      allowImportingTsExtensions: true,
      experimentalDecorators: true,
      // Only the types under the app's own folder; not this project's node_modules/@types.
      typeRoots: ['./node_modules/@types'],
      ...(Object.keys(paths).length > 0 ? { paths } : {}),
    },
    files: files.filter((file) => TS_EXTENSION.test(file)),
  };
  const file = path.join(root, 'tsconfig.defuse-apps.json');
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
  return { file, skipped: [...new Set(skipped)] };
}

/** Folders with a package.json and its `type`, deepest last (so that they override). */
function packageTypes(root) {
  const found = [];
  const walk = (relative) => {
    const dir = path.join(root, relative);
    if (existsSync(path.join(dir, 'package.json'))) {
      try {
        const type = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type;
        found.push({ dir: relative, sourceType: type === 'module' ? 'module' : 'commonjs' });
      } catch {
        // A broken package.json: Node would refuse it too; keep the parent's type.
      }
    }
    for (const dirent of readdirSync(dir, { withFileTypes: true })) {
      if (dirent.isDirectory() && dirent.name !== 'node_modules' && !dirent.name.startsWith('.')) {
        walk(relative === '' ? dirent.name : `${relative}/${dirent.name}`);
      }
    }
  };
  walk('');
  return found.sort((a, b) => a.dir.split('/').length - b.dir.split('/').length);
}

const ESM_SYNTAX = /^[ \t]*(?:import[\s{*'"]|export[\s{*])/m;
const TSX_SCRIPT = /<script\b[^>]*\blang=["']tsx["']/;

/**
 * Per-file parse settings that globs cannot express, decided from each file's text:
 * a `.js` file in a `commonjs` package that is written as an ES module (bundled
 * code: webpack, Vite and Babel accept it, so its authors' ESLint parses it as a
 * module), and a `.vue` file whose script is `lang="tsx"`.
 */
function fileOverrides(root, files) {
  const esModules = [];
  const tsxVue = [];
  for (const file of files) {
    if (/\.jsx?$/.test(file) || file.endsWith('.vue')) {
      const text = readFileSync(path.join(root, file), 'utf8');
      if (file.endsWith('.vue')) {
        if (TSX_SCRIPT.test(text)) tsxVue.push(file);
      } else if (ESM_SYNTAX.test(text)) esModules.push(file);
    }
  }
  return [
    ...(esModules.length > 0 ? [{ files: esModules, languageOptions: { sourceType: 'module' } }] : []),
    ...(tsxVue.length > 0
      ? [{ files: tsxVue, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }]
      : []),
  ];
}

/** The flat config an app is linted with. */
export function appConfig(app, { rules, plugins, tsconfigFile, files = appFiles(app), root = appRoot(app) }) {
  const jsSourceTypes = packageTypes(root).map(({ dir, sourceType }) => ({
    files: ['**/*.js', '**/*.jsx'].map((glob) => (dir === '' ? glob : `${dir}/${glob}`)),
    languageOptions: { sourceType: app.sourceType ?? sourceType },
  }));
  return [
    {
      files: TS_FILES,
      languageOptions: {
        parser: tsParser,
        parserOptions: tsconfigFile
          ? { project: tsconfigFile, tsconfigRootDir: root }
          : { ecmaFeatures: { jsx: true } },
      },
    },
    {
      files: JS_FILES,
      languageOptions: {
        ecmaVersion: 'latest',
        sourceType: app.sourceType ?? 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
    },
    ...jsSourceTypes,
    { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: VUE_FILES,
      languageOptions: {
        parser: vueParser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { parser: { ts: tsParser, tsx: tsParser, js: 'espree', jsx: 'espree' } },
      },
    },
    ...(app.sourceType ? [] : fileOverrides(root, files)),
    {
      files: [...TS_FILES, ...JS_FILES, ...VUE_FILES],
      plugins,
      rules,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
}

/** Parses `text` as the app's file would be parsed (no types); the first fatal message, if any. */
function parseError(app, root, file, text, files) {
  const linter = new Linter({ cwd: root });
  const config = appConfig(app, { rules: {}, plugins: {}, files, root });
  const [message] = linter.verify(text, config, { filename: path.join(root, file) });
  return message?.fatal ? message.message : undefined;
}

/** A few numbered lines of source around a report. */
function sourceContext(lines, line, around) {
  const from = Math.max(1, line - around);
  const to = Math.min(lines.length, line + around);
  const context = [];
  for (let number = from; number <= to; number += 1) {
    context.push(`${number === line ? '>' : ' '}${String(number).padStart(5)} | ${lines[number - 1].slice(0, 200)}`);
  }
  return context;
}

/**
 * Lints every file of an app. A rule that throws is a crash: recorded with its
 * file, and the run goes on. `checkSuggestions` applies each suggestion and re-parses.
 */
export async function lintApp(
  app,
  { plugin, rules, typeAware, checkSuggestions = false, files, contextLines = 3, root = appRoot(app) },
) {
  const all = files ?? appFiles(app, root);
  const useTypes = typeAware && app.tsconfig.length > 0 && all.some((file) => TS_EXTENSION.test(file));
  const tsconfig = useTypes ? writeAppTsconfig(app, all, root) : undefined;
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: appConfig(app, {
      rules,
      plugins: { defuse: plugin },
      tsconfigFile: tsconfig?.file,
      files: all,
      root,
    }),
    ignore: false,
    // The apps' eslint-disable comments name their own rules, not ours.
    allowInlineConfig: false,
  });
  const result = {
    mode: useTypes ? 'type-aware' : 'syntactic',
    tsconfigSkipped: tsconfig?.skipped ?? [],
    files: 0,
    testFiles: 0,
    lines: 0,
    reports: [],
    crashes: [],
    parseErrors: [],
    badSuggestions: [],
    ms: 0,
  };
  const started = performance.now();
  for (const file of all) {
    const filePath = path.join(root, file);
    const text = readFileSync(filePath, 'utf8');
    const lines = text.split('\n');
    result.files += 1;
    if (isTestFile(file)) result.testFiles += 1;
    result.lines += lines.length;
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
        app: app.name,
        file,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        rule: message.ruleId,
        messageId: message.messageId,
        message: message.message,
        testFile: isTestFile(file),
        context: sourceContext(lines, message.line, contextLines),
      });
      if (!checkSuggestions) continue;
      for (const suggestion of [
        ...(message.fix ? [message.fix] : []),
        ...(message.suggestions ?? []).map((s) => s.fix),
      ]) {
        const error = parseError(app, root, file, applyFix(text, suggestion), all);
        if (error) result.badSuggestions.push({ file, line: message.line, rule: message.ruleId, error });
      }
    }
  }
  result.ms = performance.now() - started;
  return result;
}
