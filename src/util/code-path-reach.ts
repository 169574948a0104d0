import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { segmentGraph } from './code-path.js';

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
  /**
   * Told, per code path solved, how many times the fixed point ran a segment
   * (all kinds together): the work, for tests that check it grows linearly.
   */
  onSolved?(segmentRuns: number): void;
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
 * Events are numbers: a source by its index in its code path's sources (0
 * and up), a barrier, a target by its index in its code path's targets
 * (`TARGET - index`).
 */
const BARRIER = -1;
const TARGET = -2;
/** No source: the value of a kind where none reaches. */
const NONE = -1;
/** A segment no value has entered (or left) yet. */
const UNSET = -2;

/**
 * A code path being traversed. Its segments are numbered by the order they
 * started in (their position in `segments`); the current ones are held as
 * positions, and each event as two numbers, `position, event`, in traversal
 * order: nothing is allocated per segment or per event but array slots.
 */
interface PathFrame<Source, Target> {
  readonly segments: Segment[];
  readonly current: number[];
  readonly events: number[];
  readonly sources: Source[];
  readonly kinds: number[];
  readonly ranks: number[];
  readonly kindIds: Map<string, number>;
  readonly targets: Target[];
  readonly targetIds: Map<Target, number>;
}

const newFrame = <Source, Target>(): PathFrame<Source, Target> => ({
  segments: [],
  current: [],
  events: [],
  sources: [],
  kinds: [],
  ranks: [],
  kindIds: new Map(),
  targets: [],
  targetIds: new Map(),
});

/** Each segment's events as positions into `list`: segment `i` holds `list[first[i]]` … `list[first[i + 1] - 1]`. */
function eventsBySegment(count: number, events: readonly number[]): { first: Int32Array; list: Int32Array } {
  const first = new Int32Array(count + 1);
  for (let index = 0; index < events.length; index += 2) {
    const at = (events[index] ?? 0) + 1;
    first[at] = (first[at] ?? 0) + 1;
  }
  for (let index = 0; index < count; index++) first[index + 1] = (first[index + 1] ?? 0) + (first[index] ?? 0);
  const list = new Int32Array(events.length / 2);
  const fill = first.slice(0, count);
  // Stable: each segment keeps its events in traversal order.
  for (let index = 0; index < events.length; index += 2) {
    const at = events[index] ?? 0;
    const slot = fill[at] ?? 0;
    fill[at] = slot + 1;
    list[slot] = events[index + 1] ?? 0;
  }
  return { first, list };
}

/**
 * Solves one code path, one kind at a time: what reaches a point is the best
 * source of each kind, and the kinds do not depend on each other (a source
 * replaces its own kind, a barrier clears every kind), so each kind is a
 * flow of one source index over typed arrays. Segments are taken in the
 * order they started, the earliest waiting one first (see `flowEvents` in
 * code-path.ts, which this is a numeric copy of): without loops each runs
 * once; a loop runs again only while what comes back to its start changes.
 * Paths without a source or a target have nothing to solve.
 */
function solve<Source, Target>(
  codePath: CodePath,
  frame: PathFrame<Source, Target>,
  options: PathReachOptions<Source, Target>,
): void {
  const { sources, kinds, ranks, targets } = frame;
  if (sources.length === 0 || targets.length === 0) return;
  const graph = segmentGraph(codePath, frame.segments);
  const count = graph.segments.length;
  // The fallback order (a segment missing from the started list) has other positions: renumber the events.
  let recorded = frame.events;
  if (graph.segments !== frame.segments) {
    const positions = new Map(graph.segments.map((segment, index) => [segment, index]));
    recorded = [];
    for (let index = 0; index < frame.events.length; index += 2) {
      const segment = frame.segments[frame.events[index] ?? 0];
      const at = segment && positions.get(segment);
      if (at !== undefined) recorded.push(at, frame.events[index + 1] ?? 0);
    }
  }
  const { first, list } = eventsBySegment(count, recorded);
  const { firstEdge, edges } = graph;
  const kindCount = frame.kindIds.size;
  // The higher ranked of two sources, either of which may be none.
  const join = (a: number, b: number): number =>
    a === NONE || (b !== NONE && (ranks[b] ?? 0) > (ranks[a] ?? 0)) ? b : a;
  // The best source of each kind that reaches each target: `best[target * kindCount + kind]`.
  const best = new Int32Array(targets.length * kindCount).fill(NONE);
  const entering = new Int32Array(count);
  const leaving = new Int32Array(count);
  const waiting = new Uint8Array(count);
  let runs = 0;
  for (let kind = 0; kind < kindCount; kind++) {
    entering.fill(UNSET);
    leaving.fill(UNSET);
    entering[graph.start] = NONE;
    waiting[graph.start] = 1;
    // Every waiting segment is at `index` or after it: an edge back to an earlier one (a loop) moves `index` back.
    for (let index = graph.start; index < count;) {
      if (waiting[index] === 0) {
        index++;
        continue;
      }
      waiting[index] = 0;
      runs++;
      let out = entering[index] ?? NONE;
      for (let at = first[index] ?? 0, end = first[index + 1] ?? 0; at < end; at++) {
        const event = list[at] ?? 0;
        if (event === BARRIER) out = NONE;
        else if (event >= 0 && kinds[event] === kind) out = event;
      }
      let resume = index + 1;
      if (leaving[index] !== out) {
        leaving[index] = out;
        for (let edge = firstEdge[index] ?? 0, end = firstEdge[index + 1] ?? 0; edge < end; edge++) {
          const next = edges[edge] ?? index;
          const into = entering[next] ?? UNSET;
          // What leaves a segment only grows, so joining the new value alone is enough.
          const joined = into === UNSET ? out : join(into, out);
          if (joined === into) continue;
          entering[next] = joined;
          waiting[next] = 1;
          if (next < resume) resume = next;
        }
      }
      index = resume;
    }
    for (let index = 0; index < count; index++) {
      let value = entering[index] ?? UNSET;
      // Not reached from the initial segment: nothing to visit.
      if (value === UNSET) continue;
      for (let at = first[index] ?? 0, end = first[index + 1] ?? 0; at < end; at++) {
        const event = list[at] ?? 0;
        if (event === BARRIER) value = NONE;
        else if (event >= 0) {
          if (kinds[event] === kind) value = event;
        } else if (value !== NONE) {
          const slot = (TARGET - event) * kindCount + kind;
          best[slot] = join(best[slot] ?? NONE, value);
        }
      }
    }
  }
  options.onSolved?.(runs);
  for (const [index, target] of targets.entries()) {
    const reaching: Source[] = [];
    for (let kind = 0; kind < kindCount; kind++) {
      const source = best[index * kindCount + kind] ?? NONE;
      if (source !== NONE) reaching.push(sources[source] as Source);
    }
    if (reaching.length > 0) options.onReach(target, reaching);
  }
}

/** A code path not tracked: it records nothing. */
const UNTRACKED = undefined;

export function createPathReach<Source, Target>(options: PathReachOptions<Source, Target>): PathReach<Source, Target> {
  // Per code path being traversed, innermost last.
  const frames: (PathFrame<Source, Target> | typeof UNTRACKED)[] = [];
  let frame: PathFrame<Source, Target> | typeof UNTRACKED;

  const enter = (segment: Segment): void => {
    if (!frame) return;
    frame.current.push(frame.segments.length);
    frame.segments.push(segment);
  };
  const leave = (segment: Segment): void => {
    if (!frame) return;
    // One or two segments are current at a time (a few in a `finally` block): a list, not a set.
    const { current, segments } = frame;
    for (let at = current.length - 1; at >= 0; at--) {
      if (segments[current[at] ?? 0] !== segment) continue;
      current.copyWithin(at, at + 1);
      current.pop();
      return;
    }
  };
  /** Records an event on every current segment; false when there is none. */
  const record = (event: number): boolean => {
    const current = frame?.current;
    if (!current || current.length === 0) return false;
    for (const at of current) frame?.events.push(at, event);
    return true;
  };

  // The code-path events take more than one argument, which RuleListener's node handlers do not describe.
  const listeners = {
    onCodePathStart(_codePath: CodePath, node: TSESTree.Node) {
      frame = (options.follows?.(node) ?? true) ? newFrame() : UNTRACKED;
      frames.push(frame);
    },
    onCodePathEnd(codePath: CodePath) {
      const ended = frames.pop();
      frame = frames.at(-1);
      if (ended) solve(codePath, ended, options);
    },
    onCodePathSegmentStart: enter,
    onCodePathSegmentEnd: leave,
    onUnreachableCodePathSegmentStart: enter,
    onUnreachableCodePathSegmentEnd: leave,
  } as unknown as TSESLint.RuleListener;

  return {
    listeners,
    source(source) {
      if (!frame || !record(frame.sources.length)) return;
      const kind = options.kindOf(source);
      let kindId = frame.kindIds.get(kind);
      if (kindId === undefined) frame.kindIds.set(kind, (kindId = frame.kindIds.size));
      frame.sources.push(source);
      frame.kinds.push(kindId);
      frame.ranks.push(options.rank(source));
    },
    barrier: () => void record(BARRIER),
    target(target) {
      if (!frame) return;
      const known = frame.targetIds.get(target);
      const index = known ?? frame.targets.length;
      if (!record(TARGET - index) || known !== undefined) return;
      frame.targetIds.set(target, index);
      frame.targets.push(target);
    },
  };
}
