import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

export interface SegmentTrackerHooks {
  /**
   * Whether to track the code path that starts at `node` (a function, the
   * program, a class field's initializer, a static block). A path not
   * tracked records nothing and has no current segments, and costs nothing
   * per segment. Default: every path.
   */
  follows?(node: TSESTree.Node): boolean;
  onCodePathStart?(codePath: CodePath, node: TSESTree.Node): void;
  /**
   * After the code path is traversed; `recorded` are its segments that hold
   * events, `started` every segment that became current in it (reachable or
   * not), in the order they did (an order `flowEvents` can take).
   */
  onCodePathEnd?(
    codePath: CodePath,
    node: TSESTree.Node,
    recorded: readonly Segment[],
    started: readonly Segment[],
  ): void;
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
  /** Records an event on every segment current in the path being traversed; false when there is none. */
  record(event: Event): boolean;
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
  /** Undefined in a path not tracked. */
  readonly current: Segment[] | undefined;
  readonly recorded: Segment[];
  readonly started: Segment[];
}

export function createSegmentTracker<Event>(hooks: SegmentTrackerHooks = {}): SegmentTracker<Event> {
  const frames: PathFrame[] = [];
  let frame: PathFrame | undefined;
  const events = new Map<Segment, Event[]>();

  const enter = (segment: Segment): void => {
    if (!frame?.current) return;
    frame.current.push(segment);
    frame.started.push(segment);
    hooks.onSegmentStart?.(segment);
  };
  const leave = (segment: Segment): void => {
    // One or two segments are current at a time (a few in a `finally` block): a list, not a set.
    const current = frame?.current;
    if (!current) return;
    const at = current.lastIndexOf(segment);
    if (at < 0) return;
    // Not `splice`, which would make an array of what it removes, once per segment.
    current.copyWithin(at, at + 1);
    current.pop();
  };

  // The code-path events take more than one argument, which RuleListener's node handlers do not describe.
  const listeners = {
    onCodePathStart(codePath: CodePath, node: TSESTree.Node) {
      const followed = hooks.follows?.(node) ?? true;
      frame = { current: followed ? [] : undefined, recorded: [], started: [] };
      frames.push(frame);
      hooks.onCodePathStart?.(codePath, node);
    },
    onCodePathEnd(codePath: CodePath, node: TSESTree.Node) {
      const ended = frames.pop();
      frame = frames.at(-1);
      hooks.onCodePathEnd?.(codePath, node, ended?.recorded ?? [], ended?.started ?? []);
    },
    onCodePathSegmentStart: enter,
    onCodePathSegmentEnd: leave,
    onUnreachableCodePathSegmentStart: enter,
    onUnreachableCodePathSegmentEnd: leave,
  } as unknown as TSESLint.RuleListener;

  return {
    listeners,
    record(event) {
      const current = frame?.current;
      if (!current || current.length === 0) return false;
      for (const segment of current) {
        const list = events.get(segment);
        if (list) {
          list.push(event);
        } else {
          events.set(segment, [event]);
          frame?.recorded.push(segment);
        }
      }
      return true;
    },
    eventsOf: (segment) => events.get(segment) ?? NO_EVENTS,
    currentSegments: () => (frame?.current ? [...frame.current] : []),
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

/**
 * The segments of a code path in the order the fixed point takes them, and
 * the edges between them by position: segment `i` leads to
 * `edges[firstEdge[i]]` … `edges[firstEdge[i + 1] - 1]`.
 */
export interface SegmentGraph {
  readonly segments: readonly Segment[];
  /** The position of the code path's initial segment. */
  readonly start: number;
  readonly firstEdge: Int32Array;
  readonly edges: Int32Array;
}

/**
 * A segment's number within its code path: ESLint names segments
 * `s<code path>_<n>`, `n` counting up as they are created. Undefined for any
 * other name. Cheaper than a map from segment to position.
 */
function segmentNumber(segment: Segment): number | undefined {
  const { id } = segment;
  // The digits after the last `_`, read without making a string of them.
  let number = 0;
  let scale = 1;
  let index = id.length - 1;
  for (; index >= 0; index--) {
    const digit = id.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) break;
    number += digit * scale;
    scale *= 10;
  }
  return number > 0 && scale <= 1e9 && index > 0 && id[index] === '_' ? number : undefined;
}

/** Each segment's position in `segments`, by its number; undefined if two share a number or one has none. */
function positionsByNumber(segments: readonly Segment[]): Int32Array | undefined {
  // Each id is read once (cold in memory on a long list), its number kept.
  const numbers = new Int32Array(segments.length);
  let highest = 0;
  let index = 0;
  for (const segment of segments) {
    const number = segmentNumber(segment);
    if (number === undefined) return undefined;
    numbers[index++] = number;
    if (number > highest) highest = number;
  }
  const positions = new Int32Array(highest + 1).fill(-1);
  index = 0;
  for (const number of numbers) {
    if (positions[number] !== -1) return undefined;
    positions[number] = index++;
  }
  return positions;
}

/** How many segments after a segment are compared by identity with each it leads to, before looking further. */
const NEAR = 8;

/**
 * The graph over `segments` in their order, or undefined if a segment leads
 * to one they do not hold. Segments are cold in memory at a long path's end:
 * each one's `nextSegments` is read once, and an edge's target is found by
 * identity on the (warm) list without reading it: among the segments that
 * started just after its source, else the last far target (a `switch` end,
 * which 30,000 `break`s lead to) or one beside it (an `else if` chain's ends,
 * innermost first); then by a scan of the list within a budget linear in its
 * length, and past that by number.
 */
function graphIn(segments: readonly Segment[], initial: Segment): SegmentGraph | undefined {
  const count = segments.length;
  // Made once the scan's budget runs out: reading every id costs as much as the rest.
  let byNumber: Int32Array | undefined;
  let byMap: Map<Segment, number> | undefined;
  const indexed = (segment: Segment): number => {
    if (!byNumber && !byMap) {
      byNumber = positionsByNumber(segments);
      if (!byNumber) byMap = new Map(segments.map((each, index) => [each, index]));
    }
    if (!byNumber) return byMap?.get(segment) ?? -1;
    const at = byNumber[segmentNumber(segment) ?? 0] ?? -1;
    return at >= 0 && segments[at] === segment ? at : -1;
  };
  let budget = 2 * count + 64;
  /** Where `segment` is in the list (-1 if not): scanned forward from `from`, then back from it. */
  const scan = (segment: Segment, from: number): number => {
    if (budget <= 0) return indexed(segment);
    let at = from;
    while (at < count && segments[at] !== segment) at++;
    if (at === count) {
      at = from - 1;
      while (at >= 0 && segments[at] !== segment) at--;
    }
    budget -= at < from ? count - at : at - from;
    return at;
  };
  const start = segments[0] === initial ? 0 : scan(initial, 0);
  if (start < 0) return undefined;
  const firstEdge = new Int32Array(count + 1);
  // Grown by doubling: counting the edges first would read every segment twice.
  let edges = new Int32Array(2 * count + 8);
  let edge = 0;
  let index = 0;
  let farTarget: Segment | undefined;
  let farAt = -1;
  // `for…of` over arrays, not `entries()`, which would make a pair per segment.
  for (const segment of segments) {
    firstEdge[index++] = edge;
    const near = Math.min(count, index + NEAR);
    for (const next of segment.nextSegments) {
      let at = index;
      while (at < near && segments[at] !== next) at++;
      if (at === near) {
        if (next === farTarget) at = farAt;
        else {
          at = farAt < 0 ? -1 : Math.max(0, farAt - NEAR);
          const beside = at < 0 ? at : Math.min(count, farAt + NEAR + 1);
          while (at < beside && segments[at] !== next) at++;
          if (at === beside) at = scan(next, near);
          farTarget = next;
          farAt = at;
        }
        if (at < 0) return undefined;
      }
      if (edge === edges.length) {
        const grown = new Int32Array(2 * edge);
        grown.set(edges);
        edges = grown;
      }
      edges[edge++] = at;
    }
  }
  firstEdge[count] = edge;
  return { segments, start, firstEdge, edges: edges.subarray(0, edge) };
}

/**
 * The segments reachable from `initial`, in reverse post-order of a
 * depth-first walk: each segment comes after every segment that leads to it,
 * except along the edges that close a loop. The walk tries the segments a
 * segment leads to from the last created (ESLint creates the code after a
 * loop after its body), so that a loop's body comes before what follows it.
 * An explicit stack: a long function must not overflow the call stack.
 */
function reversePostOrder(initial: Segment): Segment[] {
  const finished: Segment[] = [];
  const seen = new Set<Segment>([initial]);
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
    if (!seen.has(next)) {
      seen.add(next);
      stack.push(next);
      tried.push(0);
    }
  }
  return finished.reverse();
}

/**
 * The segments of a code path as the fixed point takes them: in the order
 * they started (`started`, from the tracker: ESLint starts a segment after
 * every segment that leads to it, but for the edges that close a loop), or,
 * when that is not given or misses a segment, in reverse post-order.
 */
export function segmentGraph(codePath: CodePath, started?: readonly Segment[]): SegmentGraph {
  const initial = codePath.initialSegment;
  const graph = started && graphIn(started, initial);
  if (graph) return graph;
  // Every segment reachable from the initial one is in its reverse post-order: never undefined.
  return (
    graphIn(reversePostOrder(initial), initial) ?? {
      segments: [],
      start: 0,
      firstEdge: new Int32Array(1),
      edges: new Int32Array(0),
    }
  );
}

/**
 * Runs a forward analysis to its fixed point over the segments of a code path
 * reachable from its initial segment, then calls `visit` for each event on
 * them with the value just before the event (over every path into its
 * segment, loops included). An event on several segments (a `finally` block)
 * is visited once per segment.
 *
 * Segments are taken in the graph's order, the earliest waiting one first:
 * without loops each is run once, after everything that leads to it; a loop
 * is run again only while what comes back to its start grows. What enters a
 * segment is joined edge by edge as each segment before it changes, not
 * recomputed over all of them (a `switch` end can have thousands). `graph`
 * (from `segmentGraph`) may be shared by several flows over one code path.
 */
export function flowEvents<Event, Value>(
  codePath: CodePath | SegmentGraph,
  eventsOf: (segment: Segment) => readonly Event[],
  flow: EventFlow<Event, Value>,
  visit: (event: Event, before: Value) => void,
): void {
  const graph = 'edges' in codePath ? codePath : segmentGraph(codePath);
  const { segments, firstEdge, edges } = graph;
  const count = segments.length;
  // Each segment's events, looked up once.
  const events = segments.map(eventsOf);
  const entering: (Value | undefined)[] = new Array<Value | undefined>(count);
  const leaving: (Value | undefined)[] = new Array<Value | undefined>(count);
  const waiting = new Uint8Array(count);
  entering[graph.start] = flow.initial;
  waiting[graph.start] = 1;

  // Every waiting segment is at `index` or after it: an edge back to an
  // earlier one (a loop) moves `index` back there.
  for (let index = graph.start; index < count;) {
    if (waiting[index] === 0) {
      index++;
      continue;
    }
    waiting[index] = 0;
    let out = entering[index] as Value;
    for (const event of events[index] ?? NO_EVENTS) out = flow.step(out, event);
    const before = leaving[index];
    let resume = index + 1;
    if (before === undefined || !flow.same(before, out)) {
      leaving[index] = out;
      const end = firstEdge[index + 1] ?? 0;
      for (let edge = firstEdge[index] ?? end; edge < end; edge++) {
        const at = edges[edge] ?? index;
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

  for (let index = 0; index < count; index++) {
    const list = events[index] ?? NO_EVENTS;
    let value = entering[index];
    // Not reached from the initial segment: nothing to visit.
    if (list.length === 0 || value === undefined) continue;
    for (const event of list) {
      visit(event, value);
      value = flow.step(value, event);
    }
  }
}
