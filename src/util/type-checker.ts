import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { ts } from './typescript.js';

/*
 * Type information only sharpens the rules: every rule works without it, and
 * every question to the checker may fail on an unusual program (a checker
 * crash on a declaration it cannot resolve, a node the parser did not map).
 * A failed question means "cannot tell", never an exception from a rule.
 */

/**
 * Asks the type checker one question; `undefined` when it throws. Every
 * checker call of the plugin goes through here, so that callers only decide
 * what "cannot tell" means for them.
 */
export function askChecker<T>(question: () => T): T | undefined {
  try {
    return question();
  } catch {
    return undefined;
  }
}

/** The TypeScript program behind a file, when the parser has one (typescript-eslint with a project). */
export interface TypeInformation {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** The TypeScript node an ESTree node was parsed from. */
  tsNodeOf(node: TSESTree.Node): ts.Node | undefined;
  /** The type of an expression, or `undefined` when the checker cannot tell. */
  typeAt(node: TSESTree.Node): ts.Type | undefined;
}

/** The file's type information, or `undefined` for any parser or setup that gives none. */
export function getTypeInformation(sourceCode: Readonly<TSESLint.SourceCode>): TypeInformation | undefined {
  const services = sourceCode.parserServices;
  const nodeMap = services?.esTreeNodeToTSNodeMap;
  const program = services?.program;
  if (!nodeMap || !program) return undefined;
  const checker = program.getTypeChecker();
  const tsNodeOf = (node: TSESTree.Node): ts.Node | undefined => nodeMap.get(node as never);
  return {
    program,
    checker,
    tsNodeOf,
    typeAt(node) {
      const tsNode = tsNodeOf(node);
      return tsNode && askChecker(() => checker.getTypeAtLocation(tsNode));
    },
  };
}

/**
 * A TypeScript expression without the parentheses and type-only wrappers
 * around it (`(x)`, `x as T`, `x satisfies T`, `<T>x`, `x!`): the same set as
 * `skipWrappers` in `ast.ts`, on the checker's own syntax tree.
 */
export function skipTsWrappers(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isExpressionWithTypeArguments(current)
  ) {
    current = current.expression;
  }
  return current;
}
