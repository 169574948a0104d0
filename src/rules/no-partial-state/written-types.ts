import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import { walk } from '../../util/ast.js';

const { DefinitionType } = TSESLint.Scope;

/*
 * What a type written in the source says without the type checker: whether
 * an empty object may well be complete for it, and whether it depends on a
 * type parameter.
 */

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
    if (variable) return variable.defs.find((def) => def.type === DefinitionType.Type)?.node;
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
