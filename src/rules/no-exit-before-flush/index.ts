import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, getEnclosingFunction, isFunctionNode } from '../../util/ast.js';
import { createPathReach } from '../../util/code-path-reach.js';
import { createRule } from '../../util/create-rule.js';
import { getLogStreams, type LogStreams, type LogWrite } from '../../util/log-streams/index.js';
import { findProcessCalls } from '../../util/node-process.js';
import { CALL, sharedReferences, type TraceMap } from '../../util/references.js';
import { quote } from '../../util/text.js';
import { canReturnAt, type SuggestionIds, suggestionsFor, type TimerCallback, type TimerKind } from './suggestions.js';

export { MAX_REPLACEMENT_LENGTH } from './suggestions.js';

const RULE_NAME = 'no-exit-before-flush';

type MessageIds = 'exitBeforeFlush' | 'exitBeforeLoggerFlush' | SuggestionIds;
type Context = Readonly<TSESLint.RuleContext<MessageIds, []>>;

/** Exit calls are quoted in reports; a long one is shortened. */
export const MAX_QUOTED_LENGTH = 32;

function quoteExit(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): string {
  // The callee is read only for a call too long to quote whole (a quoted call is never empty).
  const whole = quote(sourceCode.getText(call), MAX_QUOTED_LENGTH, '');
  if (whole !== '') return whole;
  return `${quote(sourceCode.getText(call.callee), MAX_QUOTED_LENGTH - '(…)'.length)}(…)`;
}

/** The code before a timer call, as a source for the callback it schedules: it has no stream. */
interface TimerSource {
  readonly timer: TSESTree.CallExpression;
  readonly start: number;
  readonly stream?: undefined;
}

/**
 * Where a write may come from on a path: the write itself, or the code before
 * a timer call whose callback this is (the write as it is: one object less per write).
 * A write has a stream and a timer source none: one field read tells them apart.
 */
type PathSource = LogWrite | TimerSource;

const ONCE: TraceMap = { [CALL]: 'once' satisfies TimerKind };
const REPEAT: TraceMap = { [CALL]: 'repeat' satisfies TimerKind };
const TIMERS: TraceMap = { setTimeout: ONCE, setImmediate: ONCE, setInterval: REPEAT, queueMicrotask: ONCE };
const PROCESS_TIMERS: TraceMap = { nextTick: ONCE };
const TIMER_GLOBALS: TraceMap = { ...TIMERS, process: PROCESS_TIMERS };
const TIMER_MODULES: TraceMap = { timers: TIMERS, process: PROCESS_TIMERS };
const timerReferences = sharedReferences({ globals: TIMER_GLOBALS, modules: TIMER_MODULES });

/**
 * Functions passed to a timer (`setTimeout`, `setImmediate`, `setInterval`,
 * `queueMicrotask`, `process.nextTick`), with the timer call: they run after
 * the code that scheduled them, without anything flushing in between.
 */
function findTimerCallbacks(sourceCode: Readonly<TSESLint.SourceCode>): Map<TSESTree.Node, TimerCallback> {
  const callbacks = new Map<TSESTree.Node, TimerCallback>();
  for (const { node, info } of timerReferences(sourceCode)) {
    if (node.type !== AST_NODE_TYPES.CallExpression) continue;
    const callback = node.arguments[0];
    if (callback && isFunctionNode(callback)) callbacks.set(callback, { call: node, kind: info as TimerKind });
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
  timerCallbacks: ReadonlyMap<TSESTree.Node, TimerCallback>,
): Set<TSESTree.Node> {
  const owners = new Set<TSESTree.Node>();
  for (const exit of exits) {
    let owner: TSESTree.Node = getEnclosingFunction(exit) ?? program;
    while (!owners.has(owner)) {
      owners.add(owner);
      const timer = timerCallbacks.get(owner);
      if (!timer) break;
      owner = getEnclosingFunction(timer.call) ?? program;
    }
  }
  return owners;
}

/**
 * The selectors of `:function` and `:function:exit`, by type: ESLint dispatches a selector made of types
 * alone by the node's type, without matching the selector against each function. (`:exit` ends the
 * whole selector list.)
 */
const FUNCTION_ENTER = 'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression';
const FUNCTION_EXIT = `${FUNCTION_ENTER}:exit`;

/** What a report advises, as far as it is legal at the exit: `return` needs a function to return from. */
export const ADVICE = {
  inFunction: 'set `process.exitCode` and return',
  atTopLevel: 'set `process.exitCode` instead',
} as const;

function reportExit(
  context: Context,
  exit: TSESTree.CallExpression,
  nearest: LogWrite,
  writes: readonly LogWrite[],
  timers: ReadonlyMap<TSESTree.Node, TimerCallback>,
): void {
  const { sourceCode } = context;
  const exitText = quoteExit(sourceCode, exit);
  const line = nearest.node.loc.start.line;
  const suggest = suggestionsFor(sourceCode, exit, writes, timers);
  const advice = canReturnAt(exit) ? ADVICE.inFunction : ADVICE.atTopLevel;
  if (nearest.stream === 'logger') {
    context.report({
      node: exit,
      messageId: 'exitBeforeLoggerFlush',
      data: { exit: exitText, write: nearest.description, line, advice },
      suggest,
    });
  } else {
    context.report({
      node: exit,
      messageId: 'exitBeforeFlush',
      data: { exit: exitText, write: nearest.description, line, stream: nearest.stream, advice },
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
      exitBeforeFlush: '`{{exit}}` can cut off `{{write}}` (line {{line}}) if {{stream}} is a pipe; {{advice}}.',
      exitBeforeLoggerFlush:
        '`{{exit}}` can cut off `{{write}}` (line {{line}}) if logs go to a pipe or file; {{advice}}.',
      // The suggestions are made in suggestions.ts, where this lint rule cannot see them.
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      useExitCode: 'Replace with `{{replacement}}` and let the process end on its own.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      useExitCodeInFunction:
        'Replace with `{{replacement}}`: the function returns instead of ending the process, and its caller goes on.',
      // eslint-disable-next-line eslint-plugin/no-unused-message-ids
      exitFromWriteCallback: "Exit from {{streams}}'s write callback, once the output before it has flushed.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const exits = findProcessCalls(sourceCode, 'exit');
    // No `process.exit()` call, nothing to report: no log streams, timers or code paths to follow.
    if (exits.size === 0) return {};
    let streams: LogStreams | undefined;
    const timerCallbacks = findTimerCallbacks(sourceCode);
    const exiting = functionsThatExit(sourceCode.ast, exits, timerCallbacks);
    // Whether the function being traversed is in `exiting`, and the same for the functions around it.
    // Every exit and every timer call that waits is in one: any other call needs only this test.
    let inExiting = false;
    const outer: boolean[] = [];

    // Exits in a timer callback that nothing in the callback wrote before,
    // waiting for what the enclosing function wrote before the timer call.
    const waitingOn = new Map<TSESTree.CallExpression, TSESTree.CallExpression[]>();
    const wait = (timer: TSESTree.CallExpression, exitCalls: readonly TSESTree.CallExpression[]): void => {
      waitingOn.set(timer, [...(waitingOn.get(timer) ?? []), ...exitCalls]);
    };

    const reach = createPathReach<PathSource, TSESTree.CallExpression>({
      kindOf: (source) => source.stream ?? 'timer',
      rank: (source) => (source.stream === undefined ? source.start : source.node.range[0]),
      onReach(target, sources) {
        // One source per kind: the write of each stream, and at most one timer call.
        const writes: LogWrite[] = [];
        // The write nearest before the exit: the one that starts last (the first of equals).
        let nearest: LogWrite | undefined;
        let timer: TSESTree.CallExpression | undefined;
        for (const source of sources) {
          if (source.stream === undefined) {
            timer ??= source.timer;
            continue;
          }
          writes.push(source);
          if (!nearest || source.node.range[0] > nearest.node.range[0]) nearest = source;
        }
        const exitCalls = exits.has(target) ? [target] : (waitingOn.get(target) ?? []);
        if (nearest) for (const exit of exitCalls) reportExit(context, exit, nearest, writes, timerCallbacks);
        else if (timer) wait(timer, exitCalls);
      },
      // Only a function that exits, or starts a timer whose callback does, can hold a target; class
      // field initializers and static blocks are not functions of their own here, and are followed.
      follows: (node) => (isFunctionNode(node) || node.type === AST_NODE_TYPES.Program ? exiting.has(node) : true),
    });

    return {
      ...reach.listeners,
      Program() {
        streams = getLogStreams(context);
        inExiting = exiting.has(sourceCode.ast);
      },
      [FUNCTION_ENTER](node: FunctionNode) {
        outer.push(inExiting);
        inExiting = exiting.has(node);
        // A function not in `exiting` is not followed: what it records would be dropped.
        const timer = inExiting ? timerCallbacks.get(node) : undefined;
        if (timer) reach.source({ timer: timer.call, start: node.range[0] });
      },
      [FUNCTION_EXIT]() {
        inExiting = outer.pop() ?? false;
      },
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (!inExiting) return;
        if (exits.has(node)) {
          reach.target(node);
          // The process ends here, though the code path goes on: what was
          // written before this exit cannot reach a later one.
          reach.barrier();
          return;
        }
        if (waitingOn.size > 0 && waitingOn.has(node)) {
          reach.target(node);
          return;
        }
        const write = streams?.writeOf(node);
        if (write) reach.source(write);
      },
      'AwaitExpression:exit'(node: TSESTree.AwaitExpression) {
        // A barrier matters only on a path that holds a target, and `CallExpression:exit` records targets only
        // in `exiting`: where `inExiting` is false, no path the `await` can be on holds one.
        if (inExiting && streams?.isFlushPromise(node.argument)) reach.barrier();
      },
    };
  },
});
