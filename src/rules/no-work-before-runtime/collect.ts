import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type {
  ContextFunction,
  ReadySignal,
  RuntimeApi,
  RuntimeDefinition,
  RuntimeOptions,
} from '../../runtimes/definition.js';
import { type FunctionNode, isFunctionNode, staticMemberName } from '../../util/ast.js';
import { findPropertyReferences, findReferences, type TracedReference } from '../../util/references.js';
import type { ActiveRuntimes } from './activate.js';
import { asTraceMap, buildTraceMaps, type Hit, instanceSource, type RuntimeTraceMaps } from './trace-maps.js';

const { DefinitionType, ScopeType } = TSESLint.Scope;

type Node = TSESTree.Node;
type SourceCode = Readonly<TSESLint.SourceCode>;

/** A node that uses a runtime's API. */
export interface Use {
  readonly def: RuntimeDefinition;
  readonly api: RuntimeApi;
  readonly node: Node;
  readonly role: 'requires' | 'mustPrecede';
}

/** A call that runs a function of this file, or registers it as a handler. */
export interface CallSite {
  readonly call: TSESTree.CallExpression;
  readonly callee: FunctionNode;
  /** A handler registered by this call, which may run before ready (`app.on('activate', cb)`): the event name. */
  readonly earlyEvent?: string;
  readonly earlyFor?: RuntimeDefinition;
}

/** What the file does with the active runtimes. */
export interface Collected {
  readonly uses: Use[];
  /** Nodes that make a runtime ready once they complete (`await app.whenReady()`), by runtime name. */
  readonly marks: Map<Node, string>;
  /** Functions that run once a runtime is ready (`app.whenReady().then(cb)`). */
  readonly readyCallbacks: Map<RuntimeDefinition, Set<Node>>;
  /** Calls whose truth means the runtime is there (`app.isReady()`). */
  readonly guardCalls: Map<RuntimeDefinition, Set<Node>>;
  /** Functions that have a scoped runtime's context while they run synchronously (`setup()`). */
  readonly contexts: Map<Node, { def: RuntimeDefinition; context: ContextFunction }[]>;
  /** The values of each runtime's instances, by instance name. */
  readonly instanceValues: Map<RuntimeDefinition, Map<string, Node[]>>;
  readonly earlyHandlers: CallSite[];
  /** Handlers imported from another module and registered where they may run before ready (`app.on('activate', createWindow)`). */
  readonly earlyImports: EarlyImport[];
}

/** An imported function registered as a handler that may run before ready. */
export interface EarlyImport {
  readonly call: TSESTree.CallExpression;
  readonly handler: TSESTree.Identifier;
  readonly event: string;
  readonly def: RuntimeDefinition;
}

interface CollectedFile {
  readonly sourceCode: SourceCode;
  readonly collected: Collected;
}

function addToSet(map: Map<RuntimeDefinition, Set<Node>>, def: RuntimeDefinition, node: Node): void {
  let set = map.get(def);
  if (!set) map.set(def, (set = new Set()));
  set.add(node);
}

function asFunction(node: Node | undefined): FunctionNode | undefined {
  return node && isFunctionNode(node) ? node : undefined;
}

/** The tracker follows `let` aliases too; a binding written after its declaration may hold anything. */
function isReassigned(sourceCode: SourceCode, node: Node): boolean {
  let root: Node = node;
  for (;;) {
    if (root.type === AST_NODE_TYPES.CallExpression || root.type === AST_NODE_TYPES.NewExpression) root = root.callee;
    else if (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
    else break;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
  return variable?.references.some((reference) => reference.isWrite() && !reference.init) ?? false;
}

function addUse(file: CollectedFile, def: RuntimeDefinition, api: RuntimeApi, role: Use['role'], node: Node): void {
  if (api.escapeArgument !== undefined && node.type === AST_NODE_TYPES.CallExpression) {
    if (node.arguments.length > api.escapeArgument) return;
  }
  if (isReassigned(file.sourceCode, node)) return;
  file.collected.uses.push({ def, api, role, node });
}

function handleHit(file: CollectedFile, node: Node, hit: Hit): void {
  const { collected, sourceCode } = file;
  switch (hit.kind) {
    case 'api':
      if (hit.api.use === 'member') {
        for (const access of memberAccesses(sourceCode, node)) addUse(file, hit.def, hit.api, hit.role, access);
      } else {
        addUse(file, hit.def, hit.api, hit.role, node);
      }
      return;
    case 'instance': {
      let byName = collected.instanceValues.get(hit.def);
      if (!byName) collected.instanceValues.set(hit.def, (byName = new Map<string, Node[]>()));
      let values = byName.get(hit.name);
      if (!values) byName.set(hit.name, (values = []));
      // Stored: followed through a `const` only (a `let` may be reassigned). Otherwise the value itself (`fastify().get(…)`).
      if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator) values.push(...constReferences(sourceCode, node));
      else values.push(node);
      return;
    }
    case 'ready':
      handleReady(sourceCode, collected, hit.def, hit.signal, node);
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
      let list = collected.contexts.get(fn);
      if (!list) collected.contexts.set(fn, (list = []));
      list.push({ def: hit.def, context: hit.context });
    }
  }
}

/** `Promise.all(list)` / `Promise.allSettled(list)`: settles only once each promise of `list` has. */
function isPromiseAll(call: Node, list: Node): call is TSESTree.CallExpression {
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === list &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    call.callee.object.type === AST_NODE_TYPES.Identifier &&
    call.callee.object.name === 'Promise' &&
    ['all', 'allSettled'].includes(staticMemberName(call.callee) ?? '')
  );
}

/**
 * A ready promise's value: `await promise` marks ready, `promise.then(cb)` runs
 * `cb` once ready (through `.catch`/`.finally` too), and a `const` holding the
 * promise, or its chain, is followed to its reads (`const ready = app.whenReady(); … await ready`).
 */
function followPromise(sourceCode: SourceCode, collected: Collected, def: RuntimeDefinition, start: Node): void {
  const pending = [start];
  const seen = new Set<Node>();
  for (let promise = pending.pop(); promise; promise = pending.pop()) {
    if (seen.has(promise)) continue;
    seen.add(promise);
    const { parent } = promise;
    if (parent?.type === AST_NODE_TYPES.AwaitExpression) {
      collected.marks.set(parent, def.name);
    } else if (parent?.type === AST_NODE_TYPES.VariableDeclarator) {
      pending.push(...constReferences(sourceCode, promise));
    } else if (parent?.type === AST_NODE_TYPES.ArrayExpression && isPromiseAll(parent.parent, parent)) {
      // `Promise.all([load(), app.whenReady()])` settles only once every promise has.
      pending.push(parent.parent);
    } else if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === promise &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    ) {
      const method = staticMemberName(parent);
      if (method === 'then') {
        const fn = asFunction(parent.parent.arguments[0]);
        if (fn) addToSet(collected.readyCallbacks, def, fn);
      }
      if (method === 'then' || method === 'catch' || method === 'finally') pending.push(parent.parent);
    }
  }
}

function handleReady(
  sourceCode: SourceCode,
  collected: Collected,
  def: RuntimeDefinition,
  signal: ReadySignal,
  node: Node,
): void {
  const { marks, guardCalls, readyCallbacks, earlyHandlers } = collected;
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
      // `await ready()`, `ready().then(cb)`, and the same through a `const` (`const ready = app.whenReady(); await ready`).
      followPromise(sourceCode, collected, def, node);
      return;
    }
    case 'early': {
      const [event, handler] = node.arguments;
      const fn = asFunction(handler);
      if (event?.type !== AST_NODE_TYPES.Literal || !signal.events?.includes(String(event.value))) return;
      if (fn) earlyHandlers.push({ call: node, callee: fn, earlyEvent: String(event.value), earlyFor: def });
      else if (handler?.type === AST_NODE_TYPES.Identifier && isImported(sourceCode, handler)) {
        collected.earlyImports.push({ call: node, handler, event: String(event.value), def });
      }
      return;
    }
    case 'install':
      return;
  }
}

/** Whether a name is an import binding of the module. */
function isImported(sourceCode: SourceCode, name: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(name), name);
  return variable?.defs[0]?.type === DefinitionType.ImportBinding;
}

/** Member accesses of an object the tracker found (`screen` → `screen.getPrimaryDisplay`). */
function memberAccesses(sourceCode: SourceCode, node: Node): Node[] {
  if (
    (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) &&
    node.parent.type === AST_NODE_TYPES.MemberExpression &&
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
    .map((identifier) => identifier.parent);
}

/** The reads of the `const` a value is stored in (`const useStore = defineStore(…)`). */
function constReferences(sourceCode: SourceCode, node: Node): Node[] {
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
}

/**
 * Instances: store hooks, servers, actor systems. Their own APIs are followed
 * from every value, and a value handed to `.use()` installs the runtime
 * (`app.use(pinia)`). Values found on the way are followed too.
 */
function followInstances(file: CollectedFile, maps: RuntimeTraceMaps): void {
  const { collected, sourceCode } = file;
  for (const [def, byName] of collected.instanceValues) {
    for (const [name, values] of byName) {
      const map = maps.instances.get(def)?.get(name);
      for (const value of values) {
        if (map) handleAll(file, findPropertyReferences(sourceCode, value, asTraceMap(map)));
        const installs = def.ready?.some(
          (signal) => signal.signal === 'install' && instanceSource(signal.from) === name,
        );
        const { parent } = value;
        if (
          installs &&
          parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments.includes(value as TSESTree.CallExpressionArgument) &&
          parent.callee.type === AST_NODE_TYPES.MemberExpression &&
          staticMemberName(parent.callee) === 'use'
        ) {
          collected.marks.set(parent, def.name);
        }
      }
    }
  }
}

/** `app.use(pinia)` with an instance imported from another module may be the install: when unsure, assume it is. */
function markImportedInstalls(file: CollectedFile, active: readonly RuntimeDefinition[]): void {
  const { collected, sourceCode } = file;
  const installers = active.filter((def) => def.ready?.some((signal) => signal.signal === 'install'));
  if (installers.length > 0) {
    const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find(
      (scope) => scope.type === ScopeType.module,
    );
    for (const variable of moduleScope?.variables ?? []) {
      if (variable.defs[0]?.type !== DefinitionType.ImportBinding) continue;
      for (const { identifier } of variable.references) {
        const call = identifier.parent;
        if (
          call.type === AST_NODE_TYPES.CallExpression &&
          call.arguments.includes(identifier as TSESTree.Identifier) &&
          call.callee.type === AST_NODE_TYPES.MemberExpression &&
          staticMemberName(call.callee) === 'use'
        ) {
          for (const def of installers) collected.marks.set(call, def.name);
        }
      }
    }
  }
}

function handleAll(file: CollectedFile, references: readonly TracedReference[]): void {
  for (const { node, info } of references) for (const hit of info as Hit[]) handleHit(file, node, hit);
}

/** Finds every use, ready signal, guard, context and instance of the active runtimes in the file. */
export function collectRuntimeUses(
  sourceCode: SourceCode,
  runtimes: ActiveRuntimes,
  options: RuntimeOptions,
): Collected {
  const collected: Collected = {
    uses: [],
    marks: new Map(),
    readyCallbacks: new Map(),
    guardCalls: new Map(),
    contexts: new Map(),
    instanceValues: new Map(),
    earlyHandlers: [],
    earlyImports: [],
  };
  const file: CollectedFile = { sourceCode, collected };
  const maps = buildTraceMaps(runtimes, options);
  handleAll(file, findReferences(sourceCode, { globals: asTraceMap(maps.globals), modules: asTraceMap(maps.modules) }));
  for (const [def, instances] of runtimes.importedInstances) {
    let byName = collected.instanceValues.get(def);
    if (!byName) collected.instanceValues.set(def, (byName = new Map<string, Node[]>()));
    for (const { instance, variable } of instances) {
      const values = byName.get(instance) ?? [];
      byName.set(instance, values);
      values.push(
        ...variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier),
      );
    }
  }
  for (const def of runtimes.active) {
    for (const { api, node } of def.shapedUses?.(sourceCode) ?? []) addUse(file, def, api, 'requires', node);
  }
  followInstances(file, maps);
  if (collected.uses.length > 0) markImportedInstalls(file, runtimes.active);
  return collected;
}
