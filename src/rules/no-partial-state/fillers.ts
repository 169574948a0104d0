import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/*
 * What counts as a filler value that lies to the type checker: a value that
 * is not there at run time (`undefined`, `null`, an empty object) dressed up
 * by an assertion as the real thing. A call such as `todo()` is not one: it
 * throws while the object is being built, and is a placeholder, which
 * `no-placeholder-throw` owns.
 */

export type TypeAssertion = TSESTree.TSAsExpression | TSESTree.TSTypeAssertion;

export type FillerValue =
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
  if (node.type === AST_NODE_TYPES.Literal && node.raw === 'null') return 'null';
  return undefined;
}

function isEmptyObject(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0;
}

/** The filler `node` is, if it is one. */
export function getFillerValue(node: TSESTree.Node): FillerValue | undefined {
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
  // `x as Db`: a filler as `{} as Db`, or as the outer half of `x as unknown as Db`.
  const inner = node.expression;
  if (isEmptyObject(inner)) return { kind: 'empty-object', assertion: node };
  if (!isTypeAssertion(inner) || inner.typeAnnotation.type !== AST_NODE_TYPES.TSUnknownKeyword) return undefined;
  if (isEmptyObject(inner.expression)) return { kind: 'empty-object', assertion: node };
  const runtime = nullishValue(inner.expression);
  return runtime && { kind: 'double', runtime, assertion: node };
}
