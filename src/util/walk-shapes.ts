import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isWrapper } from './ast.js';

/* Where the reference walk (`reference-walk.ts`) finds a value going, read from the shape of the code. */

type Node = TSESTree.Node;

/** A node whose value its parent hands on unchanged: `a || b`, `c ? a : b`, `(x, a)`, `a?.b`, `a as T`. */
export function isPassThrough(node: Node): boolean {
  const { parent } = node;
  switch (parent?.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.consequent === node || parent.alternate === node;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === node;
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    default:
      // The type-only wrappers and `a?.b`: util/ast.ts holds what they are.
      return parent !== undefined && isWrapper(parent, { chain: true });
  }
}

/**
 * The call of `identifier`'s member, when that is all the file does with it
 * here: `console.log(…)`, `console['log']?.(…)` (not `(console as C).log(…)`,
 * `console.log.call(…)`, `const log = console.log`).
 */
export function directMemberCall(identifier: Node): TSESTree.CallExpression | undefined {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return undefined;
  const call = member.parent;
  return call.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : undefined;
}
