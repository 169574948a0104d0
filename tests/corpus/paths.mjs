// Where the corpus lives and which files of each package are linted.
// Shared by scripts/corpus-install.mjs, scripts/corpus.mjs, bench/run.mjs and the corpus test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const corpusDir = path.join(repoRoot, 'tests/corpus');
// Outside tests/ so third-party code is never mistaken for this project's tests.
export const cacheDir = path.join(repoRoot, '.corpus-cache');

/** @returns {import('./paths.d.mts').ManifestEntry[]} */
export function readManifest() {
  return JSON.parse(readFileSync(path.join(corpusDir, 'manifest.json'), 'utf8')).packages;
}

/** The folder a package is installed into: its own npm project, so versions never clash. */
export function installDir(entry) {
  return path.join(cacheDir, `${entry.name.replace('/', '__')}@${entry.version}`);
}

/** The lockfile that pins a type-aware package's dependencies (`package-lock.json` of its install folder). */
export function lockFile(entry) {
  return path.join(corpusDir, 'locks', `${path.basename(installDir(entry))}.json`);
}

/** The package's own folder inside its install folder. */
export function packageRoot(entry) {
  return path.join(installDir(entry), 'node_modules', entry.name);
}

/** The version installed in the cache, or undefined. */
export function installedVersion(entry) {
  const manifest = path.join(packageRoot(entry), 'package.json');
  if (!existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, 'utf8')).version;
}

export function isInstalled(entry) {
  return installedVersion(entry) === entry.version;
}

/**
 * A glob as a regular expression over `/`-separated relative paths:
 * `**` any number of folders, `*` and `?` within one segment, `{a,b}` alternatives.
 */
export function globToRegExp(glob) {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === '*' && glob[index + 1] === '*') {
      // `**/` matches zero or more folders; a trailing `**` matches everything below.
      if (glob[index + 2] === '/') {
        source += '(?:[^/]*/)*';
        index += 2;
      } else {
        source += '.*';
        index += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Relative paths (with `/`) of the files a manifest entry lints, sorted. */
export function listFiles(entry, root = packageRoot(entry)) {
  const include = entry.include.map(globToRegExp);
  const exclude = [...entry.exclude, '**/node_modules/**', '**/*.min.js'].map(globToRegExp);
  const files = [];
  const walk = (relative) => {
    for (const dirent of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative === '' ? dirent.name : `${relative}/${dirent.name}`;
      if (dirent.isDirectory()) {
        if (dirent.name !== 'node_modules') walk(child);
      } else if (include.some((re) => re.test(child)) && !exclude.some((re) => re.test(child))) {
        files.push(child);
      }
    }
  };
  walk('');
  return files.sort();
}
