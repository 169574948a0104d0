// What the benchmark (bench/run.mjs) and the profiler (bench/profile.mjs) lint:
// corpus packages from tests/corpus/manifest.json, named here once.
import path from 'node:path';

import { isInstalled, listFiles, packageRoot, readManifest } from '../tests/corpus/paths.mjs';

/** Command-line packages: small CommonJS files that log and exit. */
export const CLI_PACKAGES = ['webpack-cli', '@nestjs/cli', 'nodemon', 'create-react-app', 'react-scripts'];
/** The type-aware workload: TypeScript sources with their own placeholder helpers. */
export const TYPED_PACKAGE = 'effect';

/** A manifest entry by name, installed. */
export function installedEntry(name) {
  const entry = readManifest().find((candidate) => candidate.name === name);
  if (!entry || !isInstalled(entry)) throw new Error(`${name} is not installed: run npm run corpus:install`);
  return entry;
}

// The 2,000 TypeScript files of the load and memory runs: the real sources of
// the corpus's largest TypeScript packages, whole packages in this order until
// 2,000 files are reached (the last package contributes its first files in
// sorted order). Each package keeps its own program in a type-aware run, as
// the packages of a monorepo would.
export const LOAD_FILE_COUNT = 2000;
export const LOAD_PACKAGES = ['effect', 'viem', 'happy-dom', 'matrix-js-sdk', 'rxjs'];

/**
 * The packages and files of the load runs (`count` files; fewer only for a quick try).
 * @returns {{ entry: import('../tests/corpus/paths.mjs').ManifestEntry, root: string, files: string[] }[]} */
export function loadParts(count = LOAD_FILE_COUNT) {
  const parts = [];
  let left = count;
  for (const name of LOAD_PACKAGES) {
    if (left === 0) break;
    const entry = installedEntry(name);
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
