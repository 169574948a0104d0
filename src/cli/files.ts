import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import type { ESLint } from 'eslint';

import { IGNORES, LINTED_EXTENSIONS } from './lint-config.js';

// Directories never worth entering; the rest of IGNORES is checked per file.
const SKIPPED_DIRECTORIES = new Set([
  '.git',
  ...IGNORES.filter((pattern) => pattern.endsWith('/')).map((pattern) => pattern.slice('**/'.length, -1)),
]);

/**
 * The files a lint of `patterns` will cover, for counting progress. Returns
 * undefined for glob patterns, whose expansion only ESLint knows.
 */
export async function collectFiles(
  eslint: ESLint,
  patterns: readonly string[],
  cwd: string,
): Promise<string[] | undefined> {
  const candidates: string[] = [];
  for (const pattern of patterns) {
    if (/[*?[\]{}]/.test(pattern)) return undefined;
    const target = path.resolve(cwd, pattern);
    if (statSync(target).isDirectory()) walk(target, candidates);
    else candidates.push(target);
  }

  const files: string[] = [];
  for (const file of new Set(candidates)) {
    if (LINTED_EXTENSIONS.has(path.extname(file)) && !(await eslint.isPathIgnored(file))) {
      files.push(file);
    }
  }
  return files;
}

function walk(directory: string, into: string[]): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(directory, entry.name), into);
    } else if (entry.isFile()) {
      into.push(path.join(directory, entry.name));
    }
  }
}
