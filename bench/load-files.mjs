// The 2,000 TypeScript files of the load and memory runs: the real sources of
// the corpus's largest TypeScript packages, whole packages in this order until
// 2,000 files are reached (the last package contributes its first files in
// sorted order). Each package keeps its own program in a type-aware run, as
// the packages of a monorepo would.
import path from 'node:path';

import { isInstalled, listFiles, packageRoot, readManifest } from '../tests/corpus/paths.mjs';

export const LOAD_FILE_COUNT = 2000;
export const LOAD_PACKAGES = ['effect', 'viem', 'happy-dom', 'matrix-js-sdk', 'rxjs'];

/**
 * The packages and files of the load runs (`count` files; fewer only for a quick try).
 * @returns {{ entry: import('../tests/corpus/paths.mjs').ManifestEntry, root: string, files: string[] }[]} */
export function loadParts(count = LOAD_FILE_COUNT) {
  const manifest = readManifest();
  const parts = [];
  let left = count;
  for (const name of LOAD_PACKAGES) {
    if (left === 0) break;
    const entry = manifest.find((candidate) => candidate.name === name);
    if (!entry || !isInstalled(entry)) throw new Error(`${name} is not installed: run npm run corpus:install`);
    const root = packageRoot(entry);
    const files = listFiles(entry, root)
      .slice(0, left)
      .map((file) => path.join(root, file));
    left -= files.length;
    parts.push({ entry, root, files });
  }
  if (left > 0) throw new Error(`the load packages hold ${count - left} files, not ${count}`);
  return parts;
}
