import type { ESLint, Linter } from 'eslint';

import type { ManifestEntry } from './paths.mjs';

export interface CorpusReport {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface CorpusCrash {
  file: string;
  rule: string | null;
  message: string;
  stack: string;
}

export interface PackageResult {
  files: number;
  lines: number;
  reports: CorpusReport[];
  crashes: CorpusCrash[];
  parseErrors: { file: string; line: number; message: string }[];
  badSuggestions: { file: string; line: number; rule: string; error: string }[];
  ms: number;
}

export interface LintSetup {
  rules: Linter.RulesRecord;
  plugins: Record<string, ESLint.Plugin>;
  typeAware: boolean;
  root?: string;
  concurrency?: number | 'auto' | 'off';
}

export function loadPlugin(): Promise<ESLint.Plugin & { rules: Record<string, unknown> }>;
export function defuseRules(plugin: { rules: Record<string, unknown> }, names?: string[]): Linter.RulesRecord;
export function writeCorpusTsconfig(entry: ManifestEntry, root?: string): string;
export function corpusConfig(entry: ManifestEntry, setup: LintSetup): Linter.Config[];
export function createESLint(entry: ManifestEntry, setup: LintSetup): ESLint;
export function parseError(entry: ManifestEntry, file: string, text: string, root?: string): string | undefined;
export function applyFix(text: string, fix: { range: [number, number]; text: string }): string;
export function lintPackage(
  entry: ManifestEntry,
  options: {
    plugin: ESLint.Plugin;
    rules: Linter.RulesRecord;
    typeAware: boolean;
    checkSuggestions?: boolean;
    files?: string[];
  },
): Promise<PackageResult>;
