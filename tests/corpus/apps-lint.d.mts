import type { ESLint, Linter } from 'eslint';

import type { AppEntry } from './apps.mjs';
import type { CorpusCrash } from './lint.mjs';

export interface AppReport {
  app: string;
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  rule: string;
  messageId?: string;
  message: string;
  testFile: boolean;
  /** Numbered source lines around the report; the reported line starts with `>`. */
  context: string[];
}

export interface AppResult {
  mode: 'type-aware' | 'syntactic';
  /** `extends` of packages that are not installed (their compiler options are not used). */
  tsconfigSkipped: string[];
  files: number;
  testFiles: number;
  lines: number;
  reports: AppReport[];
  crashes: CorpusCrash[];
  parseErrors: { file: string; line: number; message: string }[];
  badSuggestions: { file: string; line: number; rule: string; error: string }[];
  ms: number;
}

export function tsconfigAliases(
  root: string,
  tsconfig: string,
): { paths: Record<string, string[]>; jsx: string | undefined; skipped: string[] };
export function writeAppTsconfig(app: AppEntry, files: string[], root?: string): { file: string; skipped: string[] };
export function appConfig(
  app: AppEntry,
  setup: {
    rules: Linter.RulesRecord;
    plugins: Record<string, ESLint.Plugin>;
    tsconfigFile?: string;
    files?: string[];
    root?: string;
  },
): Linter.Config[];
export function lintApp(
  app: AppEntry,
  options: {
    plugin: ESLint.Plugin;
    rules: Linter.RulesRecord;
    typeAware: boolean;
    checkSuggestions?: boolean;
    files?: string[];
    contextLines?: number;
    /** Where the app's files are; default: its folder under .corpus-cache/apps/. */
    root?: string;
  },
): Promise<AppResult>;
