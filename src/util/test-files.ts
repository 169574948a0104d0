import path from 'node:path';

/*
 * What counts as a test file: the one definition for every rule that treats
 * test code apart (test doubles are deliberate partial objects, a test's
 * `throw` may stand in for code on purpose).
 */

/** `user.test.ts`, `app.spec.tsx`, `store.test.mjs`, `List.spec.vue`. */
const TEST_FILE_NAME = /\.(?:test|spec)\.[a-z]+$/i;

/** Folders that hold tests, test doubles and their data, wherever they sit in the project. */
const TEST_FOLDERS: ReadonlySet<string> = new Set([
  '__tests__',
  '__mocks__',
  '__fixtures__',
  'test',
  'tests',
  'spec',
  'e2e',
  'cypress',
]);

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
  if (!path.isAbsolute(filename)) return folderIsTest(normalized);
  const relative = path.relative(cwd, filename).replaceAll('\\', '/');
  const inside = relative !== '' && !relative.startsWith('../') && !path.isAbsolute(relative);
  return inside && folderIsTest(relative);
}

function folderIsTest(relative: string): boolean {
  const folders = relative.split('/').slice(0, -1);
  return folders.some((folder) => TEST_FOLDERS.has(folder));
}
