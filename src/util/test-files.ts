import path from 'node:path';

/*
 * What counts as a test file: the one definition for every rule that treats
 * test code apart (test doubles are deliberate partial objects, a test's
 * `throw` may stand in for code on purpose).
 */

/** `user.test.ts`, `app.spec.tsx`, `store.test.mjs`, `List.spec.vue`. */
const TEST_FILE_NAME = /\.(?:test|spec)\.[a-z]+$/i;

/** Folders that hold tests, test doubles and their data, wherever they sit in the project. */
const TEST_FOLDERS: readonly string[] = [
  '__tests__',
  '__mocks__',
  '__fixtures__',
  'test',
  'tests',
  'spec',
  'e2e',
  'cypress',
];

/**
 * A folder of {@link TEST_FOLDERS} in a `/`-separated relative path: a whole
 * segment (after the start or a `/`) that a `/` follows, so never the file's
 * own name. The names hold no character a pattern treats apart.
 */
const TEST_FOLDER = new RegExp(`(?:^|/)(?:${TEST_FOLDERS.join('|')})/`);

/**
 * A path below a directory whose `path.relative` from that directory is the
 * path's own tail: no empty, `.` or `..` segment, no trailing `/`. Tested on
 * the tail as it stands (on POSIX, `\` is no separator).
 */
const UNNORMALIZED_TAIL = /^$|^\/|\/\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;

/** The last `cwd` seen, and whether it is an absolute POSIX path that `path.resolve` leaves as it is. */
let lastCwd: string | undefined;
let lastCwdIsPlain = false;

/**
 * `filename` relative to `cwd` as `path.relative` gives it, read off the
 * string when `cwd` is a plain absolute POSIX directory and `filename` a plain
 * path below it: `path.relative` resolves both (a copy each) and then returns
 * exactly that tail. Anything else (Windows paths, `..`, doubled separators)
 * goes through `path.relative`.
 */
function relativePath(filename: string, cwd: string): string {
  if (cwd !== lastCwd) {
    lastCwd = cwd;
    lastCwdIsPlain = path.sep === '/' && cwd !== '/' && path.isAbsolute(cwd) && path.resolve(cwd) === cwd;
  }
  if (lastCwdIsPlain && filename.startsWith(cwd) && filename.charCodeAt(cwd.length) === 0x2f /* / */) {
    const tail = filename.slice(cwd.length + 1);
    if (!UNNORMALIZED_TAIL.test(tail)) return tail;
  }
  return path.relative(cwd, filename);
}

/**
 * Whether `filename` is a test file: its name says `.test.` or `.spec.`, or a
 * folder on its path inside the project (`cwd`) is a test folder (`tests/`,
 * `__mocks__/`, `e2e/`, …). Only the part of the path inside `cwd` is looked
 * at, so a project that itself lives under a `test/` folder is not all tests.
 */
export function isTestFile(filename: string, cwd: string): boolean {
  const normalized = filename.replaceAll('\\', '/');
  const name = normalized.slice(normalized.lastIndexOf('/') + 1);
  if (TEST_FILE_NAME.test(name)) return true;
  // ESLint names text without a file `<text>` or `<input>`: no folders to look at.
  if (!path.isAbsolute(filename)) return TEST_FOLDER.test(normalized);
  const relative = relativePath(filename, cwd).replaceAll('\\', '/');
  const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  return inside && TEST_FOLDER.test(relative);
}
