import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import { walk } from './ast.js';

/*
 * What counts as a placeholder value that lies to the type checker: a value
 * that is not there at run time (`undefined`, `null`, an empty object) dressed
 * up by an assertion as the real thing. A call such as `todo()` is not one:
 * it throws while the object is being built, and `no-placeholder-throw` owns it.
 */

export type TypeAssertion = TSESTree.TSAsExpression | TSESTree.TSTypeAssertion;

export type PlaceholderValue =
  /** `undefined as any`, `null as any`, `<any>undefined` */
  | { readonly kind: 'any'; readonly runtime: 'undefined' | 'null' }
  /** `undefined as unknown as Db`: `assertion` is the outer `as Db`. */
  | { readonly kind: 'double'; readonly runtime: 'undefined' | 'null'; readonly assertion: TypeAssertion }
  /** `null!`, `undefined!` */
  | { readonly kind: 'non-null'; readonly runtime: 'undefined' | 'null' }
  /** `{} as Config`, `{} as unknown as Config`: `assertion` is the outermost one. */
  | { readonly kind: 'empty-object'; readonly assertion: TypeAssertion };

export function isTypeAssertion(node: TSESTree.Node): node is TypeAssertion {
  return node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSTypeAssertion;
}

/** `any`, `unknown`, `never` or `const`: an assertion to these claims no particular shape. */
export function isShapelessType(type: TSESTree.TypeNode): boolean {
  return (
    type.type === AST_NODE_TYPES.TSAnyKeyword ||
    type.type === AST_NODE_TYPES.TSUnknownKeyword ||
    type.type === AST_NODE_TYPES.TSNeverKeyword ||
    (type.type === AST_NODE_TYPES.TSTypeReference &&
      type.typeName.type === AST_NODE_TYPES.Identifier &&
      type.typeName.name === 'const')
  );
}

/** `undefined`, `void 0` or `null`: what the value is at run time, if it is one of them. */
function nullishValue(node: TSESTree.Node): 'undefined' | 'null' | undefined {
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') return 'undefined';
  if (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === 'void' &&
    node.argument.type === AST_NODE_TYPES.Literal
  ) {
    return 'undefined';
  }
  if (node.type === AST_NODE_TYPES.Literal && node.value === null && !('regex' in node)) return 'null';
  return undefined;
}

function isEmptyObject(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0;
}

/** The placeholder `node` is, if it is one. */
export function getPlaceholderValue(node: TSESTree.Node): PlaceholderValue | undefined {
  if (node.type === AST_NODE_TYPES.TSNonNullExpression) {
    const runtime = nullishValue(node.expression);
    return runtime && { kind: 'non-null', runtime };
  }
  if (!isTypeAssertion(node)) return undefined;
  const annotation = node.typeAnnotation.type;
  // `null as never` is left alone: `never` claims no value at all, and code writes it to clear a
  // field on purpose (viem passes `account: null as never` to make a call read-only).
  if (annotation === AST_NODE_TYPES.TSAnyKeyword) {
    const runtime = nullishValue(node.expression);
    return runtime && { kind: 'any', runtime };
  }
  if (isShapelessType(node.typeAnnotation)) return undefined;
  // `x as Db`: a placeholder as `{} as Db`, or as the outer half of `x as unknown as Db`.
  const inner = node.expression;
  if (isEmptyObject(inner)) return { kind: 'empty-object', assertion: node };
  if (!isTypeAssertion(inner) || inner.typeAnnotation.type !== AST_NODE_TYPES.TSUnknownKeyword) return undefined;
  if (isEmptyObject(inner.expression)) return { kind: 'empty-object', assertion: node };
  const runtime = nullishValue(inner.expression);
  return runtime && { kind: 'double', runtime, assertion: node };
}

const OPEN_UTILITY_TYPES = new Set(['Partial', 'Record', 'Object']);
const TRANSPARENT_UTILITY_TYPES = new Set(['Readonly', 'NonNullable']);
/** Local type aliases followed before giving up ("open-ended"). */
const MAX_ALIAS_DEPTH = 5;

function isNullishKeyword(type: TSESTree.TypeNode): boolean {
  return (
    type.type === AST_NODE_TYPES.TSUndefinedKeyword ||
    type.type === AST_NODE_TYPES.TSNullKeyword ||
    type.type === AST_NODE_TYPES.TSVoidKeyword
  );
}

function hasOnlyOptionalMembers(members: readonly TSESTree.TypeElement[]): boolean {
  return members.every(
    (member) =>
      member.type === AST_NODE_TYPES.TSIndexSignature ||
      ((member.type === AST_NODE_TYPES.TSPropertySignature || member.type === AST_NODE_TYPES.TSMethodSignature) &&
        member.optional),
  );
}

function findTypeDefinition(scope: Scope.Scope, name: string): TSESTree.Node | undefined {
  for (let current: Scope.Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable.defs.find((def) => def.type === 'Type')?.node;
  }
  return undefined;
}

function isOpenEnded(type: TSESTree.TypeNode, scope: Scope.Scope, depth: number): boolean {
  if (depth > MAX_ALIAS_DEPTH) return true;
  switch (type.type) {
    case AST_NODE_TYPES.TSUnionType: {
      const members = type.types.filter((member) => !isNullishKeyword(member));
      return members.length === 0 || members.some((member) => isOpenEnded(member, scope, depth + 1));
    }
    case AST_NODE_TYPES.TSIntersectionType:
      return type.types.every((member) => isOpenEnded(member, scope, depth + 1));
    case AST_NODE_TYPES.TSTypeLiteral:
      return hasOnlyOptionalMembers(type.members);
    case AST_NODE_TYPES.TSTypeReference:
      return isOpenEndedReference(type, scope, depth);
    default:
      // Keywords, mapped, conditional, indexed and function types: not judged without types.
      return true;
  }
}

function isOpenEndedReference(type: TSESTree.TSTypeReference, scope: Scope.Scope, depth: number): boolean {
  if (type.typeName.type !== AST_NODE_TYPES.Identifier) return false;
  const name = type.typeName.name;
  const definition = findTypeDefinition(scope, name);
  if (definition === undefined) {
    if (OPEN_UTILITY_TYPES.has(name)) return true;
    const argument = type.typeArguments?.params[0];
    if (TRANSPARENT_UTILITY_TYPES.has(name) && argument) return isOpenEnded(argument, scope, depth + 1);
    // Imported or global: a named type we cannot see, so not obviously open-ended.
    return false;
  }
  switch (definition.type) {
    case AST_NODE_TYPES.TSTypeParameter:
      return true;
    case AST_NODE_TYPES.TSTypeAliasDeclaration:
      return isOpenEnded(definition.typeAnnotation, scope, depth + 1);
    case AST_NODE_TYPES.TSInterfaceDeclaration:
      // Members inherited through `extends` are out of sight: judge only an interface that declares a required one.
      return (
        hasOnlyOptionalMembers(definition.body.body) ||
        definition.body.body.some((member) => member.type === AST_NODE_TYPES.TSIndexSignature)
      );
    default:
      // Classes, enums: an empty object is no instance of a class, but leave the unusual alone.
      return definition.type !== AST_NODE_TYPES.ClassDeclaration;
  }
}

/**
 * Whether an empty object asserted to `type` may well be complete, as far as
 * the file shows without type information: `Record<…>`, `Partial<…>`, type
 * parameters, index signatures, all-optional local types. A named type
 * defined elsewhere is not open-ended.
 */
export function isObviouslyOpenEnded(type: TSESTree.TypeNode, scope: Scope.Scope): boolean {
  return isOpenEnded(type, scope, 0);
}

/** Type nodes `mentionsTypeParameter` looks at before it answers "yes" to be safe. */
const MAX_TYPE_NODES = 300;

/**
 * Whether a type written in the source refers to a type parameter in scope
 * (`Box<T>`, `Result<abi>`, `T extends X ? A : B`) or to the polymorphic
 * `this` type: what such a type requires depends on how the function is
 * called, so a literal asserted to it is not judged. A type too large to walk
 * counts as "yes".
 */
export function mentionsTypeParameter(
  type: TSESTree.TypeNode,
  scope: Scope.Scope,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
): boolean {
  const found = walk(
    type,
    visitorKeys,
    MAX_TYPE_NODES,
    (node) =>
      node.type === AST_NODE_TYPES.TSThisType ||
      (node.type === AST_NODE_TYPES.TSTypeReference &&
        node.typeName.type === AST_NODE_TYPES.Identifier &&
        findTypeDefinition(scope, node.typeName.name)?.type === AST_NODE_TYPES.TSTypeParameter),
  );
  return found !== false;
}
