import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, isFunctionNode, skipWrappers, staticMemberName } from '../../util/ast.js';
import type { PlaceholderFile } from './context.js';
import { saysOnlyNotImplemented } from './placeholder.js';
import { thrownValueOf } from './thrown-value.js';

/*
 * Hand-written interfaces. Plain JavaScript has no `interface`, so a library
 * writes one as a class whose every method throws "not implemented", and
 * exports it for others to implement, or extends it itself:
 *
 *   export class Storage {
 *     get(key) { throw new Error('Method not implemented.'); }
 *     set(key, value) { throw new Error('Method not implemented.'); }
 *   }
 *
 * Such a class is a contract, not unfinished code. What stays unfinished code:
 * a class that `implements` an interface (the "Implement interface" quick fix
 * writes exactly those bodies into it), a decorated class or member (an
 * Angular component, a Nest controller: the framework calls them), a class
 * with a method that does real work beside the stubs, and a class nobody can
 * reach from outside the file or extend inside it.
 */

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** A class or class member as any parser gives it: one without decorator support leaves `decorators` out. */
interface MaybeDecorated {
  readonly type: AST_NODE_TYPES;
  readonly decorators?: readonly TSESTree.Decorator[];
}

function isDecorated(node: MaybeDecorated): boolean {
  return (node.decorators?.length ?? 0) > 0;
}

/** Does a class implement an interface? Plain JavaScript parsers leave `implements` out. */
function implementsInterface(node: { readonly implements?: readonly TSESTree.TSClassImplements[] }): boolean {
  return (node.implements?.length ?? 0) > 0;
}

/**
 * The function a class member defines (a method's, or an arrow or function
 * expression a field holds); `undefined` for a member that defines no code (a
 * constructor, a declared field, an abstract member, an overload signature);
 * `null` for one that holds state or runs code of its own.
 */
function memberFunction(member: TSESTree.ClassElement): TSESTree.FunctionLike | null | undefined {
  switch (member.type) {
    case AST_NODE_TYPES.MethodDefinition:
      return member.kind === 'constructor' || !member.value.body ? undefined : member.value;
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AccessorProperty: {
      if (!member.value) return undefined;
      const value = skipWrappers(member.value);
      return isFunctionNode(value) ? value : null;
    }
    case AST_NODE_TYPES.StaticBlock:
      return null;
    default:
      return undefined;
  }
}

/** Is the whole body of this function one `throw` that says only "not implemented"? */
function onlyThrowsNotImplemented(file: PlaceholderFile, fn: TSESTree.FunctionLike): boolean {
  const { body } = fn;
  if (body?.type !== AST_NODE_TYPES.BlockStatement || body.body.length !== 1) return false;
  const [statement] = body.body;
  if (statement?.type !== AST_NODE_TYPES.ThrowStatement) return false;
  const thrown = thrownValueOf(statement.argument, file.sourceCode.getScope(statement), file.literalTypeOf);
  return thrown !== undefined && saysOnlyNotImplemented(thrown, file.vocabulary);
}

/** Is every method a stub that only throws "not implemented", with no decorator anywhere? */
function hasOnlyStubMethods(file: PlaceholderFile, node: ClassNode): boolean {
  let methods = 0;
  for (const member of node.body.body) {
    if (isDecorated(member)) return false;
    const fn = memberFunction(member);
    if (fn === null) return false;
    if (fn === undefined) continue;
    methods += 1;
    if (!onlyThrowsNotImplemented(file, fn)) return false;
  }
  return methods > 0;
}

/** `module.exports`, `exports.Name` or `module.exports.Name`: a CommonJS export target. */
function isCommonJsExport(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'exports';
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const { object } = node;
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module')
    return staticMemberName(node) === 'exports';
  return isCommonJsExport(object) && !node.computed;
}

/** Does this expression position hand its value out of the module (`export default X`, `module.exports = X`)? */
function isExported(node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  let { parent } = node;
  // `module.exports = { Storage }`
  if (
    parent?.type === AST_NODE_TYPES.Property &&
    parent.value === child &&
    parent.parent.type === AST_NODE_TYPES.ObjectExpression
  ) {
    child = parent.parent;
    parent = child.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.ExportDefaultDeclaration:
    case AST_NODE_TYPES.ExportNamedDeclaration:
      return true;
    case AST_NODE_TYPES.ExportSpecifier:
      return parent.local === child;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === child && isCommonJsExport(parent.left);
    default:
      return false;
  }
}

/** The variables a class is known by: its own name, or the variable a class expression initialises. */
function classVariables(sourceCode: Readonly<TSESLint.SourceCode>, node: ClassNode): TSESLint.Scope.Variable[] {
  const variables = [...(sourceCode.scopeManager?.getDeclaredVariables(node) ?? [])];
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) {
    variables.push(...(sourceCode.scopeManager?.getDeclaredVariables(parent) ?? []));
  }
  return variables;
}

/** Is the class exported, or extended by another class of the file? */
function isExportedOrExtended(sourceCode: Readonly<TSESLint.SourceCode>, node: ClassNode): boolean {
  const holder = node.parent.type === AST_NODE_TYPES.VariableDeclarator ? node.parent.parent.parent : node;
  if (isExported(node) || isExported(holder)) return true;
  return classVariables(sourceCode, node).some((variable) =>
    variable.references.some(({ identifier }) => {
      const { parent } = identifier;
      const extended =
        (parent.type === AST_NODE_TYPES.ClassDeclaration || parent.type === AST_NODE_TYPES.ClassExpression) &&
        parent.superClass === identifier;
      return extended || isExported(identifier);
    }),
  );
}

/** Names of the helpers compilers decorate classes with: tsc's `__decorate`, esbuild's `__decorateClass`. */
const DECORATE_HELPERS = new Set(['__decorate', '__decorateClass']);

/** Is the class decorated in compiled form: `X = __decorate([Component({…})], X)`? */
function isDecoratedByHelper(sourceCode: Readonly<TSESLint.SourceCode>, node: ClassNode): boolean {
  return classVariables(sourceCode, node).some((variable) =>
    variable.references.some(({ identifier }) => {
      const { parent } = identifier;
      return (
        parent.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments.some((argument) => argument === identifier) &&
        parent.callee.type === AST_NODE_TYPES.Identifier &&
        DECORATE_HELPERS.has(parent.callee.name)
      );
    }),
  );
}

/** Is this class a hand-written interface: exported or extended, undecorated, implementing nothing, every method a stub? */
function isInterfaceClass(file: PlaceholderFile, node: ClassNode): boolean {
  const cached = file.interfaceClasses.get(node);
  if (cached !== undefined) return cached;
  const verdict =
    !isDecorated(node) &&
    !implementsInterface(node) &&
    hasOnlyStubMethods(file, node) &&
    isExportedOrExtended(file.sourceCode, node) &&
    !isDecoratedByHelper(file.sourceCode, node);
  file.interfaceClasses.set(node, verdict);
  return verdict;
}

/** Is this `throw` the whole body of a method of a hand-written interface? */
export function isInterfaceStub(file: PlaceholderFile, node: TSESTree.ThrowStatement): boolean {
  const fn = getEnclosingFunction(node);
  if (fn?.body.type !== AST_NODE_TYPES.BlockStatement || fn.body.body.length !== 1) return false;
  const member = fn.parent;
  if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition)
    return false;
  return isInterfaceClass(file, member.parent.parent);
}
