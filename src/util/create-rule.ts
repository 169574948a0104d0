import { ESLintUtils } from '@typescript-eslint/utils';

/** The docs every defuse rule declares; the configs are generated from them. */
export interface DefuseRuleDocs {
  description: string;
  /** The lowest config that turns the rule on. */
  recommended: 'recommended' | 'strict';
  /** The rule sharpens its analysis when type information is available. */
  usesTypeInformation?: boolean;
}

const REPOSITORY = 'https://github.com/eslint-plugin-defuse/eslint-plugin-defuse';

export const createRule = ESLintUtils.RuleCreator<DefuseRuleDocs>(
  (name) => `${REPOSITORY}/blob/main/docs/rules/${name}.md`,
);
