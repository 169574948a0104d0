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

/** What a segment without events holds: one empty list, not one per question. */
const NO_EVENTS: readonly never[] = [];

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
    eventsOf: (segment) => events.get(segment) ?? NO_EVENTS,
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
   * A larger value before gives a value after at least as large: what leaves
   * a segment only grows, so a join can take in one new value at a time.
   * Values are not changed in place (one may be shared by several segments).
   */
  step(value: Value, event: Event): Value;
  /** The value where paths join: the smallest covering both, in any order and any grouping. */
  join(a: Value, b: Value): Value;
  same(a: Value, b: Value): boolean;
}

/** The segments of a code path in the order the fixed point takes them, and each one's place in it. */
interface Order {
  readonly segments: readonly Segment[];
  readonly position: ReadonlyMap<Segment, number>;
}

/**
 * The segments reachable from `initial`, in reverse post-order of a
 * depth-first walk: each segment comes after every segment that leads to it,
 * except along the edges that close a loop. The walk tries the segments a
 * segment leads to from the last created (ESLint creates the code after a
 * loop after its body), so that a loop's body comes before what follows it.
 * An explicit stack: a long function must not overflow the call stack. One
 * map serves as the set of segments seen (-1 while on the stack) and, once
 * the walk is over, as each segment's position.
 */
function reversePostOrder(initial: Segment): Order {
  const finished: Segment[] = [];
  const position = new Map<Segment, number>([[initial, -1]]);
  const stack: Segment[] = [initial];
  const tried: number[] = [0];
  while (stack.length > 0) {
    const top = stack.length - 1;
    const segment = stack[top];
    const count = tried[top];
    if (segment === undefined || count === undefined) break;
    const next = segment.nextSegments[segment.nextSegments.length - 1 - count];
    if (next === undefined) {
      stack.pop();
      tried.pop();
      finished.push(segment);
      continue;
    }
    tried[top] = count + 1;
    if (!position.has(next)) {
      position.set(next, -1);
      stack.push(next);
      tried.push(0);
    }
  }
  finished.reverse();
  for (const [index, segment] of finished.entries()) position.set(segment, index);
  return { segments: finished, position };
}

/**
 * Runs a forward analysis to its fixed point over the segments of a code path
 * reachable from its initial segment, then calls `visit` for each event on
 * them with the value just before the event (over every path into its
 * segment, loops included). An event on several segments (a `finally` block)
 * is visited once per segment.
 *
 * Segments are taken in reverse post-order, the earliest waiting one first:
 * without loops each is run once, after everything that leads to it; a loop
 * is run again only while what comes back to its start grows. What enters a
 * segment is joined edge by edge as each segment before it changes, not
 * recomputed over all of them (a `switch` end can have thousands).
 */
export function flowEvents<Event, Value>(
  codePath: CodePath,
  eventsOf: (segment: Segment) => readonly Event[],
  flow: EventFlow<Event, Value>,
  visit: (event: Event, before: Value) => void,
): void {
  const { segments: order, position } = reversePostOrder(codePath.initialSegment);
  const count = order.length;
  // Each segment's events, looked up once.
  const events = order.map(eventsOf);
  const entering: (Value | undefined)[] = new Array<Value | undefined>(count);
  const leaving: (Value | undefined)[] = new Array<Value | undefined>(count);
  const waiting = new Uint8Array(count);
  entering[0] = flow.initial;
  waiting[0] = 1;

  // Every waiting segment is at `index` or after it: an edge back to an
  // earlier one (a loop) moves `index` back there.
  for (let index = 0; index < count;) {
    if (waiting[index] === 0) {
      index++;
      continue;
    }
    waiting[index] = 0;
    const segment = order[index];
    const list = events[index];
    if (segment === undefined || list === undefined) break;
    let out = entering[index] as Value;
    for (const event of list) out = flow.step(out, event);
    const before = leaving[index];
    let resume = index + 1;
    if (before === undefined || !flow.same(before, out)) {
      leaving[index] = out;
      for (const next of segment.nextSegments) {
        const at = position.get(next);
        if (at === undefined) continue;
        const into = entering[at];
        // What leaves a segment only grows, so joining the new value alone is enough.
        const joined = into === undefined ? out : flow.join(into, out);
        if (into !== undefined && flow.same(into, joined)) continue;
        entering[at] = joined;
        waiting[at] = 1;
        if (at < resume) resume = at;
      }
    }
    index = resume;
  }

  for (const [index, list] of events.entries()) {
    if (list.length === 0) continue;
    let value = entering[index] as Value;
    for (const event of list) {
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
  /** Whether merging `from` into `into` would leave `into` as it is. */
  const covers = (into: Reaching<Source>, from: Reaching<Source>): boolean => {
    for (const [kind, source] of from) {
      const kept = into.get(kind);
      if (kept === undefined || better(kept, source) !== kept) return false;
    }
    return true;
  };

  // Values are never changed once made: one that passes through unchanged is shared, not copied.
  const none: Reaching<Source> = new Map();
  const flow: EventFlow<PathEvent<Source, Target>, Reaching<Source>> = {
    initial: none,
    step(reaching, event) {
      if (event.type === 'barrier') return none;
      if (event.type === 'target') return reaching;
      const kind = options.kindOf(event.source);
      if (reaching.get(kind) === event.source) return reaching;
      const next = new Map(reaching);
      next.set(kind, event.source);
      return next;
    },
    join(a, b) {
      if (covers(a, b)) return a;
      const joined = new Map(a);
      merge(joined, b);
      return joined;
    },
    same(a, b) {
      if (a === b) return true;
      if (a.size !== b.size) return false;
      for (const [kind, source] of b) if (a.get(kind) !== source) return false;
      return true;
    },
  };

  const solve = (codePath: CodePath): void => {
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

  // Per code path being traversed, innermost last: whether it holds a target (without one there is nothing to solve).
  const targeted: boolean[] = [];
  const tracker = createSegmentTracker<PathEvent<Source, Target>>({
    onCodePathStart: () => targeted.push(false),
    onCodePathEnd(codePath) {
      if (targeted.pop() === true) solve(codePath);
    },
  });

  return {
    listeners: tracker.listeners,
    source: (source) => tracker.record({ type: 'source', source }),
    barrier: () => tracker.record({ type: 'barrier' }),
    target(target) {
      if (tracker.currentSegments().length === 0) return;
      targeted[targeted.length - 1] = true;
      tracker.record({ type: 'target', target });
    },
  };
}
