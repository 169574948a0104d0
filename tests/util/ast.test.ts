import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  getEnclosingFunction,
  isWriteTarget,
  outermostWrapper,
  skipWrappers,
  staticMemberName,
  walk,
} from '../../src/util/ast.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { locate, probeRule } from './probe-rule.js';

/** `probe(x)`: reports what `x` is without its wrappers, with and without `?.` chains. */
const wrappers = probeRule({ inner: '{{plain}} / {{chain}}' }, (context) => ({
  'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
    const [argument] = node.arguments;
    if (!argument) return;
    const plain = skipWrappers(argument);
    const chain = skipWrappers(argument, { chain: true });
    context.report({ node: plain, messageId: 'inner', data: { plain: plain.type, chain: chain.type } });
  },
}));

const inner = (code: string, text: string, plain: string, chain = plain) => ({
  messageId: 'inner' as const,
  data: { plain, chain },
  ...locate(code, text),
});

createRuleTester().run('ast: skipWrappers', wrappers, {
  valid: ['probe();'],
  invalid: [
    { code: 'probe(x);', errors: [inner('probe(x);', 'x', 'Identifier')] },
    // Every type-only wrapper, however nested; parentheses are no nodes.
    {
      code: 'probe((<T>(x as unknown satisfies U)!));',
      errors: [inner('probe((<T>(x as unknown satisfies U)!));', 'x', 'Identifier')],
    },
    { code: 'probe(f<string>);', errors: [inner('probe(f<string>);', 'f', 'Identifier')] },
    // A chain is transparent only when the caller asks about the value.
    { code: 'probe(a?.b);', errors: [inner('probe(a?.b);', 'a?.b', 'ChainExpression', 'MemberExpression')] },
    { code: 'probe(a?.b!);', errors: [inner('probe(a?.b!);', 'a?.b!', 'ChainExpression', 'MemberExpression')] },
    // What changes the value is no wrapper.
    { code: 'probe(!x);', errors: [inner('probe(!x);', '!x', 'UnaryExpression')] },
  ],
});

/** Reports the outermost wrapper around every `x`, and the function it is in. */
const around = probeRule({ outer: '{{type}} in {{fn}}' }, (context) => ({
  'Identifier[name="x"]'(node: TSESTree.Identifier) {
    const outer = outermostWrapper(node);
    const fn = getEnclosingFunction(node);
    context.report({
      node: outer,
      messageId: 'outer',
      data: { type: outer.type, fn: fn ? `${fn.type}@${fn.loc.start.column}` : 'module' },
    });
  },
}));

createRuleTester().run('ast: outermostWrapper, getEnclosingFunction', around, {
  valid: [],
  invalid: [
    {
      code: 'use(x as unknown as T);',
      errors: [
        {
          messageId: 'outer',
          data: { type: 'TSAsExpression', fn: 'module' },
          ...locate('use(x as unknown as T);', 'x as unknown as T'),
        },
      ],
    },
    {
      code: 'function f() { return () => x!; }',
      errors: [
        {
          messageId: 'outer',
          data: { type: 'TSNonNullExpression', fn: 'ArrowFunctionExpression@22' },
          ...locate('function f() { return () => x!; }', 'x!'),
        },
      ],
    },
    // The name of a function is inside it as far as the AST goes; a class field's value is in no function.
    {
      code: 'function f() { class C { y = x; } }',
      errors: [
        {
          messageId: 'outer',
          data: { type: 'Identifier', fn: 'FunctionDeclaration@0' },
          ...locate('function f() { class C { y = x; } }', 'x'),
        },
      ],
    },
    {
      code: 'class C { y = x; }',
      errors: [
        { messageId: 'outer', data: { type: 'Identifier', fn: 'module' }, ...locate('class C { y = x; }', 'x') },
      ],
    },
  ],
});

/** Reports every member access with its static name (or none) and whether it is written. */
const members = probeRule({ member: '{{name}} {{access}}' }, (context) => ({
  MemberExpression(node) {
    context.report({
      node,
      messageId: 'member',
      data: { name: staticMemberName(node) ?? '(dynamic)', access: isWriteTarget(node) ? 'write' : 'read' },
    });
  },
}));

const member = (code: string, text: string, name: string, access: 'read' | 'write', occurrence = 0) => ({
  messageId: 'member' as const,
  data: { name, access },
  ...locate(code, text, occurrence),
});

createRuleTester().run('ast: staticMemberName, isWriteTarget', members, {
  valid: [],
  invalid: [
    { code: 'a.b;', errors: [member('a.b;', 'a.b', 'b', 'read')] },
    { code: "a['b'] = 1;", errors: [member("a['b'] = 1;", "a['b']", 'b', 'write')] },
    { code: 'a[`b`] += 1;', errors: [member('a[`b`] += 1;', 'a[`b`]', 'b', 'write')] },
    { code: 'a[0]++;', errors: [member('a[0]++;', 'a[0]', '0', 'write')] },
    { code: 'a[key];', errors: [member('a[key];', 'a[key]', '(dynamic)', 'read')] },
    {
      code: 'class C { #b = 1; m() { this.#b = 2; } }',
      errors: [member('class C { #b = 1; m() { this.#b = 2; } }', 'this.#b', '#b', 'write')],
    },
    // Through type-only wrappers and destructuring patterns.
    { code: '(a.b as number) = 1;', errors: [member('(a.b as number) = 1;', 'a.b', 'b', 'write')] },
    { code: '[a.b] = list;', errors: [member('[a.b] = list;', 'a.b', 'b', 'write')] },
    { code: '({ x: a.b = 1 } = value);', errors: [member('({ x: a.b = 1 } = value);', 'a.b', 'b', 'write')] },
    { code: 'for (a.b of list);', errors: [member('for (a.b of list);', 'a.b', 'b', 'write')] },
    // Written through it, not written itself.
    {
      code: 'a.b.c = 1;',
      errors: [member('a.b.c = 1;', 'a.b.c', 'c', 'write'), member('a.b.c = 1;', 'a.b', 'b', 'read')],
    },
    { code: 'f(a.b = 1);', errors: [member('f(a.b = 1);', 'a.b', 'b', 'write')] },
    { code: 'x = a.b;', errors: [member('x = a.b;', 'a.b', 'b', 'read')] },
  ],
});

/**
 * Walks each function body for a `found()` call, skipping nested functions,
 * with a budget of 6 nodes: reports `found`, `absent`, or `too big`.
 */
const search = probeRule({ verdict: '{{verdict}}' }, (context) => ({
  'Program > FunctionDeclaration'(node: TSESTree.FunctionDeclaration) {
    const answer = walk(node.body.body, context.sourceCode.visitorKeys, 6, (inner) => {
      if (inner.type === AST_NODE_TYPES.FunctionExpression || inner.type === AST_NODE_TYPES.ArrowFunctionExpression) {
        return 'skip';
      }
      return inner.type === AST_NODE_TYPES.CallExpression && context.sourceCode.getText(inner.callee) === 'found';
    });
    const verdict = answer === undefined ? 'too big' : answer ? 'found' : 'absent';
    context.report({ node: node.id ?? node, messageId: 'verdict', data: { verdict } });
  },
}));

const verdict = (code: string, name: string, value: string) => ({
  messageId: 'verdict' as const,
  data: { verdict: value },
  ...locate(code, name),
});

createJsRuleTester().run('ast: walk', search, {
  valid: [],
  invalid: [
    { code: 'function a() { found(); }', errors: [verdict('function a() { found(); }', 'a', 'found')] },
    { code: 'function a() { other(); }', errors: [verdict('function a() { other(); }', 'a', 'absent')] },
    {
      code: 'function a() { run(() => found()); }',
      errors: [verdict('function a() { run(() => found()); }', 'a', 'absent')],
    },
    // Source order: the first statement is searched before the budget runs out in the second.
    {
      code: 'function a() { found(); g(h(i(j(k(l()))))); }',
      errors: [verdict('function a() { found(); g(h(i(j(k(l()))))); }', 'a', 'found')],
    },
    {
      code: 'function a() { g(h(i(j(k(l()))))); found(); }',
      errors: [verdict('function a() { g(h(i(j(k(l()))))); found(); }', 'a', 'too big')],
    },
  ],
});
