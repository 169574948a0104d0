import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, pushChildren } from '../../util/ast.js';
import type { Handler } from './context.js';
import { localFunction } from './fatal-paths.js';
import {
  addHandler,
  bareCall,
  endingChains,
  endsModule,
  FATAL_EVENTS,
  isListenCall,
  promiseChain,
  startsInBrowser,
  unwrapChain,
} from './handlers.js';

/*
 * The handlers of a file, found before its traversal in one walk of the
 * module's own code, so that a file with none skips the code-path analysis.
 * The walk sees the nodes in the order ESLint's traversal enters and leaves
 * them and stops where ESLint starts a code path of its own (a function, a
 * static block, a class field's initializer): what it finds, and in what
 * order, is what listeners at module top level would find.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What the search finds, and keeps for the report (`listenCalls` serves the suggestions too). */
export interface TopLevelHandlers {
  readonly sourceCode: SourceCode;
  readonly handlers: Handler[];
  /** The handlers of fatal-error listeners: not judged in an Electron app's file. */
  readonly listeners: Set<TSESTree.Node>;
  listenCalls: Set<TSESTree.Node> | undefined;
}

interface Search extends TopLevelHandlers {
  /** `try` statements whose block awaits a call. */
  readonly awaitedTries: Set<TSESTree.TryStatement>;
  readonly calledFunctions: Set<FunctionNode>;
}

/** Whether ESLint's code-path analysis starts a code path at a node (the program aside). */
function startsCodePath(node: TSESTree.Node): boolean {
  return (
    isFunctionNode(node) ||
    node.type === AST_NODE_TYPES.StaticBlock ||
    (node.parent?.type === AST_NODE_TYPES.PropertyDefinition && node.parent.value === node)
  );
}

/** `main().catch(h)`: the chain's rejection handlers; `cliMain();`: the chains `cliMain` ends with (one step). */
function enterStatement(search: Search, statement: TSESTree.ExpressionStatement): void {
  const { sourceCode } = search;
  const chain = promiseChain(statement.expression);
  if (!chain || startsInBrowser(sourceCode, chain.start)) return;
  for (const { handler, receiver } of chain.handlers) addHandler(search, handler, receiver);
  const call = bareCall(statement);
  const callee = call && localFunction(sourceCode, call.callee as TSESTree.Identifier);
  if (!callee || search.calledFunctions.has(callee)) return;
  search.calledFunctions.add(callee);
  for (const ending of endingChains(callee)) {
    if (startsInBrowser(sourceCode, ending.start)) continue;
    for (const { handler, receiver } of ending.handlers) addHandler(search, handler, receiver);
  }
}

/** `process.on('uncaughtException', h)` and its aliases. */
function leaveCall(search: Search, call: TSESTree.CallExpression): void {
  const [event, handler] = call.arguments;
  if (!event || !handler || handler.type === AST_NODE_TYPES.SpreadElement) return;
  // The event's name before the callee: which calls are `process`'s takes the file's reference pass.
  const name =
    event.type === AST_NODE_TYPES.Literal && typeof event.value === 'string'
      ? event.value
      : ASTUtils.getStringIfConstant(event, search.sourceCode.getScope(event));
  if (name === null || !FATAL_EVENTS.has(name) || !isListenCall(search, call)) return;
  search.listeners.add(handler);
  addHandler(search, handler);
}

/** `await main()`: every `try` whose block holds it awaits a call. */
function enterAwait(search: Search, node: TSESTree.AwaitExpression): void {
  if (unwrapChain(node.argument).type !== AST_NODE_TYPES.CallExpression) return;
  let child: TSESTree.Node = node;
  for (let parent: TSESTree.Node | undefined = node.parent; parent; parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child) search.awaitedTries.add(parent);
    child = parent;
  }
}

/** The `catch` of a `try` that awaits a call and ends the module. */
function leaveTry(search: Search, statement: TSESTree.TryStatement): void {
  if (statement.handler && search.awaitedTries.has(statement) && endsModule(statement)) {
    search.handlers.push({ kind: 'catch', node: statement.handler });
  }
}

/**
 * The handlers at the module's top level, in the order the traversal meets
 * them: rejection handlers of promise chains that start at a call, fatal-error
 * listeners of `process`, the `catch` of a `try` that awaits a call and ends
 * the module. An explicit stack: a deep expression must not overflow the call stack.
 */
export function findTopLevelHandlers(sourceCode: SourceCode): TopLevelHandlers {
  const search: Search = {
    sourceCode,
    handlers: [],
    listeners: new Set(),
    listenCalls: undefined,
    awaitedTries: new Set(),
    calledFunctions: new Set(),
  };
  const { visitorKeys } = sourceCode;
  // A node is pushed twice: to enter it (and push its children), then, below them, to leave it.
  const stack: TSESTree.Node[] = [sourceCode.ast];
  const leaving: boolean[] = [false];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (leaving.pop() === true) {
      if (node.type === AST_NODE_TYPES.CallExpression) leaveCall(search, node);
      else if (node.type === AST_NODE_TYPES.TryStatement) leaveTry(search, node);
      continue;
    }
    if (startsCodePath(node)) continue;
    if (node.type === AST_NODE_TYPES.ExpressionStatement) enterStatement(search, node);
    else if (node.type === AST_NODE_TYPES.AwaitExpression) enterAwait(search, node);
    stack.push(node);
    leaving.push(true);
    pushChildren(node, visitorKeys, (child) => {
      stack.push(child);
      leaving.push(false);
    });
  }
  return search;
}
