import type { TSESLint } from '@typescript-eslint/utils';

import noExitBeforeFlush from './rules/no-exit-before-flush/index.js';
import noPartialState from './rules/no-partial-state/index.js';
import noPlaceholderThrow from './rules/no-placeholder-throw/index.js';
import noWorkBeforeRuntime from './rules/no-work-before-runtime/index.js';
import noZeroExitOnFatal from './rules/no-zero-exit-on-fatal/index.js';
import type { DefuseRuleDocs } from './util/create-rule.js';

/** A rule as the configs see it: its docs say which config turns it on. */
export type DefuseRule = TSESLint.RuleModule<string, readonly unknown[], DefuseRuleDocs>;

/** Every rule of the plugin, by name. Adding a rule here adds it to the configs. */
export const rules: Record<string, DefuseRule> = {
  'no-exit-before-flush': noExitBeforeFlush,
  'no-partial-state': noPartialState,
  'no-placeholder-throw': noPlaceholderThrow,
  'no-work-before-runtime': noWorkBeforeRuntime,
  'no-zero-exit-on-fatal': noZeroExitOnFatal,
};
