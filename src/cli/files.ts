import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import ignore, { type Ignore } from 'ignore';
import { minimatch } from 'minimatch';

import { UsageError } from './args.js';

/** The files the command lints: JavaScript, TypeScript and Vue single-file components. */
export const LINTED_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.mts', '.cts', '.vue']);

/**
 * Directories never entered below a path the command walks: dependencies,
 * version control, build output, and caches of frameworks and tools.
 */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  '.yarn',
  '.git',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.netlify',
  '.turbo',
  '.cache',
]);

const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const MINIFIED_FILE = /\.min\.[cm]?js$/;
// `main.3f2a1b9c.js` (webpack's content hash), `index-BqTZ1x2C.js` (Vite's and Rollup's).
const HASHED_BUNDLE = /[.-]([0-9a-f]{8,}|[\w-]{8})\.[cm]?js$/;

/**
 * A generated file: a declaration file (no runtime code), a minified file or a
 * bundle named by its content hash. A hash has digits and letters, and
 * Vite's eight characters mix cases, so `user-controller.js` or
 * `migration-20240101.js` are not taken for one.
 */
export function isGeneratedFile(name: string): boolean {
  if (DECLARATION_FILE.test(name) || MINIFIED_FILE.test(name)) return true;
  const hash = HASHED_BUNDLE.exec(name)?.[1];
  if (hash === undefined || !/\d/.test(hash)) return false;
  return /^[0-9a-f]+$/.test(hash) ? /[a-f]/.test(hash) : /[A-Z]/.test(hash) && /[a-z]/.test(hash);
}

/** Ignore rules beyond the built-in ones, each asked about files found by walking a directory. */
export interface FileFilters {
  /** `--ignore-pattern`s (gitignore syntax, relative to the working directory); they apply to named files too. */
  ignorePatterns: readonly string[];
  /** The `ignores` of the project's ESLint config; undefined when it has none or it cannot be loaded. */
  isIgnoredByConfig?: ((file: string) => Promise<boolean>) | undefined;
}

export interface FileSelection {
  /** Absolute paths, in the order of the arguments, each directory's files sorted. */
  files: string[];
  /** Lines for stderr about named files that are not linted. */
  notices: string[];
}

const GLOB_CHARACTERS = /[*?[\]{}]/;

export function isGlobPattern(target: string): boolean {
  return GLOB_CHARACTERS.test(target);
}

/**
 * Expands the command's arguments into the files to lint. A file the user
 * names is linted whatever the ignore rules say (only `--ignore-pattern`
 * removes it); the built-in ignores, `.gitignore` files and the ESLint
 * config's `ignores` apply to what lies below a named directory, never to
 * the directory itself or its ancestors. A directory or glob that yields no
 * file is a usage error, as with ESLint.
 */
export async function selectFiles(
  targets: readonly string[],
  cwd: string,
  filters: FileFilters,
): Promise<FileSelection> {
  const byPattern = ignore({ allowRelativePaths: true }).add([...filters.ignorePatterns]);
  const ignoredByPattern = (file: string): boolean => {
    const relative = path.relative(cwd, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative) && relative !== '' && byPattern.ignores(relative);
  };

  const files = new Set<string>();
  const notices: string[] = [];
  for (const target of targets) {
    if (isGlobPattern(target)) {
      const found = await walkTarget(globBase(target, cwd), filters, ignoredByPattern, (file) =>
        matchesGlob(file, target, cwd),
      );
      if (found.files.length === 0) throw unmatched(target, found.sawCandidates);
      found.files.forEach((file) => files.add(file));
      continue;
    }

    const absolute = path.resolve(cwd, target);
    if (statSync(absolute).isDirectory()) {
      const found = await walkTarget(absolute, filters, ignoredByPattern, () => true);
      if (found.files.length === 0) throw unmatched(target, found.sawCandidates);
      found.files.forEach((file) => files.add(file));
    } else if (!LINTED_EXTENSIONS.has(path.extname(absolute))) {
      notices.push(`${target}: not a JavaScript, TypeScript or Vue file; not linted`);
    } else if (ignoredByPattern(absolute)) {
      notices.push(`${target}: ignored by --ignore-pattern; not linted`);
    } else {
      files.add(absolute);
    }
  }
  return { files: [...files], notices };
}

function unmatched(target: string, sawCandidates: boolean): UsageError {
  return new UsageError(
    sawCandidates
      ? `all files matched by "${target}" are ignored`
      : `no files matching the pattern "${target}" were found`,
  );
}

/** The directory a glob's walk starts from: its path up to the first segment with a wildcard. */
export function globBase(pattern: string, cwd: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const segment of segments) {
    if (GLOB_CHARACTERS.test(segment)) break;
    fixed.push(segment);
  }
  const base = path.resolve(cwd, fixed.join('/') || '.');
  return existsSync(base) && statSync(base).isDirectory() ? base : path.dirname(base);
}

function matchesGlob(file: string, pattern: string, cwd: string): boolean {
  const candidate = path.isAbsolute(pattern) ? file : path.relative(cwd, file);
  return minimatch(candidate.split(path.sep).join('/'), pattern, { dot: true });
}

interface WalkResult {
  files: string[];
  /** Whether some file or skipped directory could have matched (tells "all ignored" from "none found"). */
  sawCandidates: boolean;
}

/** One `.gitignore`: its rules and the directory they are relative to. */
interface GitignoreScope {
  directory: string;
  rules: Ignore;
}

async function walkTarget(
  directory: string,
  filters: FileFilters,
  ignoredByPattern: (file: string) => boolean,
  accepts: (file: string) => boolean,
): Promise<WalkResult> {
  const result: WalkResult = { files: [], sawCandidates: false };
  if (!existsSync(directory)) return result;

  // .gitignore files above the directory apply below it, unless they ignore
  // the directory itself: the user named it, so its content is linted.
  const scopes = ancestorGitignores(directory).filter(
    (scope) => !scope.rules.ignores(`${toPosix(path.relative(scope.directory, directory))}/`),
  );
  const candidates: string[] = [];
  walk(directory, scopes, candidates, result, accepts);
  candidates.sort();

  // The same for the ESLint config: if it ignores the named directory, it
  // does not decide what is linted inside it.
  const configIgnores =
    filters.isIgnoredByConfig !== undefined &&
    !(await filters.isIgnoredByConfig(path.join(directory, '__defuse_probe__.js')))
      ? filters.isIgnoredByConfig
      : undefined;
  for (const file of candidates) {
    if (ignoredByPattern(file)) continue;
    if (configIgnores !== undefined && (await configIgnores(file))) continue;
    result.files.push(file);
  }
  return result;
}

function walk(
  directory: string,
  inherited: readonly GitignoreScope[],
  into: string[],
  result: WalkResult,
  accepts: (file: string) => boolean,
): void {
  const own = readGitignore(directory);
  const scopes = own === undefined ? inherited : [...inherited, own];
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return; // A directory that vanished or cannot be listed has nothing to lint.
  }
  for (const entry of entries) {
    const entryPath = path.join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // A link to a file is linted; links to directories are not followed (they can loop).
      isFile = isRegularFile(entryPath);
      isDirectory = false;
    }
    if (isDirectory) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || isGitignored(scopes, entryPath, true)) {
        result.sawCandidates = true;
        continue;
      }
      walk(entryPath, scopes, into, result, accepts);
    } else if (isFile && LINTED_EXTENSIONS.has(path.extname(entry.name)) && accepts(entryPath)) {
      result.sawCandidates = true;
      if (!isGeneratedFile(entry.name) && !isGitignored(scopes, entryPath, false)) into.push(entryPath);
    }
  }
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether the nearest `.gitignore` with an opinion ignores the entry: a
 * deeper file's negation (`!keep.js`) overrides a shallower file's rule, as
 * in git. Directories already excluded are never entered, so each scope
 * only needs to judge the entry itself.
 */
function isGitignored(scopes: readonly GitignoreScope[], entryPath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const scope of scopes) {
    const relative = toPosix(path.relative(scope.directory, entryPath)) + (isDirectory ? '/' : '');
    const verdict = scope.rules.test(relative);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

function readGitignore(directory: string): GitignoreScope | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { directory, rules: ignore().add(text) };
}

/**
 * The `.gitignore` files of the directory's ancestors, outermost first, up to
 * the root of the git work tree the directory is in (none outside one).
 */
function ancestorGitignores(directory: string): GitignoreScope[] {
  const ancestors: string[] = [];
  for (let current = path.dirname(directory); ; current = path.dirname(current)) {
    ancestors.push(current);
    if (existsSync(path.join(current, '.git'))) break;
    if (path.dirname(current) === current) return [];
  }
  if (existsSync(path.join(directory, '.git'))) return [];
  return ancestors
    .reverse()
    .map(readGitignore)
    .filter((scope) => scope !== undefined);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
