import { ASTUtils, type TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, isWrapper } from './ast.js';
import { createSegmentTracker } from './code-path.js';
import { findProcessReferences, type ProcessReference } from './node-process.js';
import { findReferences, READ } from './references.js';

/*
 * One question, answered with ESLint's code-path analysis: does a piece of
 * code end the process with a non-zero code, or throw, on every path? A path
 * is fatal when it throws (out of the function: a `throw` that a `catch` of
 * the same function takes goes on in the clause), calls `process.exit(n)`
 * (n not 0), `process.abort()` or `process.kill(process.pid)`, or sets
 * `process.exitCode` to a non-zero value before it ends (a later
 * `process.exit(0)` undoes that; a later `process.exit()` keeps it). A call
 * of a function of this file that is fatal on every path counts as setting
 * the code, and so does a call given such a function as a callback
 * (`server.close(() => process.exit(1))`). A code the file does not spell out
 * (`process.exit(code)`) is taken as non-zero: the author chose it.
 *
 * A path that ends with code 0 is still decided on purpose when it passed the
 * test of an `if` that reads only configuration (`process.env`,
 * `process.argv`, imports and module-level constants: see `readsOnlyConfiguration`)
 * and one branch of that `if` is fatal on every path: the configuration, not
 * the error, chooses code 0 there (react-scripts' `TSC_COMPILE_ON_ERROR=true`
 * builds despite type errors). A condition on the error itself
 * (`if (error instanceof ConfigError) process.exit(2)`) decides nothing: every
 * other error still ends with code 0.
 */

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** What a step does to the path: ends it (with a non-zero code or 0), sets or resets the exit code. */
type Effect = 'end' | 'exitZero' | 'exitDefault' | 'set' | 'reset';

/**
 * A node recorded in the segment it runs in; a `call` is judged once the
 * whole file is known, and so is a `choice`: the test of an `if` on configuration.
 */
type Step =
  | { node: TSESTree.Node; effect: Effect }
  | { node: TSESTree.CallExpression; effect: 'call' }
  | { node: TSESTree.IfStatement; effect: 'choice' };

/** Where a walk counts steps and where its paths end: a whole function, or a top-level `catch` region. */
interface Walk {
  readonly depth: number;
  inRegion(segment: Segment): boolean;
  isEnd(segment: Segment): boolean;
  readonly range: readonly [number, number] | undefined;
  /** Per `if` on configuration: whether one of its branches is fatal on every path (`undefined` while being judged). */
  readonly choices: Map<TSESTree.IfStatement, boolean | undefined>;
}

/** The segments of a top-level `catch` clause (and the `finally` after it). */
interface CatchRegion {
  readonly entry: readonly Segment[];
  readonly segments: Set<Segment>;
  exits: ReadonlySet<Segment> | undefined;
  readonly range: readonly [number, number];
}

/** How deep calls of this file's functions are followed. */
const MAX_CALL_DEPTH = 12;
/** How many `if`s on configuration are judged inside one another. */
const MAX_CHOICE_DEPTH = 8;
/** How deep a condition is followed through operators, members and `const` initialisers. */
const MAX_CONFIGURATION_DEPTH = 8;
const PROCESS_MEMBERS = ['abort', 'exit', 'exitCode', 'kill', 'pid'] as const;

/** What the process was started with and runs on: `process.env`, `process.argv`, `process.platform`, … */
const STARTUP = Object.fromEntries(
  ['env', 'argv', 'execArgv', 'platform', 'arch', 'version', 'versions'].map((member) => [member, { [READ]: true }]),
);

export interface ExitCodeAnalysis {
  /** Listeners to merge into the rule's own (code-path events and the nodes they record). */
  readonly listeners: TSESLint.RuleListener;
  /** Whether the node being visited runs at module top level (in no function, class field or static block). */
  atTopLevel(): boolean;
  /** After the analysis: whether every path through the function ends the process non-zero or throws. */
  endsFatally(fn: FunctionNode): boolean;
  /**
   * After the analysis: whether every path through a top-level `catch` clause
   * (and the `finally` block after it) ends the process non-zero or throws;
   * `true` for a clause that is not at top level.
   */
  catchEndsFatally(clause: TSESTree.CatchClause): boolean;
  /** Whether `node` holds a `process.exit()` or `process.exit(0)` call. */
  hasZeroExit(node: TSESTree.Node): boolean;
  /** The function of this file an identifier names (`function fail() {}`, `const fail = () => {}`). */
  localFunction(identifier: TSESTree.Identifier): FunctionNode | undefined;
}

/** Whether a `throw` sits in the block of a `try` with a `catch`, in its own function. */
function isCaughtLocally(node: TSESTree.ThrowStatement): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent) || parent.type === TSESTree.AST_NODE_TYPES.Program) return false;
    if (
      parent.type === TSESTree.AST_NODE_TYPES.StaticBlock ||
      parent.type === TSESTree.AST_NODE_TYPES.PropertyDefinition
    ) {
      return false;
    }
    if (parent.type === TSESTree.AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
  }
  return false;
}

/** The static value of an exit code: 0, `'default'` (`undefined`, `null`), another value, or unknown. */
function staticCode(sourceCode: SourceCode, node: TSESTree.Node): 'zero' | 'default' | 'other' | undefined {
  if (node.type === TSESTree.AST_NODE_TYPES.SpreadElement) return undefined;
  const found = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  if (!found) return undefined;
  if (found.value === undefined || found.value === null) return 'default';
  return found.value === 0 || found.value === '0' ? 'zero' : 'other';
}

/** The nodes that read a member of `STARTUP` (`process.env`, `process.argv`, …), through every alias of `process`. */
function findStartupReads(sourceCode: SourceCode): Set<TSESTree.Node> {
  const references = findReferences(sourceCode, { globals: { process: STARTUP }, modules: { process: STARTUP } });
  return new Set(references.map(({ node }) => node));
}

/** A global function the file does not declare (`Boolean`, `JSON.parse`): called on configuration, it gives configuration. */
function isUndeclaredGlobal(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type === TSESTree.AST_NODE_TYPES.MemberExpression && !node.computed) {
    return node.object.type === TSESTree.AST_NODE_TYPES.Identifier && isUndeclaredGlobal(sourceCode, node.object);
  }
  if (node.type !== TSESTree.AST_NODE_TYPES.Identifier || node.name === 'process') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return !variable || variable.defs.length === 0;
}

/**
 * Whether an expression reads only what the process was configured with
 * before any error: `process.env`, `process.argv`, `process.platform` and
 * the like, literals, imports, `const`s declared at module top level, and `const`s
 * whose initialiser is itself such an expression (`const strict =
 * process.env.STRICT === 'true'`). Parameters (the error), `let`s and other
 * calls may hold anything.
 */
function readsOnlyConfiguration(
  sourceCode: SourceCode,
  startupReads: ReadonlySet<TSESTree.Node>,
  node: TSESTree.Node,
  depth: number,
): boolean {
  if (depth < 0) return false;
  if (startupReads.has(node)) return true;
  const follow = (child: TSESTree.Node): boolean => readsOnlyConfiguration(sourceCode, startupReads, child, depth - 1);
  if (isWrapper(node, { chain: true })) return follow(node.expression);
  switch (node.type) {
    case TSESTree.AST_NODE_TYPES.Literal:
      return true;
    case TSESTree.AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(follow);
    case TSESTree.AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      if (!variable) return node.name === 'undefined';
      if (variable.defs.length === 0) return variable.name === 'undefined';
      const [def] = variable.defs;
      if (variable.defs.length !== 1 || !def) return false;
      if (def.type === 'ImportBinding') return true;
      if (def.type !== 'Variable' || def.parent.kind !== 'const') return false;
      if (variable.scope.block.type === TSESTree.AST_NODE_TYPES.Program) return true;
      return def.node.init !== null && follow(def.node.init);
    }
    case TSESTree.AST_NODE_TYPES.MemberExpression:
      return follow(node.object) && (!node.computed || follow(node.property));
    case TSESTree.AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && follow(node.argument);
    case TSESTree.AST_NODE_TYPES.BinaryExpression:
    case TSESTree.AST_NODE_TYPES.LogicalExpression:
      return node.left.type !== TSESTree.AST_NODE_TYPES.PrivateIdentifier && follow(node.left) && follow(node.right);
    case TSESTree.AST_NODE_TYPES.ConditionalExpression:
      return follow(node.test) && follow(node.consequent) && follow(node.alternate);
    case TSESTree.AST_NODE_TYPES.CallExpression:
      return (
        (isUndeclaredGlobal(sourceCode, node.callee) || follow(node.callee)) &&
        node.arguments.every((argument) => argument.type !== TSESTree.AST_NODE_TYPES.SpreadElement && follow(argument))
      );
    default:
      return false;
  }
}

function exitEffect(sourceCode: SourceCode, code: TSESTree.Node | undefined): Effect {
  const value = code ? staticCode(sourceCode, code) : 'default';
  if (value === 'default') return 'exitDefault';
  return value === 'zero' ? 'exitZero' : 'end';
}

/**
 * Collects, during the traversal, the steps that decide the exit code in the
 * segment each runs in; answers once the traversal is over (in `whenAnalysed`,
 * called when the file's code path ends).
 */
export function createExitCodeAnalysis(sourceCode: SourceCode, whenAnalysed: () => void): ExitCodeAnalysis {
  let processReferences: Map<TSESTree.Node, ProcessReference> | undefined;
  const references = (): Map<TSESTree.Node, ProcessReference> =>
    (processReferences ??= findProcessReferences(sourceCode, PROCESS_MEMBERS));
  let startupReads: Set<TSESTree.Node> | undefined;
  /** The segments each branch of an `if` on configuration starts in. */
  const branches = new Map<TSESTree.IfStatement, { consequent?: readonly Segment[]; alternate?: readonly Segment[] }>();

  const codePaths = new Map<TSESTree.Node, CodePath>();
  const regions = new Map<TSESTree.CatchClause, CatchRegion>();
  const openRegions: CatchRegion[] = [];
  /** Final verdicts, and those of the judgement under way that assumed a recursive call not fatal. */
  const verdicts = new Map<FunctionNode, boolean>();
  const tentative = new Map<FunctionNode, boolean>();
  const judging = new Set<FunctionNode>();
  let assumed = false;
  const zeroExits: TSESTree.CallExpression[] = [];

  const tracker = createSegmentTracker<Step>({
    onCodePathStart(codePath, node) {
      codePaths.set(node, codePath);
    },
    onCodePathEnd(_codePath, node) {
      if (node.type === TSESTree.AST_NODE_TYPES.Program) whenAnalysed();
    },
    onSegmentStart(segment) {
      if (tracker.depth() === 1) for (const region of openRegions) region.segments.add(segment);
    },
  });
  const atTopLevel = (): boolean => tracker.depth() === 1;

  function openRegion(clause: TSESTree.CatchClause): void {
    if (!atTopLevel()) return;
    const tryStatement = clause.parent;
    const end = (tryStatement.finalizer ?? clause).range[1];
    const current = tracker.currentSegments();
    const region: CatchRegion = {
      entry: current,
      segments: new Set(current),
      exits: undefined,
      range: [clause.body.range[0], end],
    };
    regions.set(clause, region);
    openRegions.push(region);
  }

  function closeRegion(clause: TSESTree.CatchClause | null | undefined): void {
    const region = clause && regions.get(clause);
    if (!region || tracker.depth() === 0 || region.exits) return;
    region.exits = new Set(tracker.currentSegments());
    openRegions.splice(openRegions.indexOf(region), 1);
  }

  function onCall(call: TSESTree.CallExpression): void {
    const found = references().get(call);
    if (found?.kind === 'call') {
      if (found.member === 'exit') {
        const effect = exitEffect(sourceCode, call.arguments[0]);
        if (effect !== 'end') zeroExits.push(call);
        tracker.record({ node: call, effect });
      } else if (found.member === 'abort' || (found.member === 'kill' && killsThisProcess(call))) {
        tracker.record({ node: call, effect: 'end' });
      }
      return;
    }
    if (
      call.callee.type === TSESTree.AST_NODE_TYPES.Identifier ||
      call.arguments.some((argument) => isFunctionNode(argument))
    ) {
      tracker.record({ node: call, effect: 'call' });
    }
  }

  /** `process.kill(process.pid)`, with any signal but 0 (which only tests that the process exists). */
  function killsThisProcess(call: TSESTree.CallExpression): boolean {
    const [target, signal] = call.arguments;
    if (!target || references().get(target)?.member !== 'pid') return false;
    if (!signal) return true;
    const value = ASTUtils.getStaticValue(signal, sourceCode.getScope(signal));
    return value?.value !== 0;
  }

  function onAssignment(node: TSESTree.AssignmentExpression): void {
    if (references().get(node.left)?.member !== 'exitCode') return;
    const value = node.operator === '=' ? staticCode(sourceCode, node.right) : undefined;
    tracker.record({ node, effect: value === 'zero' || value === 'default' ? 'reset' : 'set' });
  }

  function localFunction(identifier: TSESTree.Identifier): FunctionNode | undefined {
    const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    if (!variable) return undefined;
    const found: FunctionNode[] = [];
    for (const def of variable.defs) {
      if (def.node.type === TSESTree.AST_NODE_TYPES.FunctionDeclaration) {
        found.push(def.node);
      } else if (
        def.node.type === TSESTree.AST_NODE_TYPES.VariableDeclarator &&
        def.node.parent.kind === 'const' &&
        def.node.id.type === TSESTree.AST_NODE_TYPES.Identifier &&
        def.node.init &&
        isFunctionNode(def.node.init)
      ) {
        found.push(def.node.init);
      }
    }
    // Overload signatures are `TSDeclareFunction`s; exactly one body is the function.
    return found.length === 1 ? found[0] : undefined;
  }

  /** Whether a call runs a function of this file that is fatal on every path (itself or as a callback). */
  function callsFatalFunction(call: TSESTree.CallExpression, depth: number): boolean {
    if (call.callee.type === TSESTree.AST_NODE_TYPES.Identifier) {
      const callee = localFunction(call.callee);
      if (callee && functionEndsFatally(callee, depth + 1)) return true;
    }
    return call.arguments.some((argument) => isFunctionNode(argument) && functionEndsFatally(argument, depth + 1));
  }

  /**
   * Whether an `if` on configuration decides the exit code: one of its
   * branches is fatal on every path from where it starts, so a path that
   * passed its test and ends with code 0 took the other branch on purpose.
   */
  function choiceDecides(choice: TSESTree.IfStatement, walk: Walk, nesting: number): boolean {
    const known = walk.choices.get(choice);
    if (known !== undefined) return known;
    // Being judged (a loop leads back to it) or nested too deep: it decides nothing here.
    if (walk.choices.has(choice) || nesting > MAX_CHOICE_DEPTH) return false;
    walk.choices.set(choice, undefined);
    const { consequent, alternate } = branches.get(choice) ?? {};
    const decides = [consequent, alternate].some(
      (entry) => entry?.some((segment) => segment.reachable) === true && everyPathFatal(entry, walk, nesting + 1),
    );
    walk.choices.set(choice, decides);
    return decides;
  }

  /**
   * Whether every path from `entry` is fatal: it ends the process non-zero or
   * throws, or it has set a non-zero exit code when it ends, reaches an end
   * segment (`walk.isEnd`) or leaves the region (`walk.inRegion`); or it
   * passed an `if` on configuration that decides the exit code. Only the
   * steps inside `walk.range`, when given, count.
   */
  function everyPathFatal(entry: readonly Segment[], walk: Walk, nesting = 0): boolean {
    const { depth, inRegion, isEnd, range } = walk;
    // A segment is walked at most four times: with the exit code set or not, chosen by configuration or not.
    const seen = new Map<Segment, number>();
    const pending: { segment: Segment; codeSet: boolean; chosen: boolean }[] = entry
      .filter((segment) => segment.reachable)
      .map((segment) => ({ segment, codeSet: false, chosen: false }));
    for (let item = pending.pop(); item; item = pending.pop()) {
      const { segment } = item;
      let { codeSet, chosen } = item;
      const state = 1 << ((codeSet ? 1 : 0) + (chosen ? 2 : 0));
      const visited = seen.get(segment) ?? 0;
      if (visited & state) continue;
      seen.set(segment, visited | state);
      let ended = false;
      for (const step of tracker.eventsOf(segment)) {
        if (range && (step.node.range[0] < range[0] || step.node.range[1] > range[1])) continue;
        if (step.effect === 'choice') {
          chosen ||= choiceDecides(step.node, walk, nesting);
          continue;
        }
        const effect =
          step.effect === 'call' ? (callsFatalFunction(step.node, depth) ? 'set' : undefined) : step.effect;
        if (effect === 'set') codeSet = true;
        else if (effect === 'reset') codeSet = false;
        else if (effect === 'exitZero' || (effect === 'exitDefault' && !codeSet)) {
          if (!chosen) return false;
          ended = true;
        } else if (effect === 'end' || effect === 'exitDefault') ended = true;
        if (ended) break;
      }
      if (ended) continue;
      const settled = codeSet || chosen;
      if (isEnd(segment) || segment.nextSegments.length === 0) {
        if (!settled) return false;
        continue;
      }
      for (const next of segment.nextSegments) {
        if (!next.reachable) continue;
        if (!inRegion(next)) {
          if (!settled) return false;
          continue;
        }
        pending.push({ segment: next, codeSet, chosen });
      }
    }
    return true;
  }

  function functionWalk(depth: number): Walk {
    return { depth, inRegion: () => true, isEnd: () => false, range: undefined, choices: new Map() };
  }

  function functionEndsFatally(fn: FunctionNode, depth: number): boolean {
    const known = verdicts.get(fn);
    if (known !== undefined) return known;
    const guess = tentative.get(fn);
    if (guess !== undefined) {
      assumed = true;
      return guess;
    }
    // A recursive call seen while judging the function does not make it fatal.
    if (judging.has(fn)) {
      assumed = true;
      return false;
    }
    const codePath = codePaths.get(fn);
    if (!codePath || depth > MAX_CALL_DEPTH) return false;
    const outermost = judging.size === 0;
    const assumedBefore = assumed;
    assumed = false;
    judging.add(fn);
    const verdict = everyPathFatal([codePath.initialSegment], functionWalk(depth));
    judging.delete(fn);
    // A verdict that rests on the assumption about a function still being
    // judged holds only for this judgement (`b` in `a → b → a` is judged again
    // once `a` is known); the outermost one is final.
    if (outermost || !assumed) verdicts.set(fn, verdict);
    else tentative.set(fn, verdict);
    assumed ||= assumedBefore;
    if (outermost) {
      tentative.clear();
      assumed = false;
    }
    return verdict;
  }

  const listeners = {
    ...tracker.listeners,
    CallExpression: onCall,
    AssignmentExpression: onAssignment,
    ThrowStatement(node: TSESTree.ThrowStatement) {
      // A throw that a `catch` of the same function takes goes on there (the
      // code path leads into the clause); only an uncaught one ends the path.
      if (!isCaughtLocally(node)) tracker.record({ node, effect: 'end' });
    },
    IfStatement(node: TSESTree.IfStatement) {
      startupReads ??= findStartupReads(sourceCode);
      if (!readsOnlyConfiguration(sourceCode, startupReads, node.test, MAX_CONFIGURATION_DEPTH)) return;
      branches.set(node, {});
      tracker.record({ node, effect: 'choice' });
    },
    // ESLint has started a branch's segments when the branch is entered.
    'IfStatement > .consequent'(node: TSESTree.Statement) {
      const branch = branches.get(node.parent as TSESTree.IfStatement);
      if (branch) branch.consequent = tracker.currentSegments();
    },
    'IfStatement > .alternate'(node: TSESTree.Statement) {
      const branch = branches.get(node.parent as TSESTree.IfStatement);
      if (branch) branch.alternate = tracker.currentSegments();
    },
    // Without `else`, a false test goes on after the `if`: there the other branch starts.
    'IfStatement:exit'(node: TSESTree.IfStatement) {
      const branch = branches.get(node);
      if (branch && !node.alternate) branch.alternate = tracker.currentSegments();
    },
    CatchClause: openRegion,
    'CatchClause:exit'(clause: TSESTree.CatchClause) {
      if (!clause.parent.finalizer) closeRegion(clause);
    },
    'TryStatement > BlockStatement.finalizer:exit'(block: TSESTree.BlockStatement) {
      const tryStatement = block.parent as TSESTree.TryStatement;
      closeRegion(tryStatement.handler);
    },
  };

  return {
    listeners: listeners as unknown as TSESLint.RuleListener,
    atTopLevel,
    endsFatally: (fn) => functionEndsFatally(fn, 0),
    catchEndsFatally(clause) {
      const region = regions.get(clause);
      const exits = region?.exits;
      // A clause the analysis did not follow (not at top level) is not judged.
      if (!region || !exits) return true;
      return everyPathFatal(region.entry, {
        depth: 0,
        inRegion: (segment) => region.segments.has(segment),
        isEnd: (segment) => exits.has(segment),
        range: region.range,
        choices: new Map(),
      });
    },
    hasZeroExit: (node) => zeroExits.some((call) => call.range[0] >= node.range[0] && call.range[1] <= node.range[1]),
    localFunction,
  };
}
