import type {
  ApiSource,
  ContextFunction,
  ReadySignal,
  RuntimeApi,
  RuntimeDefinition,
  RuntimeOptions,
} from '../../runtimes/definition.js';
import { CALL, CONSTRUCT, READ, type TraceMap } from '../../util/references.js';
import { type ActiveRuntimes, specifiersFor } from './activate.js';

/** What a node found by the reference tracker is to a runtime. */
export type Hit =
  | { kind: 'api'; def: RuntimeDefinition; api: RuntimeApi; role: 'requires' | 'mustPrecede' }
  | { kind: 'instance'; def: RuntimeDefinition; name: string }
  | { kind: 'ready'; def: RuntimeDefinition; signal: ReadySignal }
  | { kind: 'context'; def: RuntimeDefinition; context: ContextFunction };

type MapNode = Record<string | symbol, unknown>;

/** Every API, instance, signal and context of the active runtimes, as the reference tracker takes them. */
export interface RuntimeTraceMaps {
  /** By module specifier, as the file spells it. */
  readonly modules: Record<string, MapNode>;
  readonly globals: MapNode;
  /** The members of each runtime's instances, by instance name: followed from every value of the instance. */
  readonly instances: Map<RuntimeDefinition, Map<string, MapNode>>;
}

const TRACE_KIND = { call: CALL, new: CONSTRUCT, read: READ, member: READ } as const;

/**
 * A trace map level. Its keys come from runtime definitions, user options
 * among them, and the tracker looks up names found in the linted code: it
 * inherits nothing, so that neither `__proto__` in a path nor `constructor`
 * in the code reaches `Object.prototype`.
 */
function mapNode(): MapNode {
  return Object.create(null) as MapNode;
}

/** Adds `info` at `path` of a trace map, under the tracker's `kind` key. */
function addTrace(map: MapNode, path: readonly string[], kind: symbol, info: Hit): void {
  let node = map;
  for (const key of path) {
    node = (node[key] ??= mapNode()) as MapNode;
  }
  const list = (node[kind] ??= []) as Hit[];
  list.push(info);
}

function sourceOf(from: ApiSource | undefined): string {
  if (from === undefined || from === 'module') return 'module';
  if (from === 'global') return 'global';
  return `instance:${from.instance}`;
}

/** The name of the instance an instance-bound source is: `instance:store` → `store`. */
export function instanceSource(from: ApiSource | undefined): string | undefined {
  const source = sourceOf(from);
  return source.startsWith('instance:') ? source.slice('instance:'.length) : undefined;
}

function addEntry(
  maps: RuntimeTraceMaps,
  runtimes: ActiveRuntimes,
  def: RuntimeDefinition,
  from: ApiSource | undefined,
  path: readonly string[],
  kind: symbol,
  hit: Hit,
): void {
  const instance = instanceSource(from);
  if (instance !== undefined) {
    let byName = maps.instances.get(def);
    if (!byName) maps.instances.set(def, (byName = new Map<string, MapNode>()));
    let map = byName.get(instance);
    if (!map) byName.set(instance, (map = mapNode()));
    addTrace(map, path, kind, hit);
    return;
  }
  const source = sourceOf(from);
  if (source === 'global' || (def.autoImports && runtimes.selected.has(def.name))) {
    addTrace(maps.globals, path, kind, hit);
  }
  if (source === 'module') {
    for (const specifier of specifiersFor(runtimes, def))
      addTrace((maps.modules[specifier] ??= mapNode()), path, kind, hit);
  }
}

/** Resolves every API, instance, signal and context of the active runtimes to trace-map entries. */
export function buildTraceMaps(runtimes: ActiveRuntimes, options: RuntimeOptions): RuntimeTraceMaps {
  const maps: RuntimeTraceMaps = {
    modules: Object.create(null) as Record<string, MapNode>,
    globals: mapNode(),
    instances: new Map(),
  };
  const add = (def: RuntimeDefinition, from: ApiSource | undefined, path: readonly string[], kind: symbol, hit: Hit) =>
    addEntry(maps, runtimes, def, from, path, kind, hit);
  for (const def of runtimes.active) {
    for (const api of def.requiresUnder?.(options) ?? def.requires) {
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
    for (const context of def.contexts ?? []) {
      const hit: Hit = { kind: 'context', def, context };
      if (context.module === undefined) {
        add(def, 'module', context.path, CALL, hit);
      } else if (runtimes.specifiers.has(context.module)) {
        addTrace((maps.modules[context.module] ??= mapNode()), context.path, CALL, hit);
      }
    }
  }
  return maps;
}

/** A trace map as the tracker's types name it. */
export function asTraceMap(map: MapNode): TraceMap {
  return map as TraceMap;
}
