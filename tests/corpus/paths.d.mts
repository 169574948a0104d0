export interface ManifestEntry {
  name: string;
  version: string;
  /** Globs, relative to the package root, of the files to lint. */
  include: string[];
  exclude: string[];
  mode: 'type-aware' | 'syntactic';
  /** How `.js` files are parsed when the package.json `type` would say otherwise. */
  sourceType?: 'module' | 'commonjs';
  /** Part of the small syntactic subset that CI lints. */
  ci?: boolean;
  purpose: string;
}

export const repoRoot: string;
export const corpusDir: string;
export const cacheDir: string;
export function readManifest(): ManifestEntry[];
export function installDir(entry: ManifestEntry): string;
export function lockFile(entry: ManifestEntry): string;
export function packageRoot(entry: ManifestEntry): string;
export function installedVersion(entry: ManifestEntry): string | undefined;
export function isInstalled(entry: ManifestEntry): boolean;
export function globToRegExp(glob: string): RegExp;
export function listFiles(entry: ManifestEntry, root?: string): string[];
