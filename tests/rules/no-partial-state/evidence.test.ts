// no-partial-state around evidence: an empty `{}` asserted to a type is reported only when the code updates or uses
// a property of it before anything sets it; idiom positions and test files are left alone.
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import rule from '../../../src/rules/no-partial-state/index.js';
import { isTestFile } from '../../../src/util/test-files.js';
import { createRuleTester, createTypedRuleTester } from '../../rule-tester.js';
import { locate } from '../../util/probe-rule.js';

const lines = (...text: string[]) => text.join('\n');

/** Also report `{} as T` with no evidence of a misuse, as the `strict` config does. */
const STRICT_EMPTY = [{ reportEmptyWithoutEvidence: true }] as const;

/** The "annotate instead" suggestion and the code it leaves. */
const annotate = (type: string, output: string) => [{ messageId: 'annotateInstead' as const, data: { type }, output }];

/** A report at `text` (the assertion) saying which property line `line` updates or uses before it is set. */
function beforeSet(
  kind: 'updated' | 'used',
  code: string,
  text: string,
  access: string,
  line: number,
  suggestions: ReturnType<typeof annotate> = [],
) {
  return {
    messageId: kind === 'updated' ? ('updatedBeforeSet' as const) : ('usedBeforeSet' as const),
    data: { access, line },
    ...locate(code, text),
    suggestions,
  };
}

const emptyAsserted = (code: string, text: string, type: string, suggestions: ReturnType<typeof annotate> = []) => ({
  messageId: 'emptyAsserted' as const,
  data: { type },
  ...locate(code, text),
  suggestions,
});

// Evidence: a property updated or used before it is set.
const updatedInLoop = lines(
  "import type { Totals } from './totals.js';",
  'declare const rows: { amount: number }[];',
  'const totals = {} as Totals;',
  'for (const row of rows) totals.debit += row.amount;',
  'export { totals };',
);
const pushedAtOnce = lines(
  "import type { Cart } from './cart.js';",
  'const cart = {} as Cart;',
  "cart.items.push('apple');",
  'export { cart };',
);
const calledAtOnce = lines(
  "import type { Config } from './config.js';",
  'export function boot() {',
  '  const config = {} as Config;',
  '  config.port = 8080;',
  '  config.db.connect();',
  '}',
);
const countedInForEach = lines(
  "import type { Stats } from './stats.js';",
  'declare const rows: string[];',
  'export function count() {',
  '  const stats = {} as Stats;',
  '  rows.forEach(() => {',
  '    stats.seen++;',
  '  });',
  '  return stats;',
  '}',
);
const reducedWithPush = lines(
  "import type { Bucket } from './bucket.js';",
  'declare const rows: string[];',
  'export const bucket = rows.reduce((acc, row) => {',
  '  acc.items.push(row);',
  '  return acc;',
  '}, {} as Bucket);',
);
const localCreateContext = lines(
  "import type { Auth } from './auth.js';",
  'function createContext<T>(value: T) { return { value }; }',
  'export const AuthContext = createContext({} as Auth);',
);
const localUseState = lines(
  "import type { User } from './user.js';",
  'function useState<T>(value: T) { return [value]; }',
  'export const [user] = useState({} as User);',
);
const fieldNobodySets = lines(
  "import type { Settings } from './settings.js';",
  'export class Panel {',
  '  settings = {} as Settings;',
  '  render() { return this.settings; }',
  '}',
);

createRuleTester().run('no-partial-state (evidence, syntactic)', rule, {
  valid: [
    // No evidence: an empty object nothing is seen to misuse is left alone by default.
    "import type { Form } from './form.js';\nexport const initialForm = {} as Form;",
    "import type { Profile } from './profile.js';\nconst profile = {} as Profile;\nconsole.log(profile.name);",
    // Set before it is updated or used.
    lines(
      "import type { Totals } from './totals.js';",
      'const totals = {} as Totals;',
      'totals.debit = 0;',
      'totals.debit += 5;',
      'export { totals };',
    ),
    lines(
      "import type { Cart } from './cart.js';",
      'const cart = {} as Cart;',
      'cart.items ??= [];',
      "cart.items.push('a');",
    ),
    // Handed over before the update: whatever it was passed to may fill it in.
    lines(
      "import type { Totals } from './totals.js';",
      'declare function reset(t: Totals): void;',
      'const totals = {} as Totals;',
      'reset(totals);',
      'totals.debit += 5;',
    ),
    // Reassigned before the update: the new value is another object.
    lines(
      "import type { Totals } from './totals.js';",
      'declare function load(): Totals;',
      'let totals = {} as Totals;',
      'totals = load();',
      'totals.debit += 5;',
    ),
    // Optional chaining expects the property to be absent.
    lines("import type { Config } from './config.js';", 'const config = {} as Config;', 'config.db?.connect();'),
    // A callback that runs later: its use is not evidence.
    lines(
      "import type { Cart } from './cart.js';",
      'declare function onLoad(listener: () => void): void;',
      'const cart = {} as Cart;',
      "onLoad(() => cart.items.push('a'));",
    ),
    // A dictionary: updated with computed keys.
    lines(
      "import type { Counts } from './counts.js';",
      'declare const words: string[];',
      'const counts = {} as Counts;',
      'for (const word of words) counts[word] += 1;',
    ),
    // Test files are left alone by default: test doubles are partial on purpose.
    {
      code: lines(
        "import type { Config } from '../src/config.js';",
        'const config = {} as Config;',
        'config.db.connect();',
      ),
      filename: 'src/boot.test.ts',
    },
    { code: pushedAtOnce, filename: 'src/__tests__/cart.ts' },
    { code: pushedAtOnce, filename: '__mocks__/cart.ts' },
    { code: pushedAtOnce, filename: 'e2e/checkout.ts', options: STRICT_EMPTY },
    { code: "import type { Api } from './api.js';\nexport const api = {} as Api;", filename: 'tests/api.spec.ts' },
    // Context defaults, resolved by import: any literal.
    {
      code: lines(
        "import { createContext } from 'react';",
        "import type { Auth } from './auth.js';",
        'export const AuthContext = createContext<Auth>({} as Auth);',
      ),
      options: STRICT_EMPTY,
    },
    {
      code: lines(
        "import * as React from 'react';",
        "import type { Theme } from './theme.js';",
        'export const ThemeContext = React.createContext({} as Theme);',
      ),
      options: STRICT_EMPTY,
    },
    {
      code: lines(
        "import React from 'react';",
        "import type { Theme } from './theme.js';",
        'export const ThemeContext = React.createContext({} as Theme);',
      ),
      options: STRICT_EMPTY,
    },
    {
      code: lines(
        "import { createContext } from 'preact';",
        "import type { Router } from './router.js';",
        'export const RouterContext = createContext({} as Router);',
      ),
      options: STRICT_EMPTY,
    },
    {
      code: lines(
        "import { createContext } from 'solid-js';",
        "import type { Session } from './session.js';",
        'export const SessionContext = createContext<Session>({} as Session);',
      ),
      options: STRICT_EMPTY,
    },
    {
      code: lines(
        "import { inject, provide } from 'vue';",
        "import type { Theme } from './theme.js';",
        "provide('theme', {} as Theme);",
        "export const theme = inject('theme', {} as Theme);",
      ),
      options: STRICT_EMPTY,
    },
    // Destructuring and parameter defaults.
    {
      code: lines(
        "import type { RouteMeta } from './router.js';",
        'declare const route: { meta?: RouteMeta };',
        'export const { meta = {} as RouteMeta } = route;',
        'export function open(options = {} as RouteMeta) { return options; }',
      ),
      options: STRICT_EMPTY,
    },
    // A Proxy target: the handler answers for it.
    {
      code: lines(
        "import type { Api } from './api.js';",
        'declare const handler: ProxyHandler<Api>;',
        'export const api = new Proxy({} as Api, handler);',
      ),
      options: STRICT_EMPTY,
    },
    // A class field a method assigns later, whatever its type.
    {
      code: lines(
        "import type { Settings } from './settings.js';",
        'declare function fetchSettings(): Settings;',
        'export class Panel {',
        '  settings = {} as Settings;',
        '  #theme = {} as Settings;',
        '  load() { this.settings = fetchSettings(); }',
        "  paint() { this.#theme.name = 'dark'; }",
        '  reload = async () => {',
        '    this.layout = fetchSettings();',
        '  };',
        '  layout = {} as Settings;',
        '}',
      ),
      options: STRICT_EMPTY,
    },
    // Empty-until-loaded state: React and Preact hooks and their setters, Vue's reactivity (imported or auto-imported).
    {
      code: lines(
        "import { useState } from 'react';",
        "import type { User } from './user.js';",
        'export function useUser() {',
        '  const [user, setUser] = useState({} as User);',
        '  const [draft] = useState(() => ({}) as User);',
        '  const reset = () => setUser({} as User);',
        '  return { user, draft, reset };',
        '}',
      ),
      options: STRICT_EMPTY,
    },
    {
      code: lines(
        "import { useState } from 'preact/hooks';",
        "import type { User } from './user.js';",
        'export const useUser = () => useState({} as User);',
      ),
      options: STRICT_EMPTY,
    },
    {
      code: lines(
        "import { reactive, ref, shallowRef } from 'vue';",
        "import type { User } from './user.js';",
        'export const user = ref({} as User);',
        'export const form = reactive({} as User);',
        'export const cached = shallowRef({} as User);',
      ),
      options: STRICT_EMPTY,
    },
    {
      // Nuxt and unplugin-auto-import: `ref` is a global nothing declares.
      code: "import type { User } from './user.js';\nexport const user = ref({} as User);",
      options: STRICT_EMPTY,
    },
    {
      // Pinia's options store: state empty until an action loads it.
      code: lines(
        "import { defineStore } from 'pinia';",
        "import type { User } from './user.js';",
        "export const useUserStore = defineStore('user', { state: () => ({ user: {} as User, loaded: false }) });",
      ),
      options: STRICT_EMPTY,
    },
  ],
  invalid: [
    {
      code: updatedInLoop,
      errors: [
        beforeSet(
          'updated',
          updatedInLoop,
          '{} as Totals',
          'totals.debit',
          4,
          annotate('Totals', updatedInLoop.replace('const totals = {} as Totals;', 'const totals: Totals = {};')),
        ),
      ],
    },
    {
      code: pushedAtOnce,
      errors: [
        beforeSet(
          'used',
          pushedAtOnce,
          '{} as Cart',
          'cart.items',
          3,
          annotate('Cart', pushedAtOnce.replace('const cart = {} as Cart;', 'const cart: Cart = {};')),
        ),
      ],
    },
    {
      code: calledAtOnce,
      errors: [
        beforeSet(
          'used',
          calledAtOnce,
          '{} as Config',
          'config.db',
          5,
          annotate('Config', calledAtOnce.replace('const config = {} as Config;', 'const config: Config = {};')),
        ),
      ],
    },
    {
      code: countedInForEach,
      errors: [
        beforeSet(
          'updated',
          countedInForEach,
          '{} as Stats',
          'stats.seen',
          6,
          annotate('Stats', countedInForEach.replace('const stats = {} as Stats;', 'const stats: Stats = {};')),
        ),
      ],
    },
    { code: reducedWithPush, errors: [beforeSet('used', reducedWithPush, '{} as Bucket', 'acc.items', 4)] },
    // Test files are linted when asked for.
    {
      code: pushedAtOnce,
      filename: 'src/cart.spec.ts',
      options: [{ checkTestFiles: true }],
      errors: [
        beforeSet(
          'used',
          pushedAtOnce,
          '{} as Cart',
          'cart.items',
          3,
          annotate('Cart', pushedAtOnce.replace('const cart = {} as Cart;', 'const cart: Cart = {};')),
        ),
      ],
    },
    // A local function named like a framework API is not one.
    {
      code: localCreateContext,
      options: STRICT_EMPTY,
      errors: [emptyAsserted(localCreateContext, '{} as Auth', 'Auth')],
    },
    {
      code: localUseState,
      options: STRICT_EMPTY,
      errors: [emptyAsserted(localUseState, '{} as User', 'User')],
    },
    // A class field no method assigns.
    {
      code: fieldNobodySets,
      options: STRICT_EMPTY,
      errors: [emptyAsserted(fieldNobodySets, '{} as Settings', 'Settings')],
    },
  ],
});

// The "annotate instead" suggestion removes only the assertion's own syntax: comments, line endings and layout stay.
const commentBeforeAs = lines(
  "import type { Config } from './config.js';",
  'const config = {} /* filled by boot() */ as Config;',
  'export { config };',
);
const crlfLineComment = [
  "import type { Config } from './config.js';",
  'export function boot() {',
  '  const config = {',
  '    // filled below',
  '  } /* by boot() */ as Config;',
  '  config.db.connect();',
  '}',
  '',
].join('\r\n');
const angleBracket = lines(
  'interface Settings { port: number }',
  'const settings = <Settings>/* defaults */ {};',
  'export { settings };',
);
const objectUnion = lines(
  "const shape = {} as { kind: 'square'; side: number } | { kind: 'circle'; radius: number };",
  'export { shape };',
);

createRuleTester().run('no-partial-state (suggestions)', rule, {
  valid: [],
  invalid: [
    {
      code: commentBeforeAs,
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          commentBeforeAs,
          '{} /* filled by boot() */ as Config',
          'Config',
          annotate(
            'Config',
            lines(
              "import type { Config } from './config.js';",
              'const config: Config = {} /* filled by boot() */;',
              'export { config };',
            ),
          ),
        ),
      ],
    },
    {
      code: crlfLineComment,
      errors: [
        beforeSet(
          'used',
          crlfLineComment,
          '{\r\n    // filled below\r\n  } /* by boot() */ as Config',
          'config.db',
          6,
          annotate(
            'Config',
            [
              "import type { Config } from './config.js';",
              'export function boot() {',
              '  const config: Config = {',
              '    // filled below',
              '  } /* by boot() */;',
              '  config.db.connect();',
              '}',
              '',
            ].join('\r\n'),
          ),
        ),
      ],
    },
    {
      code: angleBracket,
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          angleBracket,
          '<Settings>/* defaults */ {}',
          'Settings',
          annotate(
            'Settings',
            lines(
              'interface Settings { port: number }',
              'const settings: Settings = /* defaults */ {};',
              'export { settings };',
            ),
          ),
        ),
      ],
    },
    {
      // No suggestion: annotating a union of objects narrows `shape` to one member for the code that follows.
      code: objectUnion,
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          objectUnion,
          "{} as { kind: 'square'; side: number } | { kind: 'circle'; radius: number }",
          "{ kind: 'square'; side: numbe…",
        ),
      ],
    },
  ],
});

// Types decide which properties are required: only those count as evidence.
const typedUpdate = lines(
  "import type { Totals } from './partial-state.js';",
  'declare const xs: number[];',
  'export function sum() {',
  '  const totals = {} as Totals;',
  '  for (const x of xs) totals.sum += x;',
  '  return totals;',
  '}',
);
const partialState = lines(
  "import { useState } from 'react';",
  "import type { Config } from './partial-state.js';",
  'export const useConfig = () => useState({ port: 1 } as Config);',
);

createTypedRuleTester().run('no-partial-state (evidence, type-aware)', rule, {
  valid: [
    // An optional property is no evidence: its type says it may be absent.
    lines(
      "import type { Options } from './partial-state.js';",
      'export function label() {',
      '  const options = {} as Options;',
      '  return options.name?.toUpperCase();',
      '}',
    ),
    // A context default may be partial: consumers are rendered inside the provider.
    lines(
      "import { createContext } from 'react';",
      "import type { Config } from './partial-state.js';",
      'export const ConfigContext = createContext({ port: 1 } as Config);',
    ),
  ],
  invalid: [
    {
      code: typedUpdate,
      errors: [
        beforeSet(
          'updated',
          typedUpdate,
          '{} as Totals',
          'totals.sum',
          5,
          annotate('Totals', typedUpdate.replace('const totals = {} as Totals;', 'const totals: Totals = {};')),
        ),
      ],
    },
    {
      // Only an empty `{}` is empty-until-loaded state; a partial literal is the incident's shape (judged here
      // without evidence, as `strict` does: the state hook is no excuse for it).
      code: partialState,
      options: [{ reportPartialWithoutEvidence: true }],
      errors: [
        {
          messageId: 'missingProperties',
          data: { type: 'Config', properties: '`host`' },
          ...locate(partialState, '{ port: 1 } as Config'),
          suggestions: [],
        },
      ],
    },
  ],
});

describe('isTestFile', () => {
  const cwd = '/home/dev/shop';
  it('knows test names and test folders inside the project', () => {
    expect(isTestFile('/home/dev/shop/src/cart.test.ts', cwd)).toBe(true);
    expect(isTestFile('/home/dev/shop/src/Cart.spec.vue', cwd)).toBe(true);
    expect(isTestFile('/home/dev/shop/src/__tests__/cart.ts', cwd)).toBe(true);
    expect(isTestFile('/home/dev/shop/__mocks__/fs.js', cwd)).toBe(true);
    expect(isTestFile('/home/dev/shop/e2e/checkout.ts', cwd)).toBe(true);
  });
  it('leaves source files alone, also when the project itself sits in a test folder', () => {
    expect(isTestFile('/home/dev/shop/src/cart.ts', cwd)).toBe(false);
    expect(isTestFile('/home/dev/shop/src/testing.ts', cwd)).toBe(false);
    expect(isTestFile('/home/dev/shop/src/contest/entry.ts', cwd)).toBe(false);
    expect(isTestFile('/srv/test/shop/src/cart.ts', '/srv/test/shop')).toBe(false);
  });
  it('reads the folders of a relative name', () => {
    expect(isTestFile('tests/cart.ts', cwd)).toBe(true);
    expect(isTestFile('<input>', cwd)).toBe(false);
  });
  it('reads a path below the project off the string exactly as `path.relative` would', () => {
    // The definition by `path.relative`, which the string fast path must agree with on every path.
    const byRelative = (filename: string, base: string): boolean => {
      if (/\.(?:test|spec)\.[a-z]+$/i.test(filename.replaceAll('\\', '/').split('/').at(-1) ?? '')) return true;
      // A name without folders to resolve (`<input>`, `tests/cart.ts`) is read as it stands.
      const relative = path.isAbsolute(filename)
        ? path.relative(base, filename).replaceAll('\\', '/')
        : filename.replaceAll('\\', '/');
      if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
      const folders = relative.split('/').slice(0, -1);
      return folders.some((folder) =>
        ['__tests__', '__mocks__', '__fixtures__', 'test', 'tests', 'spec', 'e2e', 'cypress'].includes(folder),
      );
    };
    const bases = ['/home/dev/shop', '/home/dev/shop/', '/', '/home/dev/../dev/shop', 'shop', '/home/dev/shop/tests'];
    const tails = [
      'src/cart.ts',
      'tests/cart.ts',
      'src/tests/cart.ts',
      'tests',
      '',
      'src//tests/cart.ts',
      'src/./tests/cart.ts',
      'tests/../src/cart.ts',
      '../shop/tests/cart.ts',
      'src/tests/',
      'src/tests/.',
      'src/..tests/cart.ts',
      '.tests/cart.ts',
      'src\\tests\\cart.ts',
      'e2e/a/b/c.ts',
    ];
    for (const base of bases) {
      for (const prefix of [base, '/home/dev/shop', '/home/dev/shopping', '/home/dev']) {
        for (const tail of tails) {
          const filename = `${prefix}/${tail}`;
          expect(isTestFile(filename, base), `${filename} in ${base}`).toBe(byRelative(filename, base));
        }
      }
    }
    expect(isTestFile('/home/dev/shop/src//tests/cart.ts', '/home/dev/shop')).toBe(true);
    expect(isTestFile('/home/dev/shop/tests/../src/cart.ts', '/home/dev/shop')).toBe(false);
    expect(isTestFile('/home/dev/shopping/tests/cart.ts', '/home/dev/shop')).toBe(false);
  });
});
