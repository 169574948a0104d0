import { isBuiltin } from 'node:module';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { perFile } from './per-file.js';
import { FileScopes, Walk } from './reference-walk.js';
import { type MapNode, type TracedReference, type TraceMap, type TraceMapElement } from './trace-map.js';

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
 * names that a patch release may change, and lets each shared trace map be
 * walked at most once per file (`sharedReferences`).
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
 * log streams, timers, startup reads) are each walked at most once per file,
 * however many rules ask, and only when one asks: a file in which no rule
 * needs the log streams never walks `console`. (One merged pass over every
 * map walked them all as soon as any rule asked for `process`, and cost more
 * than the few extra lookups separate walks take: each reference of the file
 * is visited by the walks of the maps that trace its global or module only.)
 */

/**
 * A trace map whose references each file finds at most once, on first use:
 * call at module level with a fixed map, and call the answer with a file.
 */
export function sharedReferences(maps: TraceMaps): (sourceCode: SourceCode) => readonly TracedReference[] {
  return perFile((sourceCode) => findReferences(sourceCode, maps));
}
