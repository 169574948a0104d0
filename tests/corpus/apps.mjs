// The application corpus: public application repositories at pinned commits
// (tests/corpus/apps.json), exported from local git mirrors into .corpus-cache/apps/.
// Shared by scripts/corpus-apps-install.mjs, scripts/corpus-apps.mjs and the app guard tests.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { cacheDir, corpusDir, globToRegExp, listFiles } from './paths.mjs';

export const APP_KINDS = ['vue-pinia', 'electron', 'angular', 'react', 'worker', 'node', 'nuxt'];

/** What issue 14 asks of the corpus: at least this many apps of each kind. */
export const MINIMUM_PER_KIND = { 'vue-pinia': 5, electron: 4, angular: 3, react: 3, worker: 4, node: 4, nuxt: 2 };

export const appsCacheDir = path.join(cacheDir, 'apps');
export const knownBugsCacheDir = path.join(cacheDir, 'known-bugs');
export const appsReportFile = path.join(cacheDir, 'apps-report.json');

/**
 * Where the git mirrors are: `<root>/<owner>+<name>/repo` (the layout the search
 * tool's `fetch` leaves) or `<root>/<owner>+<name>` (any bare or normal clone).
 */
export const mirrorRoot = process.env['DEFUSE_MIRROR_DIR'] ?? '/work/.mirror';

/**
 * Never linted, whatever an app's globs say: dependencies, build output,
 * framework caches, minified and vendored code, declaration files.
 */
export const DEFAULT_APP_EXCLUDE = [
  '**/node_modules/**',
  '**/*.min.js',
  '**/*.d.ts',
  '**/dist/**',
  '**/build/**',
  '**/out/**',
  '**/coverage/**',
  '**/.nuxt/**',
  '**/.output/**',
  '**/.next/**',
  '**/.yarn/**',
  '**/public/**',
  '**/vendors/**',
];

/** Files exported beside the linted ones: what decides how they parse and run. */
export const CONFIG_FILES = [
  '**/package.json',
  '**/tsconfig*.json',
  '**/jsconfig.json',
  '**/wrangler.{toml,json,jsonc}',
];

/** The marker the install script writes once an app is exported completely. */
const MARKER = '.defuse-app.json';

/** @returns {import('./apps.d.mts').AppEntry[]} */
export function readApps() {
  return JSON.parse(readFileSync(path.join(corpusDir, 'apps.json'), 'utf8')).apps;
}

/** @returns {import('./apps.d.mts').KnownBug[]} */
export function readKnownBugs() {
  return JSON.parse(readFileSync(path.join(corpusDir, 'known-bugs.json'), 'utf8')).bugs;
}

export function appRoot(app) {
  return path.join(appsCacheDir, app.name);
}

/** The git directory of a repository's mirror, or undefined when there is none. */
export function mirrorDir(repo) {
  const base = path.join(mirrorRoot, repo.replace('/', '+'));
  for (const candidate of [path.join(base, 'repo'), path.join(base, '.git'), base]) {
    if (existsSync(path.join(candidate, 'HEAD')) && existsSync(path.join(candidate, 'objects'))) return candidate;
  }
  return undefined;
}

/** What the install script recorded for an export in `dir`, or undefined. */
export function readMarker(dir) {
  const file = path.join(dir, MARKER);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function markerPath(dir) {
  return path.join(dir, MARKER);
}

/** Where a known bug's parent (`before/`) and fix (`after/`) versions are exported. */
export function knownBugDir(bug) {
  return path.join(knownBugsCacheDir, bug.id);
}

/** What a known bug's export depends on: its marker records it, so that a changed entry is exported again. */
export function knownBugMarker(bug) {
  return { repo: bug.repo, parent: bug.parent, fix: bug.fix, files: bug.files, tsconfig: bug.tsconfig };
}

/** Whether the bug is exported as its entry says now (commits, files and tsconfig). */
export function isKnownBugInstalled(bug) {
  return JSON.stringify(readMarker(knownBugDir(bug))) === JSON.stringify(knownBugMarker(bug));
}

/** A known bug seen as an app of the corpus (the files its export and lint use). */
export function knownBugApp(bug) {
  return {
    name: bug.id,
    repo: bug.repo,
    commit: bug.parent,
    kind: 'node',
    include: ['**/*.{js,jsx,ts,tsx,mjs,cjs,mts,cts,vue}'],
    exclude: [],
    tsconfig: bug.tsconfig,
    ...(bug.paths ? { paths: bug.paths } : {}),
    purpose: bug.description,
  };
}

/**
 * What an app's export depends on: its commit and the globs that chose its
 * files. The marker records it, so that an entry whose globs change is
 * exported again.
 */
export function appMarker(app) {
  return {
    repo: app.repo,
    commit: app.commit,
    include: app.include,
    exclude: [...DEFAULT_APP_EXCLUDE, ...app.exclude],
  };
}

/** Whether the app is exported as its entry says now (commit and globs). */
export function isAppInstalled(app, root = appRoot(app)) {
  const marker = readMarker(root);
  if (!marker) return false;
  return Object.entries(appMarker(app)).every(([key, value]) => JSON.stringify(marker[key]) === JSON.stringify(value));
}

/** The app's files to lint (relative, `/`-separated, sorted). */
export function appFiles(app, root = appRoot(app)) {
  return listFiles({ include: app.include, exclude: [...DEFAULT_APP_EXCLUDE, ...app.exclude] }, root);
}

/** A predicate over relative paths: is this one of the app's files to lint? */
export function appFileMatcher(app) {
  const include = app.include.map(globToRegExp);
  const exclude = [...DEFAULT_APP_EXCLUDE, ...app.exclude].map(globToRegExp);
  return (file) => include.some((re) => re.test(file)) && !exclude.some((re) => re.test(file));
}

const configMatchers = CONFIG_FILES.map(globToRegExp);
export function isConfigFile(file) {
  return !file.split('/').includes('node_modules') && configMatchers.some((re) => re.test(file));
}

/** The test-file convention issue 14 names: `*.test.*`, `*.spec.*`, `__tests__/`, `tests/`, `__mocks__/`. */
export function isTestFile(file) {
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || /(^|\/)(__tests__|__mocks__|tests?|e2e|cypress)\//.test(file);
}
