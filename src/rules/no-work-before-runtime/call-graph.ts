import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, outermostWrapper, skipWrappers } from '../../util/ast.js';
import type { CallSite, Collected, Use } from './collect.js';

type Node = TSESTree.Node;

/**
 * Where a node runs: the function (or `Program`) whose code path it is on, or
 * the class member whose initializer it is in (field initializers and static
 * blocks have code paths of their own and run when the class says so).
 */
export type Owner =
  FunctionNode | TSESTree.Program | TSESTree.PropertyDefinition | TSESTree.AccessorProperty | TSESTree.StaticBlock;

/** The function, class member initializer or `Program` whose code path a node is on. */
function findCodePathOwner(node: Node): Owner {
  let child: Node = node;
  let parent = node.parent;
  while (parent) {
    if (isFunctionNode(parent) && child !== parent.id) return parent;
    if (
      (parent.type === AST_NODE_TYPES.PropertyDefinition || parent.type === AST_NODE_TYPES.AccessorProperty) &&
      child === parent.value
    ) {
      return parent;
    }
    if (parent.type === AST_NODE_TYPES.StaticBlock) return parent;
    child = parent;
    parent = parent.parent;
  }
  return child as TSESTree.Program;
}

/** The function a variable always holds: a declaration never reassigned, or a `const` initialised with one. */
function functionOfVariable(variable: TSESLint.Scope.Variable): FunctionNode | undefined {
  if (variable.defs.length !== 1) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const [def] = variable.defs;
  if (def?.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (
    def?.node.type === AST_NODE_TYPES.VariableDeclarator &&
    def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    def.parent.kind === 'const' &&
    def.node.id.type === AST_NODE_TYPES.Identifier &&
    def.node.init
  ) {
    const init = skipWrappers(def.node.init);
    if (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression) {
      return init;
    }
  }
  return undefined;
}

/** The calls in this file that run a function synchronously (its IIFE call, or calls of its never-reassigned name). */
function callSitesOf(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
  const outer = outermostWrapper(fn);
  if (outer.parent?.type === AST_NODE_TYPES.CallExpression && outer.parent.callee === outer) return [outer.parent];
  const declaration =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : outer.parent?.type === AST_NODE_TYPES.VariableDeclarator && outer.parent.init === outer
        ? outer.parent
        : undefined;
  if (!declaration) return [];
  const sites: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.scopeManager?.getDeclaredVariables(declaration) ?? []) {
    if (functionOfVariable(variable) !== fn) continue;
    for (const reference of variable.references) {
      const { parent } = reference.identifier;
      if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) sites.push(parent);
    }
  }
  return sites;
}

/** How many same-file calls a use is followed back through: from the use to the call that runs it, and so on. */
export const MAX_CALL_CHAIN = 4;

/** The bounded same-file call graph: where each use is, and the calls that run a function holding a use. */
export interface CallGraph {
  /** {@link findCodePathOwner}, cached. */
  codePathOwner(node: Node): Owner;
  readonly usesByOwner: ReadonlyMap<Owner, readonly Use[]>;
  readonly callsByOwner: ReadonlyMap<Owner, readonly CallSite[]>;
}

function addTo<Value>(map: Map<Owner, Value[]>, key: Owner, value: Value): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}

export function buildCallGraph(sourceCode: Readonly<TSESLint.SourceCode>, collected: Collected): CallGraph {
  const owners = new Map<Node, Owner>();
  const codePathOwner = (node: Node): Owner => {
    let owner = owners.get(node);
    if (!owner) owners.set(node, (owner = findCodePathOwner(node)));
    return owner;
  };
  const usesByOwner = new Map<Owner, Use[]>();
  const callsByOwner = new Map<Owner, CallSite[]>();
  for (const use of collected.uses) addTo(usesByOwner, codePathOwner(use.node), use);
  for (const site of collected.earlyHandlers) addTo(callsByOwner, codePathOwner(site.call), site);
  let frontier: Owner[] = [
    ...usesByOwner.keys(),
    ...collected.earlyHandlers.map((site) => codePathOwner(site.call)),
    ...collected.earlyImports.map((site) => codePathOwner(site.call)),
  ];
  const followed = new Set<Owner>();
  for (let depth = 0; depth < MAX_CALL_CHAIN && frontier.length > 0; depth++) {
    const next: Owner[] = [];
    for (const fn of frontier) {
      if (followed.has(fn) || !isFunctionNode(fn)) continue;
      followed.add(fn);
      for (const call of callSitesOf(fn, sourceCode)) {
        const key = codePathOwner(call);
        addTo(callsByOwner, key, { call, callee: fn });
        next.push(key);
      }
    }
    frontier = next;
  }
  return { codePathOwner, usesByOwner, callsByOwner };
}
