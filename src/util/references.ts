import { isBuiltin } from 'node:module';

import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

const { ReferenceTracker } = ASTUtils;

type ReferenceTrackerInstance = InstanceType<typeof ASTUtils.ReferenceTracker>;
export type TraceMap = Parameters<ReferenceTrackerInstance['iterateGlobalReferences']>[0];
export type TraceMapElement = TraceMap[string];
// Re-exported with plain types: declaration emit cannot name the tracker's own.
export const READ: symbol = ReferenceTracker.READ;
export const CALL: symbol = ReferenceTracker.CALL;
export const CONSTRUCT: symbol = ReferenceTracker.CONSTRUCT;

/** A node that uses a traced API, what kind of use it is (`READ`, `CALL`, `CONSTRUCT`) and the trace map's info. */
export interface TracedReference {
  readonly node: TSESTree.Node;
  readonly type: symbol;
  readonly info: unknown;
}

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * The global scope as `ReferenceTracker` should see it. A config that does not
 * declare Node's or the browser's globals (common in TypeScript projects,
 * where `no-undef` is off) leaves `process`, `console` or `require` as
 * unresolved references with no variable, and the tracker would skip them. An
 * unresolved name can only be the global of that name, so each one gets a
 * stand-in variable holding its references. Declared globals and locals that
 * shadow a global are left exactly as the scope manager resolved them.
 */
function withImplicitGlobals(globalScope: Scope): Scope {
  // The tracker reads only these fields of a variable.
  type StandIn = Pick<Variable, 'name' | 'defs' | 'references'>;
  const implicit = new Map<string, StandIn>();
  for (const reference of globalScope.through) {
    const { name } = reference.identifier;
    if (globalScope.set.has(name)) continue;
    let variable = implicit.get(name);
    if (!variable) {
      variable = { name, defs: [], references: [] };
      implicit.set(name, variable);
    }
    variable.references.push(reference);
  }
  if (implicit.size === 0) return globalScope;
  const set = new Map<string, Variable | StandIn>([...globalScope.set, ...implicit]);
  return Object.create(globalScope, { set: { value: set } }) as Scope;
}

/** One tracker per file, shared by every rule; keyed by the AST so that nothing outlives the file. */
const trackers = new WeakMap<TSESTree.Program, ReferenceTrackerInstance | null>();

/**
 * The file's `ReferenceTracker`: resolves globals (declared or implicit),
 * `import` and `require` to the nodes that really use a module's API, through
 * destructuring and `const` aliases, never through a shadowing local.
 * CommonJS modules bind both the default and the named imports ("legacy"),
 * as Node does for its built-ins.
 */
function trackerOf(sourceCode: SourceCode): ReferenceTrackerInstance | undefined {
  const cached = trackers.get(sourceCode.ast);
  if (cached !== undefined) return cached ?? undefined;
  const globalScope = sourceCode.scopeManager?.globalScope;
  const tracker = globalScope ? new ReferenceTracker(withImplicitGlobals(globalScope), { mode: 'legacy' }) : null;
  trackers.set(sourceCode.ast, tracker);
  return tracker ?? undefined;
}

/** The module map with `node:process` beside `process` (and so on for every Node built-in it names); it inherits nothing. */
function withNodeAliases(modules: TraceMap): TraceMap {
  const aliased = Object.assign(Object.create(null) as TraceMap, modules);
  for (const [name, entry] of Object.entries(modules)) {
    const alias = `node:${name}`;
    if (!name.startsWith('node:') && isBuiltin(name) && !(alias in aliased)) aliased[alias] = entry;
  }
  return aliased;
}

export interface TraceMaps {
  /** Keyed by global name: `{ process: { exit: { [CALL]: … } } }`. */
  readonly globals?: TraceMap;
  /** Keyed by module specifier, for `import` and `require`; Node built-ins get their `node:` alias. */
  readonly modules?: TraceMap;
}

/*
 * The tracker is shared, and it remembers the variables an iteration is
 * inside (to stop on cycles): an iteration started inside another would skip
 * them. So every answer is collected in full before it is returned.
 */

/** Every use of the traced APIs in the file: through globals first, then `import`, then `require`. */
export function findReferences(sourceCode: SourceCode, maps: TraceMaps): readonly TracedReference[] {
  const tracker = trackerOf(sourceCode);
  if (!tracker) return [];
  const found: TracedReference[] = [];
  if (maps.globals) found.push(...tracker.iterateGlobalReferences(maps.globals));
  if (maps.modules) {
    const modules = withNodeAliases(maps.modules);
    found.push(...tracker.iterateEsmReferences(modules), ...tracker.iterateCjsReferences(modules));
  }
  return found;
}

/** `ReferenceTracker#iteratePropertyReferences`: in eslint-utils 4, missing from typescript-eslint's types. */
interface PropertyTracker {
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMapElement): IterableIterator<TracedReference>;
}

/** Every use of the traced members of the value `node` holds (`logger.info(…)` for the `logger` a factory made). */
export function findPropertyReferences(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  map: TraceMapElement,
): readonly TracedReference[] {
  const tracker = trackerOf(sourceCode) as unknown as PropertyTracker | undefined;
  return tracker ? [...tracker.iteratePropertyReferences(node, map)] : [];
}
