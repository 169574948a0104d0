import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { createExitCodeAnalysis } from '../../../src/rules/no-zero-exit-on-fatal/exit-code.js';
import type { FunctionNode } from '../../../src/util/ast.js';
import { createJsRuleTester, createRuleTester } from '../../rule-tester.js';
import { locate, probeRule } from '../../util/probe-rule.js';

/**
 * A rule that exists only to show what the helper answers. Each function
 * passed to `probe(…)` is reported with `endsFatally` and `hasZeroExit`; each
 * `catch (error)` clause with `catchEndsFatally`; each `where()` call with `atTopLevel`.
 */
const rule = probeRule(
  {
    handler: '{{verdict}}{{zeroExit}}',
    catchClause: 'catch {{verdict}}',
    where: '{{where}}',
  },
  (context) => {
    const probed: FunctionNode[] = [];
    const clauses: TSESTree.CatchClause[] = [];
    const verdict = (fatal: boolean) => (fatal ? 'fatal' : 'returns');
    const analysis = createExitCodeAnalysis(context.sourceCode, () => {
      for (const fn of probed) {
        const zeroExit = analysis.hasZeroExit(fn) ? ', exits 0' : '';
        context.report({
          node: fn,
          messageId: 'handler',
          data: { verdict: verdict(analysis.endsFatally(fn)), zeroExit },
        });
      }
      for (const clause of clauses) {
        context.report({
          node: clause,
          messageId: 'catchClause',
          data: { verdict: verdict(analysis.catchEndsFatally(clause)) },
        });
      }
    });
    const { listeners } = analysis;
    const onCall = listeners.CallExpression as ((node: TSESTree.CallExpression) => void) | undefined;
    return {
      ...listeners,
      CallExpression(node) {
        onCall?.(node);
        if (node.callee.type !== AST_NODE_TYPES.Identifier) return;
        if (node.callee.name === 'where') {
          context.report({ node, messageId: 'where', data: { where: analysis.atTopLevel() ? 'top level' : 'nested' } });
        } else if (node.callee.name === 'probe') {
          for (const argument of node.arguments) {
            if (argument.type === AST_NODE_TYPES.Identifier) {
              const local = analysis.localFunction(argument);
              if (local) probed.push(local);
            } else if (
              argument.type === AST_NODE_TYPES.ArrowFunctionExpression ||
              argument.type === AST_NODE_TYPES.FunctionExpression
            ) {
              probed.push(argument);
            }
          }
        }
      },
      CatchClause(node) {
        (listeners.CatchClause as ((clause: TSESTree.CatchClause) => void) | undefined)?.(node);
        if (node.param?.type === AST_NODE_TYPES.Identifier && node.param.name === 'error') clauses.push(node);
      },
    };
  },
);

type Verdict = 'fatal' | 'returns';

/** `probe(<handler>);` with one report on the handler. */
function handler(body: string, verdict: Verdict, zeroExit = false, before = '') {
  const fn = `(error) => {\n  ${body}\n}`;
  const code = `${before}probe(${fn});`;
  return {
    code,
    errors: [
      { messageId: 'handler' as const, data: { verdict, zeroExit: zeroExit ? ', exits 0' : '' }, ...locate(code, fn) },
    ],
  };
}

const fatal = (body: string, before = '') => handler(body, 'fatal', false, before);
const returns = (body: string, before = '') => handler(body, 'returns', false, before);

createRuleTester().run('exit-code: endsFatally', rule, {
  valid: [],
  invalid: [
    // Throwing, and exiting with a code that is not 0.
    fatal('throw error;'),
    fatal('console.error(error);\nprocess.exit(1);'),
    fatal('process.exit(2);'),
    fatal('process.exit("1");'),
    // A code the file does not spell out was chosen by the author: taken as non-zero.
    fatal('process.exit(code);'),
    fatal('process.abort();'),
    fatal('process.kill(process.pid);'),
    fatal('process.kill(process.pid, "SIGTERM");'),
    // Every alias of `process.exit`.
    fatal('exit(1);', 'const { exit } = process;\n'),
    fatal('quit(1);', 'import { exit as quit } from "node:process";\n'),
    fatal('globalThis.process.exit(1);'),
    fatal('process["exit"](1);'),
    // Setting a non-zero exit code before the path ends.
    fatal('console.error(error);\nprocess.exitCode = 1;'),
    fatal('process.exitCode = code;'),
    fatal('process.exitCode ||= 1;'),
    // `process.exit()` keeps the code set before it.
    handler('process.exitCode = 1;\nprocess.exit();', 'fatal', true),
    // Every branch fatal.
    fatal('if (error.code === "EADDRINUSE") process.exit(2);\nelse throw error;'),
    fatal('try {\n    report(error);\n  } finally {\n    process.exitCode = 1;\n  }'),
    fatal('switch (error.code) {\n    case "A": process.exit(2);\n    default: process.exitCode = 1;\n  }'),
    // A same-file function that is fatal on every path, called or passed as a callback.
    fatal('fail(error);', 'function fail(e) { console.error(e); process.exit(1); }\n'),
    fatal('fail(error);', 'const fail = (e) => { throw e; };\n'),
    fatal('server.close(() => process.exit(1));'),
    fatal('shutdown(error);', 'function shutdown(e) { stop(e); }\nfunction stop(e) { process.exitCode = 1; }\n'),

    // Paths that end with code 0.
    returns('console.error(error);'),
    returns(''),
    handler('console.error(error);\nprocess.exit(0);', 'returns', true),
    handler('process.exit();', 'returns', true),
    handler('process.exitCode = 1;\nprocess.exit(0);', 'returns', true),
    returns('process.exitCode = 1;\nprocess.exitCode = 0;'),
    returns('process.exitCode = 1;\nprocess.exitCode = undefined;'),
    // One path not fatal is enough.
    returns('if (error.fatal) process.exit(1);'),
    returns('if (error.fatal) throw error;\nconsole.error(error);'),
    returns('for (const cleanup of cleanups) cleanup();\nif (quiet) return;\nprocess.exit(1);'),
    // Signal 0 only tests that the process exists; another pid is another process.
    returns('process.kill(process.pid, 0);'),
    returns('process.kill(child.pid);'),
    // A local `process` is not Node's.
    returns('const process = { exit(n) {} };\n  process.exit(1);'),
    // A throw caught in the handler itself does not leave it.
    returns('try {\n    throw error;\n  } catch (inner) {\n    console.error(inner);\n  }'),
    returns('try {\n    if (retry) throw error;\n    report(error);\n  } catch {\n    console.error(error);\n  }'),
    // A throw from the `catch` or `finally` of an inner `try` does leave it.
    fatal('try {\n    report(error);\n  } catch (inner) {\n    throw inner;\n  }\n  throw error;'),
    fatal('try {\n    report(error);\n  } catch (inner) {\n    throw inner;\n  }\n  process.exit(1);'),
    // A nested `try` without `catch`: the throw goes through `finally` and out.
    fatal('try {\n    throw error;\n  } finally {\n    cleanup();\n  }'),
    // Functions that are not fatal on every path, or not of this file.
    returns('log(error);', 'function log(e) { if (e) process.exit(1); }\n'),
    returns('log(error);', 'let log = (e) => { throw e; };\n'),
    returns('fail(error);', 'import { fail } from "./fail";\n'),
    returns('items.forEach((item) => console.log(item));'),
    // Recursion ends: a function that only calls itself is not fatal.
    returns('again(error);', 'function again(e) { again(e); }\n'),
    returns('ping(error);', 'function ping(e) { pong(e); }\nfunction pong(e) { ping(e); }\n'),

    // Code 0 chosen by configuration: an \`if\` on what the process was started
    // with, one branch of which is fatal on every path (react-scripts' TSC_COMPILE_ON_ERROR).
    fatal(
      'const compileOnError = process.env.TSC_COMPILE_ON_ERROR === "true";\n  if (compileOnError) {\n    console.log(error);\n  } else {\n    console.log(error);\n    process.exit(1);\n  }',
    ),
    fatal('if (!process.argv.includes("--keep-going")) process.exit(1);\n  console.error(error);'),
    handler('if (process.env.LENIENT) process.exit(0);\n  process.exit(1);', 'fatal', true),
    fatal('if (env.STRICT) throw error;\n  console.warn(error);', 'import { env } from "node:process";\n'),
    fatal('if (isCI) process.exitCode = 1;', 'import isCI from "is-ci";\n'),
    fatal('if (options.strict) throw error;\n  console.warn(error);', 'const options = parseOptions(process.argv);\n'),
    fatal('const { STRICT } = process.env;\n  if (Boolean(STRICT)) process.exit(1);'),
    fatal('if (process.platform !== "win32") process.exitCode = 1;'),
    fatal(
      'if (process.env.A) console.log(error);\n  else if (process.env.B) console.warn(error);\n  else process.exit(1);',
    ),
    fatal('if (process.env.DEBUG) {\n    console.error(error.stack);\n    return;\n  }\n  process.exit(1);'),
    // Conditions on the error, or on what may hold anything, decide nothing: other errors still end with 0.
    returns('if (error instanceof ConfigError) process.exit(2);\n  console.error(error);'),
    returns('if (process.env.STRICT && error.fatal) process.exit(1);'),
    returns('const cancelled = error.code === "ECANCELED";\n  if (!cancelled) process.exit(1);'),
    returns('if (strict) process.exit(1);', 'let strict = process.env.STRICT;\n'),
    returns('if (shouldFail()) process.exit(1);', 'function shouldFail() { return true; }\n'),
    returns('if (process.listenerCount("exit") > 0) process.exit(1);'),
    // A configuration test neither branch of which is fatal on every path.
    returns('if (process.env.VERBOSE) console.error(error.stack);\n  else console.error(error.message);'),
    returns(
      'if (process.env.DEBUG) console.error(error.stack);\n  if (error.code === "E_FATAL") process.exit(1);\n  console.error(error);',
    ),
    handler('if (process.env.QUIET) process.exit(0);\n  console.error(error);', 'returns', true),
  ],
});

createRuleTester().run('exit-code: localFunction, atTopLevel', rule, {
  valid: [],
  invalid: [
    {
      code: 'function fail() { process.exit(1); }\nconst soft = () => { console.error("x"); };\nprobe(fail, soft);',
      errors: [
        {
          messageId: 'handler',
          data: { verdict: 'fatal', zeroExit: '' },
          ...locate('function fail() { process.exit(1); }', 'function fail() { process.exit(1); }'),
        },
        {
          messageId: 'handler',
          data: { verdict: 'returns', zeroExit: '' },
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 43,
        },
      ],
    },
    {
      // Mutual recursion: `b` is judged again once `a` is known, not left with the assumption made while judging `a`.
      code: 'function a(e) { if (e.retry) b(e); process.exit(1); }\nfunction b(e) { a(e); }\nprobe(a, b);',
      errors: [
        {
          messageId: 'handler',
          data: { verdict: 'fatal', zeroExit: '' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 54,
        },
        {
          messageId: 'handler',
          data: { verdict: 'fatal', zeroExit: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
        },
      ],
    },
    {
      code: 'function a(e) { if (e.retry) b(e); }\nfunction b(e) { a(e); }\nprobe(b, a);',
      errors: [
        {
          messageId: 'handler',
          data: { verdict: 'returns', zeroExit: '' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 37,
        },
        {
          messageId: 'handler',
          data: { verdict: 'returns', zeroExit: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
        },
      ],
    },
    {
      // Overloads: the implementation is the function.
      code: 'function fail(code: number): never;\nfunction fail(code?: number): never { throw new Error(String(code)); }\nprobe(fail);',
      errors: [
        {
          messageId: 'handler',
          data: { verdict: 'fatal', zeroExit: '' },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 71,
        },
      ],
    },
    {
      code: 'where();\nif (ok) { where(); }\nfunction f() { where(); }\nclass A { x = where(); static { where(); } }\n() => where();',
      errors: [
        { messageId: 'where', data: { where: 'top level' }, line: 1, column: 1, endLine: 1, endColumn: 8 },
        { messageId: 'where', data: { where: 'top level' }, line: 2, column: 11, endLine: 2, endColumn: 18 },
        { messageId: 'where', data: { where: 'nested' }, line: 3, column: 16, endLine: 3, endColumn: 23 },
        { messageId: 'where', data: { where: 'nested' }, line: 4, column: 15, endLine: 4, endColumn: 22 },
        { messageId: 'where', data: { where: 'nested' }, line: 4, column: 33, endLine: 4, endColumn: 40 },
        { messageId: 'where', data: { where: 'nested' }, line: 5, column: 7, endLine: 5, endColumn: 14 },
      ],
    },
  ],
});

/** A top-level `try { await main() } <clause><after>` with one report on the clause. */
function topCatch(clause: string, verdict: Verdict, { before = '', after = '' } = {}) {
  const code = `${before}try {\n  await main();\n} ${clause}${after}`;
  return { code, errors: [{ messageId: 'catchClause' as const, data: { verdict }, ...locate(code, clause) }] };
}

createRuleTester().run('exit-code: catchEndsFatally', rule, {
  valid: [],
  invalid: [
    topCatch('catch (error) {\n  console.error(error);\n}', 'returns'),
    topCatch('catch (error) {\n  console.error(error);\n  process.exitCode = 1;\n}', 'fatal'),
    topCatch('catch (error) {\n  console.error(error);\n  process.exit(1);\n}', 'fatal'),
    topCatch('catch (error) {\n  throw error;\n}', 'fatal'),
    topCatch('catch (error) {\n  if (error.retry) process.exit(1);\n}', 'returns'),
    topCatch('catch (error) {\n  process.exitCode = 1;\n  process.exit(0);\n}', 'returns'),
    // The `finally` after the clause counts.
    topCatch('catch (error) {\n  console.error(error);\n}', 'fatal', {
      after: ' finally {\n  process.exitCode = 1;\n}',
    }),
    topCatch('catch (error) {\n  process.exitCode = 1;\n}', 'returns', {
      after: ' finally {\n  process.exitCode = 0;\n}',
    }),
    // A same-file fatal function called from the clause.
    topCatch('catch (error) {\n  fail(error);\n}', 'fatal', { before: 'function fail(e) { throw e; }\n' }),
    // Code before the `try` or in its block does not decide the clause.
    topCatch('catch (error) {\n  console.error(error);\n}', 'returns', { before: 'process.exitCode = 1;\n' }),
    // Code 0 chosen by configuration, in a clause too.
    topCatch(
      'catch (error) {\n  console.error(error);\n  if (!process.env.ALLOW_FAILURE) process.exitCode = 1;\n}',
      'fatal',
    ),
    topCatch('catch (error) {\n  if (error.retry) process.exitCode = 1;\n}', 'returns', {
      before: 'const strict = process.env.STRICT;\n',
    }),
    // A throw caught by a `try` inside the clause does not leave it.
    topCatch('catch (error) {\n  try {\n    throw error;\n  } catch {\n    console.error(error);\n  }\n}', 'returns'),
    {
      // Not at top level: not judged (true).
      code: 'async function start() {\n  try {\n    await main();\n  } catch (error) {\n    console.error(error);\n  }\n}',
      errors: [{ messageId: 'catchClause', data: { verdict: 'fatal' }, line: 4, column: 5, endLine: 6, endColumn: 4 }],
    },
  ],
});

createJsRuleTester().run('exit-code: CommonJS', rule, {
  valid: [],
  invalid: [
    {
      code: 'const proc = require("node:process");\nprobe((error) => { proc.exit(1); });\nprobe((error) => { proc.exit(0); });',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        {
          messageId: 'handler',
          data: { verdict: 'fatal', zeroExit: '' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 35,
        },
        {
          messageId: 'handler',
          data: { verdict: 'returns', zeroExit: ', exits 0' },
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 35,
        },
      ],
    },
  ],
});
