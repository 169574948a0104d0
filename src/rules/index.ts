import type { TSESLint } from '@typescript-eslint/utils';

import type { DefuseRuleDocs } from '../util/create-rule.js';

/** A rule as the configs see it: its docs say which config turns it on. */
export type DefuseRule = TSESLint.RuleModule<string, readonly unknown[], DefuseRuleDocs>;

/** Every rule of the plugin, by name. Adding a rule here adds it to the configs. */
export const rules: Record<string, DefuseRule> = {};
