import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

export interface SegmentTrackerHooks {
  onCodePathStart?(codePath: CodePath, node: TSESTree.Node): void;
  /** After the code path is traversed; `recorded` are its segments that hold events. */
  onCodePathEnd?(codePath: CodePath, node: TSESTree.Node, recorded: readonly Segment[]): void;
  /** When a segment, reachable or not, becomes current. */
  onSegmentStart?(segment: Segment): void;
}

/**
 * Knows which segments are current in the code path being traversed (ESLint
 * 10 has no `currentSegments`) and records events on them, in traversal
 * order. Code paths nest (a function inside a function); each has its own
 * current segments.
 */
export interface SegmentTracker<Event> {
  /** Code-path listeners to spread into the rule's listener object. */
  readonly listeners: TSESLint.RuleListener;
  /** Records an event on every segment current in the code path being traversed. */
  record(event: Event): void;
  /** The events recorded on a segment, in traversal order. */
  eventsOf(segment: Segment): readonly Event[];
  /** The segments current in the code path being traversed. */
  currentSegments(): readonly Segment[];
  /** How many code paths are being traversed: 1 at module top level, 0 outside the traversal. */
  depth(): number;
}

interface PathFrame {
  readonly current: Set<Segment>;
  readonly recorded: Segment[];
}

export function createSegmentTracker<Event>(hooks: SegmentTrackerHooks = {}): SegmentTracker<Event> {
  const frames: PathFrame[] = [];
  const events = new Map<Segment, Event[]>();

  const enter = (segment: Segment): void => {
    frames.at(-1)?.current.add(segment);
    hooks.onSegmentStart?.(segment);
  };
  const leave = (segment: Segment): void => {
    frames.at(-1)?.current.delete(segment);
  };

  // The code-path events take more than one argument, which RuleListener's node handlers do not describe.
  const listeners = {
    onCodePathStart(codePath: CodePath, node: TSESTree.Node) {
      frames.push({ current: new Set(), recorded: [] });
      hooks.onCodePathStart?.(codePath, node);
    },
    onCodePathEnd(codePath: CodePath, node: TSESTree.Node) {
      const frame = frames.pop();
      hooks.onCodePathEnd?.(codePath, node, frame?.recorded ?? []);
    },
    onCodePathSegmentStart: enter,
    onCodePathSegmentEnd: leave,
    onUnreachableCodePathSegmentStart: enter,
    onUnreachableCodePathSegmentEnd: leave,
  } as unknown as TSESLint.RuleListener;

  return {
    listeners,
    record(event) {
      const frame = frames.at(-1);
      if (!frame) return;
      for (const segment of frame.current) {
        const list = events.get(segment);
        if (list) {
          list.push(event);
        } else {
          events.set(segment, [event]);
          frame.recorded.push(segment);
        }
      }
    },
    eventsOf: (segment) => events.get(segment) ?? [],
    currentSegments: () => [...(frames.at(-1)?.current ?? [])],
    depth: () => frames.length,
  };
}

/** A forward analysis of the events on a code path: a value that flows along the segments. */
export interface EventFlow<Event, Value> {
  /** The value entering the code path's initial segment. */
  readonly initial: Value;
  /**
   * The value after an event, given the value before it. With `join`, it only
   * lets values grow, through finitely many: that is what makes the walk end.
   */
  step(value: Value, event: Event): Value;
  /** The value where paths join. */
  join(a: Value, b: Value): Value;
  same(a: Value, b: Value): boolean;
}

/**
 * Runs a forward analysis to its fixed point over the segments of a code path
 * reachable from its initial segment, then calls `visit` for each event on
 * them with the value just before the event (over every path into its
 * segment, loops included). An event on several segments (a `finally` block)
 * is visited once per segment.
 */
export function flowEvents<Event, Value>(
  codePath: CodePath,
  eventsOf: (segment: Segment) => readonly Event[],
  flow: EventFlow<Event, Value>,
  visit: (event: Event, before: Value) => void,
): void {
  const entering = new Map<Segment, Value>();
  const leaving = new Map<Segment, Value>();
  // A queue read by index (`shift` would make a long function quadratic). It
  // ends: a segment is queued again only when what leaves it has grown.
  const queue: Segment[] = [codePath.initialSegment];
  const queued = new Set<Segment>(queue);
  // eslint-disable-next-line @typescript-eslint/prefer-for-of -- the queue grows while it is read
  for (let head = 0; head < queue.length; head++) {
    const segment = queue[head];
    if (!segment) break;
    queued.delete(segment);
    let into: Value | undefined = segment === codePath.initialSegment ? flow.initial : undefined;
    for (const previous of segment.prevSegments) {
      const out = leaving.get(previous);
      if (out !== undefined) into = into === undefined ? out : flow.join(into, out);
    }
    if (into === undefined) continue;
    entering.set(segment, into);
    const out = eventsOf(segment).reduce<Value>((value, event) => flow.step(value, event), into);
    const before = leaving.get(segment);
    if (before !== undefined && flow.same(before, out)) continue;
    leaving.set(segment, out);
    for (const next of segment.nextSegments) {
      if (!queued.has(next)) {
        queued.add(next);
        queue.push(next);
      }
    }
  }

  for (const [segment, into] of entering) {
    let value = into;
    for (const event of eventsOf(segment)) {
      visit(event, value);
      value = flow.step(value, event);
    }
  }
}

type PathEvent<Source, Target> =
  { type: 'source'; source: Source } | { type: 'barrier' } | { type: 'target'; target: Target };

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

export function createPathReach<Source, Target>(options: PathReachOptions<Source, Target>): PathReach<Source, Target> {
  const better = (a: Source | undefined, b: Source): Source =>
    a === undefined || options.rank(b) > options.rank(a) ? b : a;

  const merge = (into: Map<string, Source>, from: Reaching<Source>): void => {
    for (const [kind, source] of from) into.set(kind, better(into.get(kind), source));
  };

  const flow: EventFlow<PathEvent<Source, Target>, Reaching<Source>> = {
    initial: new Map(),
    step(reaching, event) {
      if (event.type === 'barrier') return new Map();
      if (event.type === 'target') return reaching;
      const next = new Map(reaching);
      next.set(options.kindOf(event.source), event.source);
      return next;
    },
    join(a, b) {
      const joined = new Map(a);
      merge(joined, b);
      return joined;
    },
    same(a, b) {
      if (a.size !== b.size) return false;
      for (const [kind, source] of b) if (a.get(kind) !== source) return false;
      return true;
    },
  };

  const solve = (codePath: CodePath, recorded: readonly Segment[]): void => {
    const hasTarget = (segment: Segment) => tracker.eventsOf(segment).some((event) => event.type === 'target');
    if (!recorded.some(hasTarget)) return;
    // A target can sit in several segments at once (a `finally` block); keep the best per kind.
    const reached = new Map<Target, Map<string, Source>>();
    flowEvents(codePath, tracker.eventsOf, flow, (event, reaching) => {
      if (event.type !== 'target' || reaching.size === 0) return;
      const sources = reached.get(event.target) ?? new Map<string, Source>();
      merge(sources, reaching);
      reached.set(event.target, sources);
    });
    for (const [target, sources] of reached) options.onReach(target, [...sources.values()]);
  };

  const tracker = createSegmentTracker<PathEvent<Source, Target>>({
    onCodePathEnd: (codePath, _node, recorded) => solve(codePath, recorded),
  });

  return {
    listeners: tracker.listeners,
    source: (source) => tracker.record({ type: 'source', source }),
    barrier: () => tracker.record({ type: 'barrier' }),
    target: (target) => tracker.record({ type: 'target', target }),
  };
}
