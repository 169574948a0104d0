import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/*
 * How rules read a project's own files (a `package.json`, a Wrangler
 * configuration) beside the linted one: bounded, cached per file state, and
 * never throwing. An edited or removed file is read again, so nothing one lint
 * saw changes what the next one sees.
 */

/** Directories looked at above a linted file, at most. */
const MAX_DEPTH = 32;
/** Files kept at most per reader; past it the cache starts over. */
const MAX_CACHED = 256;
/** Larger files are not configuration. */
const MAX_BYTES = 1_000_000;

/** A module path without its script extension: `src/index.ts` and `src/index.js` name the same module. */
export const moduleStem = (file: string): string => file.replace(/\.(?:[cm]?[jt]sx?)$/, '');

/**
 * A reader of one kind of project file: what `parse` makes of its text (`undefined` text when the file is too large
 * or unreadable), from a cache while the file's modification time and size are unchanged; `undefined` when there is
 * no such file. `parse` must not throw.
 */
export function projectFileReader<T>(
  parse: (text: string | undefined, file: string) => T,
): (file: string) => T | undefined {
  const cache = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly value: T }>();
  return (file) => {
    let stats;
    try {
      stats = statSync(file, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stats?.isFile()) return undefined;
    const cached = cache.get(file);
    if (cached?.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.value;
    let text: string | undefined;
    if (stats.size <= MAX_BYTES) {
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
    }
    const value = parse(text, file);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, value });
    return value;
  };
}

/** The first answer `lookup` gives for the directory of `filename` and its parents, at most {@link MAX_DEPTH} up. */
export function findUp<T>(filename: string, lookup: (directory: string) => T | undefined): T | undefined {
  let directory = path.dirname(filename);
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const found = lookup(directory);
    if (found !== undefined) return found;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
  return undefined;
}
