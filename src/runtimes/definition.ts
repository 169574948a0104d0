import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { TypeInformation } from '../util/type-checker.js';

/**
 * A runtime definition: the data `no-work-before-runtime` reads to know which
 * APIs need an ambient runtime, what makes that runtime exist, and what to say
 * when code runs too early. A new runtime is a new definition, not new
 * traversal logic; what only one runtime needs is a hook of its definition.
 */

/** How an API is used: called, constructed, read, or any member of it touched. */
export type ApiUse = 'call' | 'new' | 'read' | 'member';

/** Where an API path starts: the runtime's modules, a runtime instance, or the global object. */
export type ApiSource = 'module' | 'global' | { readonly instance: string };

/** An API that needs the runtime (or, for `mustPrecede`, must run before it is ready). */
export interface RuntimeApi {
  /** Property path from the source: `['BrowserWindow']`, `['session', 'defaultSession']`; `[]` is the source itself. */
  readonly path: readonly string[];
  readonly use: ApiUse;
  /** Defaults to `'module'`. */
  readonly from?: ApiSource;
  /**
   * What happens at run time, as messages say it: a verb phrase completing
   * "`new BrowserWindow()` …" (`throws`, `never runs`). The runtime's own error
   * text is in the rule's documentation; a message has no room for it.
   */
  readonly outcome: string;
  /** The call carries its own runtime when it has an argument at this index (`useStore(pinia)`, `onMounted(fn, instance)`). */
  readonly escapeArgument?: number;
}

/** A value made by calling or constructing an API, whose own members (or calls) are tracked: a store hook, a server. */
export interface RuntimeInstance {
  readonly path: readonly string[];
  readonly create: 'call' | 'new';
  /** Defaults to `'module'`. */
  readonly from?: 'module' | 'global';
}

/**
 * What makes a phase runtime ready.
 * - `promise`: `await x()` and the callback of `x().then(cb)` (plus `x(cb)` when `callbackArgument`).
 * - `call`: the completed call `x()`.
 * - `install`: any `.use(i)` where `i` is an instance (`app.use(pinia)`).
 * - `event`: the handler of `x('ready', cb)`, for `events`.
 * - `guard`: the branch where `x()` is true (`if (app.isReady())`).
 * - `early`: not a ready signal: the handler of `x('activate', cb)`, for `events`, can run before ready,
 *   so when it is registered before ready its body counts as running before ready.
 */
export interface ReadySignal {
  readonly signal: 'promise' | 'call' | 'install' | 'event' | 'guard' | 'early';
  readonly path: readonly string[];
  /** Defaults to `'module'`. */
  readonly from?: ApiSource;
  readonly events?: readonly string[];
  /** A function passed as the last argument runs once ready (`fastify.listen(opts, cb)`). */
  readonly callbackArgument?: boolean;
}

/** A function handed to `path(...)` (at `argument`, or its `property`) in which the context exists synchronously. */
export interface ContextFunction {
  /** The module the callee comes from, when not one of the runtime's own modules. */
  readonly module?: string;
  readonly path: readonly string[];
  readonly argument: number;
  readonly property?: string;
  /** How messages name it: "`setup()`". */
  readonly label: string;
}

/** Methods of decorated classes that the framework calls outside the context (Angular's `ngOnInit`). */
export interface OutsideMethods {
  readonly methods: readonly string[];
}

/**
 * What messages say about the runtime. Each part is short (about 40
 * characters at most): a message holds the API, what it does, when, and the
 * fix in 160 characters. Longer explanations belong in the rule's docs.
 */
export interface RuntimeWording {
  /** Completes "`x()` throws …" for work that is too early: "before the app is ready". */
  readonly before: string;
  /** How to fix work that is too early. */
  readonly fix: string;
  /** Completes "`x()` throws …" for `mustPrecede` work that is too late. */
  readonly after?: string;
  readonly afterFix?: string;
}

/** The rule's options that tune a runtime's own APIs. */
export interface RuntimeOptions {
  /** Cloudflare Workers: whether `crypto.getRandomValues()` / `crypto.randomUUID()` in the global scope is reported. */
  readonly workersRandomInGlobalScope?: 'report' | 'allow';
}

/** A use found by a runtime's `shapedUses` hook. */
export interface ShapedUse {
  readonly api: RuntimeApi;
  readonly node: TSESTree.Node;
}

/** A binding the type checker shows to hold one of a runtime's instances, though the file imports it from elsewhere. */
export interface ImportedInstance {
  /** The instance's name in `instances`. */
  readonly instance: string;
  readonly variable: TSESLint.Scope.Variable;
}

export interface RuntimeDefinition {
  /** The name users select it by in the `runtimes` option. */
  readonly name: string;
  /**
   * `phase`: once ready, ready for good (Electron, Pinia); what runs after the signal on every path is fine.
   * `scoped`: the context exists only while certain functions run synchronously (Vue `setup`, a Workers handler);
   * module top level never has it.
   */
  readonly kind: 'phase' | 'scoped';
  /** Module specifiers whose import is evidence of the runtime and the source of its APIs. */
  readonly modules: readonly string[];
  /** A project's own runtime: a module name also matches a relative import ending in it (`actors` ↔ `../lib/actors`). */
  readonly relativeModules?: boolean;
  /** When selected explicitly, undeclared globals of these names are the runtime's own (Nuxt auto-imports). */
  readonly autoImports?: boolean;
  /** Values made by the runtime's APIs whose members are tracked too, by name (used as `from: { instance }`). */
  readonly instances?: Readonly<Record<string, RuntimeInstance>>;
  readonly requires: readonly RuntimeApi[];
  readonly mustPrecede?: readonly RuntimeApi[];
  readonly ready?: readonly ReadySignal[];
  /** Scoped: functions with the context until their first `await`. */
  readonly contexts?: readonly ContextFunction[];
  /** Scoped: methods the framework calls without the context. */
  readonly outside?: OutsideMethods;
  /** Scoped: skip module top level in `.vue` files, where `<script setup>` is the component's setup. */
  readonly setupFiles?: readonly string[];
  readonly wording: RuntimeWording;
  /**
   * Evidence besides the file's imports that the runtime applies to it (a
   * Worker's default export with a `scheduled` handler, or the file named as
   * `main` in its `wrangler.toml`). Asked only when detection is on and the
   * imports show nothing.
   */
  readonly detectIn?: (sourceCode: Readonly<TSESLint.SourceCode>, filename: string) => boolean;
  /**
   * Uses found by the code's shape rather than through an import path (a
   * Worker's top-level `await` of a call, calls on its bindings): each with the
   * API it counts as.
   */
  readonly shapedUses?: (sourceCode: Readonly<TSESLint.SourceCode>) => readonly ShapedUse[];
  /** The `requires` list under the rule's options, when an option changes it. */
  readonly requiresUnder?: (options: RuntimeOptions) => readonly RuntimeApi[];
  /**
   * Type-aware: imported bindings that hold one of the runtime's instances
   * (Pinia: a store hook another module made with `defineStore`), found
   * through the checker. Imports of `runtimeModules` (every built-in
   * runtime's) are not asked about. Finding one activates the runtime.
   */
  readonly importedInstances?: (
    sourceCode: Readonly<TSESLint.SourceCode>,
    types: TypeInformation,
    runtimeModules: ReadonlySet<string>,
  ) => readonly ImportedInstance[];
}
