import { ASTUtils, type TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, walk } from '../../util/ast.js';
import { createSegmentTracker, type SegmentTracker } from '../../util/code-path.js';
import { findProcessReferences, type ProcessReference } from '../../util/node-process.js';
import { CALL, sharedReferences, type TraceMap } from '../../util/references.js';
import { catchEndsFatally, functionEndsFatally, localFunction } from './fatal-paths.js';

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
export type Effect = 'end' | 'exitZero' | 'exitDefault' | 'set' | 'reset';

/**
 * A node recorded in the segment it runs in; a `call` is judged once the
 * whole file is known, and so is a `choice`: the test of an `if` on configuration.
 */
export type Step =
  | { node: TSESTree.Node; effect: Effect }
  | { node: TSESTree.CallExpression; effect: 'call' }
  | { node: TSESTree.IfStatement; effect: 'choice' };

/** The segments of a top-level `catch` clause (and the `finally` after it). */
export interface CatchRegion {
  readonly entry: readonly Segment[];
  readonly segments: Set<Segment>;
  exits: ReadonlySet<Segment> | undefined;
  readonly range: readonly [number, number];
}

/** The verdicts on this file's functions, and the judgement under way (see `functionEndsFatally`). */
export interface Judgement {
  /** Final verdicts. */
  readonly verdicts: Map<FunctionNode, boolean>;
  /** Verdicts of the judgement under way that assumed a recursive call not fatal. */
  readonly tentative: Map<FunctionNode, boolean>;
  readonly judging: Set<FunctionNode>;
  assumed: boolean;
}

/** What the analysis knows about one file: the steps on each segment, and what they are about. */
export interface ExitCodeFile {
  readonly sourceCode: SourceCode;
  readonly tracker: SegmentTracker<Step>;
  readonly codePaths: Map<TSESTree.Node, CodePath>;
  /** The segments each branch of an `if` starts in. */
  readonly branches: Map<TSESTree.IfStatement, { consequent?: readonly Segment[]; alternate?: readonly Segment[] }>;
  /** Whether an `if` tests only configuration: judged when a fatal-path judgement first passes it. */
  readonly configurationTests: Map<TSESTree.IfStatement, boolean>;
  readonly regions: Map<TSESTree.CatchClause, CatchRegion>;
  readonly openRegions: CatchRegion[];
  readonly zeroExits: TSESTree.CallExpression[];
  readonly judgement: Judgement;
  /** Per code path being traversed, innermost last: whether it is followed (see `mayBeJudged`). */
  readonly followed: boolean[];
  processReferences: Map<TSESTree.Node, ProcessReference> | undefined;
  /** Calls of exit functions from libraries (`gracefulExit` from `exit-hook`): found on first use. */
  libraryExits: Set<TSESTree.Node> | undefined;
  startupReads: Set<TSESTree.Node> | undefined;
}

const PROCESS_MEMBERS = ['abort', 'exit', 'exitCode', 'kill', 'pid'] as const;
/**
 * Library functions that end the process with the code they are given, like
 * `process.exit(code)` but with 0 as the default: exit-hook's
 * `gracefulExit(signal = 0)` runs the exit hooks, then exits.
 */
const LIBRARY_EXITS: TraceMap = { 'exit-hook': { gracefulExit: { [CALL]: true } } };
/** Found in the one shared reference pass per file, not a walk of the file's imports and requires of its own. */
const libraryExitReferences = sharedReferences({ modules: LIBRARY_EXITS });

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
  // The walk ends at the Program at the latest.
  for (let parent: TSESTree.Node = node.parent; ; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent) || parent.type === TSESTree.AST_NODE_TYPES.Program) return false;
    if (
      parent.type === TSESTree.AST_NODE_TYPES.StaticBlock ||
      parent.type === TSESTree.AST_NODE_TYPES.PropertyDefinition
    ) {
      return false;
    }
    if (parent.type === TSESTree.AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler) return true;
  }
}

/** The static value of an exit code: 0, `'default'` (`undefined`, `null`), another value, or unknown. */
function staticCode(sourceCode: SourceCode, node: TSESTree.Node): 'zero' | 'default' | 'other' | undefined {
  if (node.type === TSESTree.AST_NODE_TYPES.SpreadElement) return undefined;
  const found = ASTUtils.getStaticValue(node, sourceCode.getScope(node));
  if (!found) return undefined;
  if (found.value === undefined || found.value === null) return 'default';
  return found.value === 0 || found.value === '0' ? 'zero' : 'other';
}

function exitEffect(sourceCode: SourceCode, code: TSESTree.Node | undefined): Effect {
  const value = code ? staticCode(sourceCode, code) : 'default';
  if (value === 'default') return 'exitDefault';
  return value === 'zero' ? 'exitZero' : 'end';
}

function processReferencesOf(file: ExitCodeFile): Map<TSESTree.Node, ProcessReference> {
  file.processReferences ??= findProcessReferences(file.sourceCode, PROCESS_MEMBERS);
  return file.processReferences;
}

function atTopLevel(file: ExitCodeFile): boolean {
  return file.tracker.depth() === 1;
}

function openRegion(file: ExitCodeFile, clause: TSESTree.CatchClause): void {
  if (!atTopLevel(file)) return;
  const tryStatement = clause.parent;
  const end = (tryStatement.finalizer ?? clause).range[1];
  const current = file.tracker.currentSegments();
  const region: CatchRegion = {
    entry: current,
    segments: new Set(current),
    exits: undefined,
    range: [clause.body.range[0], end],
  };
  file.regions.set(clause, region);
  file.openRegions.push(region);
}

function closeRegion(file: ExitCodeFile, clause: TSESTree.CatchClause | null | undefined): void {
  const region = clause && file.regions.get(clause);
  if (!region || file.tracker.depth() === 0 || region.exits) return;
  region.exits = new Set(file.tracker.currentSegments());
  file.openRegions.splice(file.openRegions.indexOf(region), 1);
}

/** `process.kill(process.pid)`, with any signal but 0 (which only tests that the process exists). */
function killsThisProcess(file: ExitCodeFile, call: TSESTree.CallExpression): boolean {
  const [target, signal] = call.arguments;
  if (!target || processReferencesOf(file).get(target)?.member !== 'pid') return false;
  if (!signal) return true;
  const value = ASTUtils.getStaticValue(signal, file.sourceCode.getScope(signal));
  return value?.value !== 0;
}

function libraryExitsOf(file: ExitCodeFile): Set<TSESTree.Node> {
  file.libraryExits ??= new Set(
    libraryExitReferences(file.sourceCode)
      .filter(({ type }) => type === CALL)
      .map(({ node }) => node),
  );
  return file.libraryExits;
}

/**
 * Whether the code path that starts at `node` may be judged, and so is
 * followed: the program; a function `localFunction` can name (a function
 * declaration, a variable's initializer); a function given to a call in a
 * followed path (a handler, or a callback `callsFatalFunction` looks at); a
 * function called where it is written, in a followed path (`(() => { … })()`).
 * Class members, object methods, class field initializers, static blocks and
 * functions called where they are written outside a followed path are never
 * judged: their steps are not recorded.
 */
function mayBeJudged(file: ExitCodeFile, node: TSESTree.Node): boolean {
  if (node.type === TSESTree.AST_NODE_TYPES.Program || node.type === TSESTree.AST_NODE_TYPES.FunctionDeclaration) {
    return true;
  }
  if (!isFunctionNode(node)) return false;
  const { parent } = node;
  if (parent.type === TSESTree.AST_NODE_TYPES.VariableDeclarator) return parent.init === node;
  return parent.type === TSESTree.AST_NODE_TYPES.CallExpression && file.followed.at(-1) === true;
}

function recordCall(file: ExitCodeFile, call: TSESTree.CallExpression): void {
  const followed = file.followed.at(-1) === true;
  if (libraryExitsOf(file).has(call)) {
    const [code] = call.arguments;
    const effect = code ? exitEffect(file.sourceCode, code) : 'exitZero';
    if (effect !== 'end') file.zeroExits.push(call);
    if (followed) file.tracker.record({ node: call, effect });
    return;
  }
  const found = processReferencesOf(file).get(call);
  if (found?.kind === 'call') {
    if (found.member === 'exit') {
      const effect = exitEffect(file.sourceCode, call.arguments[0]);
      // Every exit with code 0 counts for the suggestions (`hasZeroExit`), followed or not.
      if (effect !== 'end') file.zeroExits.push(call);
      if (!followed) return;
      // An exit code 0 chosen for one class of errors ends that path as the author meant.
      const chosen = effect === 'exitZero' && call.arguments.length > 0 && choosesZeroForError(file.sourceCode, call);
      file.tracker.record({ node: call, effect: chosen ? 'end' : effect });
    } else if (found.member === 'abort' || (found.member === 'kill' && killsThisProcess(file, call))) {
      file.tracker.record({ node: call, effect: 'end' });
    }
    return;
  }
  if (!followed) return;
  if (
    call.callee.type === TSESTree.AST_NODE_TYPES.Identifier ||
    isFunctionNode(call.callee) ||
    call.arguments.some((argument) => isFunctionNode(argument))
  ) {
    file.tracker.record({ node: call, effect: 'call' });
  }
}

/** Nodes looked at in an `if` test for a read of the caught error. */
const ERROR_TEST_BUDGET = 200;

/** The caught error a node sees: the nearest `catch (error)` parameter, or its function's first parameter. */
function caughtErrorOf(node: TSESTree.Node): TSESTree.Identifier | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === TSESTree.AST_NODE_TYPES.CatchClause) {
      return current.param?.type === TSESTree.AST_NODE_TYPES.Identifier ? current.param : undefined;
    }
    if (isFunctionNode(current)) {
      const [first] = current.params;
      return first?.type === TSESTree.AST_NODE_TYPES.Identifier ? first : undefined;
    }
  }
  return undefined;
}

/**
 * Whether an explicit `process.exit(0)` is the exit code chosen for a class
 * of errors: it sits in a branch of an `if` whose test reads the caught
 * error (`if (error.name === 'ExitPromptError') process.exit(0)`, the user
 * cancelled). The author spelled out 0 for that error; it is no fall-through.
 */
function choosesZeroForError(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const error = caughtErrorOf(call);
  if (!error) return false;
  for (let child: TSESTree.Node = call; child.parent && !isFunctionNode(child.parent); child = child.parent) {
    const current: TSESTree.Node = child.parent;
    if (current.type === TSESTree.AST_NODE_TYPES.IfStatement && current.test !== child) {
      const readsError = walk(current.test, sourceCode.visitorKeys, ERROR_TEST_BUDGET, (node) => {
        if (node.type !== TSESTree.AST_NODE_TYPES.Identifier || node.name !== error.name) return false;
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
        return variable?.defs.some((def) => def.name === error) === true;
      });
      if (readsError === true) return true;
    }
    if (current.type === TSESTree.AST_NODE_TYPES.CatchClause) return false;
  }
  return false;
}

function recordAssignment(file: ExitCodeFile, node: TSESTree.AssignmentExpression): void {
  if (file.followed.at(-1) !== true || processReferencesOf(file).get(node.left)?.member !== 'exitCode') return;
  const value = node.operator === '=' ? staticCode(file.sourceCode, node.right) : undefined;
  file.tracker.record({ node, effect: value === 'zero' || value === 'default' ? 'reset' : 'set' });
}

/**
 * Every `if` is recorded with the segments its branches start in; whether its
 * test reads only configuration is judged when a fatal-path judgement first
 * passes it (`testsConfiguration` in configuration.ts); most never are.
 */
function recordChoice(file: ExitCodeFile, node: TSESTree.IfStatement): void {
  if (file.followed.at(-1) === true && file.tracker.record({ node, effect: 'choice' })) file.branches.set(node, {});
}

function listenersFor(file: ExitCodeFile): TSESLint.RuleListener {
  const { tracker, branches } = file;
  const listeners = {
    ...tracker.listeners,
    CallExpression: (node: TSESTree.CallExpression) => recordCall(file, node),
    AssignmentExpression: (node: TSESTree.AssignmentExpression) => recordAssignment(file, node),
    ThrowStatement(node: TSESTree.ThrowStatement) {
      // A throw that a `catch` of the same function takes goes on there (the
      // code path leads into the clause); only an uncaught one ends the path.
      if (file.followed.at(-1) === true && !isCaughtLocally(node)) tracker.record({ node, effect: 'end' });
    },
    IfStatement: (node: TSESTree.IfStatement) => recordChoice(file, node),
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
    CatchClause: (clause: TSESTree.CatchClause) => openRegion(file, clause),
    'CatchClause:exit'(clause: TSESTree.CatchClause) {
      if (!clause.parent.finalizer) closeRegion(file, clause);
    },
    'TryStatement > BlockStatement.finalizer:exit'(block: TSESTree.BlockStatement) {
      closeRegion(file, (block.parent as TSESTree.TryStatement).handler);
    },
  };
  return listeners;
}

/**
 * Collects, during the traversal, the steps that decide the exit code in the
 * segment each runs in; answers once the traversal is over (in `whenAnalysed`,
 * called when the file's code path ends).
 */
export function createExitCodeAnalysis(sourceCode: SourceCode, whenAnalysed: () => void): ExitCodeAnalysis {
  const codePaths = new Map<TSESTree.Node, CodePath>();
  const openRegions: CatchRegion[] = [];
  const followed: boolean[] = [];
  const tracker: SegmentTracker<Step> = createSegmentTracker<Step>({
    // Called once per code path, before `onCodePathStart`.
    follows(node) {
      const judged = mayBeJudged(file, node);
      followed.push(judged);
      return judged;
    },
    onCodePathStart(codePath, node) {
      if (followed.at(-1) === true) codePaths.set(node, codePath);
    },
    onCodePathEnd(_codePath, node) {
      followed.pop();
      if (node.type === TSESTree.AST_NODE_TYPES.Program) whenAnalysed();
    },
    onSegmentStart(segment) {
      if (tracker.depth() === 1) for (const region of openRegions) region.segments.add(segment);
    },
  });
  const file: ExitCodeFile = {
    sourceCode,
    tracker,
    codePaths,
    branches: new Map(),
    configurationTests: new Map(),
    regions: new Map(),
    openRegions,
    zeroExits: [],
    judgement: { verdicts: new Map(), tentative: new Map(), judging: new Set(), assumed: false },
    followed,
    processReferences: undefined,
    libraryExits: undefined,
    startupReads: undefined,
  };
  return {
    listeners: listenersFor(file),
    atTopLevel: () => atTopLevel(file),
    endsFatally: (fn) => functionEndsFatally(file, fn, 0),
    catchEndsFatally: (clause) => catchEndsFatally(file, clause),
    hasZeroExit: (node) =>
      file.zeroExits.some((call) => call.range[0] >= node.range[0] && call.range[1] <= node.range[1]),
    localFunction: (identifier) => localFunction(sourceCode, identifier),
  };
}
