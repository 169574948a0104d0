import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode } from '../../util/ast.js';
import { quote } from '../../util/text.js';
import type { ts } from '../../util/typescript.js';
import type { PlaceholderFile } from './context.js';
import { isUnlistedValueGuard, isUnreachableByType } from './exhaustive.js';
import { isPlaceholderHelperByType } from './helper-by-type.js';
import { couldNameHelper } from './helper-names.js';
import { isPlaceholderHelper, isPlaceholderHelperName } from './placeholder.js';
import { MAX_QUOTED_LENGTH } from './placeholder-throws.js';
import { calleeName, functionNameOf, functionShapeOf } from './thrown-value.js';

const { DefinitionType } = TSESLint.Scope;

/*
 * Calls of placeholder helpers (`todo()`): resolved through the type checker
 * when it knows the callee, else by what the file says once all of it is seen.
 */

function reportHelperCall(file: PlaceholderFile, node: TSESTree.CallExpression, helper: string): void {
  if (isUnreachableByType(file.types, node, (part) => file.sourceCode.getText(part))) return;
  if (!file.types && isUnlistedValueGuard(file.sourceCode, node)) return;
  file.context.report({ node, messageId: 'placeholderHelperCall', data: { helper: quote(helper, MAX_QUOTED_LENGTH) } });
}

/** Without types: what the file itself says about the function an identifier names. */
function isPlaceholderHelperInFile(file: PlaceholderFile, callee: TSESTree.Identifier): boolean {
  const { sourceCode, vocabulary } = file;
  const variable = ASTUtils.findVariable(sourceCode.getScope(callee), callee);
  const definitions = variable?.defs ?? [];
  // Not declared in this file (a global): the name is all there is.
  if (definitions.length === 0) return isPlaceholderHelperName(callee.name, vocabulary);
  const [definition] = definitions;
  if (definitions.length > 1 || !definition) return false;
  if (definition.type === DefinitionType.ImportBinding) {
    // A named import goes by the name it is exported under.
    return definition.node.type === AST_NODE_TYPES.ImportSpecifier
      ? file.helperAliases.has(callee.name)
      : isPlaceholderHelperName(callee.name, vocabulary);
  }
  let fn: TSESTree.Node | null | undefined;
  if (definition.type === DefinitionType.FunctionName) fn = definition.node;
  else if (definition.type === DefinitionType.Variable) fn = definition.node.init;
  if (fn?.type === AST_NODE_TYPES.TSDeclareFunction) return isPlaceholderHelperName(callee.name, vocabulary);
  if (!fn || !isFunctionNode(fn)) return false;
  const shape = functionShapeOf(fn, sourceCode.getScope(fn), file.literalTypeOf);
  return isPlaceholderHelper({ ...shape, name: callee.name }, vocabulary);
}

/**
 * The name the declaration an identifier callee resolves to goes by, read from
 * the file alone: the imported name of a named import (`import { todo as
 * later }`), else the callee's own (a local or global function is declared
 * under it). `undefined` for a default or namespace import, whose declaration
 * only the checker knows.
 */
function declaredNameOf(
  file: PlaceholderFile,
  callee: TSESTree.Identifier,
): { name: string; imported: boolean } | undefined {
  const variable = ASTUtils.findVariable(file.sourceCode.getScope(callee), callee);
  const importDefinition = variable?.defs.find((definition) => definition.type === DefinitionType.ImportBinding);
  if (!importDefinition) return { name: callee.name, imported: false };
  const specifier = importDefinition.node;
  if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) return undefined;
  const { imported } = specifier;
  return { name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value, imported: true };
}

/**
 * Can this identifier callee be a helper at all? Asking the checker for the
 * symbol of every call is most of the rule's type-aware cost, and a callee
 * whose declaration goes by a name no helper goes by (see {@link couldNameHelper})
 * is no helper whatever the checker says. A local or global function goes by
 * the name it is declared under; only an import can go by a name an export
 * gives it.
 */
function couldBeHelperCallee(file: PlaceholderFile, program: ts.Program, callee: TSESTree.Identifier): boolean {
  const declared = declaredNameOf(file, callee);
  return (
    declared === undefined || couldNameHelper(program, declared.name, file.vocabulary, { byExport: declared.imported })
  );
}

export function checkCall(file: PlaceholderFile, node: TSESTree.CallExpression): void {
  const { callee } = node;
  if (!file.types) {
    // Without types only a named callee is judged, by what the file says once all of it is seen.
    if (callee.type === AST_NODE_TYPES.Identifier) file.callsToResolveInFile.push({ node, callee });
    return;
  }
  if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const name = calleeName(callee);
  if (name === undefined) return;
  const { types } = file;
  if (callee.type === AST_NODE_TYPES.Identifier && !couldBeHelperCallee(file, types.program, callee)) return;
  let isHelper: boolean | undefined;
  const tsNode = types.tsNodeOf(callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee);
  if (tsNode) isHelper = isPlaceholderHelperByType(types.program, tsNode, file.vocabulary);
  if (isHelper === undefined && callee.type === AST_NODE_TYPES.Identifier) {
    file.callsToResolveInFile.push({ node, callee });
  } else if (isHelper) {
    reportHelperCall(file, node, name);
  }
}

export function noteImport(file: PlaceholderFile, node: TSESTree.ImportSpecifier): void {
  const { imported } = node;
  const importedName = imported.type === AST_NODE_TYPES.Identifier ? imported.name : imported.value;
  if (isPlaceholderHelperName(importedName, file.vocabulary)) file.helperAliases.add(node.local.name);
}

export function noteNeverFunction(file: PlaceholderFile, fn: FunctionNode): void {
  if (fn.returnType?.typeAnnotation.type !== AST_NODE_TYPES.TSNeverKeyword) return;
  const name = functionNameOf(fn);
  if (name !== undefined) file.neverFunctionNames.add(name);
}

/** Calls can come before the declarations they call; they are resolved once every name is known. */
export function resolveCallsInFile(file: PlaceholderFile): void {
  for (const { node, callee } of file.callsToResolveInFile) {
    const { name } = callee;
    const candidate =
      isPlaceholderHelperName(name, file.vocabulary) ||
      file.neverFunctionNames.has(name) ||
      file.helperAliases.has(name);
    if (candidate && isPlaceholderHelperInFile(file, callee)) reportHelperCall(file, node, name);
  }
}
