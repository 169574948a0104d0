import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { createSegmentTracker, type EventFlow, flowEvents, segmentGraph } from './code-path.js';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

export interface PathReachOptions<Source, Target> {
  /** Sources of different kinds are followed separately; each kind reports its own best source. */
  kindOf(source: Source): string;
  /** When several sources of a kind reach a target, the highest ranked one is kept. */
  rank(source: Source): number;
  /**
   * Called when a code path ends, once per target that some source reaches
   * with no barrier between them, with the best source of each kind.
   */
  onReach(target: Target, sources: readonly Source[]): void;
  /**
   * Whether the code path that starts at `node` can hold a target (a
   * function, the program, a class field's initializer, a static block):
   * a path that cannot is not tracked, and what it records is dropped.
   * Default: every path.
   */
  follows?(node: TSESTree.Node): boolean;
}

/**
 * Records events on the code-path segments where they happen and answers,
 * per function, whether a source event reaches a target event along some
 * path with no barrier event in between. Loops count: a source late in a loop
 * body reaches a target early in it.
 */
export interface PathReach<Source, Target> {
  /** Code-path listeners to spread into the rule's listener object. */
  readonly listeners: TSESLint.RuleListener;
  source(source: Source): void;
  barrier(): void;
  target(target: Target): void;
}

/**
 * Events are numbers, recorded on the segments by the tracker: a source by
 * its index in its code path's sources (0 and up), a barrier, a target by
 * its index in its code path's targets (`TARGET - index`).
 */
const BARRIER = -1;
const TARGET = -2;
/** No source: the value of a kind where none reaches. */
const NONE = -1;

/** What a code path recorded: its sources with their kinds and ranks, and its targets. */
interface PathEvents<Source, Target> {
  readonly sources: Source[];
  readonly kinds: number[];
  readonly ranks: number[];
  readonly kindIds: Map<string, number>;
  readonly targets: Target[];
  readonly targetIds: Map<Target, number>;
}

const newPath = <Source, Target>(): PathEvents<Source, Target> => ({
  sources: [],
  kinds: [],
  ranks: [],
  kindIds: new Map(),
  targets: [],
  targetIds: new Map(),
});

/**
 * Solves one code path, one kind at a time: what reaches a point is the best
 * source of each kind, and the kinds do not depend on each other (a source
 * replaces its own kind, a barrier clears every kind), so each kind is a
 * flow of one source index, which never allocates. Paths without a source or
 * a target have nothing to solve.
 */
function solve<Source, Target>(
  codePath: CodePath,
  started: readonly Segment[],
  path: PathEvents<Source, Target>,
  eventsOf: (segment: Segment) => readonly number[],
  onReach: (target: Target, sources: readonly Source[]) => void,
): void {
  const { sources, kinds, ranks, targets } = path;
  if (sources.length === 0 || targets.length === 0) return;
  const kindCount = path.kindIds.size;
  // The higher ranked of two sources, either of which may be none.
  const join = (a: number, b: number): number =>
    a === NONE || (b !== NONE && (ranks[b] ?? 0) > (ranks[a] ?? 0)) ? b : a;
  // The best source of each kind that reaches each target: `best[target * kindCount + kind]`.
  const best = new Int32Array(targets.length * kindCount).fill(NONE);
  const graph = segmentGraph(codePath, started);
  for (let kind = 0; kind < kindCount; kind++) {
    const flow: EventFlow<number, number> = {
      initial: NONE,
      step: (value, event) => (event === BARRIER ? NONE : event >= 0 && kinds[event] === kind ? event : value),
      join,
      same: (a, b) => a === b,
    };
    flowEvents(graph, eventsOf, flow, (event, value) => {
      if (event > TARGET || value === NONE) return;
      const slot = (TARGET - event) * kindCount + kind;
      best[slot] = join(best[slot] ?? NONE, value);
    });
  }
  for (const [index, target] of targets.entries()) {
    const reaching: Source[] = [];
    for (let kind = 0; kind < kindCount; kind++) {
      const source = best[index * kindCount + kind] ?? NONE;
      if (source !== NONE) reaching.push(sources[source] as Source);
    }
    if (reaching.length > 0) onReach(target, reaching);
  }
}

export function createPathReach<Source, Target>(options: PathReachOptions<Source, Target>): PathReach<Source, Target> {
  // Per code path being traversed, innermost last: what it recorded, made on its first event.
  const paths: (PathEvents<Source, Target> | undefined)[] = [];
  const tracker = createSegmentTracker<number>({
    follows: (node) => options.follows?.(node) ?? true,
    onCodePathStart: () => paths.push(undefined),
    onCodePathEnd(codePath, _node, _recorded, started) {
      const path = paths.pop();
      if (path) solve(codePath, started, path, tracker.eventsOf, options.onReach);
    },
  });

  return {
    listeners: tracker.listeners,
    source(source) {
      const top = paths.length - 1;
      if (top < 0 || !tracker.record(paths[top]?.sources.length ?? 0)) return;
      const path = (paths[top] ??= newPath());
      const kind = options.kindOf(source);
      let kindId = path.kindIds.get(kind);
      if (kindId === undefined) path.kindIds.set(kind, (kindId = path.kindIds.size));
      path.sources.push(source);
      path.kinds.push(kindId);
      path.ranks.push(options.rank(source));
    },
    barrier: () => tracker.record(BARRIER),
    target(target) {
      const top = paths.length - 1;
      if (top < 0) return;
      const known = paths[top]?.targetIds.get(target);
      const index = known ?? paths[top]?.targets.length ?? 0;
      if (!tracker.record(TARGET - index) || known !== undefined) return;
      const path = (paths[top] ??= newPath());
      path.targetIds.set(target, index);
      path.targets.push(target);
    },
  };
}
