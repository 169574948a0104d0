import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

import type { DefuseRule } from './rules.js';

type RuleEntry = TSESLint.FlatConfig.RuleEntry;
type Rules = Record<string, RuleEntry>;

export type ConfigName = 'recommended' | 'strict' | 'recommended-type-checked' | 'all';

/**
 * The flat configs, generated from each rule's `meta.docs` so that a new rule
 * is added in one place. Every rule works without type information, so
 * `recommended-type-checked` turns on the same rules as `recommended` and adds
 * the parser setup that lets them use the type checker.
 */
export function createConfigs(
  plugin: TSESLint.FlatConfig.Plugin,
  rules: Record<string, DefuseRule>,
): Record<ConfigName, TSESLint.FlatConfig.Config> {
  const pick = (accept: (rule: DefuseRule) => RuleEntry | undefined): Rules => {
    const picked: Rules = {};
    for (const [name, rule] of Object.entries(rules)) {
      const entry = accept(rule);
      if (entry !== undefined) picked[`defuse/${name}`] = entry;
    }
    return picked;
  };

  const recommendedRules = pick((rule) => (rule.meta.docs?.recommended === 'recommended' ? 'error' : undefined));
  const allRules = pick(() => 'error');
  // No rule has opt-in options yet, so `strict` turns on every rule as it is (the lead decides its future).
  const strictRules = allRules;

  return {
    recommended: { name: 'defuse/recommended', plugins: { defuse: plugin }, rules: recommendedRules },
    strict: { name: 'defuse/strict', plugins: { defuse: plugin }, rules: strictRules },
    'recommended-type-checked': {
      name: 'defuse/recommended-type-checked',
      plugins: { defuse: plugin },
      languageOptions: {
        parser: tsParser,
        parserOptions: { projectService: true },
      },
      rules: recommendedRules,
    },
    all: { name: 'defuse/all', plugins: { defuse: plugin }, rules: allRules },
  };
}
