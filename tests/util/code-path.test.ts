import tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createSegmentTracker, type EventFlow, flowEvents, segmentGraph } from '../../src/util/code-path.js';
import { createPathReach } from '../../src/util/code-path-reach.js';
import { samples } from '../robustness/syntax-samples.js';
import { createRuleTester } from '../rule-tester.js';
import { locate } from './probe-rule.js';

/**
 * A rule that exists only to show what the helper answers: `write('kind')` is
 * a source of that kind, `flush()` a barrier, `exit()` a target; each target
 * that sources reach is reported with the best source of each kind
 * (the last in the file), as `kind@line:column`.
 */
const rule = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { reached: 'reached from {{sources}}' }, schema: [] },
  create(context) {
    const kindOf = (call: TSESTree.CallExpression): string => {
      const [first] = call.arguments;
      return (first && ASTUtils.getStringIfConstant(first)) ?? '?';
    };
    const reach = createPathReach<TSESTree.CallExpression, TSESTree.CallExpression>({
      kindOf,
      rank: (call) => call.range[0],
      onReach(target, sources) {
        const names = sources.map((call) => `${kindOf(call)}@${call.loc.start.line}:${call.loc.start.column + 1}`);
        context.report({ node: target, messageId: 'reached', data: { sources: names.sort().join(', ') } });
      },
    });
    return {
      ...reach.listeners,
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        if (node.callee.name === 'write') reach.source(node);
        else if (node.callee.name === 'flush') reach.barrier();
        else if (node.callee.name === 'exit') reach.target(node);
      },
    };
  },
});

/** `code` reports each `exit()` occurrence listed, with its sources. */
function reached(code: string, ...targets: [occurrence: number, sources: string][]) {
  return {
    code,
    errors: targets.map(([occurrence, sources]) => ({
      messageId: 'reached' as const,
      data: { sources },
      ...locate(code, 'exit()', occurrence),
    })),
  };
}

createRuleTester().run('code-path: createPathReach', rule, {
  valid: [
    // Nothing before the target, or the source after it.
    'exit();\nwrite("out");',
    // Source and target in different branches.
    'if (ok) write("out");\nelse exit();',
    'switch (x) {\n  case 1: write("out"); break;\n  case 2: exit();\n}',
    // A barrier on every path between them.
    'write("out");\nflush();\nexit();',
    'write("out");\nif (ok) flush();\nelse flush();\nexit();',
    // Each function is its own code path: a write outside does not reach an exit inside, nor the reverse.
    'write("out");\nfunction stop() { exit(); }',
    'const log = () => write("out");\nexit();',
    'write("out");\nprocess.on("SIGTERM", () => exit());',
    // An exit no path reaches.
    'function stop() {\n  write("out");\n  return;\n  exit();\n}',
    'function stop() {\n  write("out");\n  throw new Error("x");\n  exit();\n}',
    // In a loop, a barrier before the exit guards it on every iteration.
    'for (;;) {\n  flush();\n  exit();\n  write("out");\n}',
    // A barrier at the head of a loop body cuts off what the previous iteration wrote.
    'while (more()) {\n  flush();\n  if (done) exit();\n  write("out");\n}',
  ],
  invalid: [
    reached('write("out");\nexit();', [0, 'out@1:1']),
    reached('if (ok) write("out");\nexit();', [0, 'out@1:9']),
    reached('write("out");\nif (ok) flush();\nexit();', [0, 'out@1:1']),
    // A source after a barrier reaches; the one before does not.
    reached('write("out");\nflush();\nwrite("err");\nexit();', [0, 'err@3:1']),
    // Several kinds reach: each reports its best (last) source.
    reached('write("out");\nwrite("err");\nwrite("out");\nexit();', [0, 'err@2:1, out@3:1']),
    // Branches join: the best source of a kind over both branches.
    reached('if (ok) write("out");\nelse write("out");\nexit();', [0, 'out@2:6']),
    // One source, two targets on different paths.
    reached('write("err");\nif (ok) exit();\nelse exit();', [0, 'err@1:1'], [1, 'err@1:1']),
    // A source late in a loop body reaches a target early in it (the next iteration).
    reached('while (more()) {\n  if (done) exit();\n  write("out");\n}', [0, 'out@3:3']),
    reached('for (const item of items) {\n  exit();\n  write(item.kind);\n}', [0, '?@3:3']),
    reached('do {\n  exit();\n  write("out");\n  if (ok) continue;\n  flush();\n} while (more());', [0, 'out@3:3']),
    // Inside a function, a callback and a class member alike.
    reached('function stop() {\n  write("err");\n  exit();\n}', [0, 'err@2:3']),
    reached('main().catch(() => {\n  write("err");\n  exit();\n});', [0, 'err@2:3']),
    reached('class A {\n  stop() {\n    write("err");\n    exit();\n  }\n}', [0, 'err@3:5']),
    // An exit in `finally` runs on every way out of the `try`: reported once.
    reached('try {\n  write("out");\n} finally {\n  exit();\n}', [0, 'out@2:3']),
    reached('try {\n  write("out");\n  work();\n} catch {\n  write("err");\n} finally {\n  exit();\n}', [
      0,
      'err@5:3, out@2:3',
    ]),
    // A write in `try` reaches an exit in `catch` through the throw.
    reached('try {\n  write("out");\n  throw new Error("x");\n} catch {\n  exit();\n}', [0, 'out@2:3']),
    // A call in `try` may throw too: what `try` wrote before it reaches the `catch`.
    reached('try {\n  write("out");\n  work();\n} catch {\n  exit();\n}', [0, 'out@2:3']),
    reached('try {\n  work();\n  write("out");\n  more();\n} catch {\n  exit();\n}', [0, 'out@3:3']),
    // Labels and `break` to them.
    reached('outer: for (;;) {\n  write("out");\n  for (;;) { break outer; }\n}\nexit();', [0, 'out@2:3']),
    // Short-circuits and optional calls split paths too.
    reached('ok && write("out");\nexit();', [0, 'out@1:7']),
    reached('write("out");\nok ? flush() : 0;\nexit();', [0, 'out@1:1']),
  ],
});

/**
 * Shows what the segment tracker records: `note('x')` records `x` on the
 * current segments; `where()` is reported with the depth and how many
 * segments are current; each code path, when it ends, is reported with the
 * events of each segment that holds some (`a,b | c`), and how many segments
 * started in it, reachable or not (a path with no events is not reported).
 */
const trackerRule = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    messages: { where: 'depth {{depth}}, {{current}} current', path: '{{recorded}} ({{started}} started)' },
    schema: [],
  },
  create(context) {
    const started: number[] = [];
    const tracker = createSegmentTracker<string>({
      onCodePathStart: () => started.push(0),
      onSegmentStart() {
        started[started.length - 1] = (started.at(-1) ?? 0) + 1;
      },
      onCodePathEnd(_codePath, node, recorded) {
        const events = recorded.map((segment) => tracker.eventsOf(segment).join(',')).join(' | ');
        const count = String(started.pop() ?? 0);
        if (events === '') return;
        const data = { recorded: events, started: count };
        if (node.type === AST_NODE_TYPES.Program)
          context.report({ loc: { line: 1, column: 0 }, messageId: 'path', data });
        else context.report({ node, messageId: 'path', data });
      },
    });
    return {
      ...tracker.listeners,
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        if (node.callee.name === 'note') {
          const [first] = node.arguments;
          tracker.record((first && ASTUtils.getStringIfConstant(first)) ?? '?');
        } else if (node.callee.name === 'where') {
          const data = { depth: String(tracker.depth()), current: String(tracker.currentSegments().length) };
          context.report({ node, messageId: 'where', data });
        }
      },
    };
  },
});

/** The report on the program's code path, at its start. */
const programPath = (recorded: string, started: number) => ({
  messageId: 'path' as const,
  data: { recorded, started: String(started) },
  line: 1,
  column: 1,
});

createRuleTester().run('code-path: createSegmentTracker', trackerRule, {
  valid: ['work();', 'function f() {}'],
  invalid: [
    // One segment until a branch; each branch its own; the join a new one.
    {
      code: 'note("a");\nif (ok) note("b");\nelse note("c");\nnote("d");',
      errors: [programPath('a | b | c | d', 4)],
    },
    // A function is its own code path: its events are not the module's, and the depth grows.
    {
      code: 'note("a");\nfunction f() {\n  note("b");\n  where();\n}\nnote("c");\nwhere();',
      errors: [
        programPath('a,c', 1),
        {
          messageId: 'path',
          data: { recorded: 'b', started: '1' },
          ...locate(
            'note("a");\nfunction f() {\n  note("b");\n  where();\n}',
            'function f() {\n  note("b");\n  where();\n}',
          ),
        },
        { messageId: 'where', data: { depth: '2', current: '1' }, line: 4, column: 3, endLine: 4, endColumn: 10 },
        { messageId: 'where', data: { depth: '1', current: '1' }, line: 7, column: 1, endLine: 7, endColumn: 8 },
      ],
    },
    // Code after a `return` is on an unreachable segment: still tracked and recorded.
    {
      code: 'const f = () => {\n  note("a");\n  return;\n  note("b");\n};',
      errors: [
        { messageId: 'path', data: { recorded: 'a | b', started: '2' }, line: 1, column: 11, endLine: 5, endColumn: 2 },
      ],
    },
    // A `finally` block is on several segments at once (the normal path and the thrown one): recorded on each.
    {
      code: 'try {\n  note("a");\n} finally {\n  where();\n  note("b");\n}',
      errors: [
        programPath('a | b | b', 4),
        { messageId: 'where', data: { depth: '1', current: '2' }, line: 4, column: 3, endLine: 4, endColumn: 10 },
      ],
    },
  ],
});

/**
 * Shows what `flowEvents` visits, with a set of names as the value: `add('x')`
 * adds `x`, `clear()` empties it, and each `look()` is reported with the
 * names that reach it over some path (once per segment it sits on).
 */
const flowRule = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { look: 'sees {{names}}' }, schema: [] },
  create(context) {
    type Event = { type: 'add'; name: string } | { type: 'clear' } | { type: 'look'; node: TSESTree.CallExpression };
    const flow: EventFlow<Event, ReadonlySet<string>> = {
      initial: new Set(),
      step(names, event) {
        if (event.type === 'clear') return new Set();
        return event.type === 'add' ? new Set([...names, event.name]) : names;
      },
      join: (a, b) => new Set([...a, ...b]),
      same: (a, b) => a.size === b.size && [...a].every((name) => b.has(name)),
    };
    const tracker = createSegmentTracker<Event>({
      onCodePathEnd(codePath) {
        flowEvents(codePath, tracker.eventsOf, flow, (event, names) => {
          if (event.type !== 'look') return;
          context.report({ node: event.node, messageId: 'look', data: { names: [...names].sort().join(',') || '-' } });
        });
      },
    });
    return {
      ...tracker.listeners,
      'CallExpression:exit'(node: TSESTree.CallExpression) {
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        const [first] = node.arguments;
        if (node.callee.name === 'add')
          tracker.record({ type: 'add', name: (first && ASTUtils.getStringIfConstant(first)) ?? '?' });
        else if (node.callee.name === 'clear') tracker.record({ type: 'clear' });
        else if (node.callee.name === 'look') tracker.record({ type: 'look', node });
      },
    };
  },
});

/** `code` reports each `look()` occurrence listed (by occurrence), with what it sees. */
function sees(code: string, ...looks: [occurrence: number, names: string][]) {
  return {
    code,
    errors: looks.map(([occurrence, names]) => ({
      messageId: 'look' as const,
      data: { names },
      ...locate(code, 'look()', occurrence),
    })),
  };
}

createRuleTester().run('code-path: flowEvents', flowRule, {
  valid: [
    // Nothing to visit on an unreachable segment.
    'function f() {\n  return;\n  look();\n}',
    'add("a");',
  ],
  invalid: [
    sees('look();', [0, '-']),
    sees('add("a");\nlook();\nclear();\nlook();\nadd("b");\nlook();', [0, 'a'], [1, '-'], [2, 'b']),
    // Branches join: what either adds.
    sees('if (ok) add("a");\nelse add("b");\nlook();', [0, 'a,b']),
    sees('if (ok) clear();\nadd("a");\nlook();', [0, 'a']),
    // A loop runs to its fixed point: what the body adds late reaches its start.
    sees(
      'add("a");\nwhile (more()) {\n  look();\n  add("b");\n  if (done) { add("c"); }\n}\nlook();',
      [0, 'a,b,c'],
      [1, 'a,b,c'],
    ),
    sees('for (;;) {\n  clear();\n  look();\n  add("a");\n}', [0, '-']),
    // Each function from its own start.
    sees('add("a");\nfunction f() {\n  look();\n}', [0, '-']),
    // An event on two segments (a `finally` block) is visited on each.
    sees('try {\n  add("a");\n  work();\n  add("b");\n} finally {\n  look();\n}', [0, 'a,b'], [0, 'a,b']),
  ],
});

/**
 * The work of the fixed point, counted (not timed): calls of the analysis'
 * own functions over a code path of N branches and of 4N. Linear work grows
 * 4x; quadratic, 16x (15.7x for `createPathReach` when each segment's input
 * was joined again over all its predecessors whenever one changed).
 * `write(kind)` is a source, `flush()` a barrier, `exit()` a target; with
 * `flowEvents`, a write adds its kind to a set.
 */
describe('code-path: the work grows linearly with the branches', () => {
  const branch = (index: number) => (index % 2 === 0 ? `write("err"); exit();` : `write("out");`);
  const elseIf = (size: number) =>
    Array.from({ length: size }, (_, index) => `if (x === ${index}) { ${branch(index)} }`).join(' else ');
  const cases = (size: number) =>
    `switch (x) {\n${Array.from({ length: size }, (_, index) => `case ${index}: ${branch(index)}${index % 2 === 0 ? '' : ' break;'}\n`).join('')}}`;
  const inLoop = (body: string) => `for (const x of xs) {\n${body}\n}`;
  const shapes: [string, (size: number) => string][] = [
    ['else if', (size) => `function f(x) {\n${elseIf(size)}\nexit();\n}`],
    ['else if in a loop', (size) => `function f(xs) {\n${inLoop(elseIf(size))}\nexit();\n}`],
    ['switch', (size) => `function f(x) {\n${cases(size)}\nexit();\n}`],
    ['switch in a loop', (size) => `function f(xs) {\n${inLoop(cases(size))}\nexit();\n}`],
  ];
  const SIZE = 200;
  const MAX_GROWTH = 5;

  const callName = (node: TSESTree.CallExpression) =>
    node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : undefined;
  const kindOf = (call: TSESTree.CallExpression) => {
    const [first] = call.arguments;
    return (first && ASTUtils.getStringIfConstant(first)) ?? '?';
  };

  /** The segments the fixed point ran (its `onSolved` count), and calls of `kindOf` and `rank`, while `createPathReach` answers. */
  function pathReachWork(code: string): { work: number; reports: number } {
    let work = 0;
    const counting = ESLintUtils.RuleCreator.withoutDocs<[], 'reached'>({
      meta: { type: 'problem', messages: { reached: 'reached' }, schema: [] },
      create(context) {
        const reach = createPathReach<TSESTree.CallExpression, TSESTree.CallExpression>({
          kindOf(call) {
            work++;
            return kindOf(call);
          },
          rank(call) {
            work++;
            return call.range[0];
          },
          onReach: (target) => context.report({ node: target, messageId: 'reached' }),
          onSolved(segmentRuns) {
            work += segmentRuns;
          },
        });
        return {
          ...reach.listeners,
          'CallExpression:exit'(node: TSESTree.CallExpression) {
            const name = callName(node);
            if (name === 'write') reach.source(node);
            else if (name === 'flush') reach.barrier();
            else if (name === 'exit') {
              reach.target(node);
              reach.barrier();
            }
          },
        };
      },
    });
    const reports = lintWith(counting, code).length;
    return { work, reports };
  }

  /** Calls of `step`, `join` and `same` while `flowEvents` runs a flow over sets of kinds. */
  function flowWork(code: string): number {
    let work = 0;
    const counting = ESLintUtils.RuleCreator.withoutDocs<[], never>({
      meta: { type: 'problem', messages: {}, schema: [] },
      create() {
        const flow: EventFlow<string, ReadonlySet<string>> = {
          initial: new Set(),
          step(kinds, kind) {
            work++;
            return kinds.has(kind) ? kinds : new Set([...kinds, kind]);
          },
          join(a, b) {
            work++;
            return [...b].every((kind) => a.has(kind)) ? a : new Set([...a, ...b]);
          },
          same(a, b) {
            work++;
            return a.size === b.size && [...a].every((kind) => b.has(kind));
          },
        };
        const tracker = createSegmentTracker<string>({
          onCodePathEnd(codePath) {
            flowEvents(codePath, tracker.eventsOf, flow, () => undefined);
          },
        });
        return {
          ...tracker.listeners,
          'CallExpression:exit'(node: TSESTree.CallExpression) {
            if (callName(node) === 'write') tracker.record(kindOf(node));
          },
        };
      },
    });
    lintWith(counting, code);
    return work;
  }

  function lintWith(rule: TSESLint.RuleModule<string>, code: string): Linter.LintMessage[] {
    const plugin = { rules: { counting: rule } } as unknown as ESLint.Plugin;
    const messages = new Linter().verify(code, [{ plugins: { test: plugin }, rules: { 'test/counting': 'error' } }]);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    return messages;
  }

  it.each(shapes)('%s: createPathReach', (_shape, generate) => {
    const small = pathReachWork(generate(SIZE));
    const large = pathReachWork(generate(SIZE * 4));
    // Every exit is reached: those after a write in their branch, and the last one.
    expect(small.reports).toBe(SIZE / 2 + 1);
    expect(large.reports).toBe(SIZE * 2 + 1);
    // Each of the N branches' segments runs at least once: the count covers the fixed point's work.
    expect(small.work).toBeGreaterThan(SIZE);
    expect(large.work / small.work).toBeLessThan(MAX_GROWTH);
  });

  it.each(shapes)('%s: flowEvents', (_shape, generate) => {
    const small = flowWork(generate(SIZE));
    const large = flowWork(generate(SIZE * 4));
    expect(small).toBeGreaterThan(SIZE);
    expect(large / small).toBeLessThan(MAX_GROWTH);
  });
});

/**
 * The fixed point takes segments in the order they started (from the
 * tracker), or in reverse post-order when that order misses one. Both must
 * give the same answers: every event on a reachable segment is visited with
 * the same value. The value here is the names of the calls since the last
 * `clear()` on some path; every call is an event. Code paths of every shape:
 * loops with updates, labels, `continue`, `try` with `finally` and `return`,
 * `switch` with fallthrough and a default in the middle, generators, class
 * fields and static blocks, and the syntax samples of the robustness tests.
 */
describe('code-path: the order segments started in', () => {
  const shapes = [
    'a();\nfor (let i = 0; i < n; i++) { b(); if (c()) continue; d(); }\ne();',
    'outer: for (const x of xs) { a(); inner: while (b()) { if (c()) continue outer; if (d()) break inner; clear(); } e(); }',
    'do { a(); if (b()) break; clear(); } while (c());\nfor (const k in o) { d(); }\nf();',
    'function f() { try { a(); if (b()) return c(); d(); } catch (e) { clear(); g(); throw e; } finally { h(); } i(); }',
    'function f() { for (;;) { try { a(); continue; } finally { b(); } } }',
    'switch (x) { case 1: a(); case 2: b(); break; default: c(); case 3: clear(); d(); }\ne();',
    'function* g() { a(); const v = yield b(); if (v) { clear(); } yield* c(); d(); }',
    'class A { x = a() ?? b(); static { c(); if (d()) clear(); e(); } m() { return f?.() || g(); } }',
    'async function f() { a(); for await (const x of xs) { b(x); } await c(); x ||= d(); y &&= clear(); e(); }',
    'a() ? b() : c() ? d() : clear();\nlabel: { e(); if (f()) break label; g(); }\nh();',
    'function f() { a(); return; b(); }\nfunction g() { throw a(); c(); }\nwhile (true) { d(); }\ne();',
    // Loops whose closing edges go far back, each far from the last: past the scan's budget, found by number.
    Array.from(
      { length: 6 },
      (_, loop) =>
        `while (b${loop}()) { ${Array.from({ length: 8 }, (_, at) => `if (p${at}()) q${at}();`).join(' ')} clear(); }`,
    ).join('\n'),
  ];

  /** Each visit `callee:names`, in the order of the segments, for each code path, with one order or the other. */
  function visits(
    code: string,
    filename = 'code.js',
    parser?: Linter.Parser,
  ): { started: string[]; postOrder: string[]; fallbacks: number } {
    const result = { started: [] as string[], postOrder: [] as string[], fallbacks: 0 };
    const flow: EventFlow<string, ReadonlySet<string>> = {
      initial: new Set(),
      step: (names, name) => (name === 'clear' ? new Set() : names.has(name) ? names : new Set([...names, name])),
      join: (a, b) => ([...b].every((name) => a.has(name)) ? a : new Set([...a, ...b])),
      same: (a, b) => a.size === b.size && [...a].every((name) => b.has(name)),
    };
    const probe = ESLintUtils.RuleCreator.withoutDocs<[], never>({
      meta: { type: 'problem', messages: {}, schema: [] },
      create() {
        const tracker = createSegmentTracker<string>({
          onCodePathEnd(codePath, _node, _recorded, started) {
            const inStartOrder = segmentGraph(codePath, started);
            if (inStartOrder.segments !== started) result.fallbacks++;
            for (const [graph, into] of [
              [inStartOrder, result.started],
              [segmentGraph(codePath), result.postOrder],
            ] as const) {
              const seen: string[] = [];
              flowEvents(graph, tracker.eventsOf, flow, (name, names) =>
                seen.push(`${name}:${[...names].sort().join(',')}`),
              );
              into.push(...seen.sort());
            }
          },
        });
        return {
          ...tracker.listeners,
          'CallExpression:exit'(node: TSESTree.CallExpression) {
            tracker.record(node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : '?');
          },
        };
      },
    });
    const plugin = { rules: { probe } } as unknown as ESLint.Plugin;
    const languageOptions = { ecmaVersion: 'latest', parserOptions: { ecmaFeatures: { jsx: true } } } as const;
    const messages = new Linter().verify(
      code,
      [
        {
          languageOptions: { ...languageOptions, ...(parser && { parser }) },
          plugins: { test: plugin },
          rules: { 'test/probe': 'error' },
        },
      ],
      filename,
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    return result;
  }

  it.each(shapes)('%s', (code) => {
    const { started, postOrder, fallbacks } = visits(code);
    expect(started.length).toBeGreaterThan(0);
    expect(started).toEqual(postOrder);
    expect(fallbacks).toBe(0);
  });

  it.each(samples.map((sample) => [sample.name, sample] as const))('syntax sample %s', (_name, sample) => {
    const { started, postOrder, fallbacks } = visits(sample.code, sample.name, tsParser);
    expect(started).toEqual(postOrder);
    expect(fallbacks).toBe(0);
  });
});

/**
 * ESLint starts every segment it reaches, so no lint takes the fallback; the
 * listeners are driven here by hand with a segment that is never started.
 * The graph then comes from the reverse post-order, and the events recorded
 * on the started segments must be renumbered to its positions.
 */
describe('code-path: createPathReach when the started list misses a segment', () => {
  interface FakeSegment {
    id: string;
    reachable: boolean;
    nextSegments: FakeSegment[];
    prevSegments: FakeSegment[];
  }

  /**
   * Runs one code path over the segments `a`… and `edges` ('ab' is a → b,
   * listed in the order ESLint would create them), starting only the segments
   * `started` names, each holding its events; returns what `onReach` was told,
   * and the segment runs of the fixed point.
   */
  const run = (edges: string[], started: [string, string[]][]): { reached: string[]; runs: number } => {
    const segments = new Map<string, FakeSegment>();
    const segment = (name: string): FakeSegment => {
      let found = segments.get(name);
      if (!found) {
        found = { id: `s1_${segments.size + 1}`, reachable: true, nextSegments: [], prevSegments: [] };
        segments.set(name, found);
      }
      return found;
    };
    segment('a');
    for (const [from, to] of edges.map((edge) => [edge.charAt(0), edge.charAt(1)] as const)) {
      segment(from).nextSegments.push(segment(to));
      segment(to).prevSegments.push(segment(from));
    }
    const reached: string[] = [];
    let runs = 0;
    const reach = createPathReach<string, string>({
      kindOf: (source) => source.split(':')[0] ?? '',
      rank: () => 0,
      onReach: (target, sources) => reached.push(`${target} <- ${[...sources].sort().join(', ')}`),
      onSolved: (count) => {
        runs += count;
      },
    });
    const codePath = { initialSegment: segment('a') };
    const listeners = reach.listeners as unknown as Record<string, (...args: unknown[]) => void>;
    const call = (name: string, ...args: unknown[]): void => listeners[name]?.(...args);
    call('onCodePathStart', codePath, { type: 'Program' });
    for (const [name, events] of started) {
      call('onCodePathSegmentStart', segment(name));
      for (const event of events) {
        if (event === 'flush') reach.barrier();
        else if (event.startsWith('exit')) reach.target(event);
        else reach.source(event);
      }
      call('onCodePathSegmentEnd', segment(name));
    }
    call('onCodePathEnd', codePath, { type: 'Program' });
    return { reached, runs };
  };

  it('takes every reachable segment, in reverse post-order', () => {
    // a → b → c, b never started: two kinds, three segments each.
    expect(
      run(
        ['ab', 'bc'],
        [
          ['a', ['log:1', 'error:2']],
          ['c', ['exit1']],
        ],
      ),
    ).toEqual({ reached: ['exit1 <- error:2, log:1'], runs: 6 });
  });

  it('keeps each event on its own segment and in its order', () => {
    // a → b → c and a → d, b never started: c and d are on different branches.
    const branches = ['ab', 'ad', 'bc'];
    expect(
      run(branches, [
        ['a', []],
        ['c', ['log:1']],
        ['d', ['exit1']],
      ]).reached,
    ).toEqual([]);
    expect(
      run(branches, [
        ['a', ['log:1']],
        ['c', ['flush', 'exit1', 'log:2', 'exit2']],
        ['d', ['exit3']],
      ]).reached,
    ).toEqual(['exit2 <- log:2', 'exit3 <- log:1']);
  });
});
