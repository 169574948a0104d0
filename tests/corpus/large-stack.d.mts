import type { Linter } from 'eslint';

export function lintWithLargeStack(input: {
  text: string;
  filename: string;
  parser: 'espree' | 'typescript';
  stackSizeMb?: number;
}): Promise<{ messages: Linter.LintMessage[]; error?: { message: string; ruleId?: string } }>;
