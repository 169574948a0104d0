import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';
import ts from 'typescript';

import type { ApiSource, ContextFunction, ReadySignal, RuntimeApi, RuntimeDefinition } from '../runtimes/definition.js';
import { builtinRuntimes } from '../runtimes/index.js';
import { type FunctionNode, isFunctionNode, staticMemberName } from '../util/ast.js';
import { createRule } from '../util/create-rule.js';
import { callSitesOf, CLEAN, createTimeline, isGuarded, MARKED, type Owner, ownerOf } from '../util/execution.js';
import {
  CALL,
  CONSTRUCT,
  findPropertyReferences,
  findReferences,
  READ,
  type TracedReference,
  type TraceMap,
} from '../util/references.js';
import { quote } from '../util/text.js';
import { askChecker, getTypeInformation, skipTsWrappers, type TypeInformation } from '../util/type-checker.js';

type Node = TSESTree.Node;
type MessageIds = 'notReady' | 'notReadyVia' | 'tooLate';

/** A user-defined runtime, as the `runtimes` option takes it. */
export interface UserRuntime {
  name: string;
  kind?: 'phase' | 'scoped';
  modules: string[];
  instance?: { path: string[]; create: 'call' | 'new' };
  requires: UserApi[];
  mustPrecede?: UserApi[];
  ready?: { path: string[]; signal: 'promise' | 'call'; on?: 'module' | 'instance' }[];
  before?: string;
  after?: string;
  fix?: string;
}

interface UserApi {
  path: string[];
  use?: 'call' | 'new' | 'read';
  on?: 'module' | 'instance';
  error?: string;
}

interface RuleOptions {
  runtimes?: (string | UserRuntime)[];
  detect?: boolean;
  workersRandomInGlobalScope?: 'report' | 'allow';
}

export type Options = [RuleOptions];

const DEFAULT_OPTIONS: RuleOptions = { runtimes: [], detect: true, workersRandomInGlobalScope: 'report' };

/** How many same-file calls deep a use is followed from where it is called. */
const MAX_CALL_DEPTH = 4;
/** Longer source text is not quoted in messages; the API path is. */
const MAX_QUOTED_LENGTH = 40;

const TRACE_KIND = { call: CALL, new: CONSTRUCT, read: READ, member: READ } as const;

/** What a node found by the reference tracker is to a runtime. */
type Hit =
  | { kind: 'api'; def: RuntimeDefinition; api: RuntimeApi; role: 'requires' | 'mustPrecede' }
  | { kind: 'instance'; def: RuntimeDefinition; name: string }
  | { kind: 'ready'; def: RuntimeDefinition; signal: ReadySignal }
  | { kind: 'context'; def: RuntimeDefinition; context: ContextFunction };

interface Use {
  readonly def: RuntimeDefinition;
  readonly api: RuntimeApi;
  readonly node: Node;
  readonly role: 'requires' | 'mustPrecede';
}

interface CallSite {
  readonly call: TSESTree.CallExpression;
  readonly callee: FunctionNode;
  /** A handler registered by this call, which may run before ready (`app.on('activate', cb)`): the event name. */
  readonly earlyEvent?: string;
  readonly earlyFor?: RuntimeDefinition;
}

const stringList = (description: string): JSONSchema4 => ({ type: 'array', items: { type: 'string' }, description });
const userApiSchema: JSONSchema4 = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: stringList('Property path from the module (or the instance): `["spawn"]`.'),
    use: { type: 'string', enum: ['call', 'new', 'read'], description: 'How the API is used. Default `call`.' },
    on: {
      type: 'string',
      enum: ['module', 'instance'],
      description:
        'Whether the path starts at the module or at the runtime instance. Default: the instance when one is defined.',
    },
    error: { type: 'string', description: 'The error the runtime throws, quoted in the report.' },
  },
};

function specifierMatches(entry: string, specifier: string, relative: boolean): boolean {
  if (specifier === entry) return true;
  if (!relative) return false;
  const strip = (value: string) => value.replace(/^\.\//, '').replace(/\.[cm]?[jt]sx?$/, '');
  const wanted = strip(entry);
  const actual = strip(specifier);
  return actual === wanted || (specifier.startsWith('.') && actual.endsWith(`/${wanted}`));
}

function fromUser(user: UserRuntime): RuntimeDefinition {
  const hasInstance = user.instance !== undefined;
  const source = (on: 'module' | 'instance' | undefined): ApiSource =>
    (on ?? (hasInstance ? 'instance' : 'module')) === 'instance' ? { instance: 'runtime' } : 'module';
  const api = (entry: UserApi): RuntimeApi => ({
    path: entry.path,
    use: entry.use ?? 'call',
    from: source(entry.on),
    effect: entry.error === undefined ? `${user.name} is not ready for it` : `it throws '${entry.error}'`,
  });
  return {
    name: user.name,
    kind: user.kind ?? 'phase',
    modules: user.modules,
    relativeModules: true,
    ...(user.instance ? { instances: { runtime: user.instance } } : {}),
    requires: user.requires.map(api),
    mustPrecede: (user.mustPrecede ?? []).map(api),
    ready: (user.ready ?? []).map((signal) => ({ signal: signal.signal, path: signal.path, from: source(signal.on) })),
    wording: {
      before: user.before ?? `before ${user.name} is ready`,
      fix: user.fix ?? `wait for ${user.name} to be ready first`,
      after: user.after ?? `after ${user.name} is ready`,
      afterFix: `call it before ${user.name} is ready`,
    },
  };
}

/** Adds `info` at `path` of a trace map, under the tracker's `kind` key. */
function addTrace(map: Record<string | symbol, unknown>, path: readonly string[], kind: symbol, info: Hit): void {
  let node = map;
  for (const key of path) {
    node = (node[key] ??= {}) as Record<string | symbol, unknown>;
  }
  const list = (node[kind] ??= []) as Hit[];
  list.push(info);
}

function sourceOf(from: ApiSource | undefined): string {
  if (from === undefined || from === 'module') return 'module';
  if (from === 'global') return 'global';
  return `instance:${from.instance}`;
}

/** The module specifiers this file imports or requires (with a constant string). */
function importedSpecifiers(sourceCode: Readonly<TSESLint.SourceCode>): Set<string> {
  const found = new Set<string>();
  for (const statement of sourceCode.ast.body) {
    if (
      (statement.type === AST_NODE_TYPES.ImportDeclaration ||
        statement.type === AST_NODE_TYPES.ExportAllDeclaration ||
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration) &&
      statement.source
    ) {
      found.add(statement.source.value);
    }
  }
  for (const reference of sourceCode.scopeManager?.globalScope?.through ?? []) {
    const { identifier } = reference;
    const { parent } = identifier;
    if (
      identifier.name === 'require' &&
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.callee === identifier &&
      parent.arguments[0]?.type === AST_NODE_TYPES.Literal &&
      typeof parent.arguments[0].value === 'string'
    ) {
      found.add(parent.arguments[0].value);
    }
  }
  return found;
}

/** `defineStore` results, by declaration: is this imported binding a Pinia store hook? */
const storeDeclarations = new WeakMap<ts.Node, boolean>();

function isPiniaStoreDeclaration(declaration: ts.Node, checker: ts.TypeChecker): boolean {
  const cached = storeDeclarations.get(declaration);
  if (cached !== undefined) return cached;
  let result = false;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = skipTsWrappers(declaration.initializer);
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression)) {
      const symbol = checker.getSymbolAtLocation(init.expression);
      const imported = symbol?.declarations?.[0];
      if (imported && ts.isImportSpecifier(imported)) {
        const name = (imported.propertyName ?? imported.name).text;
        const module = imported.parent.parent.parent.moduleSpecifier;
        result = name === 'defineStore' && ts.isStringLiteral(module) && module.text === 'pinia';
      }
    }
  }
  storeDeclarations.set(declaration, result);
  return result;
}

/** Imported bindings that resolve (through the type checker) to a `defineStore` result. */
function importedStores(
  sourceCode: Readonly<TSESLint.SourceCode>,
  types: TypeInformation,
  runtimeModules: ReadonlySet<string>,
): TSESLint.Scope.Variable[] {
  const { checker } = types;
  const stores: TSESLint.Scope.Variable[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.importKind === 'type') continue;
    if (runtimeModules.has(statement.source.value) || statement.source.value.startsWith('node:')) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
      const [variable] = sourceCode.scopeManager?.getDeclaredVariables(specifier) ?? [];
      if (
        !variable?.references.some((reference) => reference.identifier.parent.type === AST_NODE_TYPES.CallExpression)
      ) {
        continue;
      }
      const local = types.tsNodeOf(specifier.local);
      // A checker failure on an unusual declaration means "not a store".
      const isStore = askChecker(() => {
        let symbol = local && checker.getSymbolAtLocation(local);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
        return declaration !== undefined && isPiniaStoreDeclaration(declaration, checker);
      });
      if (isStore === true) stores.push(variable);
    }
  }
  return stores;
}

export default createRule<Options, MessageIds>({
  name: 'no-work-before-runtime',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow runtime-bound work (Electron windows, Pinia stores, Vue hooks, …) before its runtime exists',
      recommended: 'recommended',
      usesTypeInformation: true,
    },
    messages: {
      notReady: '`{{api}}` runs {{when}} ({{effect}}); {{fix}}.',
      notReadyVia: '`{{call}}` runs `{{api}}` (line {{line}}) {{when}} ({{effect}}); {{fix}}.',
      tooLate: '`{{api}}` runs {{when}} ({{effect}}); {{fix}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          runtimes: {
            type: 'array',
            description:
              'Runtimes to check in every file, even without an import that shows them: built-in names (`electron`, `pinia`, `vue`, `nuxt`, `angular`, `cloudflare-workers`, `fastify`) or definitions of your own.',
            items: {
              anyOf: [
                { type: 'string', enum: Object.keys(builtinRuntimes), description: 'A built-in runtime.' },
                {
                  type: 'object',
                  description: 'A runtime of your own: an API that only works after a ready signal.',
                  additionalProperties: false,
                  required: ['name', 'modules', 'requires'],
                  properties: {
                    name: { type: 'string', description: 'The runtime, as messages name it: `ActorSystem`.' },
                    kind: {
                      type: 'string',
                      enum: ['phase', 'scoped'],
                      description:
                        '`phase` (default): ready for good once the signal ran. `scoped`: never at module top level.',
                    },
                    modules: stringList(
                      'Module specifiers the runtime comes from; a bare name also matches a relative import ending in it (`actors` matches `../lib/actors`).',
                    ),
                    instance: {
                      type: 'object',
                      additionalProperties: false,
                      required: ['path', 'create'],
                      description:
                        'The runtime object, made by calling or constructing a module export: `new ActorSystem()`.',
                      properties: {
                        path: stringList('Path of the export that makes it: `["ActorSystem"]`.'),
                        create: {
                          type: 'string',
                          enum: ['call', 'new'],
                          description: 'Whether it is called or constructed.',
                        },
                      },
                    },
                    requires: {
                      type: 'array',
                      items: userApiSchema,
                      description: 'APIs that need the runtime to be ready.',
                    },
                    mustPrecede: {
                      type: 'array',
                      items: userApiSchema,
                      description: 'APIs that must run before the runtime is ready.',
                    },
                    ready: {
                      type: 'array',
                      description: 'What makes the runtime ready.',
                      items: {
                        type: 'object',
                        additionalProperties: false,
                        required: ['path', 'signal'],
                        properties: {
                          path: stringList('Path of the ready API: `["start"]`.'),
                          signal: {
                            type: 'string',
                            enum: ['promise', 'call'],
                            description:
                              '`promise`: ready once awaited (or in its `.then` callback); `call`: ready once the call returns.',
                          },
                          on: {
                            type: 'string',
                            enum: ['module', 'instance'],
                            description: 'Whether the path starts at the module or at the instance.',
                          },
                        },
                      },
                    },
                    before: {
                      type: 'string',
                      description: 'Completes "… runs": `before the actor system has started`.',
                    },
                    after: { type: 'string', description: 'Completes "… runs" for `mustPrecede` APIs.' },
                    fix: { type: 'string', description: 'How to fix a report.' },
                  },
                },
              ],
            },
          },
          detect: {
            type: 'boolean',
            description:
              'Turn built-in runtimes on by evidence in the file (an import of `electron`, `pinia`, …). Default `true`.',
          },
          workersRandomInGlobalScope: {
            type: 'string',
            enum: ['report', 'allow'],
            description:
              "Whether `crypto.getRandomValues()` / `crypto.randomUUID()` in a Worker's global scope is reported. Default `report`: workerd still forbids it.",
          },
        },
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
  },
  defaultOptions: [DEFAULT_OPTIONS],
  create(context, [options]) {
    const { sourceCode } = context;
    const detect = options.detect ?? true;
    const selected = new Map<string, RuntimeDefinition>();
    for (const entry of options.runtimes ?? []) {
      const def = typeof entry === 'string' ? builtinRuntimes[entry] : fromUser(entry);
      if (def) selected.set(def.name, def);
    }

    // The cheap path: which runtimes does this file show evidence of?
    const specifiers = importedSpecifiers(sourceCode);
    const specifiersFor = (def: RuntimeDefinition): string[] =>
      [...specifiers].filter((specifier) =>
        def.modules.some((entry) => specifierMatches(entry, specifier, def.relativeModules === true)),
      );
    const active: RuntimeDefinition[] = [];
    const runtimeModules = new Set<string>();
    for (const def of Object.values(builtinRuntimes)) def.modules.forEach((module) => runtimeModules.add(module));
    for (const def of selected.values()) active.push(def);
    if (detect) {
      for (const def of Object.values(builtinRuntimes)) {
        if (!selected.has(def.name) && specifiersFor(def).length > 0) active.push(def);
      }
    }
    const piniaDef = builtinRuntimes['pinia'];
    let storeVariables: TSESLint.Scope.Variable[] = [];
    const types = getTypeInformation(sourceCode);
    if (piniaDef && (detect || selected.has('pinia')) && types) {
      storeVariables = importedStores(sourceCode, types, runtimeModules);
      if (storeVariables.length > 0 && !active.includes(piniaDef)) active.push(piniaDef);
    }
    if (active.length === 0) return {};

    // Resolve every API, instance, signal and context of the active runtimes.
    const esm: Record<string, Record<string | symbol, unknown>> = {};
    const globals: Record<string | symbol, unknown> = {};
    const instanceMaps = new Map<RuntimeDefinition, Map<string, Record<string | symbol, unknown>>>();
    const add = (
      def: RuntimeDefinition,
      from: ApiSource | undefined,
      path: readonly string[],
      kind: symbol,
      hit: Hit,
    ) => {
      const source = sourceOf(from);
      if (source.startsWith('instance:')) {
        const name = source.slice('instance:'.length);
        let maps = instanceMaps.get(def);
        if (!maps) instanceMaps.set(def, (maps = new Map()));
        let map = maps.get(name);
        if (!map) maps.set(name, (map = {}));
        addTrace(map, path, kind, hit);
        return;
      }
      if (source === 'global' || (def.autoImports && selected.has(def.name))) addTrace(globals, path, kind, hit);
      if (source === 'module') {
        for (const specifier of specifiersFor(def)) addTrace((esm[specifier] ??= {}), path, kind, hit);
      }
    };
    const allowRandom = options.workersRandomInGlobalScope === 'allow';
    for (const def of active) {
      for (const api of def.requires) {
        if (allowRandom && def.name === 'cloudflare-workers' && api.path[0] === 'crypto') continue;
        add(def, api.from, api.path, TRACE_KIND[api.use], { kind: 'api', def, api, role: 'requires' });
      }
      for (const api of def.mustPrecede ?? []) {
        add(def, api.from, api.path, TRACE_KIND[api.use], { kind: 'api', def, api, role: 'mustPrecede' });
      }
      for (const [name, instance] of Object.entries(def.instances ?? {})) {
        add(def, instance.from, instance.path, TRACE_KIND[instance.create], { kind: 'instance', def, name });
      }
      for (const signal of def.ready ?? []) {
        if (signal.signal !== 'install') add(def, signal.from, signal.path, CALL, { kind: 'ready', def, signal });
      }
      for (const ctx of def.contexts ?? []) {
        const hit: Hit = { kind: 'context', def, context: ctx };
        if (ctx.module === undefined) add(def, 'module', ctx.path, CALL, hit);
        else
          for (const specifier of specifiers)
            if (specifier === ctx.module) addTrace((esm[specifier] ??= {}), ctx.path, CALL, hit);
      }
    }

    const uses: Use[] = [];
    const marks = new Map<Node, string>();
    const readyCallbacks = new Map<RuntimeDefinition, Set<Node>>();
    const guardCalls = new Map<RuntimeDefinition, Set<Node>>();
    const contexts = new Map<Node, { def: RuntimeDefinition; context: ContextFunction }[]>();
    const instanceValues = new Map<RuntimeDefinition, Map<string, Node[]>>();
    const earlyHandlers: CallSite[] = [];

    /** The tracker follows `let` aliases too; a binding written after its declaration may hold anything. */
    const isReassigned = (node: Node): boolean => {
      let root: Node = node;
      for (;;) {
        if (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression)
          root = root.callee;
        else if (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
        else break;
      }
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      return variable?.references.some((reference) => reference.isWrite() && !reference.init) ?? false;
    };
    const addUse = (def: RuntimeDefinition, api: RuntimeApi, role: Use['role'], node: Node) => {
      if (api.escapeArgument !== undefined && node.type === AST_NODE_TYPES.CallExpression) {
        if (node.arguments.length > api.escapeArgument) return;
      }
      if (isReassigned(node)) return;
      uses.push({ def, api, role, node });
    };
    const addToSet = (map: Map<RuntimeDefinition, Set<Node>>, def: RuntimeDefinition, node: Node) => {
      let set = map.get(def);
      if (!set) map.set(def, (set = new Set()));
      set.add(node);
    };
    const asFunction = (node: Node | undefined): FunctionNode | undefined =>
      node && isFunctionNode(node) ? node : undefined;

    const handle = (node: Node, hit: Hit): void => {
      switch (hit.kind) {
        case 'api':
          if (hit.api.use === 'member') {
            for (const access of memberAccesses(node)) addUse(hit.def, hit.api, hit.role, access);
          } else {
            addUse(hit.def, hit.api, hit.role, node);
          }
          return;
        case 'instance': {
          let byName = instanceValues.get(hit.def);
          if (!byName) instanceValues.set(hit.def, (byName = new Map()));
          let values = byName.get(hit.name);
          if (!values) byName.set(hit.name, (values = []));
          // Stored: followed through a `const` only (a `let` may be reassigned). Otherwise the value itself (`fastify().get(…)`).
          if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator) values.push(...constReferences(node));
          else values.push(node);
          return;
        }
        case 'ready':
          handleReady(hit.def, hit.signal, node);
          return;
        case 'context': {
          if (node.type !== AST_NODE_TYPES.CallExpression) return;
          let target: Node | undefined = node.arguments[hit.context.argument];
          if (hit.context.property !== undefined) {
            target =
              target?.type === AST_NODE_TYPES.ObjectExpression
                ? target.properties.find(
                    (property): property is TSESTree.Property =>
                      property.type === AST_NODE_TYPES.Property &&
                      ASTUtils.getPropertyName(property) === hit.context.property,
                  )?.value
                : undefined;
          }
          const fn = asFunction(target);
          if (!fn) return;
          let list = contexts.get(fn);
          if (!list) contexts.set(fn, (list = []));
          list.push({ def: hit.def, context: hit.context });
        }
      }
    };

    const handleReady = (def: RuntimeDefinition, signal: ReadySignal, node: Node): void => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      switch (signal.signal) {
        case 'call':
          marks.set(node, def.name);
          return;
        case 'guard':
          addToSet(guardCalls, def, node);
          return;
        case 'event': {
          const [event, handler] = node.arguments;
          const fn = asFunction(handler);
          if (fn && event?.type === AST_NODE_TYPES.Literal && signal.events?.includes(String(event.value))) {
            addToSet(readyCallbacks, def, fn);
          }
          return;
        }
        case 'promise': {
          if (signal.callbackArgument) {
            const fn = asFunction(node.arguments.at(-1));
            if (fn) addToSet(readyCallbacks, def, fn);
          }
          // `await ready()`, `await ready().then(…)`, `ready().then(cb)`.
          let promise: Node = node;
          for (;;) {
            const parent: Node | undefined = promise.parent;
            if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
              marks.set(parent, def.name);
              return;
            }
            if (
              parent?.type === AST_NODE_TYPES.MemberExpression &&
              parent.object === promise &&
              parent.parent.type === AST_NODE_TYPES.CallExpression &&
              parent.parent.callee === parent
            ) {
              const method = staticMemberName(parent);
              if (method === 'then') {
                const fn = asFunction(parent.parent.arguments[0]);
                if (fn) addToSet(readyCallbacks, def, fn);
              }
              if (method !== 'then' && method !== 'catch' && method !== 'finally') return;
              promise = parent.parent;
              continue;
            }
            return;
          }
        }
        case 'early': {
          const [event, handler] = node.arguments;
          const fn = asFunction(handler);
          if (fn && event?.type === AST_NODE_TYPES.Literal && signal.events?.includes(String(event.value))) {
            earlyHandlers.push({ call: node, callee: fn, earlyEvent: String(event.value), earlyFor: def });
          }
          return;
        }
        case 'install':
          return;
      }
    };

    /** Member accesses of an object the tracker found (`screen` → `screen.getPrimaryDisplay`). */
    const memberAccesses = (node: Node): Node[] => {
      if (
        (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) &&
        node.parent?.type === AST_NODE_TYPES.MemberExpression &&
        node.parent.object === node
      ) {
        return [node.parent];
      }
      let binding: TSESTree.Identifier | undefined;
      if (node.type === AST_NODE_TYPES.Property && node.value.type === AST_NODE_TYPES.Identifier) binding = node.value;
      if (node.type === AST_NODE_TYPES.ImportSpecifier) binding = node.local;
      if (!binding) return [];
      const variable = ASTUtils.findVariable(sourceCode.getScope(binding), binding);
      return (variable?.references ?? [])
        .map((reference) => reference.identifier)
        .filter(
          (identifier) =>
            identifier.parent.type === AST_NODE_TYPES.MemberExpression && identifier.parent.object === identifier,
        )
        .map((identifier) => identifier.parent as Node);
    };

    /** The reads of the `const` a value is stored in (`const useStore = defineStore(…)`). */
    const constReferences = (node: Node): Node[] => {
      const { parent } = node;
      if (
        parent?.type !== AST_NODE_TYPES.VariableDeclarator ||
        parent.init !== node ||
        parent.id.type !== AST_NODE_TYPES.Identifier ||
        parent.parent.kind !== 'const'
      ) {
        return [];
      }
      const [variable] = sourceCode.scopeManager?.getDeclaredVariables(parent) ?? [];
      return (variable?.references ?? [])
        .filter((reference) => reference.isRead())
        .map((reference) => reference.identifier);
    };

    const traceMap = (map: Record<string | symbol, unknown>) => map as TraceMap;
    const collect = (references: readonly TracedReference[]) => {
      for (const { node, info } of references) for (const hit of info as Hit[]) handle(node, hit);
    };
    collect(findReferences(sourceCode, { globals: traceMap(globals), modules: traceMap(esm) }));

    // Instances: store hooks, servers, actor systems. Their own APIs are followed from every value.
    if (piniaDef && storeVariables.length > 0) {
      let byName = instanceValues.get(piniaDef);
      if (!byName) instanceValues.set(piniaDef, (byName = new Map()));
      const values = byName.get('store') ?? [];
      byName.set('store', values);
      for (const variable of storeVariables) {
        values.push(
          ...variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier),
        );
      }
    }
    for (const [def, byName] of instanceValues) {
      for (const [name, values] of byName) {
        const map = instanceMaps.get(def)?.get(name);
        for (const value of values) {
          if (map) collect(findPropertyReferences(sourceCode, value, traceMap(map)));
          const installs = def.ready?.some(
            (signal) => signal.signal === 'install' && sourceOf(signal.from) === `instance:${name}`,
          );
          const { parent } = value;
          if (
            installs &&
            parent?.type === AST_NODE_TYPES.CallExpression &&
            parent.arguments.includes(value as TSESTree.CallExpressionArgument) &&
            parent.callee.type === AST_NODE_TYPES.MemberExpression &&
            staticMemberName(parent.callee) === 'use'
          ) {
            marks.set(parent, def.name);
          }
        }
      }
    }

    if (uses.length === 0) return {};

    // `app.use(pinia)` with an instance imported from another module may be the install: when unsure, assume it is.
    const installers = active.filter((def) => def.ready?.some((signal) => signal.signal === 'install'));
    if (installers.length > 0) {
      const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find((scope) => scope.type === 'module');
      for (const variable of moduleScope?.variables ?? []) {
        if (variable.defs[0]?.type !== 'ImportBinding') continue;
        for (const { identifier } of variable.references) {
          const call = identifier.parent;
          if (
            call.type === AST_NODE_TYPES.CallExpression &&
            call.arguments.includes(identifier as TSESTree.Identifier) &&
            call.callee.type === AST_NODE_TYPES.MemberExpression &&
            staticMemberName(call.callee) === 'use'
          ) {
            for (const def of installers) marks.set(call, def.name);
          }
        }
      }
    }

    const scopedDefs = active.filter((def) => def.kind === 'scoped');
    const hasContexts = contexts.size > 0;

    // The bounded same-file call graph: calls that run a function holding a use.
    const callsByOwner = new Map<Owner, CallSite[]>();
    const usesByOwner = new Map<Owner, Use[]>();
    const ownerCache = new Map<Node, Owner>();
    const owner = (node: Node): Owner => {
      let found = ownerCache.get(node);
      if (!found) ownerCache.set(node, (found = ownerOf(node)));
      return found;
    };
    for (const use of uses) {
      const key = owner(use.node);
      const list = usesByOwner.get(key) ?? [];
      list.push(use);
      usesByOwner.set(key, list);
    }
    for (const site of earlyHandlers) {
      const key = owner(site.call);
      const list = callsByOwner.get(key) ?? [];
      list.push(site);
      callsByOwner.set(key, list);
    }
    let frontier: Owner[] = [...usesByOwner.keys(), ...earlyHandlers.map((site) => owner(site.call))];
    const followed = new Set<Owner>();
    for (let depth = 0; depth < MAX_CALL_DEPTH && frontier.length > 0; depth++) {
      const next: Owner[] = [];
      for (const fn of frontier) {
        if (followed.has(fn) || !isFunctionNode(fn)) continue;
        followed.add(fn);
        for (const call of callSitesOf(fn, sourceCode)) {
          const key = owner(call);
          const list = callsByOwner.get(key) ?? [];
          list.push({ call, callee: fn });
          callsByOwner.set(key, list);
          next.push(key);
        }
      }
      frontier = next;
    }

    const probes = new Set<Node>(uses.map((use) => use.node));
    for (const sites of callsByOwner.values()) for (const site of sites) probes.add(site.call);
    const isContextAwait = (node: Node): boolean =>
      node.type === AST_NODE_TYPES.AwaitExpression && contexts.has(owner(node));

    const quoteCall = (node: Node, use?: Use): string => {
      const fallback = use ? use.api.path.join('.') || 'the store hook' : 'the call';
      const short = (target: Node) => quote(sourceCode.getText(target), MAX_QUOTED_LENGTH, fallback);
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression:
          return `${short(node.callee)}()`;
        case AST_NODE_TYPES.NewExpression:
          return `new ${short(node.callee)}()`;
        case AST_NODE_TYPES.MemberExpression: {
          const called = node.parent.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node;
          return `${short(node)}${called ? '()' : ''}`;
        }
        default:
          return fallback;
      }
    };

    const reported = new Set<Node>();
    const report = (node: Node, messageId: MessageIds, data: Record<string, string | number>) => {
      if (reported.has(node)) return;
      reported.add(node);
      context.report({ node, messageId, data });
    };

    const program = sourceCode.ast;
    const resolve = (): void => {
      for (const def of active) {
        const guards = guardCalls.get(def);
        const behindGuard = (node: Node, within: Owner) =>
          guards !== undefined && isGuarded(node, within, (call) => guards.has(call));
        const ownUses = (fn: Owner, role: Use['role']) =>
          (usesByOwner.get(fn) ?? []).filter((use) => use.def === def && use.role === role);
        const calls = (fn: Owner) => callsByOwner.get(fn) ?? [];
        /** The first use a call of `fn` runs while `runs(probe)` holds, following same-file calls to the innermost use. */
        const firstEffect = (
          fn: FunctionNode,
          runs: (probe: Node, within: Owner) => boolean,
          depth: number,
          seen: Set<Node>,
        ): Use | undefined => {
          if (depth > MAX_CALL_DEPTH || seen.has(fn)) return undefined;
          seen.add(fn);
          const candidates = ownUses(fn, 'requires')
            .filter((use) => runs(use.node, fn))
            .map((use) => ({ at: use.node.range[0], use }));
          for (const site of calls(fn)) {
            if (site.earlyEvent !== undefined || !runs(site.call, fn)) continue;
            const inner = firstEffect(site.callee, runs, depth + 1, seen);
            if (inner) candidates.push({ at: site.call.range[0], use: inner });
          }
          candidates.sort((a, b) => a.at - b.at);
          return candidates[0]?.use;
        };
        /** Reports the uses `fn` runs (directly, in IIFEs, or through same-file calls) while `runs` holds. */
        const reportFrom = (fn: Owner, runs: (probe: Node, within: Owner) => boolean, when: string, depth: number) => {
          if (depth > MAX_CALL_DEPTH) return;
          for (const use of ownUses(fn, 'requires')) {
            if (!runs(use.node, fn)) continue;
            report(use.node, 'notReady', {
              api: quoteCall(use.node, use),
              when,
              effect: use.api.effect,
              fix: def.wording.fix,
            });
          }
          for (const site of calls(fn)) {
            if (!runs(site.call, fn)) continue;
            if (site.call.callee === site.callee) {
              reportFrom(site.callee, runs, when, depth + 1);
              continue;
            }
            if (site.earlyEvent !== undefined) {
              // The handler is not run by this call; it may run before ready because it is registered before ready.
              if (fn === program && site.earlyFor === def) {
                reportFrom(
                  site.callee,
                  runs,
                  `in a handler for '${site.earlyEvent}' registered ${def.wording.before}`,
                  depth + 1,
                );
              }
              continue;
            }
            const effect = firstEffect(site.callee, runs, depth + 1, new Set());
            if (!effect) continue;
            report(site.call, 'notReadyVia', {
              call: quoteCall(site.call),
              api: quoteCall(effect.node, effect),
              line: effect.node.loc.start.line,
              when,
              effect: effect.api.effect,
              fix: def.wording.fix,
            });
          }
        };

        if (def.kind === 'phase') {
          const beforeReady = (probe: Node, within: Owner) =>
            (timeline.state(probe, def.name) & CLEAN) !== 0 && !behindGuard(probe, within);
          reportFrom(program, beforeReady, def.wording.before, 0);
          const callbacks = readyCallbacks.get(def);
          for (const use of uses) {
            if (use.def !== def || use.role !== 'mustPrecede') continue;
            let inCallback = false;
            for (let node: Node | undefined = use.node; node; node = node.parent) {
              if (callbacks?.has(node)) inCallback = true;
            }
            if (inCallback || (timeline.state(use.node, def.name) & MARKED) !== 0) {
              report(use.node, 'tooLate', {
                api: quoteCall(use.node, use),
                when: def.wording.after ?? 'too late',
                effect: use.api.effect,
                fix: def.wording.afterFix ?? def.wording.fix,
              });
            }
          }
          continue;
        }

        // Scoped: module top level never has the context; context functions lose it after an `await`.
        const always = (probe: Node, within: Owner) => !behindGuard(probe, within);
        const inSetupFile = def.setupFiles?.some((suffix) => context.filename.endsWith(suffix)) ?? false;
        if (!inSetupFile) reportFrom(program, always, `at module load, ${def.wording.before}`, 0);
        for (const [fn, entries] of contexts) {
          for (const entry of entries) {
            if (entry.def !== def || !isFunctionNode(fn)) continue;
            const afterAwait = (probe: Node, within: Owner) =>
              within === fn
                ? (timeline.state(probe, 'await') & MARKED) !== 0 && !behindGuard(probe, within)
                : !behindGuard(probe, within);
            reportFrom(
              fn,
              afterAwait,
              `after an \`await\` in ${entry.context.label}, ${def.wording.lost ?? def.wording.before}`,
              0,
            );
          }
        }
        const outside = def.outside;
        if (outside) {
          for (const [fn] of usesByOwner) {
            const method = fn.parent;
            if (
              fn.type === AST_NODE_TYPES.FunctionExpression &&
              method?.type === AST_NODE_TYPES.MethodDefinition &&
              method.kind === 'method' &&
              // espree's classes have no `decorators` array.
              ((method.parent.parent.decorators as TSESTree.Decorator[] | undefined)?.length ?? 0) > 0
            ) {
              const name = ASTUtils.getPropertyName(method);
              if (name !== null && outside.methods.includes(name)) {
                reportFrom(fn, always, `in \`${name}()\`, ${def.wording.before}`, 0);
              }
            }
          }
        }
      }
    };

    const channels = [...new Set([...marks.values()]), ...(hasContexts && scopedDefs.length > 0 ? ['await'] : [])];
    const timeline = createTimeline({
      probes,
      channels,
      markOf: (node) => marks.get(node) ?? (hasContexts && isContextAwait(node) ? 'await' : undefined),
      markTypes: [
        ...new Set([...marks.keys()].map((node) => node.type)),
        ...(hasContexts ? [AST_NODE_TYPES.AwaitExpression] : []),
      ],
      onEnd: resolve,
    });
    return timeline.listeners;
  },
});
