import { ASTUtils, type TSESTree } from '@typescript-eslint/utils';

/* The trace-map format of eslint-utils' `ReferenceTracker`, which the plugin's reference walk reads. */

const { ReferenceTracker } = ASTUtils;

type ReferenceTrackerInstance = InstanceType<typeof ASTUtils.ReferenceTracker>;
export type TraceMap = Parameters<ReferenceTrackerInstance['iterateGlobalReferences']>[0];
export type TraceMapElement = TraceMap[string];
// The trace maps keep eslint-utils' format and symbols, so that they read the
// same to eslint-utils' `ReferenceTracker` (the tests compare the two).
// Re-exported with plain types: declaration emit cannot name the tracker's own.
export const READ: symbol = ReferenceTracker.READ;
export const CALL: symbol = ReferenceTracker.CALL;
export const CONSTRUCT: symbol = ReferenceTracker.CONSTRUCT;
export const ESM: symbol = ReferenceTracker.ESM;

/** A node that uses a traced API, what kind of use it is (`READ`, `CALL`, `CONSTRUCT`) and the trace map's info. */
export interface TracedReference {
  readonly node: TSESTree.Node;
  readonly type: symbol;
  readonly info: unknown;
}

export type MapNode = Readonly<Record<string | symbol, unknown>>;

export const hasOwn = (map: MapNode, key: string | symbol): boolean => Object.prototype.hasOwnProperty.call(map, key);

/** `{ default: map, ...map }`: a CommonJS module's exports are both its default and its names. */
const legacyViews = new WeakMap<MapNode, MapNode>();
export function legacyView(map: MapNode): MapNode {
  let view = legacyViews.get(map);
  if (!view) {
    view = Object.assign(Object.create(null) as Record<string | symbol, unknown>, { default: map }, map);
    legacyViews.set(map, view);
  }
  return view;
}

/** The keys of a trace map that never changes (a shared map walked for every file), listed once. */
const fixedMapKeys = new WeakMap<TraceMap, readonly string[]>();
export function fixedKeys(map: TraceMap): readonly string[] {
  let keys = fixedMapKeys.get(map);
  if (!keys) fixedMapKeys.set(map, (keys = Object.keys(map)));
  return keys;
}

/**
 * A fixed map's children by key, as a `Map` (see `indexChildren`): not
 * enumerable, so `Object.keys` and `Object.assign` never see it.
 */
export const CHILDREN: unique symbol = Symbol('children');

/** Indexes the children of a fixed map and of each map below it under `CHILDREN`; the maps must never change after. */
export function indexChildren(map: MapNode): void {
  const children = new Map<string, MapNode>();
  for (const key of Object.keys(map)) {
    const child = map[key] as MapNode;
    children.set(key, child);
    indexChildren(child);
  }
  Object.defineProperty(map, CHILDREN, { value: children });
}
