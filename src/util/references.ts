import { ASTUtils, type TSESLint } from '@typescript-eslint/utils';

const { ReferenceTracker } = ASTUtils;

export type ReferenceTrackerInstance = InstanceType<typeof ASTUtils.ReferenceTracker>;
export type TraceMap = Parameters<ReferenceTrackerInstance['iterateGlobalReferences']>[0];
export type TraceMapElement = TraceMap[string];
// Re-exported with plain types: declaration emit cannot name the tracker's own.
export const READ: symbol = ReferenceTracker.READ;
export const CALL: symbol = ReferenceTracker.CALL;
export const CONSTRUCT: symbol = ReferenceTracker.CONSTRUCT;
export const ESM: symbol = ReferenceTracker.ESM;

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

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

/**
 * A `ReferenceTracker` for the file: resolves globals (declared or implicit),
 * `import` and `require` to the nodes that really use a module's API, through
 * destructuring and `const` aliases, never through a shadowing local.
 * CommonJS modules bind both the default and the named imports ("legacy"),
 * as Node does for its built-ins.
 */
export function createReferenceTracker(
  sourceCode: Readonly<TSESLint.SourceCode>,
): ReferenceTrackerInstance | undefined {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return undefined;
  return new ReferenceTracker(withImplicitGlobals(globalScope), { mode: 'legacy' });
}
