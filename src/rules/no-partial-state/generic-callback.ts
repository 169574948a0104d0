import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, outermostWrapper } from '../../util/ast.js';
import { askChecker } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';
import type { PartialStateFile } from './context.js';
import type { TypeAssertion } from './fillers.js';
import { type Declarator, returnedFrom } from './syntax.js';

/**
 * Whether the asserted object is what a callback returns (directly, or as
 * the builder variable it returns) to a function that is generic in that
 * result: `defineFormatter(({ format: (args) => R }) => …)` infers `R` from
 * this very object and holds no expectation about it, so what it does with
 * it (viem merges it over the base formatter's output) is out of sight.
 * The standard library's callbacks (`map`, `then`) are not excused: they
 * hand the object back unchanged.
 */
export function isGenericCallbackResult(
  file: PartialStateFile,
  node: TypeAssertion,
  declarator: Declarator | undefined,
): boolean {
  const { sourceCode, types } = file;
  let callback = returnedFrom(outermostWrapper(node));
  if (!callback && declarator) {
    const owner = getEnclosingFunction(declarator);
    const variable = sourceCode
      .getDeclaredVariables(declarator)
      .find((candidate) => candidate.name === declarator.id.name);
    // `return block`, `return { ...block, extra } as T`: the builder is (part of) what the callback returns.
    const returned = variable?.references.some((reference) => {
      let current: TSESTree.Node = outermostWrapper(reference.identifier);
      while (
        current.parent?.type === AST_NODE_TYPES.SpreadElement ||
        (current.parent?.type === AST_NODE_TYPES.ObjectExpression && current.type === AST_NODE_TYPES.SpreadElement)
      ) {
        current =
          current.parent.type === AST_NODE_TYPES.ObjectExpression ? outermostWrapper(current.parent) : current.parent;
      }
      return owner !== undefined && returnedFrom(current) === owner;
    });
    if (returned) callback = owner;
  }
  if (!callback || !types) return false;
  const { checker, program } = types;

  // The callback is an argument, or a property of an object literal that is one (`{ format() {…} }`).
  let argument: TSESTree.Node = callback;
  let propertyName: string | undefined;
  if (callback.parent.type === AST_NODE_TYPES.Property && callback.parent.value === callback) {
    const name = ASTUtils.getPropertyName(callback.parent, sourceCode.getScope(callback.parent));
    if (name === null || callback.parent.parent.type !== AST_NODE_TYPES.ObjectExpression) return false;
    propertyName = name;
    argument = callback.parent.parent;
  }
  const call = argument.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return false;
  const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
  if (index === -1) return false;

  return (
    askChecker(() => {
      const resolved = checker.getResolvedSignature(types.tsNodeOf(call) as ts.CallExpression | ts.NewExpression);
      const declaration = resolved?.declaration;
      if (!declaration || ts.isJSDocSignature(declaration)) return false;
      if (program.isSourceFileDefaultLibrary(declaration.getSourceFile())) return false;
      const generic = checker.getSignatureFromDeclaration(declaration);
      const typeParameters: readonly ts.Type[] = generic?.typeParameters ?? [];
      const parameter = generic?.parameters[index];
      if (typeParameters.length === 0 || !parameter) return false;
      let expected = checker.getNonNullableType(checker.getTypeOfSymbol(parameter));
      if (propertyName !== undefined) {
        const property = checker.getPropertyOfType(expected, propertyName);
        if (!property) return false;
        expected = checker.getNonNullableType(checker.getTypeOfSymbol(property));
      }
      const signatures = expected.getCallSignatures();
      return (
        signatures.length > 0 &&
        signatures.every((signature) => typeParameters.includes(checker.getReturnTypeOfSignature(signature)))
      );
    }) ?? false
  );
}
