import { isBuiltin } from 'node:module';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { perFile } from './per-file.js';
import { FileScopes, Walk } from './reference-walk.js';
import {
  CALL,
  CONSTRUCT,
  ESM,
  hasOwn,
  type MapNode,
  READ,
  type TracedReference,
  type TraceMap,
  type TraceMapElement,
} from './trace-map.js';

export { MAX_ALIAS_DEPTH } from './reference-walk.js';
export { CALL, CONSTRUCT, READ, type TracedReference, type TraceMap, type TraceMapElement } from './trace-map.js';

/*
 * The reference tracker: which nodes use a traced API, found from globals
 * (declared or implicit), `import` and `require`, through member accesses,
 * calls, destructuring and aliases, never through a local that shadows a
 * global. It reads the trace maps of eslint-utils' `ReferenceTracker` and
 * answers what that tracker answers (in "legacy" mode: a CommonJS module
 * binds both the default and the named imports, as Node does for its
 * built-ins), with three differences:
 *
 * - It is iterative: an explicit stack in place of recursive generators, so
 *   that no input can overflow the call stack (eslint-utils' tracker
 *   overflowed on a chain of 1,200 `const` aliases and aborted the run).
 * - Aliases are followed `MAX_ALIAS_DEPTH` variables deep, no deeper.
 * - A variable is followed once per trace-map entry (and a node reported
 *   once per use), where eslint-utils' tracker follows it again on every
 *   path that reaches it: `let a; a = x; a = x;` chains double the work at
 *   each link.
 *
 * Owning the walk (rather than subclassing eslint-utils' private methods with
 * a depth counter) ties the bound to code of this repository, not to private
 * names that a patch release may change, and lets shared trace maps be
 * walked together, once per file (`sharedReferences`).
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface TraceMaps {
  /** Keyed by global name: `{ process: { exit: { [CALL]: … } } }`. */
  readonly globals?: TraceMap;
  /** Keyed by module specifier, for `import` and `require`; Node built-ins get their `node:` alias. */
  readonly modules?: TraceMap;
}

/** Modules with `node:process` beside `process` (and so on for every Node built-in they name); the map inherits nothing. */
const aliasedModules = new WeakMap<TraceMap, TraceMap>();
function withNodeAliases(modules: TraceMap): TraceMap {
  let aliased = aliasedModules.get(modules);
  if (!aliased) {
    aliased = Object.assign(Object.create(null) as TraceMap, modules);
    for (const [name, entry] of Object.entries(modules)) {
      const alias = `node:${name}`;
      if (!name.startsWith('node:') && isBuiltin(name) && !(alias in aliased)) aliased[alias] = entry;
    }
    aliasedModules.set(modules, aliased);
  }
  return aliased;
}

const scopesOf = perFile((sourceCode): FileScopes | undefined => {
  const globalScope = sourceCode.scopeManager?.globalScope;
  return globalScope ? new FileScopes(globalScope, sourceCode.ast) : undefined;
});

function walkAll(scopes: FileScopes, globals: TraceMap | undefined, modules: TraceMap | undefined): TracedReference[] {
  const walk = new Walk(scopes);
  if (globals) walk.globals(globals);
  if (modules) {
    walk.imports(modules);
    walk.requires(modules);
  }
  return walk.found;
}

/** Every use of the traced APIs in the file: through globals first, then `import`, then `require`. */
export function findReferences(sourceCode: SourceCode, maps: TraceMaps): readonly TracedReference[] {
  const scopes = scopesOf(sourceCode);
  return scopes ? walkAll(scopes, maps.globals, maps.modules && withNodeAliases(maps.modules)) : [];
}

/** Every use of the traced members of the value `node` holds (`logger.info(…)` for the `logger` a factory made). */
export function findPropertyReferences(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  map: TraceMapElement,
): readonly TracedReference[] {
  const scopes = scopesOf(sourceCode);
  return scopes ? new Walk(scopes).members(node, map as MapNode) : [];
}

/*
 * Shared trace maps: the fixed maps of the plugin's modules (Node's process,
 * startup reads, log streams, timers) are merged by group, and each group is
 * walked in one pass per file, on first use, however many rules ask. A
 * group's merged map lists, at each entry, the info of each map that has it.
 * Each answer is the part of its group's pass that its own map would have
 * found alone. Groups keep a file from paying for what no rule asks about:
 * every rule that reads `process` needs its members, but only a file with an
 * exit or a fatal handler to judge needs `console` and the log libraries
 * walked (one merged pass over every map walked `console` in every file).
 */

/** An entry of a merged map: which shared map of the group it came from, and that map's info. */
interface SharedInfo {
  readonly owner: number;
  readonly info: unknown;
}

interface SharedGroup {
  readonly maps: { globals: TraceMap; modules: TraceMap }[];
  merged: { globals: TraceMap; modules: TraceMap } | undefined;
  /** Each map's references in a file, by the order the maps joined the group. */
  readonly found: (sourceCode: SourceCode) => (readonly TracedReference[] | undefined)[];
}

const groups = new Map<string, SharedGroup>();

function mergeInto(into: Record<string | symbol, unknown>, from: MapNode, owner: number): void {
  for (const type of [READ, CALL, CONSTRUCT]) {
    const info = from[type];
    if (info) ((into[type] ??= []) as SharedInfo[]).push({ owner, info });
  }
  for (const key of Object.keys(from)) {
    if (!hasOwn(into, key)) into[key] = Object.create(null);
    mergeInto(into[key] as Record<string | symbol, unknown>, from[key] as MapNode, owner);
  }
}

function mergedMaps(group: SharedGroup): { globals: TraceMap; modules: TraceMap } {
  if (group.merged) return group.merged;
  const globals = Object.create(null) as Record<string | symbol, unknown>;
  const modules = Object.create(null) as Record<string | symbol, unknown>;
  group.maps.forEach((maps, owner) => {
    mergeInto(globals, maps.globals, owner);
    mergeInto(modules, maps.modules, owner);
  });
  group.merged = { globals: globals as TraceMap, modules: modules as TraceMap };
  return group.merged;
}

function createGroup(): SharedGroup {
  const group: SharedGroup = {
    maps: [],
    merged: undefined,
    found: perFile((sourceCode) => {
      const scopes = scopesOf(sourceCode);
      const lists: TracedReference[][] = group.maps.map(() => []);
      if (!scopes) return lists;
      const { globals, modules } = mergedMaps(group);
      for (const { node, type, info } of walkAll(scopes, globals, modules)) {
        for (const shared of info as SharedInfo[]) lists[shared.owner]?.push({ node, type, info: shared.info });
      }
      return lists;
    }),
  };
  return group;
}

/**
 * Trace maps whose references every file has found for it in its group's
 * one shared pass, on first use: call at module level with fixed maps and
 * the group (maps that the same files need belong together), and call the
 * answer with a file. A module's map may not take its `default` export apart
 * or mark itself as ES module (the merged map could not keep either apart).
 */
export function sharedReferences(
  maps: TraceMaps,
  groupName: 'process' | 'output',
): (sourceCode: SourceCode) => readonly TracedReference[] {
  const modules = withNodeAliases(maps.modules ?? {});
  for (const [name, entry] of Object.entries(modules)) {
    if (hasOwn(entry as MapNode, 'default') || hasOwn(entry as MapNode, ESM)) {
      throw new Error(`a shared trace map cannot take apart module '${name}': use findReferences`);
    }
  }
  let group = groups.get(groupName);
  if (!group) groups.set(groupName, (group = createGroup()));
  const owner = group.maps.push({ globals: maps.globals ?? {}, modules }) - 1;
  group.merged = undefined;
  const { found } = group;
  return (sourceCode) => {
    const lists = found(sourceCode);
    // A map shared after this file's pass (a module imported late) gets a walk of its own.
    return (lists[owner] ??= findReferences(sourceCode, maps));
  };
}
