import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, skipWrappers, staticMemberName, walk } from '../../util/ast.js';
import { getLogStreams } from '../../util/log-streams/index.js';
import { findProcessCalls, findProcessReferences } from '../../util/node-process.js';
import { findStartupReads, MAX_CONFIGURATION_DEPTH, readsOnlyConfiguration } from './configuration.js';

const { DefinitionType } = TSESLint.Scope;

/*
 * Exits with code 0 where a failure is handled, anywhere in the file: a
 * `process.exit()` or `process.exit(0)` that comes right after an
 * error-level log (an earlier statement of its block, or of a block around
 * it) on a path that handles a failure:
 *
 * - a `catch` clause, a rejection handler (`.catch(h)`, `.then(ok, h)`), a
 *   listener for an `'error'` event or Node's fatal-error events, or the
 *   branch of an `if` that tests the error (`if (err)`, `if (error != null)`,
 *   `if (!err) … else`), where the error is a caught error or an error-first
 *   parameter (`err`, `error`, `reason`, …). Any error-level log counts there,
 *   `console.error` included.
 * - a branch of any `if` that logs through a logger's error level
 *   (`log.error(…)`, `logger.fatal(…)`, not `console.error`, which also
 *   prints usage and farewells) and then calls `process.exit()` without a
 *   code. The logger's level is the author's word that this is an error;
 *   an explicit `process.exit(0)` there is the author's choice.
 *
 * Left alone: an exit in a branch of an `if` on configuration
 * (`process.env.…`), an explicit `process.exit(0)` in a branch that tests
 * the error (`if (error.name === 'ExitPromptError')`, code 0 chosen for that
 * kind), a `process.exit()` in a file that sets `process.exitCode` anywhere
 * (the code may be set before it), and exits inside the top-level handlers
 * the rule judges as a whole.
 */

/** Log levels that say an error happened. */
const ERROR_LEVELS = new Set(['alert', 'crit', 'critical', 'emerg', 'error', 'fatal']);
/** Names that make a first parameter an error-first callback's error. */
const ERROR_NAME = /^(?:e|er|err|error|ex|exc|exception|reason)$|(?:Err|Error)$/;
const ERROR_EVENTS = new Set(['error', 'uncaughtException', 'unhandledRejection']);
const LISTEN_METHODS = new Set(['addListener', 'on', 'once', 'prependListener', 'prependOnceListener']);

type SourceCode = Readonly<TSESLint.SourceCode>;
type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** What the search needs about the file, found once. */
interface FailureFile {
  readonly context: Context;
  readonly sourceCode: SourceCode;
  /** Found on first use: most files have no exit on a failure path. */
  readonly startupReads: () => ReadonlySet<TSESTree.Node>;
}

/** Whether an identifier names a caught error or an error-first parameter (`(err, data) => …`). */
function isErrorVariable(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === DefinitionType.CatchClause) return true;
  if (def?.type !== DefinitionType.Parameter || !isFunctionNode(def.node)) return false;
  return def.node.params[0] === def.name && ERROR_NAME.test(node.name);
}

/** Whether `test` is true when there is an error (`err`, `err != null`, `err instanceof Error`, `err || !data`). */
function testsForError(sourceCode: SourceCode, test: TSESTree.Expression, whenTrue: boolean): boolean {
  const node = skipWrappers(test, { chain: true });
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    return testsForError(sourceCode, node.argument, !whenTrue);
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    // `err || !data` is true on an error; `!err && data` is false on one.
    if ((node.operator === '||') !== whenTrue) return false;
    return testsForError(sourceCode, node.left, whenTrue) || testsForError(sourceCode, node.right, whenTrue);
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    if (node.operator === 'instanceof') return whenTrue && isErrorVariable(sourceCode, node.left);
    const nullish = (side: TSESTree.Node): boolean =>
      (side.type === AST_NODE_TYPES.Literal && side.value === null) ||
      (side.type === AST_NODE_TYPES.Identifier && side.name === 'undefined');
    const operand = nullish(node.right) ? node.left : nullish(node.left) ? node.right : undefined;
    if (!operand || !isErrorVariable(sourceCode, operand)) return false;
    if (node.operator === '!=' || node.operator === '!==') return whenTrue;
    return (node.operator === '==' || node.operator === '===') && !whenTrue;
  }
  return whenTrue && isErrorVariable(sourceCode, node);
}

/** Whether a function is a rejection handler or a listener for an error event. */
function handlesFailure(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) {
    return false;
  }
  const method = staticMemberName(call.callee);
  if (method === 'catch') return call.arguments[0] === fn;
  if (method === 'then') return call.arguments[1] === fn;
  if (!method || !LISTEN_METHODS.has(method) || call.arguments[1] !== fn) return false;
  const [event] = call.arguments;
  const name = event && ASTUtils.getStringIfConstant(event, sourceCode.getScope(event));
  return typeof name === 'string' && ERROR_EVENTS.has(name);
}

/** The error level of a log write (`error` in `console.error(…)`, `logger.error(…)`), with its stream. */
function errorLog(file: FailureFile, node: TSESTree.Node): 'logger' | 'other' | undefined {
  if (node.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  let expression = skipWrappers(node.expression, { chain: true });
  if (expression.type === AST_NODE_TYPES.AwaitExpression)
    expression = skipWrappers(expression.argument, { chain: true });
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipWrappers(expression.callee, { chain: true });
  const level =
    callee.type === AST_NODE_TYPES.MemberExpression
      ? staticMemberName(callee)
      : callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : undefined;
  // The name first: asking the log facts about a call may walk a class for its logger.
  if (!level || !ERROR_LEVELS.has(level)) return undefined;
  const write = getLogStreams(file.context).writeOf(expression);
  if (!write) return undefined;
  return write.stream === 'logger' ? 'logger' : 'other';
}

/** Whether a statement of a block, or of a block around it up to `stop`, has an error-level log before it. */
function loggedBefore(
  file: FailureFile,
  statement: TSESTree.Node,
  stop: TSESTree.Node,
): 'logger' | 'other' | undefined {
  let found: 'logger' | 'other' | undefined;
  for (let node = statement; node !== stop && node.parent; node = node.parent) {
    const parent = node.parent;
    if (isFunctionNode(parent)) break;
    if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program) continue;
    const body: readonly TSESTree.Node[] = parent.body;
    for (const earlier of body.slice(0, body.indexOf(node))) {
      const level = errorLog(file, earlier);
      if (level === 'logger') return level;
      found ??= level;
    }
  }
  return found;
}

/** What kind of failure path an exit is on, judged from the node up to its function. */
interface PathFacts {
  /** A `catch`, a rejection handler, an error listener, or a branch that tests the error. */
  failure: boolean;
  /** A branch of an `if` that tests what the error is (an explicit 0 there is chosen for that kind of error). */
  errorKind: boolean;
  /** The `if`s the exit is in a branch of, innermost first: whether one is on configuration is asked last. */
  readonly branches: TSESTree.IfStatement[];
  /** The node the log search stops at. */
  top: TSESTree.Node;
}

function pathFacts(file: FailureFile, call: TSESTree.CallExpression): PathFacts {
  const { sourceCode } = file;
  const facts: PathFacts = { failure: false, errorKind: false, branches: [], top: call };
  let child: TSESTree.Node = call;
  for (let node: TSESTree.Node | undefined = call.parent; node; child = node, node = node.parent) {
    facts.top = node;
    if (isFunctionNode(node)) {
      facts.failure ||= handlesFailure(sourceCode, node);
      break;
    }
    if (node.type === AST_NODE_TYPES.CatchClause && node.body === child) facts.failure = true;
    if (node.type !== AST_NODE_TYPES.IfStatement || node.test === child) continue;
    facts.branches.push(node);
    if (testsForError(sourceCode, node.test, node.consequent === child)) {
      facts.failure = true;
    } else if (readsError(sourceCode, node.test)) {
      // `if (error.code === 'ENOENT')`: there is an error, of a kind the author picked out.
      facts.failure = true;
      facts.errorKind = true;
    }
  }
  return facts;
}

/** Whether a node reads a setting the process started with (`process.env.X`), itself or through a `const`. */
function readsStartup(file: FailureFile, root: TSESTree.Node, followConsts: boolean): boolean {
  const { sourceCode } = file;
  const startupReads = file.startupReads();
  const found = walk(root, sourceCode.visitorKeys, ERROR_TEST_BUDGET, (node) => {
    if (startupReads.has(node)) return true;
    if (!followConsts || node.type !== AST_NODE_TYPES.Identifier) return false;
    const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const init = def?.type === DefinitionType.Variable && def.parent.kind === 'const' ? def.node.init : null;
    return init !== null && readsStartup(file, init, false);
  });
  return found === true;
}

/**
 * Whether an `if` chooses by configuration: its test reads only what the
 * process started with (see `readsOnlyConfiguration`), and reads a setting
 * of it (`process.env.X`, `process.argv`), itself or through a `const`.
 * Module-level constants alone (`fs.existsSync(file)`) decide nothing here.
 */
function isConfigurationTest(file: FailureFile, test: TSESTree.Expression): boolean {
  return (
    readsOnlyConfiguration(file.sourceCode, file.startupReads(), test, MAX_CONFIGURATION_DEPTH) &&
    readsStartup(file, test, true)
  );
}

/** Nodes looked at in an `if` test for a read of the error. */
const ERROR_TEST_BUDGET = 200;

/** Whether a test reads a caught error or an error-first parameter anywhere (`error.name === 'AbortError'`). */
function readsError(sourceCode: SourceCode, test: TSESTree.Expression): boolean {
  const found = walk(test, sourceCode.visitorKeys, ERROR_TEST_BUDGET, (node) => {
    if (isFunctionNode(node)) return 'skip';
    // `result.err` reads a property, not the variable.
    const { parent } = node;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return false;
    return isErrorVariable(sourceCode, node);
  });
  return found === true;
}

function isInside(node: TSESTree.Node, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** Whether the file writes `process.exitCode` anywhere: a later `process.exit()` may then end non-zero. */
function setsExitCode(sourceCode: SourceCode): boolean {
  for (const [node] of findProcessReferences(sourceCode, ['exitCode'])) {
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node) return true;
    if (parent?.type === AST_NODE_TYPES.UpdateExpression) return true;
  }
  return false;
}

/**
 * Reports each exit `findFailureExits` finds, with the suggestion to exit
 * with code 1 instead (the argument changes, nothing else), unless `judged`
 * says the file is not judged: asked only when there is an exit to report
 * (it may read the project's files).
 */
export function reportFailureExits(
  context: Context,
  skip: readonly TSESTree.Node[],
  judged: () => boolean = () => true,
): void {
  const { sourceCode } = context;
  const exits = findFailureExits(context, skip);
  if (exits.length === 0 || !judged()) return;
  for (const call of exits) {
    const [code] = call.arguments;
    const closing = sourceCode.getLastToken(call);
    context.report({
      node: call,
      messageId: 'exitsZeroAfterError',
      suggest: [
        {
          messageId: 'exitNonZero',
          fix: (fixer) => (code ? fixer.replaceText(code, '1') : closing && fixer.insertTextBefore(closing, '1')),
        },
      ],
    });
  }
}

/**
 * The `process.exit()` and `process.exit(0)` calls of the file that end a
 * failure path with code 0 right after an error was logged, outside `skip`
 * (the top-level handlers, judged as a whole).
 */
export function findFailureExits(context: Context, skip: readonly TSESTree.Node[]): TSESTree.CallExpression[] {
  const { sourceCode } = context;
  let startupReads: ReadonlySet<TSESTree.Node> | undefined;
  const file: FailureFile = {
    context,
    sourceCode,
    startupReads: () => (startupReads ??= findStartupReads(sourceCode)),
  };
  let codeSet: boolean | undefined;
  const found: TSESTree.CallExpression[] = [];
  // The cheap syntactic tests first: most exits are not statements after an error-level log.
  for (const node of findProcessCalls(sourceCode, 'exit')) {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.parent.type !== AST_NODE_TYPES.ExpressionStatement) {
      continue;
    }
    const [code, ...rest] = node.arguments;
    if (rest.length > 0 || code?.type === AST_NODE_TYPES.SpreadElement) continue;
    if (skip.some((handler) => isInside(node, handler))) continue;
    const value = code && ASTUtils.getStaticValue(code, sourceCode.getScope(code));
    const explicitZero = value?.value === 0;
    if (code && !explicitZero && !(value && value.value === undefined)) continue;
    const facts = pathFacts(file, node);
    if (explicitZero && facts.errorKind) continue;
    // Off a failure path, only `process.exit()` in a branch can be one (after a logger's error level).
    const branch = facts.branches.length > 0;
    if (!facts.failure && (explicitZero || !branch)) continue;
    const logged = loggedBefore(file, node.parent, facts.top);
    const fails = facts.failure ? logged !== undefined : !explicitZero && branch && logged === 'logger';
    if (!fails || facts.branches.some((choice) => isConfigurationTest(file, choice.test))) continue;
    if (!explicitZero && (codeSet ??= setsExitCode(sourceCode))) continue;
    found.push(node);
  }
  return found;
}
