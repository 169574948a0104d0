import type { ESLint } from 'eslint';

import type { KnownBug } from './apps.mjs';

export interface Recall {
  /**
   * Does the rule report the bug's line in the parent commit? For a `no-crash` entry: does it report
   * anything in the parent's files (`quiet` is the target)?
   */
  before: 'reported' | 'missed' | 'quiet';
  /** Does the rule report nothing in the fixed files? */
  after: 'quiet' | 'reported';
}

export function readRecall(): Record<string, Recall & { note?: string }>;
export function recallOf(bug: KnownBug, setup: { plugin: ESLint.Plugin }): Promise<Recall & { mode: string }>;
