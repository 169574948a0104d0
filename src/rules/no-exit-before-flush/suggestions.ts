import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, staticMemberName } from '../../util/ast.js';
import type { LogWrite } from '../../util/log-streams/index.js';
import { isNodeProcess } from '../../util/node-process.js';
import { indentOf, indentUnitOf, lineBreakOf, quote } from '../../util/text.js';

export type SuggestionIds = 'useExitCode' | 'useExitCodeInFunction' | 'exitFromWriteCallback';
type SourceCode = Readonly<TSESLint.SourceCode>;

const { isCommentToken } = ASTUtils;

/** A suggestion's message quotes its replacement up to this length. */
export const MAX_REPLACEMENT_LENGTH = 60;
/** How deep an exit code expression is checked for side effects. */
const PURE_DEPTH = 4;

/**
 * How a timer runs the function passed to it: `once` (`setTimeout`,
 * `setImmediate`, `queueMicrotask`, `process.nextTick`) or `repeat`
 * (`setInterval`, which calls it again and again).
 */
export type TimerKind = 'once' | 'repeat';

/** The timer call a callback was passed to, and how that timer runs it. */
export interface TimerCallback {
  call: TSESTree.CallExpression;
  kind: TimerKind;
}

/** Promise methods whose handlers run as a reaction, after the code that attached them. */
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
/** `process` methods that add a listener for a process event (a signal, `uncaughtException`). */
const PROCESS_LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** An exit code whose evaluation cannot run code: literals, names, `-1`, `Codes.Failure`, `err ? 1 : 0`. */
function isPure(node: TSESTree.Node, depth: number): boolean {
  if (depth < 0) return false;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return (
        (node.operator === '-' || node.operator === '+' || node.operator === '!') && isPure(node.argument, depth - 1)
      );
    case AST_NODE_TYPES.MemberExpression:
      return !node.computed && node.object.type !== AST_NODE_TYPES.Super && isPure(node.object, depth - 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return isPure(node.test, depth - 1) && isPure(node.consequent, depth - 1) && isPure(node.alternate, depth - 1);
    default:
      return false;
  }
}

/**
 * Whether `text` has a `/` within `range`: without one it holds no comment,
 * and the token store need not be asked (most exit statements have none).
 * The slice shares the file's characters; the search is the engine's own.
 */
function mayHoldComment(text: string, [start, end]: TSESTree.Range): boolean {
  return text.slice(start, end).includes('/');
}

/** The statement a call is the whole expression of: `process.exit(1);`, `process?.exit(1);`. */
function statementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  const expression = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  return expression.parent.type === AST_NODE_TYPES.ExpressionStatement ? expression.parent : undefined;
}

/**
 * The function or program whose last reached statement this is, when nothing
 * can run after it there: it ends every block, `if`, `try`/`catch` (without a
 * `finally`, which would run after it), last `switch` case and label around it
 * up to the function body. Loops are not followed (the next iteration runs
 * after it).
 */
function tailOwner(statement: TSESTree.Statement): FunctionNode | TSESTree.Program | undefined {
  let current: TSESTree.Node = statement;
  for (;;) {
    // The walk ends at the Program at the latest: every case returns there.
    const parent: TSESTree.Node = current.parent;
    switch (parent.type) {
      case AST_NODE_TYPES.Program:
        return parent.body.at(-1) === current ? parent : undefined;
      case AST_NODE_TYPES.BlockStatement:
        if (parent.body.at(-1) !== current) return undefined;
        if (isFunctionNode(parent.parent)) return parent.parent;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (parent.consequent.at(-1) !== current || parent.parent.cases.at(-1) !== parent) return undefined;
        break;
      case AST_NODE_TYPES.TryStatement:
        if (parent.finalizer && parent.finalizer !== current) return undefined;
        break;
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.SwitchStatement:
        break;
      default:
        return undefined;
    }
    current = parent;
  }
}

/**
 * The function a `return` at `node` would leave, when `return` is allowed
 * there and leaves it at once: not at top level or in a static block, and not
 * from inside a `try` or `catch` whose `finally` would then run.
 */
function returnableOwner(node: TSESTree.Statement): FunctionNode | undefined {
  let child: TSESTree.Node = node;
  for (;;) {
    // The walk ends at the Program at the latest.
    const current: TSESTree.Node = child.parent;
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.StaticBlock || current.type === AST_NODE_TYPES.Program) return undefined;
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer && current.finalizer !== child) {
      return undefined;
    }
    child = current;
  }
}

/** Whether `return` is allowed where the exit is: inside a function (not a static block, not top level). */
export function canReturnAt(exit: TSESTree.CallExpression): boolean {
  // The walk ends at the Program at the latest.
  for (let current: TSESTree.Node = exit.parent; ; current = current.parent) {
    if (isFunctionNode(current)) return true;
    if (current.type === AST_NODE_TYPES.StaticBlock || current.type === AST_NODE_TYPES.Program) return false;
  }
}

/** The call a function is passed to as an argument: a `.catch` handler, a listener, a `forEach` callback. */
function callReceiving(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const { parent } = fn;
  return (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(fn as TSESTree.CallExpressionArgument)
    ? parent
    : undefined;
}

/** The name of the method a call calls: `then` in `main().then(…)`. */
function methodName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  return call.callee.type === AST_NODE_TYPES.MemberExpression ? staticMemberName(call.callee) : undefined;
}

/**
 * Whether a callback is the last thing that runs in its turn, so that what it
 * does after the exit is all that changes: a handler of a promise chain that
 * ends in a statement (`main().catch(…);`), or a one-shot timer callback.
 * Any other callback may be called synchronously (`items.forEach`), again
 * (`setInterval`, a stream's `'data'` listener) or with code after it.
 */
function runsLast(fn: FunctionNode, call: TSESTree.CallExpression, timers: ReadonlyMap<TSESTree.Node, TimerCallback>) {
  const timer = timers.get(fn);
  if (timer) return timer.kind === 'once';
  const name = methodName(call);
  if (!name || !PROMISE_METHODS.has(name)) return false;
  const whole = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  return whole.parent.type === AST_NODE_TYPES.ExpressionStatement;
}

/** `isNodeProcess` of each scope (the answer depends on the scope alone): each asked once per scope. */
const processInScope = new WeakMap<TSESLint.Scope.Scope, boolean>();

/** Whether the name `process` at `node` is Node's process object (`isNodeProcess`), known once per scope. */
function isProcessAt(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const scope = sourceCode.getScope(node);
  let known = processInScope.get(scope);
  if (known === undefined) processInScope.set(scope, (known = isNodeProcess(sourceCode, node)));
  return known;
}

/** Whether a callback listens to a `process` event: a signal, `uncaughtException`, `unhandledRejection`. */
function isProcessListener(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const { callee } = call;
  const name = methodName(call);
  return (
    name !== undefined &&
    PROCESS_LISTENER_METHODS.has(name) &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'process' &&
    isProcessAt(sourceCode, callee.object)
  );
}

/**
 * Replaces `statement` with `statements`, one per line at its indentation, in
 * the file's line breaks. Where the statement is the unbraced body of an `if`,
 * `else`, loop or label and becomes more than one, it gets braces.
 */
function replaceStatement(
  sourceCode: SourceCode,
  fixer: TSESLint.RuleFixer,
  statement: TSESTree.Statement,
  statements: readonly string[],
): TSESLint.RuleFix {
  if (statements.length === 1) return fixer.replaceText(statement, statements.join(''));
  const lineBreak = lineBreakOf(sourceCode.text);
  const { parent } = statement;
  const inList =
    parent.type === AST_NODE_TYPES.BlockStatement ||
    parent.type === AST_NODE_TYPES.Program ||
    parent.type === AST_NODE_TYPES.SwitchCase ||
    parent.type === AST_NODE_TYPES.StaticBlock;
  if (inList) {
    const { line, column } = statement.loc.start;
    const indent = indentOf(sourceCode.lines, line);
    // A statement that shares its line with code before it (`{ exit(1); }`) keeps sharing it.
    const separator = indent.length === column ? `${lineBreak}${indent}` : ' ';
    return fixer.replaceText(statement, statements.join(separator));
  }
  const before = sourceCode.getTokenBefore(statement, { includeComments: true });
  const headIndent = indentOf(sourceCode.lines, (before ?? statement).loc.start.line);
  const bodyIndent = headIndent + indentUnitOf(sourceCode.lines);
  const body = statements.map((text) => `${lineBreak}${bodyIndent}${text}`).join('');
  const block = `{${body}${lineBreak}${headIndent}}`;
  // `if (x)⏎  exit(1);` becomes `if (x) {⏎  …⏎}`; a comment before the statement stays where it is.
  if (before && !isCommentToken(before)) {
    return fixer.replaceTextRange([before.range[1], statement.range[1]], ` ${block}`);
  }
  return fixer.replaceText(statement, block);
}

/**
 * The suggestions for an exit that can cut off `writes`: set the exit code
 * instead, or exit once they flushed. Each is offered only where what it
 * changes is what its message says: the `return` it adds leaves the function
 * at once, and no code that the exit cut off runs afterwards (a synchronous or
 * repeated callback, a loop's next iteration, a `finally` block).
 */
export function suggestionsFor(
  sourceCode: SourceCode,
  exit: TSESTree.CallExpression,
  writes: readonly LogWrite[],
  timers: ReadonlyMap<TSESTree.Node, TimerCallback>,
): TSESLint.SuggestionReportDescriptor<SuggestionIds>[] {
  const statement = statementOf(exit);
  const code = exit.arguments[0];
  if (!statement || exit.arguments.length > 1) return [];
  if (code && (code.type === AST_NODE_TYPES.SpreadElement || !isPure(code, PURE_DEPTH))) return [];
  // The replacement is written from scratch: a comment inside the call would be lost.
  if (mayHoldComment(sourceCode.text, statement.range) && sourceCode.getCommentsInside(statement).length > 0) return [];
  if (!isProcessAt(sourceCode, exit)) return [];
  const suggestions: TSESLint.SuggestionReportDescriptor<SuggestionIds>[] = [];
  const tail = tailOwner(statement);
  const owner = tail ?? returnableOwner(statement);
  const call = owner && owner.type !== AST_NODE_TYPES.Program ? callReceiving(owner) : undefined;
  const asyncCall = call?.type === AST_NODE_TYPES.CallExpression ? call : undefined;
  const ownerRunsLast = !call || (asyncCall !== undefined && runsLast(owner as FunctionNode, asyncCall, timers));

  if (code && owner && ownerRunsLast) {
    const assignment = `process.exitCode = ${sourceCode.getText(code)};`;
    const statements = tail ? [assignment] : [assignment, 'return;'];
    suggestions.push({
      messageId: owner.type === AST_NODE_TYPES.Program ? 'useExitCode' : 'useExitCodeInFunction',
      data: { replacement: quote(statements.join(' '), MAX_REPLACEMENT_LENGTH) },
      fix: (fixer) => replaceStatement(sourceCode, fixer, statement, statements),
    });
  }

  // Most exits are not the tail of a deferred callback: the streams are looked at only for those.
  const deferrable =
    tail !== undefined &&
    tail.type !== AST_NODE_TYPES.Program &&
    asyncCall !== undefined &&
    (ownerRunsLast || isProcessListener(sourceCode, asyncCall));
  if (deferrable && !writes.some((write) => write.stream === 'logger')) {
    const exitText = sourceCode.getText(statement.expression);
    const order = (['stdout', 'stderr'] as const).filter((stream) => writes.some((write) => write.stream === stream));
    const wrapped = order.reduceRight((inner, stream) => `process.${stream}.write('', () => ${inner})`, exitText);
    suggestions.push({
      messageId: 'exitFromWriteCallback',
      data: { streams: order.join(' and ') },
      fix: (fixer) => fixer.replaceText(statement, `${wrapped};`),
    });
  }
  return suggestions;
}
