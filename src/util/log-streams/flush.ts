import { ASTUtils, TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, walk } from '../ast.js';
import { constInit, localFunction, memberName, type StreamFacts, unwrap, variableOf } from './facts.js';
import { FLUSH_EVENTS, LISTEN_METHODS } from './libraries.js';

/** Nodes looked at inside one promise executor or helper function. */
const WALK_BUDGET = 400;

/** See `LogStreams.flushCallbackOf`. */
export function flushCallbackOf(facts: StreamFacts, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const args = call.arguments;
  const last = args.at(-1);
  if (!last || last.type === TSESTree.AST_NODE_TYPES.SpreadElement) return undefined;
  const callbackLike = isFunctionNode(last) || last.type === TSESTree.AST_NODE_TYPES.Identifier;
  if (facts.shutdownCalls.has(call)) return callbackLike ? last : undefined;
  if (facts.consoleLoggerListens.has(call)) return undefined;
  const method = memberName(call.callee);
  if (!method || !callbackLike) return undefined;
  if (method === 'write') return args.length >= 2 ? last : undefined;
  if (method === 'end') return last;
  if (method === 'flush') return args.length === 1 ? last : undefined;
  if (LISTEN_METHODS.has(method) && args.length === 2) {
    const event = ASTUtils.getStringIfConstant(args[0] as TSESTree.Node);
    return event !== null && FLUSH_EVENTS.has(event) ? last : undefined;
  }
  return undefined;
}

/** See `LogStreams.isFlushPromise`; `depth` bounds the `const`s and helpers followed. */
export function isFlushPromiseWithin(facts: StreamFacts, node: TSESTree.Node, depth: number): boolean {
  if (depth < 0 || !mayHoldFlushPromise(facts)) return false;
  const value = unwrap(node);
  if (value.type === TSESTree.AST_NODE_TYPES.Identifier) {
    const init = constInit(facts, value);
    return init !== undefined && isFlushPromiseWithin(facts, init, depth - 1);
  }
  if (value.type === TSESTree.AST_NODE_TYPES.NewExpression) return isFlushExecutorPromise(facts, value);
  if (value.type !== TSESTree.AST_NODE_TYPES.CallExpression) return false;
  if (facts.onceCalls.has(value)) {
    const event = value.arguments[1] && ASTUtils.getStringIfConstant(value.arguments[1]);
    return typeof event === 'string' && FLUSH_EVENTS.has(event);
  }
  // A helper of this file: `async function flushLogs() { await new Promise(…) }`.
  if (value.callee.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
  const helper = localFunction(facts, value.callee);
  if (!helper?.body) return false;
  // Each helper is walked once per depth, however many calls name it.
  let verdicts = facts.helperVerdicts.get(helper);
  if (!verdicts) {
    verdicts = [];
    facts.helperVerdicts.set(helper, verdicts);
  }
  const known = verdicts[depth];
  if (known !== undefined) return known;
  verdicts[depth] = false;
  const verdict = helperWaitsForFlush(facts, helper, depth);
  verdicts[depth] = verdict;
  return verdict;
}

/**
 * Every flush promise ends in a traced `once` call or a `new Promise`, whose
 * callee is the global `Promise`: a file with neither holds none, and its
 * helpers need no walk.
 */
function mayHoldFlushPromise(facts: StreamFacts): boolean {
  if (facts.mayHoldFlushPromise === undefined) {
    const { text } = facts.sourceCode;
    facts.mayHoldFlushPromise = facts.onceCalls.size > 0 || text.includes('Promise') || text.includes('\\u');
  }
  return facts.mayHoldFlushPromise;
}

function helperWaitsForFlush(facts: StreamFacts, helper: FunctionNode, depth: number): boolean {
  const { body } = helper;
  if (body.type !== TSESTree.AST_NODE_TYPES.BlockStatement) return isFlushPromiseWithin(facts, body, depth - 1);
  return find(facts, body, (inner) => {
    if (isFunctionNode(inner)) return 'skip';
    const awaited =
      (inner.type === TSESTree.AST_NODE_TYPES.AwaitExpression && helper.async) ||
      inner.type === TSESTree.AST_NODE_TYPES.ReturnStatement;
    return awaited && inner.argument !== null && isFlushPromiseWithin(facts, inner.argument, depth - 1);
  });
}

/** `new Promise((resolve) => process.stderr.write('', resolve))` and its variations. */
function isFlushExecutorPromise(facts: StreamFacts, node: TSESTree.NewExpression): boolean {
  if (node.callee.type !== TSESTree.AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return false;
  if ((variableOf(facts, node.callee)?.defs.length ?? 0) > 0) return false;
  const executor = node.arguments[0];
  if (!executor || !isFunctionNode(executor)) return false;
  const resolveParam = executor.params[0];
  if (resolveParam?.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
  const resolveName = resolveParam.name;
  const mentionsResolve = (callback: TSESTree.Node): boolean =>
    find(facts, callback, (inner) => inner.type === TSESTree.AST_NODE_TYPES.Identifier && inner.name === resolveName);
  return find(facts, executor.body, (inner) => {
    if (inner.type !== TSESTree.AST_NODE_TYPES.CallExpression) return false;
    const callback = flushCallbackOf(facts, inner);
    return callback !== undefined && mentionsResolve(callback);
  });
}

/** Whether `visit` finds what it looks for under `root`; a root too big to search finds nothing. */
function find(facts: StreamFacts, root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | 'skip'): boolean {
  return walk(root, facts.sourceCode.visitorKeys, WALK_BUDGET, visit) === true;
}
