import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { skipWrappers } from '../../util/ast.js';

type Node = TSESTree.Node;

/**
 * Whether `node` only runs where `isGuard(call)` was true: the consequent of
 * `if (guard())`, the alternate of `if (!guard())`, the right of `guard() && …`,
 * or a conditional expression's branch; looked for up to `owner`.
 */
export function isGuarded(node: Node, owner: Node, isGuard: (call: TSESTree.CallExpression) => boolean): boolean {
  const polarity = (test: Node): boolean | undefined => {
    const expression = skipWrappers(test);
    if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
      const inner = polarity(expression.argument);
      return inner === undefined ? undefined : !inner;
    }
    return expression.type === AST_NODE_TYPES.CallExpression && isGuard(expression) ? true : undefined;
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
