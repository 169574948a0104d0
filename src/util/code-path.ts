import type { TSESLint } from '@typescript-eslint/utils';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

type PathEvent<Source, Target> =
  | { type: 'source'; source: Source }
  | { type: 'barrier' }
  | { type: 'target'; target: Target };

/** The sources that reach a point, at most one per kind: the highest ranked. */
type Reaching<Source> = ReadonlyMap<string, Source>;

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
}

/**
 * Records events on the code-path segments where they happen (in traversal
 * order) and answers, per function, whether a source event reaches a target
 * event along some path with no barrier event in between. Loops are handled
 * by iterating to a fixed point over the segment graph, so a source late in a
 * loop body reaches a target early in it.
 */
export interface PathReach<Source, Target> {
  /** Code-path listeners to spread into the rule's listener object. */
  readonly listeners: TSESLint.RuleListener;
  source(source: Source): void;
  barrier(): void;
  target(target: Target): void;
}

interface PathState<Source, Target> {
  readonly current: Set<Segment>;
  readonly events: Map<Segment, PathEvent<Source, Target>[]>;
}

export function createPathReach<Source, Target>(options: PathReachOptions<Source, Target>): PathReach<Source, Target> {
  const stack: PathState<Source, Target>[] = [];

  const record = (event: PathEvent<Source, Target>): void => {
    const state = stack.at(-1);
    if (!state) return;
    for (const segment of state.current) {
      const events = state.events.get(segment);
      if (events) events.push(event);
      else state.events.set(segment, [event]);
    }
  };

  const better = (a: Source | undefined, b: Source): Source => (a === undefined || options.rank(b) > options.rank(a) ? b : a);

  const merge = (into: Map<string, Source>, from: Reaching<Source>): void => {
    for (const [kind, source] of from) into.set(kind, better(into.get(kind), source));
  };

  const apply = (reaching: Reaching<Source>, event: PathEvent<Source, Target>): Reaching<Source> => {
    if (event.type === 'barrier') return new Map();
    if (event.type === 'target') return reaching;
    const next = new Map(reaching);
    next.set(options.kindOf(event.source), event.source);
    return next;
  };

  const sameReaching = (a: Reaching<Source> | undefined, b: Reaching<Source>): boolean => {
    if (a?.size !== b.size) return false;
    for (const [kind, source] of b) if (a.get(kind) !== source) return false;
    return true;
  };

  const solve = (codePath: CodePath, state: PathState<Source, Target>): void => {
    if (![...state.events.values()].some((events) => events.some((event) => event.type === 'target'))) return;

    // What leaves each segment, as a function of what enters it.
    const outOf = (segment: Segment, entering: Reaching<Source>): Reaching<Source> =>
      (state.events.get(segment) ?? []).reduce(apply, entering);

    const entering = new Map<Segment, Reaching<Source>>();
    const leaving = new Map<Segment, Reaching<Source>>();
    // A queue read by index (`shift` would make a long function quadratic).
    // It ends: what leaves a segment only grows (per kind, to a better source).
    const queue: Segment[] = [codePath.initialSegment];
    const queued = new Set<Segment>(queue);
    for (let head = 0; head < queue.length; head++) {
      const segment = queue[head];
      if (!segment) break;
      queued.delete(segment);
      const into = new Map<string, Source>();
      for (const previous of segment.prevSegments) {
        const out = leaving.get(previous);
        if (out) merge(into, out);
      }
      entering.set(segment, into);
      const out = outOf(segment, into);
      if (leaving.has(segment) && sameReaching(leaving.get(segment), out)) continue;
      leaving.set(segment, out);
      for (const next of segment.nextSegments) {
        if (!queued.has(next)) {
          queued.add(next);
          queue.push(next);
        }
      }
    }

    // A target can sit in several segments at once (a `finally` block); keep the best per kind.
    const reached = new Map<Target, Map<string, Source>>();
    for (const [segment, events] of state.events) {
      let reaching = entering.get(segment);
      if (!reaching) continue;
      for (const event of events) {
        if (event.type === 'target' && reaching.size > 0) {
          const sources = reached.get(event.target) ?? new Map<string, Source>();
          merge(sources, reaching);
          reached.set(event.target, sources);
        }
        reaching = apply(reaching, event);
      }
    }
    for (const [target, sources] of reached) options.onReach(target, [...sources.values()]);
  };

  const enter = (segment: Segment): void => {
    stack.at(-1)?.current.add(segment);
  };
  const leave = (segment: Segment): void => {
    stack.at(-1)?.current.delete(segment);
  };

  // The code-path events take more than one argument, which RuleListener's node handlers do not describe.
  const listeners = {
    onCodePathStart: () => {
      stack.push({ current: new Set(), events: new Map() });
    },
    onCodePathEnd: (codePath: CodePath) => {
      const state = stack.pop();
      if (state) solve(codePath, state);
    },
    onCodePathSegmentStart: enter,
    onCodePathSegmentEnd: leave,
    onUnreachableCodePathSegmentStart: enter,
    onUnreachableCodePathSegmentEnd: leave,
  } as unknown as TSESLint.RuleListener;

  return {
    listeners,
    source: (source) => record({ type: 'source', source }),
    barrier: () => record({ type: 'barrier' }),
    target: (target) => record({ type: 'target', target }),
  };
}
