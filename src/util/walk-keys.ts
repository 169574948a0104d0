import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

/* How the reference walk (`reference-walk.ts`) reads a key or a module name from the file. */

type Node = TSESTree.Node;

// Read once: each `ASTUtils.x` is a getter of the namespace object, called on every use.
export const { getPropertyName } = ASTUtils;
const { getStringIfConstant } = ASTUtils;

/** `getPropertyName` of a member access, with the common `a.b` read without it (the same answer). */
export function memberName(node: TSESTree.MemberExpression): string | null {
  return !node.computed && node.property.type === AST_NODE_TYPES.Identifier
    ? node.property.name
    : getPropertyName(node);
}

/** `getStringIfConstant`, with the common case of a string literal (`require('fs')`) answered without it. */
export function constantString(node: Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  return getStringIfConstant(node);
}

export function nameOf(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.value;
}
