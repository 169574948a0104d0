import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-partial-state/index.js';
import { getProvidedProperties, getTargetShapes } from '../../src/rules/no-partial-state/required-properties.js';
import { createJsRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester.js';
import { at, type Position } from '../util/probe-rule.js';

const lines = (...text: string[]) => text.join('\n');

const annotate = (type: string, output: string) => [{ messageId: 'annotateInstead' as const, data: { type }, output }];

/** An asserted literal, with types: the assertion, its type and what is missing. */
const missingProperties = (type: string, properties: string, position: Position, annotated?: string) => ({
  messageId: 'missingProperties' as const,
  data: { type, properties },
  ...position,
  suggestions: annotated === undefined ? [] : annotate(type, annotated),
});

/** The builder idiom: the declarator and what is never assigned before the first use. */
const incompleteBuilder = (name: string, properties: string, position: Position) => ({
  messageId: 'incompleteBuilder' as const,
  data: { name, properties },
  ...position,
});

/** An asserted literal, without types: `{}` asserted to a named type. */
const emptyAsserted = (type: string, position: Position, annotated?: string) => ({
  messageId: 'emptyAsserted' as const,
  data: { type },
  ...position,
  suggestions: annotated === undefined ? [] : annotate(type, annotated),
});

const ACTUAL = { undefined: '`undefined`', null: '`null`', empty: 'an empty object' };
/** A filler property value. */
const filler = (property: string, value: string, actual: keyof typeof ACTUAL, position: Position) => ({
  messageId: 'fillerValue' as const,
  data: { property, value, actual: ACTUAL[actual] },
  ...position,
});

/** A `x!: T` field nothing assigns. */
const neverAssigned = (name: string, position: Position) => ({
  messageId: 'neverAssigned' as const,
  data: { name },
  ...position,
});

/** Also report `{} as T` with no evidence of a misuse, as the `strict` config does. */
const STRICT_EMPTY = [{ reportEmptyWithoutEvidence: true }] as const;
/** Also report a partial `{ … } as T` with no evidence of a read, as the `strict` config does: how its shape is judged. */
const STRICT_PARTIAL = [{ reportPartialWithoutEvidence: true }] as const;
const STRICT_BOTH = [{ reportEmptyWithoutEvidence: true, reportPartialWithoutEvidence: true }] as const;

/** An empty `{}` whose property is updated (`+=`, `++`) or used (`.push`, `()`) before anything sets it. */
const beforeSet = (
  kind: 'updated' | 'used',
  access: string,
  line: number,
  position: Position,
  suggestions: ReturnType<typeof annotate> = [],
) => ({
  messageId: kind === 'updated' ? ('updatedBeforeSet' as const) : ('usedBeforeSet' as const),
  data: { access, line },
  ...position,
  suggestions,
});

const IMPORT_STATE = "import type { AppState, Config, RpcRequest, Totals } from './partial-state.js';";
const IMPORT_CONNECTIONS = "import type { Db, Registry, Redis } from './partial-base.js';";
const DECLARE_CONNECTIONS = 'declare const db: Db, registry: Registry, redis: Redis;';
const FMT = "import { defineBlock, type Block, type ChainBlock } from './partial-formatters.js';";
const RPC = "import type { RpcRequest } from './partial-state.js';\ndeclare function send(request: RpcRequest): void;";

// Cases that behave the same with and without type information.
const sharedValid = [
  // Fillers nothing is seen to read before they are set: a defaults template, a state filled elsewhere.
  'const state = { db: undefined as any, cache: null as any, port: 8080 };\nexport default state;',
  'interface Job { id: string; retries: number }\nexport default <Job>{ id: null!, retries: 3 };',
  'const defaults = { host: null!, port: 80 };\nexport function connect(over: object) { return { ...defaults, ...over }; }',
  // `todo()` throws while the object is built: no-placeholder-throw reports that call, not this rule.
  'declare function todo(): never;\nconst state = { db: todo(), port: 8080 };',
  // Real values, `null` and `undefined` without an assertion (the type says they may be absent).
  'const state = { cache: undefined, parent: null, count: 0 };',
  // rxjs-style teardown: an assignment, not an object literal property.
  'class Subscriber { private destination: { next(): void } = { next() {} }; unsubscribe() { this.destination = null!; } }',
  // Destructuring defaults are not object literals.
  'function f({ a = undefined as any } = {}) { return a; }',
  // Shorthand and ordinary assertions of non-literals.
  'declare const raw: unknown;\nconst config = raw as { port: number };\nconst state = { config };',
  // `as const`, `as any`, `as unknown` claim no shape.
  "const modes = { dark: 'dark', light: 'light' } as const;",
  'const loose = {} as any;',
  'const opaque = {} as unknown;',
  // Open-ended targets: dictionaries, Partial, type parameters.
  'const counts = {} as Record<string, number>;',
  'interface Draft { title?: string; body?: string }\nconst draft = {} as Draft;',
  'const draft = {} as Partial<{ title: string }>;',
  'function empty<T>(): T { return {} as T; }',
  'type Scores = { [player: string]: number };\nconst scores = {} as Scores;',
  // Definite-assignment fields that something assigns.
  'class Conn { private socket!: WebSocket; open() { this.socket = new WebSocket("wss://example.test"); } send(d: string) { this.socket.send(d); } }',
  'class Conn { private socket!: WebSocket; open = () => { this.socket = new WebSocket("wss://example.test"); }; }',
  'class Conn { private socket!: WebSocket; open() { setTimeout(function (this: Conn) { this.socket = new WebSocket("wss://x.test"); }); } }',
  'class Conn { #socket!: WebSocket; constructor() { this.#socket = new WebSocket("wss://example.test"); } }',
  'class Pair { private a!: number; private b!: number; set(v: [number, number]) { [this.a, this.b] = v; } }',
  'class Box { private v!: number; load(o: { v: number }) { ({ v: this.v } = o); } }',
  'class Store { private items!: string[]; constructor(init: object) { Object.assign(this, init); } }',
  'class Store { private items!: string[]; constructor(key: string) { this[key as "items"] = []; } }',
  'declare function defineProperties<T>(target: T, values: Partial<T>): void;\nclass Provider { private apiKey!: string; constructor(apiKey: string) { defineProperties<Provider>(this, { apiKey } as never); } key() { return this.apiKey; } }',
  // A decorator (DI, framework inputs) sets the field.
  'class Comp { @Input() name!: string; @ViewChild("el") private el!: HTMLElement; }',
  // Statics, declarations and overrides are out of scope.
  'class Cache { static instance: Cache; private static shared?: Cache; }',
  'class Base { value: unknown = 1; }\nclass Child extends Base { declare value: number; }',
  'class Base { value: unknown = 1; }\nclass Child extends Base { override value!: number; }',
  // Public and protected fields may be set by callers and subclasses.
  'export class Options { name!: string; describe() { return this.name; } }',
  'class Dto { name!: string; age!: number; }',
  // Phantom type members: never read at run time.
  "class RejectWithValue<P> { private readonly _type!: 'RejectWithValue'; constructor(readonly payload: P) {} }",
  'class Impl<A> { readonly _A!: A; constructor(readonly value: number) {} map() { return new Impl<A>(this.value); } }',
  'class Base { protected conn!: string; }\nclass Child extends Base { init() { this.conn = "x"; } }',
  'class Widget { label!: string; render() { return this.label; } }\nconst widget = new Widget();\nwidget.label = "ok";',
  'class Widget { label!: string; render() { return this.label; } }\nconst widget = Object.assign(new Widget(), { label: "ok" });',
  '@Component class Widget { label!: string; render() { return this.label; } }',
  // `as never` claims no value at all: viem clears a field on purpose (`account: null as never`).
  'declare function readContract(options: { account: { address: string }; to: string }): void;\nreadContract({ account: null as never, to: "0x0" });',
  'const options = { name: undefined as never, timeout: 1 };',
  // The empty fallback idiom for data that may be absent: readers treat every field as maybe missing.
  'interface Ctx { events: string[] }\ndeclare const json: { context?: Ctx };\nconst ctx = json.context || ({} as Ctx);',
  'interface Caps { audio: boolean }\ndeclare const msg: { caps?: Caps };\nexport const caps = msg.caps ?? <Caps>{};',
  'interface Rules { global: string[] }\nlet rules: Rules | undefined;\nrules ??= {} as Rules;\nrules ||= {} as Rules;',
  'interface Rules { global: string[] }\ndeclare const store: { rules?: Rules };\nif (!store.rules) store.rules = {} as Rules;\nif (store.rules == null) { store.rules = <Rules>{}; }',
  'interface Data { next: string }\ndeclare const rows: Data[];\nexport const first = rows.length > 0 ? rows[0] : ({} as Data);',
  // What a type parameter's type requires depends on the call: not judged.
  'interface Box<T> { value: T; id: string }\nexport function box<T>(value: T) { return [{ value } as Box<T>, {} as Box<T>]; }',
  'interface Box<T> { value: T; id: string }\nclass Holder<T> { make() { return { slot: {} as Box<T> }; } }',
  // A filler that breaks a cycle and is written once the object exists.
  lines(
    'interface Entry { refCount: number; finalizer: () => void }',
    'declare function release(entry: Entry): () => void;',
    'export function acquire() {',
    '  const entry: Entry = { refCount: 1, finalizer: undefined as any };',
    '  (entry as any).finalizer = release(entry);',
    '  return entry;',
    '}',
  ),
  lines(
    'interface Entry { refCount: number; finalizer: () => void }',
    'const entry = { refCount: 1, finalizer: null! } satisfies Entry;',
    'Object.assign(entry, { finalizer: () => {} });',
  ),
  'class Base {}\nclass Widget extends Base { label!: string; render() { return this.label; } }',
];

const sharedInvalid = [
  {
    // The same defaults template that is quiet without the option, judged on its shape.
    code: 'interface Job { id: string; retries: number }\nexport default <Job>{ id: null!, retries: 3 };',
    options: STRICT_PARTIAL,
    errors: [filler('id', 'null!', 'null', at(2, 27, 32))],
  },
  {
    // A filler is a property left out in disguise: reported by default once it is seen used before anything sets it.
    code: lines('const state = { db: undefined as any, port: 8080 };', 'state.db.query();'),
    errors: [filler('db', 'undefined as any', 'undefined', at(1, 21, 37))],
  },
  {
    code: lines(
      'function start(s: { db: { query(): void } }) {',
      '  s.db.query();',
      '}',
      'const state = { db: null as any };',
      'start(state);',
    ),
    errors: [filler('db', 'null as any', 'null', at(4, 21, 32))],
  },
  {
    code: 'const state = { db: undefined as any, cache: null as any, port: 8080 };',
    options: STRICT_PARTIAL,
    errors: [
      filler('db', 'undefined as any', 'undefined', at(1, 21, 37)),
      filler('cache', 'null as any', 'null', at(1, 46, 57)),
    ],
  },
  {
    code: 'interface Db { query(): void }\nconst state = { db: null!, redis: undefined!, registry: <any>undefined, auth: void 0 as any };',
    options: STRICT_PARTIAL,
    errors: [
      filler('db', 'null!', 'null', at(2, 21, 26)),
      filler('redis', 'undefined!', 'undefined', at(2, 35, 45)),
      filler('registry', '<any>undefined', 'undefined', at(2, 57, 71)),
      filler('auth', 'void 0 as any', 'undefined', at(2, 79, 92)),
    ],
  },
  {
    code: lines(
      "import type { Db } from './partial-base.js';",
      'export function createState() {',
      '  return {',
      '    db: undefined as unknown as Db,',
      "    'auth-client': null as unknown as { verify(): boolean },",
      '  };',
      '}',
    ),
    options: STRICT_PARTIAL,
    errors: [
      filler('db', 'undefined as unknown as Db', 'undefined', at(4, 9, 35)),
      filler('auth-client', 'null as unknown as { verify(): boolean }', 'null', at(5, 20, 60)),
    ],
  },
  {
    // Another property written, or the property written on a copy: the filler stays.
    code: lines(
      'const entry = { refCount: 1, finalizer: undefined as any };',
      'entry.refCount = 2;',
      'const other = { finalizer: null as any };',
      'const copy = { ...other };',
      'copy.finalizer = () => {};',
    ),
    options: STRICT_PARTIAL,
    errors: [
      filler('finalizer', 'undefined as any', 'undefined', at(1, 41, 57)),
      filler('finalizer', 'null as any', 'null', at(3, 28, 39)),
    ],
  },
  {
    // Test doubles are deliberate partial objects: the docs show a `files` override for them.
    code: 'const repo = { find: () => undefined, db: null as any };',
    options: STRICT_PARTIAL,
    errors: [filler('db', 'null as any', 'null', at(1, 43, 54))],
  },
  {
    code: 'class Session { private socket!: WebSocket; send(d: string) { this.socket.send(d); } }',
    errors: [neverAssigned('socket', at(1, 25, 31))],
  },
  {
    code: lines(
      'class Session {',
      '  #socket!: WebSocket;',
      '  protected retries!: number;',
      '  label!: string;',
      '  private readonly ready!: Promise<void>;',
      '  describe() { return `${this.label} ${this.retries}`; }',
      '  send(d: string) { return this.ready.then(() => this.#socket.send(d)); }',
      '}',
    ),
    errors: [
      neverAssigned('#socket', at(2, 3, 10)),
      neverAssigned('retries', at(3, 13, 20)),
      neverAssigned('label', at(4, 3, 8)),
      neverAssigned('ready', at(5, 20, 25)),
    ],
  },
  {
    // Assigned in another class does not count for a private field.
    code: 'class A { private conn!: string; get() { return this.conn; } }\nclass B { private conn = ""; reset() { this.conn = "x"; } }',
    errors: [neverAssigned('conn', at(1, 19, 23))],
  },
  {
    // A decorated class sets public fields, not private ones.
    code: '@Injectable() class Service { private client!: { get(): void }; run() { this.client.get(); } }',
    errors: [neverAssigned('client', at(1, 39, 45))],
  },
];

createRuleTester().run('no-partial-state (syntactic)', rule, {
  valid: [
    ...sharedValid,
    // Without types, a literal with properties is never judged: its target's properties are unknown.
    "import type { AppState } from './partial-state.js';\nconst state = { db: 1 } as AppState;",
    // The builder idiom: filled in after the assertion.
    lines(RPC, 'const req = {} as RpcRequest;', 'req.id = 1;', 'send(req);'),
    // Dictionaries filled with computed keys.
    lines(
      "import type { Totals } from './partial-state.js';",
      'const byKey = {} as Totals;',
      'for (const k of ["a"]) byKey[k as "sum"] = 1;',
    ),
    lines(
      "import type { Totals } from './partial-state.js';",
      'declare const rows: { key: string; n: number }[];',
      'const totals = rows.reduce((acc, row) => { acc[row.key as "sum"] = row.n; return acc; }, {} as Totals);',
    ),
    // Local types that are open-ended.
    'type Counts = Record<string, number>;\nconst counts = {} as Counts;',
    'interface Bag { [key: string]: unknown; label: string }\nconst bag = {} as Bag;',
    'type Maybe = { a?: number } | undefined;\nconst m = {} as Maybe;',
    'const r = {} as Readonly<Partial<{ a: number }>>;',
    'function make<T extends object>() { const out = {} as T; return out; }',
    'const listeners = {} as { [event: string]: () => void };',
    // Nested `{}` asserted to an open-ended type.
    'const state = { cache: {} as Record<string, string> };',
  ],
  invalid: [
    ...sharedInvalid,
    {
      code: lines(
        "import type { AppState } from './partial-state.js';",
        'const state = {} as AppState;',
        'export default state;',
      ),
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          'AppState',
          at(2, 15, 29),
          lines(
            "import type { AppState } from './partial-state.js';",
            'const state: AppState = {};',
            'export default state;',
          ),
        ),
      ],
    },
    {
      code: lines(
        "import type { Totals } from './partial-state.js';",
        'declare const xs: number[];',
        'export const totals = xs.reduce((acc, x) => { acc.count++; acc.sum += x; return acc; }, {} as Totals);',
      ),
      errors: [beforeSet('updated', 'acc.count', 3, at(3, 89, 101))],
    },
    {
      code: 'interface Settings { port: number }\nconst s = <Settings>{};\nexport { s };',
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          'Settings',
          at(2, 11, 23),
          'interface Settings { port: number }\nconst s: Settings = {};\nexport { s };',
        ),
      ],
    },
    {
      code: "import type { Config } from './partial-state.js';\nexport const config = {} as unknown as Config;",
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          'Config',
          at(2, 23, 46),
          "import type { Config } from './partial-state.js';\nexport const config: Config = {};",
        ),
      ],
    },
    {
      code: "import type { Config } from './partial-state.js';\nexport const state = { config: {} as Config, ready: true };",
      options: STRICT_EMPTY,
      errors: [filler('config', '{} as Config', 'empty', at(2, 32, 44))],
    },
    {
      // The builder is used before anything is assigned.
      code: lines(RPC, 'const req = {} as RpcRequest;', 'send(req);', 'req.id = 1;'),
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          'RpcRequest',
          at(3, 13, 29),
          lines(RPC, 'const req: RpcRequest = {};', 'send(req);', 'req.id = 1;'),
        ),
      ],
    },
    {
      // Only `if (!x) x = {} as T` is the lazy default; another test, or an `else`, is not.
      code: lines(
        'interface Rules { global: string[] }',
        'declare const store: { rules?: Rules; ready: boolean };',
        'if (!store.ready) store.rules = {} as Rules;',
        'if (!store.rules) store.rules = {} as Rules; else store.ready = true;',
      ),
      options: STRICT_EMPTY,
      errors: [emptyAsserted('Rules', at(3, 33, 44)), emptyAsserted('Rules', at(4, 33, 44))],
    },
    {
      code: 'type Point = { x: number } | null;\nconst p = {} as Point;\nexport { p };',
      options: STRICT_EMPTY,
      errors: [
        emptyAsserted(
          'Point',
          at(2, 11, 22),
          'type Point = { x: number } | null;\nconst p: Point = {};\nexport { p };',
        ),
      ],
    },
  ],
});

createJsRuleTester().run('no-partial-state (JavaScript)', rule, {
  valid: [
    'const state = { db: undefined, redis: null };',
    'class Session { socket; open() { this.socket = 1; } }',
    'const x = { a: 1 }; x.b = 2;',
  ],
  invalid: [],
});

// One typed tester for every type-aware case: the fixture project is loaded once.
createTypedRuleTester().run('no-partial-state (type-aware)', rule, {
  valid: [
    ...sharedValid,
    // Complete literals, through every kind of assertion.
    lines(
      IMPORT_STATE,
      IMPORT_CONNECTIONS,
      DECLARE_CONNECTIONS,
      'declare const config: Config;',
      'const s = { db, registry, redis, config, encryption: { key: "k" }, authClient: { verify: () => true } } as AppState;',
    ),
    lines(IMPORT_STATE, 'const c = <Config>{ port: 1, host: "h" };'),
    lines(IMPORT_STATE, 'const c = ({ port: 1, host: "h" } satisfies Config) as Config;'),
    lines(IMPORT_STATE, 'const c = { port: 1, host: "h", extra: true } as unknown as Config;'),
    // Optional members and `undefined`-typed members that are present.
    lines(IMPORT_STATE, 'const r = { id: 1, method: "m", trace: undefined } as RpcRequest;'),
    // Open-ended targets.
    "import type { Counts, Options, Scores } from './partial-state.js';\nconst a = {} as Counts, b = {} as Options, c = {} as Scores;",
    "import type { AppState } from './partial-state.js';\nconst draft = {} as Partial<AppState>;",
    'function make<T>() { return {} as T; }',
    "import type { Identified } from './partial-generics.js';\nfunction make<T extends Identified>() { return {} as T; }",
    "import type { Page } from './partial-generics.js';\nfunction make<T>(): Page<T> & T { return { items: [], total: 0 } as Page<T> & T; }",
    "import type { Identified } from './partial-generics.js';\nfunction tag<T>(x: T) { return { ...x } as T & Identified; }",
    'const o = {} as object;',
    'const e = {} as {};',
    // Unions: one satisfied member is enough; extra properties do not matter.
    "import type { Shape } from './partial-shapes.js';\nconst c = { kind: 'circle', radius: 1 } as Shape;",
    "import type { Shape } from './partial-shapes.js';\nconst s = { kind: 'square', side: 2, color: 'red' } as Shape;",
    "import type { Loose } from './partial-shapes.js';\nconst l = { a: 1 } as Loose;",
    "import type { Config } from './partial-state.js';\nconst c = { port: 1, host: 'h' } as Config | undefined;",
    // Targets no object literal can be: callables, branded primitives, arrays, tuples.
    "import type { Callable } from './partial-shapes.js';\nconst c = { label: 'x' } as Callable;",
    "import type { UserId } from './partial-shapes.js';\nconst id = {} as UserId;",
    'const list = {} as string[];',
    'const pair = {} as [number, string];',
    // Too large a union to judge: given up, not hung.
    "import type { Big } from './partial-shapes.js';\nconst b = { k: 0 } as Big;",
    // Spreads: by the spread expression's type.
    "import { connections, type AppState } from './partial-state.js';\ndeclare const rest: Pick<AppState, 'config' | 'encryption' | 'authClient'>;\nconst s = { ...connections, ...rest } as AppState;",
    "import type { AppState } from './partial-state.js';\ndeclare const anything: any;\nconst s = { ...anything } as AppState;",
    "import type { AppState } from './partial-state.js';\ndeclare const bag: Record<string, unknown>;\nconst s = { ...bag } as AppState;",
    "import { options, type Options } from './partial-state.js';\nconst o = { ...options } as Options;",
    // A spread supplies what its type declares, optional members included (viem's `formatBlock`).
    "import type { AppState } from './partial-state.js';\nexport function format(state: Partial<AppState>) { return { ...state, config: { port: 1, host: 'h' } } as AppState; }",
    "import { partialState, type AppState } from './partial-state.js';\nconst s = { ...partialState } as AppState;",
    "import type { Config } from './partial-state.js';\ndeclare const port: number | undefined;\nconst c = { host: 'h', ...(port ? { port } : {}) } as Config;",
    // A spread typed `object` or `{}` may bring any key: not judged (viem's `getContract`).
    "import type { Config } from './partial-state.js';\ndeclare const options: object;\nconst c = { host: 'h', ...options } as unknown as Config;",
    "import type { Config } from './partial-state.js';\ndeclare const options: {};\nconst c = { host: 'h', ...options } as Config;",
    // Left out, a `T | undefined` member reads as `undefined`, which its type makes every reader handle.
    lines(IMPORT_STATE, "export function ping() { return { id: 1, method: 'ping' } as RpcRequest; }"),
    // A callback whose result the callee is generic in: it infers the type from this very object
    // (viem's chain formatters, merged over the base formatter's output by `defineFormatter`).
    lines(
      FMT,
      "export const block = defineBlock({ format(): ChainBlock { return { stateRoot: '0x' } as ChainBlock; } });",
    ),
    lines(FMT, "export const block = defineBlock({ format: () => ({ stateRoot: '0x' }) as ChainBlock });"),
    lines(
      FMT,
      'export const block = defineBlock({',
      '  format(args): Block {',
      '    const block = {} as Block;',
      "    if (typeof args === 'string') block.hash = args;",
      '    return block;',
      '  },',
      '});',
    ),
    lines(
      FMT,
      'export const block = defineBlock({',
      '  format(args) {',
      '    const block = {} as ChainBlock;',
      "    if (typeof args === 'string') block.stateRoot = args;",
      "    return { ...block, hash: 'h' } as ChainBlock;",
      '  },',
      '});',
    ),
    // Merged over a target by `Object.assign`: the target supplies the rest (viem's websocket).
    lines(
      "import type { Socket } from './partial-formatters.js';",
      'declare const ws: WebSocket;',
      'export const socket = Object.assign(ws, { ping() {}, request(body: string) { ws.send(body); } } as Socket);',
    ),
    // A required property of a type built from a type parameter (viem's `decodeDeployData`).
    lines(
      "import type { DeployData } from './partial-formatters.js';",
      'export function decode<Abi>(bytecode: string): DeployData<Abi> { return { bytecode } as DeployData<Abi>; }',
    ),
    // A promise executor runs at once, also through a cast constructor (Redux's query lifecycle).
    lines(
      "import type { Lifecycle, PromiseWithReason } from './partial-formatters.js';",
      'declare const registry: Map<string, Lifecycle>;',
      'export function start() {',
      '  const lifecycle = {} as Lifecycle;',
      '  const done = new (Promise as PromiseWithReason)<number, Error>((resolve, reject) => {',
      '    lifecycle.resolve = resolve;',
      '    lifecycle.reject = reject;',
      '  });',
      '  done.catch(() => {});',
      "  registry.set('a', lifecycle);",
      '}',
    ),
    // Nested `{}` asserted to an all-optional type.
    "import type { Options } from './partial-state.js';\nconst s = { options: {} as Options };",
    // `undefined as unknown as T` where `T` admits `undefined`.
    "import type { Config } from './partial-state.js';\nconst s = { config: undefined as unknown as Config | undefined };",
    // The builder idiom: every required property assigned before the first use.
    lines(
      RPC,
      'export function make(): RpcRequest {',
      '  const req = {} as RpcRequest;',
      '  req.id = 1;',
      "  req.method = 'ping';",
      '  req.trace = undefined;',
      '  return req;',
      '}',
    ),
    lines(
      RPC,
      'export function make(ok: boolean) {',
      '  const req = {} as RpcRequest;',
      '  req.id = 1;',
      "  if (ok) { req.method = 'a'; } else { req.method = 'b'; }",
      '  req.trace = req.method;',
      '  send(req);',
      '}',
    ),
    lines(
      RPC,
      'export function make(ok: boolean) {',
      '  const req = {} as RpcRequest;',
      "  if (!ok) { throw new Error('closed'); } else { req.id = 2; }",
      "  if (ok) { console.log('ready'); }",
      "  req.method = 'm', req.trace = '';",
      '  send(req);',
      '}',
    ),
    lines(
      RPC,
      'export function make() {',
      '  const req = { id: 1 } as RpcRequest;',
      "  req['method'] = String(req.id);",
      '  req.trace = "";',
      '  send(req);',
      '}',
    ),
    lines(
      RPC,
      'export function make() {',
      '  const req = {} as RpcRequest;',
      "  Object.assign(req, { id: 1, method: 'x' }, { trace: undefined });",
      '  send(req);',
      '}',
    ),
    lines(
      RPC,
      'declare const defaults: any;',
      'const req = {} as RpcRequest;',
      'Object.assign(req, defaults);',
      'send(req);',
    ),
    // Filled in with computed keys: which properties it gets is not knowable.
    lines(
      IMPORT_STATE,
      'export function zero(keys: (keyof Totals)[]) {',
      '  const out = {} as Totals;',
      '  for (const key of keys) out[key] = 0;',
      '  return out;',
      '}',
    ),
    lines(
      IMPORT_STATE,
      "export const t = (['count', 'sum'] as const).reduce((acc, key) => { acc[key] = 0; return acc; }, {} as Totals);",
    ),
    // A module-level builder: importers see it only after the module has run.
    lines(IMPORT_STATE, 'export const config = {} as Config;', 'config.port = 8080;', "config.host = 'localhost';"),
    // Functions stored on the object run later: storing them is no use of the object.
    lines(
      'interface Api { cache: Map<string, string>; get(key: string): string | undefined }',
      'declare function expose(api: Api): void;',
      'const api = {} as Api;',
      'api.get = (key) => api.cache.get(key);',
      'api.cache = new Map();',
      'expose(api);',
    ),
    // Reading what is already assigned does not hand the builder out.
    lines(
      'interface Report { bitrate: { audio?: number; total: number }; items: string[]; id: number }',
      'declare function publish(report: Report): void;',
      'const report = {} as Report;',
      'report.bitrate = { total: 0 };',
      'report.bitrate.audio = 1;',
      'report.items = [];',
      "report.items.push('a');",
      'const first = report.items[0];',
      'if (report.items.length > 0) report.id = 1; else report.id = 2;',
      'publish(report);',
    ),
    // A promise executor runs at once: what it assigns is there by the end of the statement.
    lines(
      'interface Lifecycle { resolve(value: number): void; reject(reason: unknown): void; ids: Set<string> }',
      'declare const registry: Map<string, Lifecycle>;',
      'const lifecycle = { ids: new Set<string>() } as Lifecycle;',
      'const settled = new Promise<number>((resolve, reject) => {',
      '  lifecycle.resolve = resolve;',
      '  lifecycle.reject = reject;',
      '});',
      "registry.set('a', lifecycle);",
      'void settled;',
    ),
    lines(
      'interface Deferred { promise: Promise<void>; resolve(): void }',
      'declare function track(d: Deferred): void;',
      'const deferred = {} as Deferred;',
      'deferred.promise = new Promise<void>((resolve) => (deferred.resolve = resolve));',
      'track(deferred);',
    ),
    // Builders in `case` clauses and static blocks.
    lines(
      RPC,
      'export function make(kind: number) {',
      '  switch (kind) {',
      '    case 1: {',
      '      const req = {} as RpcRequest;',
      "      req.id = 1; req.method = 'a'; req.trace = '';",
      '      send(req);',
      '    }',
      '  }',
      '}',
    ),
    lines(
      RPC,
      'class Client { static ping: RpcRequest; static {',
      '  const req = {} as RpcRequest;',
      "  req.id = 0; req.method = 'ping'; req.trace = undefined;",
      '  Client.ping = req;',
      '} }',
    ),
    // Past the scan's budget of statements: given up, not judged.
    lines(
      RPC,
      'declare function tick(): void;',
      'const req = {} as RpcRequest;',
      'req.id = 1;',
      ...Array.from({ length: 250 }, () => 'tick();'),
      'send(req);',
    ),
    // Reassigned: the asserted object is dropped.
    lines(RPC, 'let req = {} as RpcRequest;', "req = { id: 1, method: '', trace: '' };", 'send(req);'),
    // Never used while incomplete: the function ends first.
    lines(
      RPC,
      'export function make(ok: boolean) {',
      '  const req = {} as RpcRequest;',
      '  if (!ok) return;',
      '  req.id = 1; req.method = ""; req.trace = "";',
      '  send(req);',
      '}',
    ),
  ],
  invalid: [
    ...sharedInvalid,
    {
      // The incident: three fields supplied, three left out.
      code: lines(
        IMPORT_STATE,
        IMPORT_CONNECTIONS,
        DECLARE_CONNECTIONS,
        'const state = { db, registry, redis } as AppState;',
        'export { state };',
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties(
          'AppState',
          '`config`, `encryption`, `authClient`',
          at(4, 15, 50),
          lines(
            IMPORT_STATE,
            IMPORT_CONNECTIONS,
            DECLARE_CONNECTIONS,
            'const state: AppState = { db, registry, redis };',
            'export { state };',
          ),
        ),
      ],
    },
    {
      // The first few names, then a count.
      code: lines(IMPORT_STATE, 'export const state = <AppState>{};'),
      options: STRICT_EMPTY,
      errors: [
        missingProperties(
          'AppState',
          '`config`, `encryption` and 4 more',
          at(2, 22, 34),
          lines(IMPORT_STATE, 'export const state: AppState = {};'),
        ),
      ],
    },
    {
      code: lines(IMPORT_STATE, 'export const state = { db: null } as unknown as AppState;'),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties(
          'AppState',
          '`config`, `encryption` and 3 more',
          at(2, 22, 57),
          lines(IMPORT_STATE, 'export const state: AppState = { db: null };'),
        ),
      ],
    },
    {
      code: lines(
        IMPORT_STATE,
        'const config = ({ port: 1 } satisfies Partial<Config>) as Config;',
        'export { config };',
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties(
          'Config',
          '`host`',
          at(2, 16, 65),
          // The parentheses the author wrote stay: only the assertion's own syntax is removed.
          lines(IMPORT_STATE, 'const config: Config = ({ port: 1 });', 'export { config };'),
        ),
      ],
    },
    {
      // The reducer seed.
      code: lines(
        IMPORT_STATE,
        'declare const xs: number[];',
        'export const t = xs.reduce((acc, x) => { acc.count++; acc.sum += x; return acc; }, {} as Totals);',
      ),
      errors: [beforeSet('updated', 'acc.count', 3, at(3, 84, 96))],
    },
    {
      // Unions: the member the discriminant picks.
      code: "import type { Shape } from './partial-shapes.js';\nexport const s = { kind: 'square' } as Shape;",
      // No suggestion: annotating a union narrows `s` to the square for the code that follows.
      options: STRICT_PARTIAL,
      errors: [missingProperties('Shape', '`side`', at(2, 18, 45))],
    },
    {
      // Optional in one member, required in the other: neither is satisfied.
      code: "import type { Loose } from './partial-shapes.js';\nexport const l = { b: 1 } as Loose;",
      options: STRICT_PARTIAL,
      errors: [missingProperties('Loose', '`a`', at(2, 18, 35))],
    },
    {
      // Intersections: required in any part is required; optional only when optional in all.
      code: lines(
        "import type { Person, MaybeNickname } from './partial-shapes.js';",
        "export const p = { name: 'x' } as Person;",
        'export const m = {} as MaybeNickname;',
      ),
      options: STRICT_BOTH,
      errors: [
        missingProperties(
          'Person',
          '`age`',
          at(2, 18, 41),
          lines(
            "import type { Person, MaybeNickname } from './partial-shapes.js';",
            "export const p: Person = { name: 'x' };",
            'export const m = {} as MaybeNickname;',
          ),
        ),
        missingProperties(
          'MaybeNickname',
          '`nickname`',
          at(3, 18, 37),
          lines(
            "import type { Person, MaybeNickname } from './partial-shapes.js';",
            "export const p = { name: 'x' } as Person;",
            'export const m: MaybeNickname = {};',
          ),
        ),
      ],
    },
    {
      // Generic types that resolve, and recursive ones; `Box<T>` depends on the call and is left alone.
      code: lines(
        "import type { Box, Page } from './partial-generics.js';",
        "import type { Tree } from './partial-shapes.js';",
        'export function box<T>(value: T): Box<T> { return { value } as Box<T>; }',
        'export const page = [{ items: [] } as Page<number>];',
        'export const leaf = [{ value: 1 } as Tree];',
        'export const boxed = [{ value: 1 } as Box<number>];',
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties('Page<number>', '`total`', at(4, 22, 51)),
        missingProperties('Tree', '`children`', at(5, 22, 42)),
        missingProperties('Box<number>', '`id`', at(6, 23, 50)),
      ],
    },
    {
      // Class targets: methods, accessors and private members a literal cannot supply.
      code: lines(
        "import { Point, Repo, Vault } from './partial-classes.js';",
        'export const repo = [{ find: () => undefined } as unknown as Repo];',
        'export const point = [{ x: 1 } as Point];',
        "export const vault = [{ reveal: () => '' } as unknown as Vault];",
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties('Repo', '`rows`, `size`', at(2, 22, 66)),
        missingProperties('Point', '`y`', at(3, 23, 40)),
        missingProperties('Vault', '`#secret`', at(4, 23, 63)),
      ],
    },
    {
      // Index signatures do not excuse declared properties; `Record` over literal keys requires each key.
      code: lines(
        "import type { Flags, Labelled } from './partial-state.js';",
        'export const l = [{} as Labelled];',
        'export const f = [{ debug: true } as Flags];',
        'export const r = [{} as Required<Partial<Flags>>];',
      ),
      options: STRICT_BOTH,
      errors: [
        missingProperties('Labelled', '`label`', at(2, 19, 33)),
        missingProperties('Flags', '`trace`', at(3, 19, 43)),
        missingProperties('Required<Partial<Flags>>', '`debug`, `trace`', at(4, 19, 49)),
      ],
    },
    {
      // Spreads count by the properties their type declares: what no spread declares is missing.
      code: lines(
        "import { connections, type AppState, type Config } from './partial-state.js';",
        'declare const config: Config;',
        'export const b = [{ ...connections, config } as AppState];',
        'export const c = [{ ...(Math.random() > 0.5 ? connections : { ...connections, config }) } as AppState];',
        'export const d = [{ ...connections, ...(Math.random() > 0.5 && { config }) } as AppState];',
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties('AppState', '`encryption`, `authClient`', at(3, 19, 57)),
        missingProperties('AppState', '`encryption`, `authClient`', at(4, 19, 102)),
        missingProperties('AppState', '`encryption`, `authClient`', at(5, 19, 89)),
      ],
    },
    {
      // Nested `{}`: the filler is reported on the property; the outer literal on its own.
      code: lines(
        IMPORT_STATE,
        "export const s = { config: {} as Config, encryption: { key: 'k' } } as unknown as Pick<AppState, 'config' | 'encryption'>;",
      ),
      options: STRICT_EMPTY,
      errors: [filler('config', '{} as Config', 'empty', at(2, 28, 40))],
    },
    {
      // Builder: used (passed) before it is complete.
      code: lines(
        RPC,
        'export function a() {',
        '  const req = {} as RpcRequest;',
        '  req.id = 1;',
        '  send(req);',
        "  req.method = 'x';",
        '  req.trace = undefined;',
        '}',
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('req', '`method`', at(4, 9, 31))],
    },
    {
      // Builder: an assignment in one branch only does not count.
      code: lines(
        RPC,
        'export function b(ok: boolean): RpcRequest {',
        '  const req = {} as RpcRequest;',
        '  req.id = 1;',
        "  if (ok) { req.method = 'ping'; }",
        '  req.trace = undefined;',
        '  return req;',
        '}',
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('req', '`method`', at(4, 9, 31))],
    },
    {
      // Builder: captured by a callback before the last assignment.
      code: lines(
        RPC,
        'export function c() {',
        '  const req = {} as RpcRequest;',
        "  req.id = 1; req.trace = '';",
        '  setTimeout(() => send(req));',
        "  req.method = 'x';",
        '}',
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('req', '`method`', at(4, 9, 31))],
    },
    {
      // Builder: assignments inside a loop or a `try` do not count.
      code: lines(
        RPC,
        'export function d(ids: number[]) {',
        '  const req = {} as RpcRequest;',
        '  req.trace = undefined;',
        '  for (const id of ids) req.id = id;',
        "  try { req.method = 'x'; } finally { send(req); }",
        '}',
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('req', '`id`, `method`', at(4, 9, 31))],
    },
    {
      // Builder: an `if` without braces and without `else`.
      code: lines(
        RPC,
        'declare const urgent: boolean;',
        'const request = {} as RpcRequest;',
        'request.id = 1;',
        "if (urgent) request.method = 'ping';",
        'request.trace = undefined;',
        'send(request);',
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('request', '`method`', at(4, 7, 33))],
    },
    {
      // A module-level builder that stops short.
      code: lines(IMPORT_STATE, 'export const config = {} as Config;', 'config.port = 8080;'),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('config', '`host`', at(2, 14, 35))],
    },
    {
      // A stored function is fine; one passed elsewhere captures the object while it is incomplete.
      code: lines(
        'interface Api { cache: Map<string, string>; get(key: string): string | undefined }',
        'const api = {} as Api;',
        'api.get = (key) => api.cache.get(key);',
        'queueMicrotask(() => api.get("x"));',
        'api.cache = new Map();',
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('api', '`cache`', at(2, 7, 22))],
    },
    {
      // A promise executor that assigns only part of it.
      code: lines(
        'interface Lifecycle { resolve(value: number): void; reject(reason: unknown): void }',
        'declare const registry: Map<string, Lifecycle>;',
        'const lifecycle = {} as Lifecycle;',
        'void new Promise<number>((resolve) => { lifecycle.resolve = resolve; });',
        "registry.set('a', lifecycle);",
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('lifecycle', '`reject`', at(3, 7, 34))],
    },
    {
      // Calling a method hands the object over as `this`.
      code: lines(
        'interface Job { id: number; label: string; run(): void }',
        'const job = {} as Job;',
        'job.id = 1;',
        'job.run = function (this: Job) { console.log(this.label); };',
        'job.run();',
        "job.label = 'nightly';",
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('job', '`label`', at(2, 7, 22))],
    },
    {
      // Standard-library callbacks hand the object back unchanged; a callee that wants a whole `Block` is no excuse.
      code: lines(
        "import { registerBlockFormatter, withDefault, type Block } from './partial-formatters.js';",
        "export const blocks = ['a'].map((hash) => ({ hash }) as Block);",
        "registerBlockFormatter({ format: () => ({ hash: 'h' }) as Block });",
        "export const either = withDefault(1, () => ({ hash: 'h' }) as Block);",
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties('Block', '`number`, `transactions`', at(2, 43, 62)),
        missingProperties('Block', '`number`, `transactions`', at(3, 40, 64)),
        missingProperties('Block', '`number`, `transactions`', at(4, 44, 68)),
      ],
    },
    {
      // The builder is passed elsewhere, not returned: the generic callee never sees it.
      code: lines(
        FMT,
        'declare function consume(block: Block): number;',
        'export const block = defineBlock({',
        '  format() {',
        '    const block = {} as Block;',
        "    block.hash = 'h';",
        '    return consume(block);',
        '  },',
        '});',
      ),
      options: STRICT_EMPTY,
      errors: [incompleteBuilder('block', '`number`, `transactions`', at(5, 11, 30))],
    },
    {
      // Only a source of `Object.assign` is merged; a non-empty fallback is a partial default.
      code: lines(
        "import type { Socket } from './partial-formatters.js';",
        "import type { Config } from './partial-state.js';",
        'declare const ws: WebSocket;',
        'declare function wrap(target: WebSocket, extra: Socket): Socket;',
        'export const socket = wrap(ws, { ping() {} } as Socket);',
        'declare const given: Config | undefined;',
        'export const config = given ?? ({ port: 1 } as Config);',
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties('Socket', '`url`, `send`, `request`', at(5, 32, 55)),
        missingProperties('Config', '`host`', at(7, 33, 54)),
      ],
    },
    {
      // A local `Promise` is not the global one: its executor may run later.
      code: lines(
        "import type { Lifecycle, PromiseWithReason } from './partial-formatters.js';",
        'declare const registry: Map<string, Lifecycle>;',
        'export function start(Promise: PromiseWithReason) {',
        '  const lifecycle = {} as Lifecycle;',
        '  void new Promise<number, Error>((resolve, reject) => {',
        '    lifecycle.resolve = resolve;',
        '    lifecycle.reject = reject;',
        '  });',
        "  registry.set('a', lifecycle);",
        '}',
      ),
      options: STRICT_EMPTY,
      errors: [
        missingProperties(
          'Lifecycle',
          '`resolve`, `reject`',
          at(4, 21, 36),
          lines(
            "import type { Lifecycle, PromiseWithReason } from './partial-formatters.js';",
            'declare const registry: Map<string, Lifecycle>;',
            'export function start(Promise: PromiseWithReason) {',
            '  const lifecycle: Lifecycle = {};',
            '  void new Promise<number, Error>((resolve, reject) => {',
            '    lifecycle.resolve = resolve;',
            '    lifecycle.reject = reject;',
            '  });',
            "  registry.set('a', lifecycle);",
            '}',
          ),
        ),
      ],
    },
    {
      // The incident, whole: fillers for two fields, the third left out.
      code: lines(
        IMPORT_STATE,
        IMPORT_CONNECTIONS,
        DECLARE_CONNECTIONS,
        'export function createSession() {',
        '  return { db, registry, redis, config: undefined as any, encryption: null! } as AppState;',
        '}',
      ),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties('AppState', '`authClient`', at(5, 10, 90)),
        filler('config', 'undefined as any', 'undefined', at(5, 41, 57)),
        filler('encryption', 'null!', 'null', at(5, 71, 76)),
      ],
    },
    {
      // Builder with a non-empty literal: nothing assigned afterwards is the plain case.
      code: lines(RPC, 'const req = { id: 1 } as RpcRequest;', 'send(req);'),
      options: STRICT_PARTIAL,
      errors: [
        missingProperties(
          'RpcRequest',
          '`method`',
          at(3, 13, 36),
          lines(RPC, 'const req: RpcRequest = { id: 1 };', 'send(req);'),
        ),
      ],
    },
  ],
});

describe('type helpers', () => {
  /** A plain object type as the checker would hand it over. */
  const objectType = () =>
    ({
      flags: ts.TypeFlags.Object,
      isUnion: () => false,
      isIntersection: () => false,
      getCallSignatures: () => [],
      getConstructSignatures: () => [],
    }) as unknown as ts.Type;
  const property = (name: string, flags = ts.SymbolFlags.Property) =>
    ({ escapedName: name, name, flags }) as unknown as ts.Symbol;

  it('reads a checker that throws as "cannot tell", not as a crash', () => {
    const checker = {
      isArrayType: () => false,
      isTupleType: () => false,
      getPropertiesOfType: () => {
        throw new Error('Debug Failure. False expression.');
      },
      getIndexInfosOfType: () => [],
    } as unknown as ts.TypeChecker;
    expect(getTargetShapes(checker, objectType())).toBeUndefined();
    expect(getProvidedProperties(checker, objectType())).toBeUndefined();
  });

  it('computes the required properties of a type once', () => {
    let calls = 0;
    const checker = {
      isArrayType: () => false,
      isTupleType: () => false,
      symbolToString: (symbol: ts.Symbol) => symbol.name,
      getTypeOfSymbol: () => ({ flags: ts.TypeFlags.Number, isUnion: () => false }),
      getPropertiesOfType: () => {
        calls++;
        return [property('id'), property('note', ts.SymbolFlags.Property | ts.SymbolFlags.Optional)];
      },
    } as unknown as ts.TypeChecker;
    const type = objectType();
    const first = getTargetShapes(checker, type);
    expect(getTargetShapes(checker, type)).toBe(first);
    expect(calls).toBe(1);
    expect([...(first?.[0]?.required.keys() ?? [])]).toEqual(['id']);
  });

  it('gives up on types with more properties than it walks', () => {
    const checker = {
      isArrayType: () => false,
      isTupleType: () => false,
      symbolToString: (symbol: ts.Symbol) => symbol.name,
      getPropertiesOfType: () => Array.from({ length: 501 }, (_, i) => property(`p${i}`)),
    } as unknown as ts.TypeChecker;
    expect(getTargetShapes(checker, objectType())).toBeUndefined();
  });
});
