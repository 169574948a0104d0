import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { createSegmentTracker, type EventFlow, flowEvents } from '../../util/code-path.js';

type Node = TSESTree.Node;
type CodePath = TSESLint.CodePath;

/** A probe can be reached from the start of its function without passing a mark of the channel. */
export const CLEAN = 1;
/** A probe can be reached from the start of its function through a mark of the channel. */
export const MARKED = 2;

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
        if (!byChannel) states.set(event.node, (byChannel = new Map<string, number>()));
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
