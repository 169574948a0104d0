import { isBuiltin } from 'node:module';

import tsParser from '@typescript-eslint/parser';
import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import {
  answeredCalls,
  CALL,
  CONSTRUCT,
  findReferences,
  MAX_ALIAS_DEPTH,
  READ,
  sharedReferences,
  type TracedReference,
  type TraceMap,
  type TraceMapElement,
  type TraceMaps,
} from '../../src/util/references.js';
import { samples } from '../robustness/syntax-samples.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { locate, probeRule } from './probe-rule.js';

const MODULES: TraceMap = {
  fs: { readFile: { [CALL]: 'fs.readFile' } },
  lodash: { get: { [CALL]: 'lodash.get' } },
};
const GLOBALS: TraceMap = { fetch: { [CALL]: 'fetch' } };

/** Reports every call `findReferences` finds, with the trace map's info. */
const calls = probeRule({ found: '{{info}}' }, (context) => ({
  Program() {
    for (const { node, info } of findReferences(context.sourceCode, { globals: GLOBALS, modules: MODULES })) {
      context.report({ node, messageId: 'found', data: { info: String(info) } });
    }
  },
}));

const found = (code: string, text: string, info: string) => ({
  messageId: 'found' as const,
  data: { info },
  ...locate(code, text),
});

createRuleTester().run('references: findReferences', calls, {
  valid: [
    // Only Node's built-ins get a `node:` alias.
    "import { get } from 'node:lodash';\nget();",
    // A local that shadows the global is not it.
    'function f(fetch: () => void) { fetch(); }',
  ],
  invalid: [
    {
      code: "import { readFile } from 'node:fs';\nreadFile();",
      errors: [found("import { readFile } from 'node:fs';\nreadFile();", 'readFile()', 'fs.readFile')],
    },
    {
      code: "import fs from 'fs';\nfs.readFile();",
      errors: [found("import fs from 'fs';\nfs.readFile();", 'fs.readFile()', 'fs.readFile')],
    },
    {
      code: "import { get } from 'lodash';\nget();",
      errors: [found("import { get } from 'lodash';\nget();", 'get()', 'lodash.get')],
    },
    // An undeclared global, as in a config without Node's or the browser's globals.
    { code: 'fetch();', errors: [found('fetch();', 'fetch()', 'fetch')] },
  ],
});

createJsRuleTester().run('references: findReferences (CommonJS)', calls, {
  valid: [],
  invalid: [
    {
      code: "const { readFile } = require('node:fs');\nreadFile();",
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [found("const { readFile } = require('node:fs');\nreadFile();", 'readFile()', 'fs.readFile')],
    },
  ],
});

/*
 * The plugin's tracker answers what eslint-utils' `ReferenceTracker` answers
 * (in "legacy" mode, over the global scope with implicit globals), apart from
 * its alias budget and from reporting a use once where eslint-utils' may
 * repeat it: compared as sets over shapes of every kind the tracker follows.
 */
/** The global scope with a stand-in variable for each unresolved name, as the plugin's tracker sees it. */
function withImplicitGlobals(globalScope: TSESLint.Scope.Scope): TSESLint.Scope.Scope {
  const set = new Map<string, unknown>(globalScope.set);
  for (const reference of globalScope.through) {
    const { name } = reference.identifier;
    if (globalScope.set.has(name)) continue;
    const references: TSESLint.Scope.Reference[] = [];
    const variable = (set.get(name) as { references: TSESLint.Scope.Reference[] } | undefined) ?? {
      name,
      defs: [],
      references,
    };
    variable.references.push(reference);
    set.set(name, variable);
  }
  return Object.create(globalScope, { set: { value: set } }) as TSESLint.Scope.Scope;
}

describe('findReferences matches eslint-utils ReferenceTracker', () => {
  const { ReferenceTracker } = ASTUtils;
  const PROCESS: TraceMapElement = {
    exit: { [CALL]: 'exit', [READ]: 'exit read' },
    exitCode: { [READ]: 'exitCode' },
    env: { [READ]: 'env' },
    stdout: { write: { [CALL]: 'stdout.write' } },
  };
  const MAPS = {
    globals: { process: PROCESS, console: { error: { [CALL]: 'console.error' } }, fetch: { [CALL]: 'fetch' } },
    modules: {
      process: PROCESS,
      fs: { readFile: { [CALL]: 'fs.readFile' }, promises: { readFile: { [CALL]: 'fs.promises.readFile' } } },
      events: { EventEmitter: { [CONSTRUCT]: 'new EventEmitter' } },
      pino: { [CALL]: 'pino()', destination: { [CALL]: 'pino.destination' } },
      esm: { [ReferenceTracker.ESM]: true, default: { [CALL]: 'esm default' }, named: { [CALL]: 'esm named' } },
    },
  } satisfies TraceMaps;

  const shapes = [
    'process.exit(1);',
    'globalThis.process.exit(1); global.process.exitCode = 2;',
    'const p = process; const q = p; q.exit(1); q.stdout.write("x");',
    'let p; p = process; p = process; p.exit(1);',
    'let a, b; a = b = process; a.exit(); b.exit();',
    'function f(p = process) { p.exit(1); }',
    'const p = ok ? process : process; (ok || process).exit(); (0, process).exit(); process?.exit?.();',
    'const { exit, env: { HOME }, stdout: { write } } = process; exit(1); write("x");',
    'const { exit = () => {} } = process; exit();',
    'function f(process) { process.exit(1); }',
    'process = {}; process.exit(1);',
    'var process = {}; process.exit();',
    "import process from 'node:process'; process.exit(1);",
    "import { exit, exitCode } from 'process'; exit(exitCode);",
    "import * as proc from 'process'; proc.exit(1); proc.default.exit(2);",
    "import fs, { readFile } from 'fs'; fs.readFile(); readFile(); fs.promises.readFile();",
    "import { promises as fsp } from 'node:fs'; fsp.readFile();",
    "import { EventEmitter } from 'events'; new EventEmitter(); EventEmitter();",
    "import pino from 'pino'; const logger = pino(pino.destination(2)); logger.info('x');",
    "import esm, { named } from 'esm'; esm(); named(); esm.named();",
    "export { exit } from 'process'; export * from 'fs';",
    "const fs = require('fs'); fs.readFile(); const { readFile } = require('node:fs'); readFile();",
    "const { exit } = require('process'); exit(); require('process').exit();",
    "function load(require) { require('fs').readFile(); }",
    // `require` read other than as a callee, or reachable through a global object: the walk finds its calls.
    "const load = require; load('fs').readFile(); require('node:fs').readFile();",
    "globalThis.require('fs').readFile(); require('fs').readFile();",
    "typeof require === 'function' && require('fs').readFile();",
    "if (require.main === module) require('fs').readFile(); require(require.resolve('fs')); new require('fs');",
    "if (typeof require !== 'undefined') require('fs').readFile(); require(require.resolve('fs'));",
    "(require as NodeRequire)('fs').readFile(); (ok ? require : load)('fs').readFile();",
    'console.error("x"); const log = console; log.error("y"); fetch("/");',
    'const p = process as NodeJS.Process; p!.exit(1); (process satisfies object).exit();',
    'for (const p of [process]) p.exit(); const [q] = [process]; q.exit();',
    'class A { run() { const p = process; return () => p.exit(1); } }',
  ];
  /** The shapes above that find nothing: locals or a modified global, and values kept in arrays (neither tracker follows them). */
  const unused = [
    'function f(process) { process.exit(1); }',
    'process = {}; process.exit(1);',
    'var process = {}; process.exit();',
    "function load(require) { require('fs').readFile(); }",
    'for (const p of [process]) p.exit(); const [q] = [process]; q.exit();',
  ];

  const key = (reference: TracedReference) =>
    `${reference.node.range.join('-')} ${reference.node.type} ${String(reference.type)} ${String(reference.info)}`;

  /** Both answers for one file, as sorted keys. */
  function answers(code: string, filename = 'file.ts'): { ran: boolean; ours: string[]; theirs: string[] } {
    const result = { ran: false, ours: [] as string[], theirs: [] as string[] };
    const linter = new Linter({ configType: 'flat' });
    const compare = probeRule({ never: 'never' }, (context) => ({
      Program() {
        const { sourceCode } = context;
        result.ran = true;
        result.ours = [...new Set(findReferences(sourceCode, MAPS).map(key))].sort();
        const globalScope = sourceCode.scopeManager?.globalScope;
        if (!globalScope) return;
        const tracker = new ReferenceTracker(withImplicitGlobals(globalScope), { mode: 'legacy' });
        const modules: TraceMap = Object.fromEntries(
          Object.entries(MAPS.modules).flatMap(([name, entry]) =>
            isBuiltin(name)
              ? [
                  [name, entry],
                  [`node:${name}`, entry],
                ]
              : [[name, entry]],
          ),
        );
        result.theirs = [
          ...new Set(
            [
              ...tracker.iterateGlobalReferences(MAPS.globals),
              ...tracker.iterateEsmReferences(modules),
              ...tracker.iterateCjsReferences(modules),
            ].map(key),
          ),
        ].sort();
      },
    }));
    const messages = linter.verify(
      code,
      [
        { files: ['**/*.{ts,tsx,mts,cts,js,jsx}'], languageOptions: { parser: tsParser } },
        { plugins: { probe: { rules: { compare: compare as never } } }, rules: { 'probe/compare': 'error' } },
      ],
      { filename },
    );
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(result.ran).toBe(true);
    return result;
  }

  it.each([
    ...shapes.map((code) => [code, code, 'file.ts'] as const),
    ...samples.map((sample) => [`sample ${sample.name}`, sample.code, sample.name] as const),
  ])('%s', (_label, code, filename) => {
    const { ours, theirs } = answers(code, filename);
    expect(ours).toEqual(theirs);
  });

  it('finds something in every other shape', () => {
    expect(shapes.filter((code) => answers(code).ours.length === 0)).toEqual(unused);
  });
});

describe('alias budget', () => {
  const chain = (links: number) =>
    Array.from({ length: links }, (_, index) => `const p${index + 1} = ${index === 0 ? 'process' : `p${index}`};`).join(
      '\n',
    ) + `\np${links}.exit(1);`;
  const exits = (code: string) => {
    let found: string[] = [];
    const linter = new Linter({ configType: 'flat' });
    const probe = probeRule({ never: 'never' }, (context) => ({
      Program() {
        found = findReferences(context.sourceCode, { globals: { process: { exit: { [CALL]: 'exit' } } } }).map(
          (reference) => context.sourceCode.getText(reference.node),
        );
      },
    }));
    linter.verify(code, [
      { plugins: { probe: { rules: { probe: probe as never } } }, rules: { 'probe/probe': 'error' } },
    ]);
    return found;
  };

  it(`follows ${MAX_ALIAS_DEPTH} aliases and no more`, () => {
    expect(exits(chain(MAX_ALIAS_DEPTH))).toEqual([`p${MAX_ALIAS_DEPTH}.exit(1)`]);
    expect(exits(chain(MAX_ALIAS_DEPTH + 1))).toEqual([]);
  });
});

/*
 * Each use is reported once per kind and info, however many paths reach it:
 * the walk files its uses only after an event that can lead to a node twice
 * (a variable followed again, `a || b`, a default value, `export *`), so each
 * event is checked here with infos that are the same on both paths.
 */
describe('each use once', () => {
  const C: TraceMapElement = { [READ]: 'c' };
  const A: TraceMapElement = { [READ]: 'a', b: { c: C }, c: C };
  const MAPS: TraceMaps = {
    globals: { a: A, d: { c: { [READ]: 'other c' } } },
    modules: { m: { [READ]: 'm', k: { [READ]: 'm' } } },
  };
  const uses = (code: string) => {
    let found: string[] = [];
    const linter = new Linter({ configType: 'flat' });
    const probe = probeRule({ never: 'never' }, (context) => ({
      Program() {
        found = findReferences(context.sourceCode, MAPS).map(
          (reference) => `${context.sourceCode.getText(reference.node)} ${String(reference.info)}`,
        );
      },
    }));
    linter.verify(code, [
      {
        languageOptions: { sourceType: 'module' },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ]);
    return found.sort();
  };

  it.each([
    ['a default value', 'const { b: { c } = a } = a;', ['a a', 'a a', 'c c']],
    ['both operands', '(a || a).c;', ['(a || a).c c', 'a a', 'a a']],
    ['both branches', '(ok ? a : a).c;', ['(ok ? a : a).c c', 'a a', 'a a']],
    ['a variable followed again, less deep', 'const q = a; let p = q; p = a; p.c;', ['a a', 'a a', 'p.c c']],
    ['a variable followed with another entry', 'let p = a; p = d; p.c;', ['a a', 'p.c c', 'p.c other c']],
    ['export *', "export * from 'm';", ["export * from 'm'; m"]],
  ] as const)('%s', (_label, code, expected) => {
    expect(uses(code)).toEqual(expected);
  });
});

/*
 * The same in the shared pass, where the walk reads its uses back from the
 * owners' lists when a repeat becomes possible: an own info given once (`b`,
 * `y b`) is read back, one given at two places (`c`, `true`) is listed.
 */
describe('each use once, in the shared pass', () => {
  const C: TraceMapElement = { [READ]: 'c', [CALL]: true };
  const A: TraceMapElement = { [READ]: 'a', b: { [READ]: 'b', c: C }, c: C };
  const first = sharedReferences({
    globals: { a: A, d: { c: { [READ]: 'other c' }, b: { [READ]: true } } },
    modules: { m: { [READ]: 'm', k: { [READ]: 'm' } } },
  });
  const second = sharedReferences({ globals: { a: { [READ]: 'y a', b: { [READ]: 'y b' } } } });
  const uses = (code: string) => {
    let found: string[][] = [];
    const linter = new Linter({ configType: 'flat' });
    const probe = probeRule({ never: 'never' }, (context) => ({
      Program() {
        found = [first, second].map((references) =>
          references(context.sourceCode)
            .map(({ node, type, info }) => `${context.sourceCode.getText(node)} ${type.description} ${String(info)}`)
            .sort(),
        );
      },
    }));
    linter.verify(code, [
      {
        languageOptions: { sourceType: 'module' },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ]);
    return found;
  };
  it.each([
    [
      'a default value',
      'const { b: { c } = a } = a;',
      [
        ['a read a', 'a read a', 'b: { c } = a read b', 'c read c', 'c read c'],
        ['a read y a', 'a read y a', 'b: { c } = a read y b'],
      ],
    ],
    [
      'both operands',
      '(a || a).b.c();',
      [
        ['(a || a).b read b', '(a || a).b.c read c', '(a || a).b.c() call true', 'a read a', 'a read a'],
        ['(a || a).b read y b', 'a read y a', 'a read y a'],
      ],
    ],
    [
      'both branches',
      '(ok ? a : d).b;',
      [
        ['(ok ? a : d).b read b', '(ok ? a : d).b read true', 'a read a'],
        ['(ok ? a : d).b read y b', 'a read y a'],
      ],
    ],
    [
      'a variable followed again, less deep',
      'const q = a; let p = q; p = a; p.b.c(); p.c;',
      [
        ['a read a', 'a read a', 'p.b read b', 'p.b.c read c', 'p.b.c() call true', 'p.c read c'],
        ['a read y a', 'a read y a', 'p.b read y b'],
      ],
    ],
    [
      'a variable followed with another entry',
      'let p = a; p = d; p.b; p.c;',
      [
        ['a read a', 'p.b read b', 'p.b read true', 'p.c read c', 'p.c read other c'],
        ['a read y a', 'p.b read y b'],
      ],
    ],
    ['export *', "export * from 'm';", [["export * from 'm'; read m", "export * from 'm'; read m"], []]],
  ] as const)('%s', (_label, code, expected) => {
    expect(uses(code)).toEqual(expected);
  });
});

/*
 * An owner that answers a global's direct member calls itself: the pass
 * leaves those calls out where the name is the plain global, and
 * `answeredCalls` gives what the pass would have found for them.
 */
describe('direct calls an owner answers itself', () => {
  const G: TraceMapElement = { m: { [READ]: 'read m', [CALL]: 'call m' } };
  const answered = sharedReferences({ globals: { gx: G } }, { answeredCalls: ['gx'] });
  // `hx` is also mapped by an owner that does not answer its calls: the pass walks them for both.
  const alsoAnswered = sharedReferences({ globals: { hx: G } }, { answeredCalls: ['hx'] });
  sharedReferences({ globals: { hx: { m: { [READ]: 'other m' } } } });
  const found = (code: string) => {
    let result: { listed: string[][]; answers: string[] } = { listed: [], answers: [] };
    const linter = new Linter({ configType: 'flat' });
    const probe = probeRule({ never: 'never' }, (context) => {
      const { sourceCode } = context;
      const answers: string[] = [];
      const text = ({ node, type, info }: { node: TSESTree.Node; type: symbol; info: unknown }) =>
        `${sourceCode.getText(node)} ${type.description} ${String(info)}`;
      return {
        Program() {
          const listed = [answered, alsoAnswered].map((references) => references(sourceCode).map(text).sort());
          result = { listed, answers };
        },
        CallExpression(node) {
          for (const name of ['gx', 'hx']) {
            const info = answeredCalls(sourceCode, name, G)?.(node);
            if (info !== undefined) answers.push(`${name}: ${text({ node, type: CALL, info })}`);
          }
        },
      };
    });
    linter.verify(code, [
      {
        languageOptions: { sourceType: 'module' },
        plugins: { probe: { rules: { probe: probe as never } } },
        rules: { 'probe/probe': 'error' },
      },
    ]);
    return result;
  };

  it('leaves out the direct calls of the plain global, and answers them', () => {
    expect(found('gx.m(1);\ngx["m"]?.(2);\ngx.other(3);\nconst f = gx.m;\n(0, gx).m(4);\ngx.m.call(gx);')).toEqual({
      listed: [['(0, gx).m read read m', '(0, gx).m(4) call call m', 'gx.m read read m', 'gx.m read read m'], []],
      answers: ['gx: gx.m(1) call call m', 'gx: gx["m"]?.(2) call call m'],
    });
  });

  it('walks every call where a local has the name', () => {
    expect(found('function quiet(gx) {\n  gx.m(1);\n}\ngx.m(2);')).toEqual({
      listed: [['gx.m read read m', 'gx.m(2) call call m'], []],
      answers: [],
    });
  });

  it('walks every call where the global is assigned', () => {
    expect(found('gx = {};\ngx.m(1);')).toEqual({ listed: [[], []], answers: [] });
  });

  it('walks every call that another owner of the global does not answer', () => {
    expect(found('hx.m(1);')).toEqual({
      listed: [[], ['hx.m read read m', 'hx.m(1) call call m']],
      answers: ['hx: hx.m(1) call call m'],
    });
  });
});
