import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { skipWrappers } from '../../util/ast.js';

type Node = TSESTree.Node;

/**
 * Whether `node` only runs where `isGuard(call)` was true: the consequent of
 * `if (guard())`, the alternate of `if (!guard())`, the right of `guard() && …`,
 * or a conditional expression's branch; looked for up to `owner`.
 */
export function isGuarded(node: Node, owner: Node, isGuard: (call: TSESTree.CallExpression) => boolean): boolean {
  /** `true` for `guard()`, `false` for `!guard()` (any number of `!`), `undefined` for anything else. */
  const polarity = (test: Node): boolean | undefined => {
    let expression = skipWrappers(test);
    let negated = false;
    while (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
      negated = !negated;
      expression = skipWrappers(expression.argument);
    }
    return expression.type === AST_NODE_TYPES.CallExpression && isGuard(expression) ? !negated : undefined;
  };
  let child: Node = node;
  let parent = node.parent;
  while (parent && child !== owner) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      const positive = polarity(parent.test);
      if (positive === true && child === parent.consequent) return true;
      if (positive === false && child === parent.alternate) return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right) {
      if (polarity(parent.left) === true) return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}
