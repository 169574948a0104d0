import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, outermostWrapper, skipWrappers } from './ast.js';
import { createSegmentTracker, type EventFlow, flowEvents } from './code-path.js';

type Node = TSESTree.Node;
type CodePath = TSESLint.CodePath;

/** A probe can be reached from the start of its function without passing a mark of the channel. */
export const CLEAN = 1;
/** A probe can be reached from the start of its function through a mark of the channel. */
export const MARKED = 2;

/**
 * Where a node runs: the function (or `Program`) whose code path it is on, or
 * the class member whose initializer it is in (field initializers and static
 * blocks have code paths of their own and run when the class says so).
 */
export type Owner =
  FunctionNode | TSESTree.Program | TSESTree.PropertyDefinition | TSESTree.AccessorProperty | TSESTree.StaticBlock;

export function ownerOf(node: Node): Owner {
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

export interface TimelineInput {
  /** Nodes whose state is asked for once the program's code path ends. */
  readonly probes: ReadonlySet<Node>;
  /** The channel a node marks when it completes (`await app.whenReady()` marks `electron`). */
  readonly markOf: (node: Node) => string | undefined;
  /** Node types that can be marks (their `:exit` is listened to). */
  readonly markTypes: readonly AST_NODE_TYPES[];
  readonly channels: readonly string[];
  /** Runs once every code path has been analysed. */
  readonly onEnd: () => void;
}

export interface Timeline {
  /** Listeners to merge into the rule's own. */
  readonly listeners: TSESLint.RuleListener;
  /** `CLEAN | MARKED` bits of a probe for a channel; 0 when it is unreachable. Valid in `onEnd`. */
  state(probe: Node, channel: string): number;
}

interface TimelineEvent {
  readonly node: Node;
  readonly mark: string | undefined;
  readonly probe: boolean;
}

/**
 * Code-path timelines: for each probe, whether some path from the start of
 * its function reaches it without passing a mark (work that can run before a
 * ready signal), and whether some path reaches it through a mark (work that
 * can run after an `await`). Built on ESLint's code-path analysis, so
 * branches, early returns, loops and `try` count, not source order. Each node
 * is recorded when it completes (`:exit`): a call happens after its arguments.
 */
export function createTimeline(input: TimelineInput): Timeline {
  const { probes, markOf, channels } = input;
  const states = new Map<Node, Map<string, number>>();

  const analyse = (codePath: CodePath): void => {
    for (const channel of ['', ...channels]) {
      const flow: EventFlow<TimelineEvent, number> = {
        initial: CLEAN,
        step: (state, event) => (channel !== '' && event.mark === channel && state !== 0 ? MARKED : state),
        join: (a, b) => a | b,
        same: (a, b) => a === b,
      };
      flowEvents(codePath, tracker.eventsOf, flow, (event, state) => {
        if (!event.probe) return;
        let byChannel = states.get(event.node);
        if (!byChannel) states.set(event.node, (byChannel = new Map()));
        byChannel.set(channel, (byChannel.get(channel) ?? 0) | state);
      });
    }
  };

  const tracker = createSegmentTracker<TimelineEvent>({
    onCodePathEnd(codePath, node, recorded) {
      if (recorded.length > 0) analyse(codePath);
      if (node.type === AST_NODE_TYPES.Program) input.onEnd();
    },
  });
  const record = (node: Node): void => {
    const probe = probes.has(node);
    const mark = markOf(node);
    if (probe || mark !== undefined) tracker.record({ node, mark, probe });
  };

  const known = new Set(channels);
  const probeTypes = new Set<string>([...probes].map((node) => node.type));
  const listeners: Record<string, unknown> = { ...tracker.listeners };
  for (const type of new Set([...probeTypes, ...input.markTypes])) {
    listeners[`${type}:exit`] = record;
  }

  return {
    listeners: listeners as TSESLint.RuleListener,
    // A channel with no marks anywhere behaves like no channel: every reachable probe is clean.
    state: (probe, channel) => states.get(probe)?.get(known.has(channel) ? channel : '') ?? 0,
  };
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
export function callSitesOf(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.CallExpression[] {
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

/**
 * Whether `node` only runs where `isGuard(call)` was true: the consequent of
 * `if (guard())`, the alternate of `if (!guard())`, the right of `guard() && …`,
 * or a conditional expression's branch; looked for up to `owner`.
 */
export function isGuarded(node: Node, owner: Node, isGuard: (call: TSESTree.CallExpression) => boolean): boolean {
  const polarity = (test: Node): boolean | undefined => {
    const expression = skipWrappers(test);
    if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') {
      const inner = polarity(expression.argument);
      return inner === undefined ? undefined : !inner;
    }
    return expression.type === AST_NODE_TYPES.CallExpression && isGuard(expression) ? true : undefined;
  };
  let child: Node = node;
  let parent = node.parent;
  while (parent && child !== owner) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      const positive = polarity(parent.test);
      if (positive === true && child === parent.consequent) return true;
      if (positive === false && child === parent.alternate) return true;
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.operator === '&&' && child === parent.right) {
      if (polarity(parent.left) === true) return true;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}
