export type AppKind = 'vue-pinia' | 'electron' | 'angular' | 'react' | 'worker' | 'node' | 'nuxt';

export interface AppEntry {
  name: string;
  /** owner/name of the public repository. */
  repo: string;
  /** The pinned commit (40 hex digits). */
  commit: string;
  kind: AppKind;
  /** Globs, relative to the repository root, of the files to lint. */
  include: string[];
  exclude: string[];
  /** The repository's tsconfig files whose path aliases the generated tsconfig keeps; empty: syntactic. */
  tsconfig: string[];
  /** Aliases generated at build time (Nuxt's .nuxt/tsconfig.json), relative to the root. */
  paths?: Record<string, string[]>;
  /** How `.js` files parse, whatever package.json `type` says. */
  sourceType?: 'module' | 'commonjs';
  purpose: string;
}

export interface KnownBug {
  id: string;
  repo: string;
  /** The commit that fixed the bug, and its parent (the bug). */
  fix: string;
  parent: string;
  files: string[];
  /** The rule that should report the bug, as `defuse/<name>`. */
  rule: string;
  /** Where the bug is in the parent: file and line. */
  file: string;
  line: number;
  /** The repository's tsconfig files (at the parent) to lint with types; empty: syntactic. */
  tsconfig: string[];
  paths?: Record<string, string[]>;
  description: string;
  /**
   * `no-crash`: traced, the parent does not crash or misbehave as the rule's message says (the fix was
   * prophylactic), so the entry is a must-not-report case on both sides and recall does not count it.
   * Absent: a bug the rule must report.
   */
  verdict?: 'no-crash';
  /** Why a `no-crash` entry is not a bug: the files, lines and import chains traced. */
  evidence?: string;
}

export const APP_KINDS: readonly AppKind[];
export const MINIMUM_PER_KIND: Record<AppKind, number>;
export const appsCacheDir: string;
export const knownBugsCacheDir: string;
export const appsReportFile: string;
export const mirrorRoot: string;
export const DEFAULT_APP_EXCLUDE: readonly string[];
export const CONFIG_FILES: readonly string[];
export function readApps(): AppEntry[];
export function readKnownBugs(): KnownBug[];
export function appRoot(app: AppEntry): string;
export function mirrorDir(repo: string): string | undefined;
export function readMarker(dir: string): Record<string, unknown> | undefined;
export function markerPath(dir: string): string;
export function appMarker(app: AppEntry): Record<string, unknown>;
export function isAppInstalled(app: AppEntry, root?: string): boolean;
export function knownBugDir(bug: KnownBug): string;
export function knownBugMarker(bug: KnownBug): Record<string, unknown>;
export function isKnownBugInstalled(bug: KnownBug): boolean;
export function knownBugApp(bug: KnownBug): AppEntry;
export function appFiles(app: AppEntry, root?: string): string[];
export function appFileMatcher(app: AppEntry): (file: string) => boolean;
export function isConfigFile(file: string): boolean;
export function isTestFile(file: string): boolean;
