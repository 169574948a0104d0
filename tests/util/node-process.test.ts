import type { TSESTree } from '@typescript-eslint/utils';

import { findProcessCalls, findProcessReferences, isNodeProcess } from '../../src/util/node-process.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { locate, probeRule } from './probe-rule.js';

// A rule that exists only to show what the helper finds: one report per reference.
const rule = probeRule({ found: '{{kind}} {{member}}' }, (context) => {
  return {
    Program() {
      const found = findProcessReferences(context.sourceCode, ['exit', 'exitCode']);
      for (const [node, { kind, member }] of found) {
        context.report({ node: node, messageId: 'found', data: { kind, member } });
      }
    },
  };
});

const call = (line: number, column: number, endColumn: number) => ({
  messageId: 'found' as const,
  data: { kind: 'call', member: 'exit' },
  line,
  column,
  endColumn,
});
const read = (member: string, line: number, column: number, endColumn: number) => ({
  messageId: 'found' as const,
  data: { kind: 'read', member },
  line,
  column,
  endColumn,
});

createRuleTester().run('node-process', rule, {
  valid: [
    'function f(process: { exit(n: number): void }) { process.exit(1); }',
    'const exit = (n: number) => n; exit(1);',
    'import { exit } from "./local-process"; exit(1);',
    'console.log(process.version);',
  ],
  invalid: [
    {
      code: 'process.exit(1);',
      errors: [read('exit', 1, 1, 13), call(1, 1, 16)],
    },
    {
      code: 'globalThis.process.exit(2);',
      errors: [read('exit', 1, 1, 24), call(1, 1, 27)],
    },
    {
      code: 'process["exit"](3);\nprocess?.exit(4);',
      errors: [read('exit', 1, 1, 16), call(1, 1, 19), read('exit', 2, 1, 14), call(2, 1, 17)],
    },
    {
      code: 'const { exit } = process;\nexit(5);',
      errors: [read('exit', 1, 9, 13), call(2, 1, 8)],
    },
    {
      code: 'import { exit as quit } from "node:process";\nquit(6);',
      errors: [read('exit', 1, 10, 22), call(2, 1, 8)],
    },
    {
      code: 'import proc from "process";\nproc.exitCode = 1;',
      errors: [read('exitCode', 2, 1, 14)],
    },
  ],
});

createJsRuleTester().run('node-process (CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      code: 'const proc = require("node:process");\nproc.exit(7);',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [read('exit', 2, 1, 10), call(2, 1, 13)],
    },
  ],
});

createRuleTester().run('node-process (shadowing and CommonJS in TypeScript)', rule, {
  valid: ['const process = { exit() {} };\nprocess.exit();'],
  invalid: [
    {
      code: 'const p = require("process");\np.exit(8);',
      errors: [read('exit', 2, 1, 7), call(2, 1, 10)],
    },
  ],
});

/** `probe()`: reports whether `process` there is Node's process object. */
const nodeProcess = probeRule({ process: '{{answer}}' }, (context) => ({
  'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
    const answer = isNodeProcess(context.sourceCode, node) ? 'node' : 'other';
    context.report({ node, messageId: 'process', data: { answer } });
  },
}));

const answer = (code: string, value: 'node' | 'other') => ({
  code,
  errors: [{ messageId: 'process' as const, data: { answer: value }, ...locate(code, 'probe()') }],
});

createRuleTester().run('node-process: isNodeProcess', nodeProcess, {
  valid: [],
  invalid: [
    answer('probe();', 'node'),
    answer("import process from 'node:process';\nprobe();", 'node'),
    answer("import process from 'process';\nprobe();", 'node'),
    // A namespace's properties cannot be assigned: `process.exitCode = 1` would throw.
    answer("import * as process from 'node:process';\nprobe();", 'other'),
    answer("import process from './process';\nprobe();", 'other'),
    answer("import { process } from 'node:process';\nprobe();", 'other'),
    answer('function f(process: unknown) { probe(); }', 'other'),
    answer('const process = { exitCode: 0 };\nprobe();', 'other'),
    // Shadowed only inside the function.
    answer('function f(process: unknown) {}\nprobe();', 'node'),
    // Declared in a block, looked at outside it and inside it.
    answer('{ const process = 1; }\nprobe();', 'node'),
    answer('{ const process = 1; probe(); }', 'other'),
    answer('class A { m(process: unknown) { return () => probe(); } }', 'other'),
  ],
});

/** One report per call of `exit` that `findProcessCalls` finds. */
const exitCalls = probeRule({ exit: 'exit call' }, (context) => ({
  Program() {
    for (const node of findProcessCalls(context.sourceCode, 'exit')) context.report({ node, messageId: 'exit' });
  },
}));

const exitCall = (code: string, text: string) => ({ messageId: 'exit' as const, ...locate(code, text) });

createRuleTester().run('node-process: findProcessCalls', exitCalls, {
  valid: [
    // Reads of `exit`, and calls of other members, are not calls of `exit`.
    'const stop = process.exit;\nprocess.exitCode = 1;\nprocess.kill(process.pid);',
    'function f(process: { exit(n: number): void }) { process.exit(1); }',
  ],
  invalid: [
    (() => {
      const code =
        "const { exit } = process;\nprocess.exit(1);\nexit(2);\nprocess['ex' + 'it'](3);\nconst e = process.exit;";
      return {
        code,
        errors: [
          exitCall(code, 'process.exit(1)'),
          exitCall(code, 'exit(2)'),
          exitCall(code, "process['ex' + 'it'](3)"),
        ],
      };
    })(),
  ],
});

/** Calls of `exit` and `kill`, from `findProcessCalls` or from `findProcessReferences`, asked in either order. */
const callsBothWays = (callsFirst: boolean) =>
  probeRule({ call: '{{how}} {{member}}' }, (context) => ({
    Program() {
      const { sourceCode } = context;
      const fromCalls = () =>
        (['exit', 'kill'] as const).map((member) => ({ member, nodes: [...findProcessCalls(sourceCode, member)] }));
      const fromReferences = () => {
        const found = [...findProcessReferences(sourceCode, ['exit', 'kill'])];
        return (['exit', 'kill'] as const).map((member) => ({
          member,
          nodes: found.filter(([, ref]) => ref.kind === 'call' && ref.member === member).map(([node]) => node),
        }));
      };
      const [first, second] = callsFirst ? [fromCalls(), fromReferences()] : [fromReferences(), fromCalls()];
      for (const [how, lists] of [
        ['first', first],
        ['second', second],
      ] as const) {
        for (const { member, nodes } of lists) {
          for (const node of nodes) context.report({ node, messageId: 'call', data: { how, member } });
        }
      }
    },
  }));

// A call reached as two members (`(ok ? exit : kill)(1)`) is a call of the first one only, both ways.
const bothWaysCode = 'const { exit, kill } = process;\n(ok ? exit : kill)(1);\nprocess.kill(2);\nexit(3);';
const bothWaysErrors = (
  [
    ['exit', '(ok ? exit : kill)(1)'],
    ['kill', 'process.kill(2)'],
    ['exit', 'exit(3)'],
  ] as const
).flatMap(([member, text]) =>
  ['first', 'second'].map((how) => ({
    messageId: 'call' as const,
    data: { how, member },
    ...locate(bothWaysCode, text),
  })),
);
for (const callsFirst of [true, false]) {
  createRuleTester().run(
    `node-process: calls asked ${callsFirst ? 'before' : 'after'} references`,
    callsBothWays(callsFirst),
    {
      valid: ['process.exitCode = 1;'],
      invalid: [{ code: bothWaysCode, errors: bothWaysErrors }],
    },
  );
}
