import { ASTUtils, type TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode } from '../../util/ast.js';
import { testsConfiguration } from './configuration.js';
import type { ExitCodeFile, Judgement } from './exit-code.js';

/*
 * The judgement, once the file's code paths are known: is every path from a
 * point fatal? See `exit-code.ts` for what makes a path fatal.
 */

type Segment = TSESLint.CodePathSegment;

/** Where a walk counts steps and where its paths end: a whole function, or a top-level `catch` region. */
interface Walk {
  readonly depth: number;
  inRegion(segment: Segment): boolean;
  isEnd(segment: Segment): boolean;
  readonly range: readonly [number, number] | undefined;
  /** Per `if` on configuration: whether one of its branches is fatal on every path (`undefined` while being judged). */
  readonly choices: Map<TSESTree.IfStatement, boolean | undefined>;
}

/** How deep the judgement follows calls into this file's functions. */
const MAX_FATAL_CALL_DEPTH = 12;
/** How many `if`s on configuration are judged inside one another. */
const MAX_CHOICE_DEPTH = 8;

/** The function of this file an identifier names (`function fail() {}`, `const fail = () => {}`). */
export function localFunction(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): FunctionNode | undefined {
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

/**
 * Whether a call runs a function of this file that is fatal on every path:
 * one it names, one written in its place (`(() => { … })()`; not a generator,
 * whose body a call does not run), or one it is given as a callback.
 */
function callsFatalFunction(file: ExitCodeFile, call: TSESTree.CallExpression, depth: number): boolean {
  const { callee } = call;
  const called =
    callee.type === TSESTree.AST_NODE_TYPES.Identifier
      ? localFunction(file.sourceCode, callee)
      : isFunctionNode(callee) && !callee.generator
        ? callee
        : undefined;
  if (called && functionEndsFatally(file, called, depth + 1)) return true;
  return call.arguments.some((argument) => isFunctionNode(argument) && functionEndsFatally(file, argument, depth + 1));
}

/**
 * Whether an `if` on configuration decides the exit code: one of its
 * branches is fatal on every path from where it starts, so a path that
 * passed its test and ends with code 0 took the other branch on purpose.
 */
function choiceDecides(file: ExitCodeFile, choice: TSESTree.IfStatement, walk: Walk, nesting: number): boolean {
  const known = walk.choices.get(choice);
  if (known !== undefined) return known;
  // Being judged (a loop leads back to it) or nested too deep: it decides nothing here.
  if (walk.choices.has(choice) || nesting > MAX_CHOICE_DEPTH) return false;
  // An `if` on anything but configuration (the error, a parameter) decides nothing.
  if (!testsConfiguration(file, choice)) return false;
  walk.choices.set(choice, undefined);
  const { consequent, alternate } = file.branches.get(choice) ?? {};
  const decides = [consequent, alternate].some(
    (entry) => entry?.some((segment) => segment.reachable) === true && everyPathFatal(file, entry, walk, nesting + 1),
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
function everyPathFatal(file: ExitCodeFile, entry: readonly Segment[], walk: Walk, nesting = 0): boolean {
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
    for (const step of file.tracker.eventsOf(segment)) {
      if (range && (step.node.range[0] < range[0] || step.node.range[1] > range[1])) continue;
      if (step.effect === 'choice') {
        chosen ||= choiceDecides(file, step.node, walk, nesting);
        continue;
      }
      const effect =
        step.effect === 'call' ? (callsFatalFunction(file, step.node, depth) ? 'set' : undefined) : step.effect;
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

/** Whether the judgement under way rested on an assumption so far; it starts afresh. */
function takeAssumption(judgement: Judgement): boolean {
  const assumed = judgement.assumed;
  judgement.assumed = false;
  return assumed;
}

/** Whether every path through `fn` ends the process non-zero or throws; cached per function. */
export function functionEndsFatally(file: ExitCodeFile, fn: FunctionNode, depth: number): boolean {
  const judgement = file.judgement;
  const known = judgement.verdicts.get(fn);
  if (known !== undefined) return known;
  const guess = judgement.tentative.get(fn);
  if (guess !== undefined) {
    judgement.assumed = true;
    return guess;
  }
  // A recursive call seen while judging the function does not make it fatal.
  if (judgement.judging.has(fn)) {
    judgement.assumed = true;
    return false;
  }
  const codePath = file.codePaths.get(fn);
  if (!codePath || depth > MAX_FATAL_CALL_DEPTH) return false;
  const outermost = judgement.judging.size === 0;
  const assumedBefore = takeAssumption(judgement);
  judgement.judging.add(fn);
  const verdict = everyPathFatal(file, [codePath.initialSegment], {
    depth,
    inRegion: () => true,
    isEnd: () => false,
    range: undefined,
    choices: new Map(),
  });
  judgement.judging.delete(fn);
  // A verdict that rests on the assumption about a function still being
  // judged holds only for this judgement (`b` in `a → b → a` is judged again
  // once `a` is known); the outermost one is final.
  const assumed = takeAssumption(judgement);
  if (outermost || !assumed) judgement.verdicts.set(fn, verdict);
  else judgement.tentative.set(fn, verdict);
  judgement.assumed = !outermost && (assumed || assumedBefore);
  if (outermost) judgement.tentative.clear();
  return verdict;
}

/**
 * Whether every path through a top-level `catch` clause (and the `finally`
 * block after it) ends the process non-zero or throws; `true` for a clause
 * the analysis did not follow (not at top level): it is not judged.
 */
export function catchEndsFatally(file: ExitCodeFile, clause: TSESTree.CatchClause): boolean {
  const region = file.regions.get(clause);
  const exits = region?.exits;
  if (!region || !exits) return true;
  return everyPathFatal(file, region.entry, {
    depth: 0,
    inRegion: (segment) => region.segments.has(segment),
    isEnd: (segment) => exits.has(segment),
    range: region.range,
    choices: new Map(),
  });
}
