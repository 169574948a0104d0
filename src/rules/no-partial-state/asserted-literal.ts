import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { outermostWrapper, skipWrappers, staticMemberName } from '../../util/ast.js';
import type { PartialStateFile } from './context.js';
import { isShapelessType, isTypeAssertion, type TypeAssertion } from './fillers.js';
import { isIdiomPosition } from './idioms.js';
import { checkTypedAssertion, checkUntypedAssertion } from './missing-properties.js';
import { isGlobalName, isObjectAssignCall, unannotatedDeclarator } from './syntax.js';
import { mentionsTypeParameter } from './written-types.js';

/*
 * Object literals asserted to a type (`{ db } as AppState`): which ones are
 * judged at all. An empty fallback, a value merged over another object, a
 * dictionary filled with computed keys and a type that depends on the caller
 * are left alone.
 */

/** The object literal an assertion wraps, through `as unknown as`, `satisfies` and `!`. */
function assertedObjectLiteral(node: TypeAssertion): TSESTree.ObjectExpression | undefined {
  const inner = skipWrappers(node.expression);
  return inner.type === AST_NODE_TYPES.ObjectExpression ? inner : undefined;
}

function isObjectPropertyValue(node: TSESTree.Node): node is TSESTree.Node & { parent: TSESTree.Property } {
  return (
    node.parent?.type === AST_NODE_TYPES.Property &&
    node.parent.value === node &&
    node.parent.parent.type === AST_NODE_TYPES.ObjectExpression
  );
}

/** `!x`, `x == null`, `x === undefined`: the test of `if (…) x = {} as T`, which is `x ||= {} as T`. */
function testsAbsence(
  test: TSESTree.Expression,
  target: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const same = (node: TSESTree.Node) => sourceCode.getText(node) === sourceCode.getText(target);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return same(test.argument);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['==', '===', '!=', '!=='].includes(test.operator))
    return false;
  if (test.operator.startsWith('!')) return false;
  const other = same(test.left) ? test.right : same(test.right) ? test.left : undefined;
  return (
    other !== undefined &&
    ((other.type === AST_NODE_TYPES.Literal && other.raw === 'null') ||
      (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined'))
  );
}

/**
 * `a || ({} as T)`, `a ?? ({} as T)`, `a ||= {} as T`, `if (!a) a = {} as T`,
 * `ok ? a : ({} as T)`: an empty fallback for data that may be absent.
 */
function isEmptyFallback(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.LogicalExpression:
      return parent.right === node && (parent.operator === '||' || parent.operator === '??');
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test !== node;
    case AST_NODE_TYPES.AssignmentExpression: {
      if (parent.right !== node) return false;
      if (parent.operator === '||=' || parent.operator === '??=') return true;
      if (parent.operator !== '=' || parent.parent.type !== AST_NODE_TYPES.ExpressionStatement) return false;
      const statement = parent.parent;
      const block = statement.parent;
      const guard = block.type === AST_NODE_TYPES.BlockStatement && block.body.length === 1 ? block.parent : block;
      return (
        guard.type === AST_NODE_TYPES.IfStatement &&
        guard.alternate === null &&
        (guard.consequent === statement || guard.consequent === block) &&
        testsAbsence(guard.test, parent.left, sourceCode)
      );
    }
    default:
      return false;
  }
}

/** `arr.reduce((acc, x) => { acc[x.key] = …; return acc; }, {} as Totals)`: a dictionary seed. */
function isDictionaryReduceSeed(sourceCode: Readonly<TSESLint.SourceCode>, node: TypeAssertion): boolean {
  const call = node.parent;
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments[1] !== node ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    !['reduce', 'reduceRight'].includes(staticMemberName(call.callee) ?? '')
  ) {
    return false;
  }
  const callback = call.arguments[0];
  if (
    callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    callback?.type !== AST_NODE_TYPES.FunctionExpression
  ) {
    return false;
  }
  const accumulator = callback.params[0];
  if (accumulator?.type !== AST_NODE_TYPES.Identifier) return false;
  return isUsedAsDictionary(sourceCode, callback, accumulator.name);
}

/** Whether the variable `name` declared by `declaration` is indexed with computed keys (`acc[row.key]`). */
function isUsedAsDictionary(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declaration: TSESTree.Node,
  name: string,
): boolean {
  const variable = sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === name);
  return (
    variable?.references.some((reference) => {
      const parent = reference.identifier.parent;
      return (
        parent.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === reference.identifier &&
        staticMemberName(parent) === undefined
      );
    }) ?? false
  );
}

/** `x as T` and `<T>x`: judges the object literal the outermost assertion wraps. */
export function checkAssertion(file: PartialStateFile, node: TypeAssertion): void {
  const { sourceCode } = file;
  // The outermost assertion of `{} as unknown as T` judges; so does the filler check for a property value.
  if (isTypeAssertion(node.parent) || isShapelessType(node.typeAnnotation)) return;
  const literal = assertedObjectLiteral(node);
  if (!literal) return;
  if (
    literal.properties.length === 0 &&
    (isObjectPropertyValue(node) || isEmptyFallback(outermostWrapper(node), sourceCode))
  ) {
    return;
  }
  const operand = outermostWrapper(node);
  // A context default, a `Proxy` target, a destructuring default, empty-until-loaded state, a class field set later.
  if (isIdiomPosition(file, operand, literal.properties.length === 0)) return;
  // `Object.assign(socket, { … } as Socket)`: merged over the target, which supplies the rest.
  const call = operand.parent;
  if (
    call !== undefined &&
    isObjectAssignCall(call) &&
    call.arguments.indexOf(operand as TSESTree.CallExpressionArgument) > 0 &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    isGlobalName(call.callee.object, 'Object', sourceCode.getScope(call))
  ) {
    return;
  }
  // What `Box<T>` requires depends on how the function is called.
  if (mentionsTypeParameter(node.typeAnnotation, sourceCode.getScope(node), sourceCode.visitorKeys)) return;
  const declarator = unannotatedDeclarator(node);
  // Filled in with computed keys (`out[key] = …`): which properties it gets is not knowable here.
  if (
    declarator
      ? isUsedAsDictionary(sourceCode, declarator, declarator.id.name)
      : isDictionaryReduceSeed(sourceCode, node)
  )
    return;
  if (file.types) {
    checkTypedAssertion(file, node, literal, declarator);
  } else if (literal.properties.length === 0) {
    checkUntypedAssertion(file, node, literal, declarator);
  }
}
