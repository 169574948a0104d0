import { ESLintUtils } from '@typescript-eslint/utils';

/** The docs every defuse rule declares; the configs are generated from them. */
export interface DefuseRuleDocs<Options extends readonly unknown[] = readonly unknown[]> {
  description: string;
  /** The lowest config that turns the rule on. */
  recommended: 'recommended' | 'strict';
  /** The rule sharpens its analysis when type information is available. */
  usesTypeInformation?: boolean;
  /**
   * The options the `strict` config passes: the opt-in, noisier behaviours
   * that `recommended` leaves off. ESLint merges them over
   * `meta.defaultOptions`, so they name only what `strict` changes.
   */
  strictOptions?: Options;
}

const REPOSITORY = 'https://github.com/eslint-plugin-defuse/eslint-plugin-defuse';

const ruleCreator = ESLintUtils.RuleCreator<DefuseRuleDocs>((name) => `${REPOSITORY}/blob/main/docs/rules/${name}.md`);

/** typescript-eslint's rule creator, with `meta.docs.strictOptions` checked against the rule's own options. */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, DefuseRuleDocs<Options>>>,
): ESLintUtils.RuleModule<MessageIds, Options, DefuseRuleDocs> & { name: string } {
  return ruleCreator(rule);
}
