import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isPlaceholderHelperByType } from '../../../src/rules/no-placeholder-throw/helper-by-type.js';
import {
  classifyThrownValue,
  createPlaceholderVocabulary,
  DYNAMIC_PART,
  isErrorClassName,
  isPlaceholderErrorClass,
  isPlaceholderHelper,
  isPlaceholderHelperName,
  isPlaceholderMessage,
  saysOnlyNotImplemented,
} from '../../../src/rules/no-placeholder-throw/placeholder.js';
import { functionShapeOf, thrownValueOf, throwSiteOf } from '../../../src/rules/no-placeholder-throw/thrown-value.js';
import { createJsRuleTester, createRuleTester, createTypedRuleTester } from '../../rule-tester.js';
import { probeRule } from '../../util/probe-rule.js';

// ---------------------------------------------------------------- pure functions

describe('isPlaceholderMessage', () => {
  it.each([
    // What the editor's quick fixes and other fixers insert (issue 3).
    ['Method not implemented.', true],
    ['Function not implemented.', true],
    ['Not implemented yet', true],
    ['Not implemented yet: "square" case', true],
    // What people type.
    ['Not implemented', true],
    ['not implemented', true],
    ['Not yet implemented', true],
    ['NOT_IMPLEMENTED', true],
    ['not-implemented', true],
    ['NotImplemented', true],
    ['unimplemented', true],
    ['Unimplemented: retries', true],
    ['implement me', true],
    [`Not implemented: ${DYNAMIC_PART}`, true],
    // Markers used as markers.
    ['TODO', true],
    ['todo', true],
    ['TODO!', true],
    ['TODO: wire the cache', true],
    ['TODO wire the cache', true],
    ['todo: wire the cache', true],
    ['FIXME(ana): handle retries', true],
    ['Retry policy (todo: backoff)', true],
    ['Payment failed. TODO: retry', true],
    ['Payment failed, todo!', true],
    ['Payment failed TODO(ana)', true],
    ['FIXME', true],
    ['TBD', true],
    ['XXX', true],
    ['tbd!', true],
    ['Stub!', true],
    ['stub', true],
    ['stub: send', true],
    ['this is just a stub', true],
    ['Only a stub for now', true],
    // Real errors (issue 3): validation, exhaustiveness guards, 'not supported', 'deprecated'.
    ['PORT is not set', false],
    [`Unhandled case: ${DYNAMIC_PART}`, false],
    ['Not supported', false],
    ['Streaming is not supported on this platform', false],
    ['deprecated: use connect() instead', false],
    // Deliberate design: a concrete base class's "abstract" method, an interface's requirement.
    ['must be implemented by subclass', false],
    ['Method not implemented: must be overridden by subclasses', false],
    ['render() is not implemented; override it in a derived class', false],
    ['Abstract method not implemented', false],
    ['Subclasses must implement send()', false],
    ['Transport must implement send when invoke is not implemented', false],
    ['send() is required if invoke is not implemented', false],
    // Words that are content, not markers.
    ['implementation failed', false],
    ['Todo list is empty', false],
    ['Could not load the todo items', false],
    ['todos: 3 pending', false],
    ['Invalid todo: title is required', false],
    ['Could not fetch todo (id 3)', false],
    ['Unknown value xxx: expected a number', false],
    ['Stubborn retry loop detected', false],
    ['The XXX header is missing', false],
    ['unimplementedFeatures is empty', false],
    ['', false],
  ])('%j → %s', (message, expected) => {
    expect(isPlaceholderMessage(message)).toBe(expected);
  });

  it('reads only the start of a long message, in bounded time', () => {
    expect(isPlaceholderMessage(`TODO: ${'x'.repeat(5000)}`)).toBe(true);
    expect(isPlaceholderMessage(`${'x'.repeat(5000)} TODO: later`)).toBe(false);
    // Without the bound, this input takes a minute (the condition pattern backtracks).
    const started = performance.now();
    expect(isPlaceholderMessage(`${'if '.repeat(100_000)}not ready`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('adds the patterns of a vocabulary, matched case-insensitively', () => {
    const vocabulary = createPlaceholderVocabulary({ messagePatterns: ['^coming soon'] }, 'no-placeholder-throw');
    expect(isPlaceholderMessage('Coming soon: exports', vocabulary)).toBe(true);
    expect(isPlaceholderMessage('exports are coming soon', vocabulary)).toBe(false);
    expect(isPlaceholderMessage('Coming soon: exports')).toBe(false);
  });
});

describe('createPlaceholderVocabulary', () => {
  it('reports a pattern that does not compile as a configuration error', () => {
    expect(() => createPlaceholderVocabulary({ messagePatterns: ['todo('] }, 'no-placeholder-throw')).toThrow(
      /^Configuration for rule "no-placeholder-throw" is invalid: messagePatterns entry "todo\(" is not a valid regular expression \(.+\)\.$/,
    );
  });

  it('keeps the class and helper names', () => {
    const vocabulary = createPlaceholderVocabulary({ errorClasses: ['PendingError'], helpers: ['later'] }, 'r');
    expect([...vocabulary.errorClasses]).toEqual(['PendingError']);
    expect([...vocabulary.helpers]).toEqual(['later']);
    expect(vocabulary.messagePatterns).toEqual([]);
  });
});

describe('error class and helper names', () => {
  it.each([
    ['NotImplementedError', true],
    ['NotImplementedException', true],
    ['NotYetImplementedError', true],
    ['NotImplementedYetError', true],
    ['UnimplementedError', true],
    ['TodoError', true],
    ['TodoException', true],
    ['NotImplemented', false],
    ['MyNotImplementedError', false],
    ['TodoListError', false],
    ['Error', false],
  ])('isPlaceholderErrorClass(%j) → %s', (name, expected) => {
    expect(isPlaceholderErrorClass(name)).toBe(expected);
  });

  it.each([
    ['Error', true],
    ['TypeError', true],
    ['DOMException', true],
    ['HttpException', true],
    ['NotImplementedError', true],
    ['Errors', false],
    ['ErrorBoundary', false],
    ['makeError', true],
    ['fail', false],
  ])('isErrorClassName(%j) → %s', (name, expected) => {
    expect(isErrorClassName(name)).toBe(expected);
  });

  it.each([
    ['todo', true],
    ['unimplemented', true],
    ['notImplemented', true],
    ['TODO', false],
    ['fail', false],
    ['todos', false],
  ])('isPlaceholderHelperName(%j) → %s', (name, expected) => {
    expect(isPlaceholderHelperName(name)).toBe(expected);
  });

  it('adds the names of a vocabulary', () => {
    const vocabulary = createPlaceholderVocabulary({ errorClasses: ['PendingError'], helpers: ['later'] }, 'r');
    expect(isPlaceholderErrorClass('PendingError', vocabulary)).toBe(true);
    expect(isPlaceholderErrorClass('PendingError')).toBe(false);
    expect(isPlaceholderHelperName('later', vocabulary)).toBe(true);
    expect(isPlaceholderHelperName('later')).toBe(false);
  });
});

describe('classifyThrownValue', () => {
  it.each([
    [{ errorClass: 'NotImplementedError' }, { kind: 'errorClass', errorClass: 'NotImplementedError' }],
    // A placeholder class: no message, a placeholder one, or a bare name.
    [
      { errorClass: 'NotImplementedError', message: 'Not implemented yet' },
      { kind: 'errorClass', errorClass: 'NotImplementedError' },
    ],
    [
      { errorClass: 'NotImplementedError', message: 'This feature is not implemented.' },
      { kind: 'errorClass', errorClass: 'NotImplementedError' },
    ],
    [
      { errorClass: 'NotImplementedError', message: 'TODO: paging' },
      { kind: 'errorClass', errorClass: 'NotImplementedError' },
    ],
    [
      { errorClass: 'NotImplementedError', message: 'TODO: only ids are supported' },
      { kind: 'errorClass', errorClass: 'NotImplementedError' },
    ],
    [
      { errorClass: 'UnimplementedError', message: 'Store.sync' },
      { kind: 'errorClass', errorClass: 'UnimplementedError' },
    ],
    [
      { errorClass: 'NotImplementedError', message: 'NOT_IMPLEMENTED' },
      { kind: 'errorClass', errorClass: 'NotImplementedError' },
    ],
    // ... with a message that explains a limitation: a subject of its own, "supported", "only", run-time values.
    [{ errorClass: 'NotImplementedError', message: 'limit is not implemented.' }, undefined],
    [{ errorClass: 'NotImplementedError', message: 'captcha unimplemented' }, undefined],
    [{ errorClass: 'NotImplementedError', message: 'PORT is not set' }, undefined],
    [{ errorClass: 'NotImplementedError', message: 'Sign-in with IDP is not yet supported.' }, undefined],
    [{ errorClass: 'NotImplementedError', message: 'Only sorting by USER_ID is implemented.' }, undefined],
    [{ errorClass: 'NotImplementedError', message: `${DYNAMIC_PART} is not implemented yet.` }, undefined],
    [{ errorClass: 'NotImplementedError', message: `deleteAttribute: ${DYNAMIC_PART}` }, undefined],
    [{ errorClass: 'NotImplementedError', message: DYNAMIC_PART }, undefined],
    [{ errorClass: 'Error', message: 'Not implemented, call deleteDatabase(name) instead.' }, undefined],
    [{ errorClass: 'Error', message: 'Not implemented: deprecated' }, undefined],
    [
      { errorClass: 'Error', message: 'Method not implemented.' },
      { kind: 'message', message: 'Method not implemented.' },
    ],
    [
      { errorClass: 'HttpException', message: 'TODO' },
      { kind: 'message', message: 'TODO' },
    ],
    [{ message: 'TODO: wire the cache' }, { kind: 'message', message: 'TODO: wire the cache' }],
    // Not an error class: its argument need not be a message.
    [{ errorClass: 'Response', message: 'not implemented' }, undefined],
    [{ errorClass: 'Error', message: 'PORT is not set' }, undefined],
    [{ errorClass: 'Error' }, undefined],
    [{}, undefined],
  ])('%j → %j', (thrown, expected) => {
    expect(classifyThrownValue(thrown)).toEqual(expected);
  });

  const notImplemented = { kind: 'errorClass', errorClass: 'NotImplementedError' };
  it.each([
    // A message that names nothing but the function it stands in is about that function.
    [
      { errorClass: 'NotImplementedError', message: 'sync is not implemented' },
      { functionName: 'sync' },
      notImplemented,
    ],
    [
      { errorClass: 'NotImplementedError', message: 'Store.sync is not implemented' },
      { functionName: 'sync', className: 'Store' },
      notImplemented,
    ],
    [{ errorClass: 'NotImplementedError', message: 'sync is not implemented' }, { functionName: 'query' }, undefined],
    // The whole body of a method, naming that method: an abstract method written by hand.
    [
      { errorClass: 'Error', message: 'install() not implemented' },
      { functionName: 'install', isWholeMethodBody: true },
      undefined,
    ],
    [
      { errorClass: 'Error', message: 'Driver.install not implemented' },
      { functionName: 'install', className: 'Driver', isWholeMethodBody: true },
      undefined,
    ],
    [
      { errorClass: 'NotImplementedError', message: 'install' },
      { functionName: 'install', isWholeMethodBody: true },
      undefined,
    ],
    [
      { errorClass: 'Error', message: 'install() not implemented' },
      { functionName: 'install' },
      { kind: 'message', message: 'install() not implemented' },
    ],
    [
      { errorClass: 'Error', message: 'build() not implemented' },
      { functionName: 'install', isWholeMethodBody: true },
      { kind: 'message', message: 'build() not implemented' },
    ],
    [
      { errorClass: 'Error', message: 'installer not implemented' },
      { functionName: 'install', isWholeMethodBody: true },
      { kind: 'message', message: 'installer not implemented' },
    ],
    // Case matters: the quick fix's "Method" is no method called `method`.
    [
      { errorClass: 'Error', message: 'Method not implemented.' },
      { functionName: 'method', isWholeMethodBody: true },
      { kind: 'message', message: 'Method not implemented.' },
    ],
    // A marker is a placeholder wherever it stands.
    [
      { errorClass: 'Error', message: 'TODO: install' },
      { functionName: 'install', isWholeMethodBody: true },
      { kind: 'message', message: 'TODO: install' },
    ],
    [
      { errorClass: 'NotImplementedError', message: 'TODO: install' },
      { functionName: 'install', isWholeMethodBody: true },
      notImplemented,
    ],
  ])('%j at %j → %j', (thrown, site, expected) => {
    expect(classifyThrownValue(thrown, undefined, site)).toEqual(expected);
  });

  it('reports a class named in the options whatever its message says', () => {
    const vocabulary = createPlaceholderVocabulary({ errorClasses: ['NotImplementedError'] }, 'r');
    expect(
      classifyThrownValue({ errorClass: 'NotImplementedError', message: 'limit is not supported' }, vocabulary),
    ).toEqual(notImplemented);
  });
});

describe('saysOnlyNotImplemented', () => {
  it('accepts the texts and classes that only say "not implemented"', () => {
    expect(saysOnlyNotImplemented({ errorClass: 'Error', message: 'Method not implemented.' })).toBe(true);
    expect(saysOnlyNotImplemented({ message: 'not implemented' })).toBe(true);
    expect(saysOnlyNotImplemented({ errorClass: 'NotImplementedError' })).toBe(true);
    expect(saysOnlyNotImplemented({ errorClass: 'NotImplementedError', message: DYNAMIC_PART })).toBe(true);
    expect(saysOnlyNotImplemented({ errorClass: 'TypeError', message: `${DYNAMIC_PART} is not implemented` })).toBe(
      true,
    );
  });

  it('refuses markers, other texts, other values and the classes and patterns of the options', () => {
    expect(saysOnlyNotImplemented({ errorClass: 'Error', message: 'TODO: not implemented' })).toBe(false);
    expect(saysOnlyNotImplemented({ errorClass: 'Error', message: 'PORT is not set' })).toBe(false);
    expect(saysOnlyNotImplemented({ errorClass: 'Error' })).toBe(false);
    expect(saysOnlyNotImplemented({ errorClass: 'Response', message: 'not implemented' })).toBe(false);
    const vocabulary = createPlaceholderVocabulary({ errorClasses: ['PendingError'], messagePatterns: ['^wip'] }, 'r');
    expect(saysOnlyNotImplemented({ errorClass: 'PendingError' }, vocabulary)).toBe(false);
    expect(saysOnlyNotImplemented({ message: 'WIP: not implemented' }, vocabulary)).toBe(false);
  });
});

describe('isPlaceholderHelper', () => {
  const placeholderThrow = { errorClass: 'Error', message: 'Not implemented' };
  it.each([
    // A helper's name, and a body that only throws or a `never` return type.
    [{ name: 'todo', declaresNever: false, soleThrow: { errorClass: 'Error', message: 'x' } }, true],
    [{ name: 'todo', declaresNever: false, soleThrow: null }, true],
    [{ name: 'todo', declaresNever: true, soleThrow: undefined }, true],
    [{ name: 'todo', declaresNever: false, soleThrow: undefined }, false],
    // Any name: `never` and a placeholder throw as the whole body.
    [{ name: 'pending', declaresNever: true, soleThrow: placeholderThrow }, true],
    [{ name: undefined, declaresNever: true, soleThrow: placeholderThrow }, true],
    [{ name: 'pending', declaresNever: false, soleThrow: placeholderThrow }, false],
    [{ name: 'fail', declaresNever: true, soleThrow: { errorClass: 'Error' } }, false],
    [{ name: 'fail', declaresNever: true, soleThrow: null }, false],
    [{ name: 'usage', declaresNever: true, soleThrow: { errorClass: 'Error', message: 'usage: serve <port>' } }, false],
  ])('%j → %s', (shape, expected) => {
    expect(isPlaceholderHelper(shape)).toBe(expected);
  });
});

// ---------------------------------------------------------------- the linted file

/** Reports what `thrownValueOf` reads from each `throw`. */
const rule = probeRule({ thrown: '{{thrown}}' }, (context) => {
  return {
    ThrowStatement(node) {
      const thrown = thrownValueOf(node.argument, context.sourceCode.getScope(node));
      context.report({ node, messageId: 'thrown', data: { thrown: JSON.stringify(thrown ?? null) } });
    },
  };
});

/** Reports each function's shape (`functionShapeOf`). */
const shapeRule = probeRule({ shape: '{{shape}}' }, (context) => {
  return {
    'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(
      node: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression,
    ) {
      const shape = functionShapeOf(node, context.sourceCode.getScope(node));
      context.report({ node, messageId: 'shape', data: { shape: JSON.stringify(shape) } });
    },
  };
});

function throwCase(code: string, thrown: object | null) {
  return {
    code,
    errors: [
      {
        messageId: 'thrown' as const,
        data: { thrown: JSON.stringify(thrown) },
        line: 1,
        column: code.indexOf('throw') + 1,
        endLine: 1,
        endColumn: code.length + 1,
      },
    ],
  };
}

createRuleTester().run('placeholder: thrownValueOf', rule, {
  valid: [],
  invalid: [
    throwCase('throw new Error("Method not implemented.");', {
      errorClass: 'Error',
      message: 'Method not implemented.',
    }),
    throwCase('throw Error(`TODO`);', { errorClass: 'Error', message: 'TODO' }),
    throwCase('throw new errors.NotImplementedError();', { errorClass: 'NotImplementedError' }),
    throwCase('throw new errors["TypeError"]("x");', { errorClass: 'TypeError', message: 'x' }),
    throwCase('throw new (Error as ErrorConstructor)("x" as const);', { errorClass: 'Error', message: 'x' }),
    // Static parts of templates and `+` chains; the rest elided.
    throwCase('throw new Error(`Not implemented: ${kind}`);', {
      errorClass: 'Error',
      message: `Not implemented: ${DYNAMIC_PART}`,
    }),
    throwCase('throw new Error("Unhandled case: " + kind);', {
      errorClass: 'Error',
      message: `Unhandled case: ${DYNAMIC_PART}`,
    }),
    throwCase('throw new Error(`TODO: ${what}`);', { errorClass: 'Error', message: `TODO: ${DYNAMIC_PART}` }),
    // A message only known at run time.
    throwCase('throw new Error(a + b);', { errorClass: 'Error', message: DYNAMIC_PART }),
    throwCase('throw new Error(...args);', { errorClass: 'Error', message: DYNAMIC_PART }),
    throwCase('throw new NotImplementedError(body.requestType);', {
      errorClass: 'NotImplementedError',
      message: DYNAMIC_PART,
    }),
    throwCase('throw new Error();', { errorClass: 'Error' }),
    throwCase('throw new HttpException("TODO", 501);', { errorClass: 'HttpException', message: 'TODO' }),
    // Not an error class: its argument is not read.
    throwCase('throw new Response("not implemented");', { errorClass: 'Response' }),
    throwCase('throw "stub";', { message: 'stub' }),
    throwCase('throw `TODO ${x}`;', { message: `TODO ${DYNAMIC_PART}` }),
    // Rethrows and factories give nothing.
    throwCase('throw err;', null),
    throwCase('throw build("TODO");', { errorClass: 'build' }),
    throwCase('throw factory()();', null),
    throwCase('throw 42;', null),
  ],
});

createRuleTester().run('placeholder: constants in messages', rule, {
  valid: [],
  invalid: [
    {
      code: 'const WHAT = "caching";\nthrow new Error(`TODO: ${WHAT}`);',
      errors: [
        {
          messageId: 'thrown',
          data: { thrown: JSON.stringify({ errorClass: 'Error', message: 'TODO: caching' }) },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 34,
        },
      ],
    },
    {
      code: 'const PREFIX = "Not implemented: ";\nthrow new Error(PREFIX + name);',
      errors: [
        {
          messageId: 'thrown',
          data: { thrown: JSON.stringify({ errorClass: 'Error', message: `Not implemented: ${DYNAMIC_PART}` }) },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 32,
        },
      ],
    },
  ],
});

/** Reports where each `throw` stands (`throwSiteOf`). */
const siteRule = probeRule({ site: '{{site}}' }, (context) => {
  return {
    ThrowStatement(node) {
      context.report({ node, messageId: 'site', data: { site: JSON.stringify(throwSiteOf(node)) } });
    },
  };
});

function siteCase(code: string, site: object) {
  const index = code.indexOf('throw');
  const end = code.indexOf(';', index) + 1;
  return {
    code,
    errors: [
      {
        messageId: 'site' as const,
        data: { site: JSON.stringify(site) },
        line: 1,
        column: index + 1,
        endLine: 1,
        endColumn: end + 1,
      },
    ],
  };
}

createRuleTester().run('placeholder: throwSiteOf', siteRule, {
  valid: [],
  invalid: [
    siteCase('throw x;', {}),
    siteCase('function sync() { throw x; }', { functionName: 'sync' }),
    siteCase('const run = () => { throw x; };', { functionName: 'run' }),
    siteCase('class Driver { install() { throw x; } }', {
      functionName: 'install',
      className: 'Driver',
      isWholeMethodBody: true,
    }),
    siteCase('class Driver { get size() { throw x; } }', {
      functionName: 'size',
      className: 'Driver',
      isWholeMethodBody: true,
    }),
    siteCase('class Driver { install() { log(); throw x; } }', {
      functionName: 'install',
      className: 'Driver',
      isWholeMethodBody: false,
    }),
    siteCase('export default class { install() { throw x; } }', { functionName: 'install', isWholeMethodBody: true }),
    siteCase('class Driver { constructor() { throw x; } }', { functionName: 'constructor' }),
    siteCase('Driver.prototype.install = function () { throw x; };', {
      functionName: 'install',
      className: 'Driver',
      isWholeMethodBody: true,
    }),
    siteCase('const driver = { install() { throw x; } };', { functionName: 'install' }),
    siteCase('class Driver { install() { return () => { throw x; }; } }', {}),
  ],
});

function shapeCase(code: string, text: string, shape: object) {
  const index = code.indexOf(text);
  const before = code.slice(0, index).split('\n');
  const through = code.slice(0, index + text.length).split('\n');
  return {
    code,
    errors: [
      {
        messageId: 'shape' as const,
        data: { shape: JSON.stringify(shape) },
        line: before.length,
        column: (before.at(-1)?.length ?? 0) + 1,
        endLine: through.length,
        endColumn: (through.at(-1)?.length ?? 0) + 1,
      },
    ],
  };
}

createRuleTester().run('placeholder: functionShapeOf', shapeRule, {
  valid: [],
  invalid: [
    shapeCase('function todo(): never { return fail(); }', 'function todo(): never { return fail(); }', {
      name: 'todo',
      declaresNever: true,
    }),
    shapeCase(
      'const pending = (): never => { throw new Error("stub"); };',
      '(): never => { throw new Error("stub"); }',
      {
        name: 'pending',
        declaresNever: true,
        soleThrow: { errorClass: 'Error', message: 'stub' },
      },
    ),
    shapeCase('class Gateway {\n  connect() { throw err; }\n}', '() { throw err; }', {
      name: 'connect',
      declaresNever: false,
      soleThrow: null,
    }),
    shapeCase(
      'const api = { "send": function () { log(); throw new Error("TODO"); } };',
      'function () { log(); throw new Error("TODO"); }',
      {
        name: 'send',
        declaresNever: false,
      },
    ),
    shapeCase('export default function () {}', 'function () {}', { declaresNever: false }),
  ],
});

createJsRuleTester().run('placeholder: plain JavaScript', rule, {
  valid: [],
  invalid: [
    throwCase('throw new Error("Function not implemented.");', {
      errorClass: 'Error',
      message: 'Function not implemented.',
    }),
  ],
});

// ---------------------------------------------------------------- type-aware: helpers in other modules

/** Reports each call whose callee `isPlaceholderHelperByType` answers for. */
const byType = probeRule({ helper: '{{call}}: {{verdict}}' }, (context) => {
  const services = ESLintUtils.getParserServices(context);
  return {
    CallExpression(node) {
      const verdict = isPlaceholderHelperByType(services.program, services.esTreeNodeToTSNodeMap.get(node.callee));
      const call = context.sourceCode.getText(node);
      context.report({ node, messageId: 'helper', data: { call, verdict: String(verdict) } });
    },
  };
});

function typedCase(code: string, ...verdicts: [call: string, verdict: string][]) {
  return {
    code,
    errors: verdicts.map(([call, verdict]) => {
      const index = code.lastIndexOf(call);
      const before = code.slice(0, index).split('\n');
      return {
        messageId: 'helper' as const,
        data: { call, verdict },
        line: before.length,
        column: (before.at(-1)?.length ?? 0) + 1,
        endLine: before.length,
        endColumn: (before.at(-1)?.length ?? 0) + 1 + call.length,
      };
    }),
  };
}

createTypedRuleTester().run('placeholder: isPlaceholderHelperByType', byType, {
  valid: [],
  invalid: [
    typedCase(
      'import { pending, todo, stubbed, fail, exitWithUsage, Gateway } from "./placeholder-helpers.js";\npending();\ntodo();\nstubbed();\nfail("x");\nexitWithUsage();\nnew Gateway().connect();',
      ['pending()', 'true'],
      ['todo()', 'true'],
      ['stubbed()', 'true'],
      ['fail("x")', 'false'],
      ['exitWithUsage()', 'false'],
      // A method declared `never` whose body is the quick fix's throw.
      ['new Gateway().connect()', 'true'],
    ),
    // An ambient helper: judged by its name and its `never` return type; an unknown callee: no answer.
    typedCase(
      'declare function unimplemented(): never;\ndeclare function later(): never;\nunimplemented();\nlater();\n(undefined as any)();',
      ['unimplemented()', 'true'],
      ['later()', 'false'],
      ['(undefined as any)()', 'undefined'],
    ),
    // An import the checker cannot resolve: no answer, so the caller falls back to what the file says.
    typedCase('import { todo } from "./no-such-module.js";\ntodo();', ['todo()', 'undefined']),
  ],
});
