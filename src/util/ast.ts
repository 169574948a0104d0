import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type Node = TSESTree.Node;

/** A function whose body runs when it is called: a declaration, an expression or an arrow. */
export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

export function isFunctionNode(node: Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** Whether a value is an AST node: what a visitor key may hold besides other values. */
function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** A node that hands its operand's value on unchanged at run time. */
export type WrapperNode =
  | TSESTree.TSAsExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion
  | TSESTree.TSNonNullExpression
  | TSESTree.TSInstantiationExpression
  | TSESTree.ChainExpression;

export interface WrapperOptions {
  /**
   * Also see through `ChainExpression`, the node that holds a whole `a?.b`
   * chain. Only callers that ask about the value (is this `console.error`?)
   * want that; a caller that asks about the shape of the code (is this call
   * the whole statement?) must see the chain.
   */
  readonly chain?: boolean;
}

/**
 * The one definition of what is transparent: the TypeScript-only wrappers
 * (`x as T`, `x satisfies T`, `<T>x`, `x!`, `f<T>`), which change the type
 * and not the value. Parentheses are no nodes in ESTree.
 */
export function isWrapper(node: Node, options: WrapperOptions = {}): node is WrapperNode {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSInstantiationExpression:
      return true;
    case AST_NODE_TYPES.ChainExpression:
      return options.chain === true;
    default:
      return false;
  }
}

/** `node` without the wrappers around its value (see {@link isWrapper}). */
export function skipWrappers(node: TSESTree.Expression, options?: WrapperOptions): TSESTree.Expression;
export function skipWrappers(node: Node, options?: WrapperOptions): Node;
export function skipWrappers(node: Node, options: WrapperOptions = {}): Node {
  let current = node;
  while (isWrapper(current, options)) current = current.expression;
  return current;
}

/** The outermost wrapper around `node` (see {@link isWrapper}), or `node` itself. */
export function outermostWrapper(node: Node, options: WrapperOptions = {}): Node {
  let current = node;
  while (current.parent && isWrapper(current.parent, options)) current = current.parent;
  return current;
}

/** The function `node` is inside, however deeply; `undefined` at module level. */
export function getEnclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/**
 * The name a member access reads or writes, when it is static: `a.b`,
 * `a['b']`, `` a[`b`] ``, `a[0]`, and `a.#b` as `#b`.
 */
export function staticMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
  return ASTUtils.getPropertyName(node) ?? undefined;
}

/** Whether a member access is the target of a write (`=`, `+=`, `++`, destructuring, `for … of`). */
export function isWriteTarget(node: TSESTree.MemberExpression): boolean {
  let child: Node = node;
  let parent = node.parent;
  while (
    isWrapper(parent) ||
    parent.type === AST_NODE_TYPES.ArrayPattern ||
    parent.type === AST_NODE_TYPES.RestElement ||
    (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === child) ||
    (parent.type === AST_NODE_TYPES.Property &&
      parent.value === child &&
      parent.parent.type === AST_NODE_TYPES.ObjectPattern) ||
    parent.type === AST_NODE_TYPES.ObjectPattern
  ) {
    child = parent;
    parent = parent.parent;
  }
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return parent.left === child;
    case AST_NODE_TYPES.UpdateExpression:
      return true;
    default:
      return false;
  }
}

/** What a walk does at a node: `true` ends the walk (found), `'skip'` leaves its children out, `false` goes on. */
export type WalkVerdict = boolean | 'skip';

/**
 * Visits the nodes under `roots` (depth first, children in source order)
 * until `visit` answers `true`, iteratively so that no nesting depth can
 * overflow the stack. Returns `true` when found, `false` when every node was
 * visited, and `undefined` when `budget` nodes were visited without an
 * answer: the caller decides what "too big to tell" means.
 */
export function walk(
  roots: Node | readonly Node[],
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  budget: number,
  visit: (node: Node) => WalkVerdict,
): boolean | undefined {
  const stack: Node[] = Array.isArray(roots) ? [...(roots as readonly Node[])].reverse() : [roots as Node];
  let left = budget;
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (left-- <= 0) return undefined;
    const verdict = visit(node);
    if (verdict === true) return true;
    if (verdict === 'skip') continue;
    pushChildren(node, visitorKeys, (child) => stack.push(child));
  }
  return false;
}

/**
 * Hands a node's children to `push` last first, so that a stack pops them in
 * source order: the one loop of every explicit-stack walk over the tree.
 */
export function pushChildren(
  node: Node,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  push: (child: Node) => void,
): void {
  const keys = visitorKeys[node.type] ?? [];
  for (let index = keys.length - 1; index >= 0; index--) {
    const child: unknown = (node as unknown as Record<string, unknown>)[keys[index] ?? ''];
    if (Array.isArray(child)) {
      for (let item = child.length - 1; item >= 0; item--) {
        const entry: unknown = child[item];
        if (isNode(entry)) push(entry);
      }
    } else if (isNode(child)) {
      push(child);
    }
  }
}
