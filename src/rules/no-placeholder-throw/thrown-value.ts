import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, getEnclosingFunction, skipWrappers, staticMemberName } from '../../util/ast.js';
import {
  DYNAMIC_PART,
  type FunctionShape,
  isErrorClassName,
  isPlaceholderErrorClass,
  type ThrownValue,
  type ThrowSite,
} from './placeholder.js';

/*
 * Reads what a `throw` in the linted file throws, and the shape of its
 * functions, for `placeholder.ts` to judge.
 */

/** Reads a literal string type from the type checker, when the caller has one. */
export type LiteralTypeOf = (node: TSESTree.Node) => string | undefined;

type Scope = TSESLint.Scope.Scope;

/** The static name a callee goes by: `Error`, `errors.NotImplementedError`, `x['TypeError']`. */
export function calleeName(callee: TSESTree.Node): string | undefined {
  const node = skipWrappers(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return node.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(node) : undefined;
}

/**
 * The text of a message, as far as it is known without running the code:
 * constants through `getStaticValue`, template literals and `+` chains on their
 * static parts, and (given `literalTypeOf`) anything whose type is a string
 * literal type.
 */
function messageTextOf(
  node: TSESTree.Node,
  scope: Scope | undefined,
  literalTypeOf?: LiteralTypeOf,
): string | undefined {
  const expression = skipWrappers(node);
  const staticValue = ASTUtils.getStaticValue(expression, scope);
  if (staticValue) return typeof staticValue.value === 'string' ? staticValue.value : undefined;
  const partial = partialText(expression, scope, 0);
  if (partial !== undefined) return partial;
  return literalTypeOf?.(expression);
}

/** How deep a `+` chain or template literal is read. */
export const MAX_CONCAT_DEPTH = 50;

/** Static parts of a template literal or `+` chain, with the dynamic parts elided. */
function partialText(node: TSESTree.Node, scope: Scope | undefined, depth: number): string | undefined {
  if (depth > MAX_CONCAT_DEPTH) return undefined;
  const part = (child: TSESTree.Node): string => {
    const inner = skipWrappers(child);
    const value = ASTUtils.getStaticValue(inner, scope);
    if (value) return String(value.value);
    return partialText(inner, scope, depth + 1) ?? DYNAMIC_PART;
  };
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return node.quasis
      .map((quasi, index) => {
        const expression = node.expressions[index];
        return (quasi.value.cooked ?? quasi.value.raw) + (expression ? part(expression) : '');
      })
      .join('');
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const left = part(node.left);
    const right = part(node.right);
    // A sum of two unknowns is no message at all.
    return left === DYNAMIC_PART && right === DYNAMIC_PART ? undefined : left + right;
  }
  return undefined;
}

/**
 * What a `throw` argument throws: `new E(message)` and `E(message)` give the
 * class and the message, a string or template literal gives the message. Any
 * other value (a rethrown `err`, a call of some factory) gives nothing.
 */
export function thrownValueOf(
  argument: TSESTree.Expression,
  scope: Scope | undefined,
  literalTypeOf?: LiteralTypeOf,
): ThrownValue | undefined {
  const node = skipWrappers(argument);
  if (node.type === AST_NODE_TYPES.NewExpression || node.type === AST_NODE_TYPES.CallExpression) {
    const errorClass = calleeName(node.callee);
    if (errorClass === undefined) return undefined;
    // The syntactic shape decides before any type is read.
    if (!isErrorClassName(errorClass) && !isPlaceholderErrorClass(errorClass)) return { errorClass };
    const [first] = node.arguments;
    if (!first) return { errorClass };
    // A message built at run time is known to be there, not what it says.
    const message =
      first.type === AST_NODE_TYPES.SpreadElement ? undefined : messageTextOf(first, scope, literalTypeOf);
    return { errorClass, message: message ?? DYNAMIC_PART };
  }
  if (
    (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node.type === AST_NODE_TYPES.TemplateLiteral ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
  ) {
    const message = messageTextOf(node, scope);
    return message === undefined ? undefined : { message };
  }
  return undefined;
}

/** The name a function is known by: its own, or the variable, property or method it is assigned to. */
export function functionNameOf(node: FunctionNode): string | undefined {
  if (node.id) return node.id.name;
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return parent.id.name;
  }
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition ||
      parent.type === AST_NODE_TYPES.Property ||
      parent.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed
  ) {
    if (parent.key.type === AST_NODE_TYPES.Identifier) return parent.key.name;
    if (parent.key.type === AST_NODE_TYPES.Literal && typeof parent.key.value === 'string') return parent.key.value;
  }
  return undefined;
}

/** Is this `null`, `undefined` or `void 0`? */
function isNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.raw === 'null') ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/** A literal value, or `typeof x` (which can only be compared with one). */
function isLiteralLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.Literal ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'typeof')
  );
}

/**
 * Does this condition check that something is missing or wrong, rather than
 * choose a case? `!x`, `x == null`, `x === undefined`, `a !== b` between two
 * values, `typeof x !== 'string'`, and `||` of those. A comparison with a
 * literal (`format === 'pdf'`, `format !== 'csv'`) chooses a case: the code for
 * it may be what is missing.
 */
export function isFailureCheck(test: TSESTree.Expression): boolean {
  const node = skipWrappers(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    return node.operator === '||' && isFailureCheck(node.left) && isFailureCheck(node.right);
  }
  if (node.type === AST_NODE_TYPES.UnaryExpression) return node.operator === '!';
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const left = skipWrappers(node.left);
  const right = skipWrappers(node.right);
  if (node.operator === '==' || node.operator === '===') return isNullish(left) || isNullish(right);
  if (node.operator !== '!=' && node.operator !== '!==') return false;
  const isTypeofCheck =
    (left.type === AST_NODE_TYPES.UnaryExpression && left.operator === 'typeof') ||
    (right.type === AST_NODE_TYPES.UnaryExpression && right.operator === 'typeof');
  if (isTypeofCheck) return true;
  // `x != null` throws when there is something: that is no check for a missing value.
  return !isNullish(left) && !isNullish(right) && !isLiteralLike(left) && !isLiteralLike(right);
}

/**
 * Is this `throw` the whole consequent of an `if` that checks for a failure
 * ({@link isFailureCheck}), in a function `fn` that does other work besides?
 */
function isFailureGuard(node: TSESTree.ThrowStatement, fn: FunctionNode): boolean {
  let consequent: TSESTree.Statement = node;
  if (node.parent.type === AST_NODE_TYPES.BlockStatement && node.parent.body.length === 1) consequent = node.parent;
  const guard = consequent.parent;
  if (guard.type !== AST_NODE_TYPES.IfStatement || guard.consequent !== consequent) return false;
  if (!isFailureCheck(guard.test)) return false;
  return fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.some((statement) => statement !== guard);
}

/** Where a `throw` stands: the function it is in, and whether it is the whole body of an overridable method. */
export function throwSiteOf(node: TSESTree.ThrowStatement): ThrowSite {
  const fn = getEnclosingFunction(node);
  if (!fn) return {};
  const site = throwSiteInFunction(node, fn);
  return isFailureGuard(node, fn) ? { ...site, isFailureGuard: true } : site;
}

function throwSiteInFunction(node: TSESTree.ThrowStatement, fn: FunctionNode): ThrowSite {
  const isWholeBody =
    fn.body.type === AST_NODE_TYPES.BlockStatement && fn.body.body.length === 1 && fn.body.body[0] === node;
  const { parent } = fn;
  // `class Driver { install() { … } }`
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.kind !== 'constructor') {
    const owner = parent.parent.parent;
    return {
      functionName: functionNameOf(fn),
      className: owner.id?.name,
      isWholeMethodBody: isWholeBody,
    };
  }
  // `Driver.prototype.install = function () { … }`
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
    const target = parent.left;
    if (
      target.type === AST_NODE_TYPES.MemberExpression &&
      !target.computed &&
      target.property.type === AST_NODE_TYPES.Identifier &&
      target.object.type === AST_NODE_TYPES.MemberExpression &&
      !target.object.computed &&
      target.object.property.type === AST_NODE_TYPES.Identifier &&
      target.object.property.name === 'prototype' &&
      target.object.object.type === AST_NODE_TYPES.Identifier
    ) {
      return {
        functionName: target.property.name,
        className: target.object.object.name,
        isWholeMethodBody: isWholeBody,
      };
    }
  }
  return { functionName: functionNameOf(fn) };
}

/** The shape of a function in the linted file; see {@link isPlaceholderHelper}. */
export function functionShapeOf(
  node: FunctionNode,
  scope: Scope | undefined,
  literalTypeOf?: LiteralTypeOf,
): FunctionShape {
  const declaresNever = node.returnType?.typeAnnotation.type === AST_NODE_TYPES.TSNeverKeyword;
  let soleThrow: ThrownValue | null | undefined;
  if (node.body.type === AST_NODE_TYPES.BlockStatement && node.body.body.length === 1) {
    const [statement] = node.body.body;
    if (statement?.type === AST_NODE_TYPES.ThrowStatement) {
      soleThrow = thrownValueOf(statement.argument, scope, literalTypeOf) ?? null;
    }
  }
  return { name: functionNameOf(node), declaresNever, soleThrow };
}
