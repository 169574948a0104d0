import { ASTUtils, AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';

import { createPathReach } from '../../src/util/code-path.js';
import { createRuleTester } from '../rule-tester.js';

/** Where the `occurrence`-th `text` sits in `code`, as ESLint reports it (1-based, end exclusive). */
function locate(code: string, text: string, occurrence = 0) {
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = code.indexOf(text, index + 1);
    if (index < 0) throw new Error(`occurrence ${occurrence} of "${text}" not found in the test code`);
  }
  const start = code.slice(0, index).split('\n');
  const end = code.slice(0, index + text.length).split('\n');
  return {
    line: start.length,
    column: (start.at(-1)?.length ?? 0) + 1,
    endLine: end.length,
    endColumn: (end.at(-1)?.length ?? 0) + 1,
  };
}

/**
 * A rule that exists only to show what the helper answers: `write('kind')` is
 * a source of that kind, `flush()` a barrier, `exit()` a target; each target
 * that sources reach is reported with the best source of each kind
 * (the last in the file), as `kind@line:column`.
 */
const rule = ESLintUtils.RuleCreator.withoutDocs({
  meta: { type: 'problem', messages: { reached: 'reached from {{sources}}' }, schema: [] },
  defaultOptions: [],
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
    reached('try {\n  write("out");\n  work();\n} catch {\n  write("err");\n} finally {\n  exit();\n}', [0, 'err@5:3, out@2:3']),
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
