import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import { type FunctionNode, getEnclosingFunction, staticMemberName } from '../../util/ast.js';

/* The shapes of code that several checks of this rule read. */

/** `const x = …` with a plain name and no annotation. */
export type Declarator = TSESTree.VariableDeclarator & { id: TSESTree.Identifier };

/** `const x = <node>` with a plain name and no annotation: where the builder idiom and the suggestion apply. */
export function unannotatedDeclarator(node: TSESTree.Node): Declarator | undefined {
  const parent = node.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.id.type === AST_NODE_TYPES.Identifier &&
    // A definite assignment (`let x!: T`) has an annotation.
    parent.id.typeAnnotation === undefined
  ) {
    return parent as Declarator;
  }
  return undefined;
}

/** `Object.assign(…)`, by its name; callers that need the global check it with {@link isGlobalName}. */
export function isObjectAssignCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.MemberExpression &&
    node.callee.object.type === AST_NODE_TYPES.Identifier &&
    node.callee.object.name === 'Object' &&
    staticMemberName(node.callee) === 'assign'
  );
}

/** Whether `name` is the global (`Object`, `Promise`), not a local binding of that name. */
export function isGlobalName(node: TSESTree.Node, name: string, scope: Scope.Scope): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return false;
  const variable = ASTUtils.findVariable(scope, name);
  return variable === null || variable.defs.length === 0;
}

/** The function `node` is the return value of (`return node`, `=> node`), if it is one. */
export function returnedFrom(node: TSESTree.Node): FunctionNode | undefined {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return getEnclosingFunction(parent);
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node) return parent;
  return undefined;
}
