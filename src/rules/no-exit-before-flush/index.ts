import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, getEnclosingFunction, isFunctionNode } from '../../util/ast.js';
import { createPathReach } from '../../util/code-path.js';
import { createRule } from '../../util/create-rule.js';
import { getLogStreams, type LogStreams, type LogWrite } from '../../util/log-streams/index.js';
import { findProcessReferences, isNodeProcess } from '../../util/node-process.js';
import { CALL, findReferences, type TraceMap } from '../../util/references.js';
import { quote } from '../../util/text.js';

const RULE_NAME = 'no-exit-before-flush';

type MessageIds =
  'exitBeforeFlush' | 'exitBeforeLoggerFlush' | 'useExitCode' | 'useExitCodeInFunction' | 'exitFromWriteCallback';
type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/** Exit calls are quoted in reports; a long one is shortened. */
export const MAX_QUOTED_LENGTH = 32;
/** A suggestion's message quotes its replacement up to this length. */
export const MAX_REPLACEMENT_LENGTH = 60;
/** How deep an exit code expression is checked for side effects. */
const PURE_DEPTH = 4;

function quoteExit(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  const callee = quote(sourceCode.getText(call.callee), MAX_QUOTED_LENGTH - '(…)'.length);
  return quote(sourceCode.getText(call), MAX_QUOTED_LENGTH, `${callee}(…)`);
}

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

/** The statement a call is the whole expression of: `process.exit(1);`, `process?.exit(1);`. */
function statementOf(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  const expression = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  return expression.parent.type === AST_NODE_TYPES.ExpressionStatement ? expression.parent : undefined;
}

/**
 * The function or program whose last reached statement this is, when nothing
 * can run after it there: it ends every block, `if`, `try`/`catch`/`finally`,
 * last `switch` case and label around it up to the function body. Loops are
 * not followed (the next iteration runs after it).
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
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.TryStatement:
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.SwitchStatement:
        break;
      default:
        return undefined;
    }
    current = parent;
  }
}

/** The function a statement belongs to, when `return` is allowed there. */
function returnableOwner(statement: TSESTree.Statement): FunctionNode | undefined {
  // The walk ends at the Program at the latest.
  for (let current: TSESTree.Node = statement.parent; ; current = current.parent) {
    if (isFunctionNode(current)) return current;
    if (current.type === AST_NODE_TYPES.StaticBlock || current.type === AST_NODE_TYPES.Program) return undefined;
  }
}

/** A function passed as an argument: a `.catch` handler, a signal or event listener. */
function isCallback(fn: FunctionNode): boolean {
  const { parent } = fn;
  return (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(fn as TSESTree.CallExpressionArgument)
  );
}

/** Where a write may come from on a path: the write itself, or the code before a timer call whose callback this is. */
type PathSource = { write: LogWrite } | { timer: TSESTree.CallExpression; start: number };

const TIMER = { [CALL]: true };
const TIMERS: TraceMap = { setTimeout: TIMER, setImmediate: TIMER, setInterval: TIMER, queueMicrotask: TIMER };
const PROCESS_TIMERS: TraceMap = { nextTick: TIMER };
const TIMER_GLOBALS: TraceMap = { ...TIMERS, process: PROCESS_TIMERS };
const TIMER_MODULES: TraceMap = { timers: TIMERS, process: PROCESS_TIMERS };

/**
 * Functions passed to a timer (`setTimeout`, `setImmediate`, `setInterval`,
 * `queueMicrotask`, `process.nextTick`), with the timer call: they run after
 * the code that scheduled them, without anything flushing in between.
 */
function findTimerCallbacks(sourceCode: Readonly<TSESLint.SourceCode>): Map<TSESTree.Node, TSESTree.CallExpression> {
  const callbacks = new Map<TSESTree.Node, TSESTree.CallExpression>();
  for (const { node } of findReferences(sourceCode, { globals: TIMER_GLOBALS, modules: TIMER_MODULES })) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const callback = node.arguments[0];
    if (callback && isFunctionNode(callback)) callbacks.set(callback, node);
  }
  return callbacks;
}

/**
 * The functions in which a write can reach an exit: those that call exit
 * themselves, and those that start a timer whose callback does (and so on
 * outwards). Writes anywhere else are not even looked at.
 */
function functionsThatExit(
  program: TSESTree.Program,
  exits: ReadonlySet<TSESTree.Node>,
  timerCallbacks: ReadonlyMap<TSESTree.Node, TSESTree.CallExpression>,
): Set<TSESTree.Node> {
  const owners = new Set<TSESTree.Node>();
  for (const exit of exits) {
    let owner: TSESTree.Node = getEnclosingFunction(exit) ?? program;
    while (!owners.has(owner)) {
      owners.add(owner);
      const timer = timerCallbacks.get(owner);
      if (!timer) break;
      owner = getEnclosingFunction(timer) ?? program;
    }
  }
  return owners;
}

/** The suggestions for an exit that can cut off `writes`: set the exit code instead, or exit once they flushed. */
function suggestionsFor(
  sourceCode: Readonly<TSESLint.SourceCode>,
  exit: TSESTree.CallExpression,
  writes: readonly LogWrite[],
): TSESLint.ReportSuggestionArray<MessageIds> {
  const statement = statementOf(exit);
  const code = exit.arguments[0];
  if (!statement || exit.arguments.length > 1 || !isNodeProcess(sourceCode, exit)) return [];
  if (code && (code.type === AST_NODE_TYPES.SpreadElement || !isPure(code, PURE_DEPTH))) return [];
  const suggestions: TSESLint.ReportSuggestionArray<MessageIds> = [];
  const tail = tailOwner(statement);

  if (code) {
    const assignment = `process.exitCode = ${sourceCode.getText(code)};`;
    const owner = tail ?? returnableOwner(statement);
    const replacement = tail ? assignment : `${assignment} return;`;
    if (owner) {
      suggestions.push({
        messageId: owner.type === AST_NODE_TYPES.Program ? 'useExitCode' : 'useExitCodeInFunction',
        data: { replacement: quote(replacement, MAX_REPLACEMENT_LENGTH) },
        fix: (fixer) => fixer.replaceText(statement, replacement),
      });
    }
  }

  const byStream = new Set(writes.map((write) => write.stream));
  if (tail && tail.type !== AST_NODE_TYPES.Program && isCallback(tail) && !byStream.has('logger')) {
    const exitText = sourceCode.getText(statement.expression);
    const order = (['stdout', 'stderr'] as const).filter((stream) => byStream.has(stream));
    const wrapped = order.reduceRight((inner, stream) => `process.${stream}.write('', () => ${inner})`, exitText);
    suggestions.push({
      messageId: 'exitFromWriteCallback',
      data: { streams: order.join(' and ') },
      fix: (fixer) => fixer.replaceText(statement, `${wrapped};`),
    });
  }
  return suggestions;
}

function reportExit(context: Context, exit: TSESTree.CallExpression, writes: readonly LogWrite[]): void {
  const { sourceCode } = context;
  const nearest = writes.reduce((best, write) => (write.node.range[0] > best.node.range[0] ? write : best));
  const exitText = quoteExit(sourceCode, exit);
  const line = nearest.node.loc.start.line;
  const suggest = suggestionsFor(sourceCode, exit, writes);
  if (nearest.stream === 'logger') {
    context.report({
      node: exit,
      messageId: 'exitBeforeLoggerFlush',
      data: { exit: exitText, write: nearest.description, line },
      suggest,
    });
  } else {
    context.report({
      node: exit,
      messageId: 'exitBeforeFlush',
      data: { exit: exitText, write: nearest.description, line, stream: nearest.stream },
      suggest,
    });
  }
}

export default createRule<[], MessageIds>({
  name: RULE_NAME,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `process.exit()` after a log write that may not have flushed',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      exitBeforeFlush:
        '`{{exit}}` can cut off `{{write}}` (line {{line}}) if {{stream}} is a pipe; set `process.exitCode` and return.',
      exitBeforeLoggerFlush:
        '`{{exit}}` can cut off `{{write}}` (line {{line}}) if logs go to a pipe or file; set `process.exitCode` and return.',
      useExitCode: 'Replace with `{{replacement}}` and let the process end on its own.',
      useExitCodeInFunction:
        'Replace with `{{replacement}}`: the function returns instead of ending the process, and its caller goes on.',
      exitFromWriteCallback: "Exit from {{streams}}'s write callback, once the output before it has flushed.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    let streams: LogStreams | undefined;
    let exits = new Set<TSESTree.Node>();
    let timerCallbacks = new Map<TSESTree.Node, TSESTree.CallExpression>();
    let exiting = new Set<TSESTree.Node>();
    // The function being traversed, innermost last (the Program at the bottom).
    const owners: TSESTree.Node[] = [];

    // Exits in a timer callback that nothing in the callback wrote before,
    // waiting for what the enclosing function wrote before the timer call.
    const waitingOn = new Map<TSESTree.CallExpression, TSESTree.CallExpression[]>();
    const wait = (timer: TSESTree.CallExpression, exitCalls: readonly TSESTree.CallExpression[]): void => {
      waitingOn.set(timer, [...(waitingOn.get(timer) ?? []), ...exitCalls]);
    };

    const reach = createPathReach<PathSource, TSESTree.CallExpression>({
      kindOf: (source) => ('write' in source ? source.write.stream : 'timer'),
      rank: (source) => ('write' in source ? source.write.node.range[0] : source.start),
      onReach(target, sources) {
        const writes = sources.flatMap((source) => ('write' in source ? [source.write] : []));
        const timer = sources.find((source) => 'timer' in source);
        const exitCalls = exits.has(target) ? [target] : (waitingOn.get(target) ?? []);
        if (writes.length > 0) for (const exit of exitCalls) reportExit(context, exit, writes);
        else if (timer && 'timer' in timer) wait(timer.timer, exitCalls);
      },
    });

    return {
      ...reach.listeners,
      Program() {
        streams = getLogStreams(context);
        exits = new Set(
          [...findProcessReferences(sourceCode, ['exit'])]
            .filter(([, reference]) => reference.kind === 'call')
            .map(([node]) => node),
        );
        timerCallbacks = findTimerCallbacks(sourceCode);
        exiting = functionsThatExit(sourceCode.ast, exits, timerCallbacks);
        owners.push(sourceCode.ast);
      },
      ':function'(node: FunctionNode) {
        owners.push(node);
        const timer = timerCallbacks.get(node);
        if (timer) reach.source({ timer, start: node.range[0] });
      },
      ':function:exit'() {
        owners.pop();
      },
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (exits.has(node)) {
          reach.target(node);
          // The process ends here, though the code path goes on: what was
          // written before this exit cannot reach a later one.
          reach.barrier();
          return;
        }
        if (waitingOn.has(node)) {
          reach.target(node);
          return;
        }
        const owner = owners.at(-1);
        if (!owner || !exiting.has(owner)) return;
        const write = streams?.writeOf(node);
        if (write) reach.source({ write });
      },
      'AwaitExpression:exit'(node: TSESTree.AwaitExpression) {
        if (streams?.isFlushPromise(node.argument)) reach.barrier();
      },
    };
  },
});
