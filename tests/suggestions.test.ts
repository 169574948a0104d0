// Suggestion safety (issue 13 §1): every suggestion the rule tests produce is applied again here and must
// (a) parse, with the parser its case used; (b) leave the other rules' reports as they were; and (c) change
// which statements run only as its text says. Cases are collected from the rule test modules, so a new case
// with a suggestion is checked here without being listed.
import path from 'node:path';

import * as typescriptParser from '@typescript-eslint/parser';
import type { InvalidTestCase, RuleTesterConfig } from '@typescript-eslint/rule-tester';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { type ESLint, Linter as ESLintLinter, type Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';

import { rules } from '../src/rules.js';
import { collectRuns } from './rule-tester.js';

type Node = TSESTree.Node;

interface SuggestionCase {
  rule: string;
  title: string;
  code: string;
  output: string;
  messageId: string;
  filename: string;
  languageOptions: Linter.LanguageOptions;
}

// ---------------------------------------------------------------- collecting the cases

const runs = await collectRuns(Object.keys(rules).map((name) => `./rules/${name}.test.ts`));

/** The parser setup a case ran with, without type information (none of the checks needs types). */
function languageOptionsOf(config: RuleTesterConfig, test: InvalidTestCase<string, readonly unknown[]>) {
  const base = (config.languageOptions ?? {}) as Linter.LanguageOptions;
  const own = (test.languageOptions ?? {}) as Linter.LanguageOptions;
  const parserOptions: Record<string, unknown> = {
    ecmaVersion: 'latest',
    sourceType: 'module',
    ...base.parserOptions,
    ...own.parserOptions,
  };
  delete parserOptions.project;
  delete parserOptions.projectService;
  delete parserOptions.tsconfigRootDir;
  // RuleTester's default parser is the TypeScript one; ESLint's is espree.
  const parser = own.parser ?? base.parser ?? typescriptParser;
  return { parser, parserOptions } as Linter.LanguageOptions;
}

const cases: SuggestionCase[] = [];
for (const run of runs) {
  const rule = Object.entries(rules).find(([, candidate]) => candidate === run.rule)?.[0];
  if (!rule) continue;
  for (const test of run.tests.invalid) {
    for (const error of test.errors) {
      for (const [index, suggestion] of (error.suggestions ?? []).entries()) {
        if (typeof suggestion.output !== 'string') continue;
        const firstLine = test.code.split('\n')[0] ?? '';
        cases.push({
          rule,
          title: `${run.name}: ${firstLine} (${suggestion.messageId} #${index})`,
          code: test.code,
          output: suggestion.output,
          messageId: suggestion.messageId,
          filename: test.filename ?? 'file.ts',
          languageOptions: languageOptionsOf(run.config, test),
        });
      }
    }
  }
}

// ---------------------------------------------------------------- linting

const plugin = { rules } as unknown as ESLint.Plugin;

// A `files` pattern for the case's file: ESLint lints no file that only a match-all pattern matches.
const filesOf = (test: SuggestionCase) => [`**/*${path.extname(test.filename) || '.ts'}`];
const linter = new ESLintLinter({ configType: 'flat' });

/** Every rule's reports on `code`, as rule and message (positions move with the edit). */
function reportsOf(code: string, test: SuggestionCase): Linter.LintMessage[] {
  return linter.verify(
    code,
    [
      {
        files: filesOf(test),
        plugins: { defuse: plugin },
        languageOptions: test.languageOptions,
        rules: Object.fromEntries(Object.keys(rules).map((name) => [`defuse/${name}`, 'error'])),
      },
    ],
    test.filename,
  );
}

interface StatementInfo {
  node: Node;
  path: string;
  segments: Rule.CodePathSegment[];
}

interface Analysis {
  ast: TSESTree.Program;
  statements: StatementInfo[];
  initial: Map<string, Rule.CodePathSegment>;
}

/** The code paths of `code`: for each statement, the code path and the segments current when it starts. */
function analyse(code: string, test: SuggestionCase): Analysis {
  const analysis: Analysis = { ast: undefined as unknown as TSESTree.Program, statements: [], initial: new Map() };
  const paths: { path: Rule.CodePath; current: Set<Rule.CodePathSegment> }[] = [];
  const recorder: Rule.RuleModule = {
    create(context) {
      analysis.ast = context.sourceCode.ast as unknown as TSESTree.Program;
      const add = (segment: Rule.CodePathSegment) => paths.at(-1)?.current.add(segment);
      const remove = (segment: Rule.CodePathSegment) => paths.at(-1)?.current.delete(segment);
      return {
        onCodePathStart(path) {
          paths.push({ path, current: new Set() });
          analysis.initial.set(path.id, path.initialSegment);
        },
        onCodePathEnd() {
          paths.pop();
        },
        onCodePathSegmentStart: add,
        onCodePathSegmentEnd: remove,
        onUnreachableCodePathSegmentStart: add,
        onUnreachableCodePathSegmentEnd: remove,
        '*'(node: Rule.Node) {
          const top = paths.at(-1);
          if (!top || !/(?:Statement|Declaration)$/.test(node.type)) return;
          analysis.statements.push({ node: node as unknown as Node, path: top.path.id, segments: [...top.current] });
        },
      };
    },
  };
  const messages = linter.verify(
    code,
    [
      {
        files: filesOf(test),
        plugins: { probe: { rules: { paths: recorder } } },
        languageOptions: test.languageOptions,
        rules: { 'probe/paths': 'error' },
      },
    ],
    test.filename,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return analysis;
}

/**
 * The statements that run, as far as the code paths tell: reached from the
 * start of their function. A `stop` statement ends its path (as the exit
 * call it stands for ends the process): nothing after it is reached through it.
 */
function reached(analysis: Analysis, stop?: StatementInfo): Set<Node> {
  const visited = new Set<Rule.CodePathSegment>();
  for (const initial of analysis.initial.values()) {
    const queue = [initial];
    while (queue.length > 0) {
      const segment = queue.pop();
      if (!segment || visited.has(segment)) continue;
      visited.add(segment);
      if (stop?.segments.includes(segment)) continue;
      queue.push(...segment.nextSegments);
    }
  }
  const result = new Set<Node>();
  for (const info of analysis.statements) {
    const cutOff =
      stop?.path === info.path &&
      info.node.range[0] >= stop.node.range[1] &&
      info.segments.some((segment) => stop.segments.includes(segment));
    if (!cutOff && info.segments.some((segment) => visited.has(segment))) result.add(info.node);
  }
  return result;
}

/** The statements of `from`'s function that can run after it (later in the source, outside `region`). */
function runAfter(analysis: Analysis, from: StatementInfo, region: Region): Node[] {
  const next = new Set<Rule.CodePathSegment>();
  const queue = from.segments.flatMap((segment) => segment.nextSegments);
  while (queue.length > 0) {
    const segment = queue.pop();
    if (!segment || next.has(segment)) continue;
    next.add(segment);
    queue.push(...segment.nextSegments);
  }
  return analysis.statements
    .filter((info) => info.path === from.path && info.node.range[0] >= from.node.range[1])
    .filter((info) => info.node.range[0] >= region.end || info.node.range[1] <= region.start)
    .filter((info) =>
      info.segments.some((segment) => next.has(segment) || (from.segments.includes(segment) && segment.reachable)),
    )
    .map((info) => info.node);
}

// ---------------------------------------------------------------- the edit

/** The changed stretch of text: `[start, end)` in the input, `[start, outputEnd)` in the output. */
interface Region {
  start: number;
  end: number;
  outputEnd: number;
}

function changedRegion(input: string, output: string): Region {
  let start = 0;
  while (start < input.length && start < output.length && input[start] === output[start]) start++;
  let suffix = 0;
  while (
    suffix < input.length - start &&
    suffix < output.length - start &&
    input[input.length - 1 - suffix] === output[output.length - 1 - suffix]
  ) {
    suffix++;
  }
  return { start, end: input.length - suffix, outputEnd: output.length - suffix };
}

const overlaps = (node: Node, start: number, end: number) => node.range[0] < end && node.range[1] > start;

/** Where an input statement outside the edit sits in the output. */
function moved(node: Node, region: Region): [number, number] | undefined {
  if (node.range[1] <= region.start) return node.range;
  const shift = region.outputEnd - region.end;
  if (node.range[0] >= region.end) return [node.range[0] + shift, node.range[1] + shift];
  return undefined;
}

function isProcessMember(node: Node, names: readonly string[]): boolean {
  return (
    node.type === AST_NODE_TYPES.MemberExpression &&
    node.object.type === AST_NODE_TYPES.Identifier &&
    node.object.name === 'process' &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    names.includes(node.property.name)
  );
}

/** `process.exitCode = …;` */
function isExitCodeAssignment(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ExpressionStatement &&
    node.expression.type === AST_NODE_TYPES.AssignmentExpression &&
    isProcessMember(node.expression.left, ['exitCode'])
  );
}

function enclosingFunction(node: Node): TSESTree.FunctionLike | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.FunctionDeclaration
    ) {
      return current;
    }
  }
  return undefined;
}

const PROMISE_METHODS = ['then', 'catch', 'finally'];
const ONE_SHOT_TIMERS = ['setTimeout', 'setImmediate', 'queueMicrotask'];

/**
 * Whether nothing waits on a callback's return to go on: a handler at the
 * end of a promise chain (`main().catch(…);`) or a one-shot timer's callback.
 * Anything else (`items.forEach`, a listener, `setInterval`) has a caller
 * that goes on after it, which the text "the function returns" does not cover.
 */
function runsLast(fn: TSESTree.FunctionLike): boolean {
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.Expression)) return true;
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) return ONE_SHOT_TIMERS.includes(callee.name);
  if (isProcessMember(callee, ['nextTick'])) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const whole = call.parent.type === AST_NODE_TYPES.ChainExpression ? call.parent : call;
  return PROMISE_METHODS.includes(callee.property.name) && whole.parent.type === AST_NODE_TYPES.ExpressionStatement;
}

const LISTEN_METHODS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'];

/** Whether a wrapper handler passes every argument it gets on (a `process` listener gets more than one). */
function passesEveryArgument(wrapper: Node): boolean {
  if (wrapper.type !== AST_NODE_TYPES.ArrowFunctionExpression || wrapper.body.type !== AST_NODE_TYPES.BlockStatement) {
    return false;
  }
  const [first] = wrapper.body.body;
  if (first?.type !== AST_NODE_TYPES.ExpressionStatement || first.expression.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const text = (node: Node) =>
    node.type === AST_NODE_TYPES.RestElement || node.type === AST_NODE_TYPES.SpreadElement
      ? `...${(node.argument as TSESTree.Identifier).name}`
      : (node as TSESTree.Identifier).name;
  const parameters = wrapper.params.map(text);
  const call = wrapper.parent;
  const listener = call.type === AST_NODE_TYPES.CallExpression && isProcessMember(call.callee, LISTEN_METHODS);
  if (listener && !wrapper.params.every((parameter) => parameter.type === AST_NODE_TYPES.RestElement)) return false;
  return JSON.stringify(first.expression.arguments.map(text)) === JSON.stringify(parameters);
}

/** What the exit-code and write-callback suggestions promise about the statements that run after the edit. */
function checkRunsAsDescribed(test: SuggestionCase, before: Analysis, after: Analysis, region: Region): void {
  const edited = after.statements.filter(
    (info) => overlaps(info.node, region.start, region.outputEnd) && info.node.type !== AST_NODE_TYPES.BlockStatement,
  );
  const exitRule = test.rule === 'no-exit-before-flush';
  // In the input, the statement the suggestion replaces ends the process (exit rule) or is the handler's end.
  const replaced = exitRule
    ? before.statements.findLast(
        (info) =>
          info.node.type === AST_NODE_TYPES.ExpressionStatement && overlaps(info.node, region.start, region.end),
      )
    : undefined;
  if (exitRule) expect(replaced, 'the replaced exit statement').toBeDefined();

  // Every statement outside the edit runs exactly when it ran before (the exit ending its path there).
  const ranBefore = reached(before, replaced);
  const runsAfter = reached(after);
  const byRange = new Map(after.statements.map((info) => [info.node.range.join(':'), info.node]));
  for (const info of before.statements) {
    const range = moved(info.node, region);
    const counterpart = range && byRange.get(range.join(':'));
    if (!counterpart) continue;
    const text = test.code.slice(info.node.range[0], info.node.range[1]);
    expect(runsAfter.has(counterpart), `whether \`${text}\` runs`).toBe(ranBefore.has(info.node));
  }

  if (
    test.messageId === 'useExitCode' ||
    test.messageId === 'useExitCodeInFunction' ||
    test.messageId === 'setExitCode'
  ) {
    const assignment = edited.find((info) => isExitCodeAssignment(info.node));
    expect(assignment, 'the process.exitCode statement the suggestion writes').toBeDefined();
    if (!assignment || test.messageId === 'setExitCode') return;
    // "Set the exit code (and return)": nothing of the function after it runs, and its caller is the one the text means.
    const runningOn = runAfter(after, assignment, { ...region, end: region.outputEnd });
    expect(runningOn.map((node) => test.output.slice(...node.range))).toEqual([]);
    const fn = enclosingFunction(assignment.node);
    if (fn) expect(runsLast(fn), 'a callback whose caller stops when it returns').toBe(true);
  }
  if (test.messageId === 'exitFromWriteCallback') {
    // The exit now happens inside the write callbacks, and nothing of the function runs after the write.
    const write = edited.findLast((info) => info.node.type === AST_NODE_TYPES.ExpressionStatement);
    expect(write).toBeDefined();
    if (!write || !replaced) return;
    let call: Node = (write.node as TSESTree.ExpressionStatement).expression;
    while (
      call.type === AST_NODE_TYPES.CallExpression &&
      call.callee.type === AST_NODE_TYPES.MemberExpression &&
      call.callee.property.type === AST_NODE_TYPES.Identifier &&
      call.callee.property.name === 'write' &&
      isProcessMember(call.callee.object, ['stdout', 'stderr'])
    ) {
      const [data, callback]: (TSESTree.CallExpressionArgument | undefined)[] = call.arguments;
      expect(data?.type === AST_NODE_TYPES.Literal && data.value === '').toBe(true);
      expect(callback?.type).toBe(AST_NODE_TYPES.ArrowFunctionExpression);
      call = (callback as TSESTree.ArrowFunctionExpression).body;
    }
    const exitText = test.code.slice(...(replaced.node as TSESTree.ExpressionStatement).expression.range);
    expect(test.output.slice(...call.range)).toBe(exitText);
    expect(runAfter(after, write, { ...region, end: region.outputEnd }).map((node) => node.type)).toEqual([]);
    const fn = enclosingFunction(write.node);
    expect(fn, 'a callback to exit from').toBeDefined();
  }
  if (test.messageId === 'wrapHandler') {
    const wrapper = [...walkNodes(after.ast)].find(
      (node) => node.type === AST_NODE_TYPES.ArrowFunctionExpression && overlaps(node, region.start, region.outputEnd),
    );
    expect(wrapper && passesEveryArgument(wrapper), 'the wrapper passes every argument on').toBe(true);
  }
}

function* walkNodes(node: Node): Generator<Node> {
  yield node;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object' && typeof (child as Node).type === 'string')
        yield* walkNodes(child as Node);
    }
  }
}

/** A rule and message, without the position the edit moves. */
const summary = (message: Linter.LintMessage) => `${message.ruleId ?? ''} ${message.message}`;

describe('suggestion safety', () => {
  it('collects the suggestions of every rule that offers them', () => {
    const offering = Object.entries(rules).filter(([, rule]) => rule.meta.hasSuggestions === true);
    for (const [name] of offering)
      expect(
        cases.some((test) => test.rule === name),
        name,
      ).toBe(true);
  });

  it.each(cases.map((test) => [test.title, test] as const))('%s', (_title, test) => {
    // (a) The output parses.
    const after = reportsOf(test.output, test);
    expect(after.filter((message) => message.fatal)).toEqual([]);

    // (b) The other rules report the same as before.
    const others = (messages: Linter.LintMessage[]) =>
      messages
        .filter((message) => message.ruleId !== `defuse/${test.rule}`)
        .map(summary)
        .sort();
    expect(others(after)).toEqual(others(reportsOf(test.code, test)));

    // (c) The statements that run after the edit are those the suggestion's text describes.
    if (test.rule === 'no-exit-before-flush' || test.rule === 'no-zero-exit-on-fatal') {
      checkRunsAsDescribed(
        test,
        analyse(test.code, test),
        analyse(test.output, test),
        changedRegion(test.code, test.output),
      );
    }
  });
});
