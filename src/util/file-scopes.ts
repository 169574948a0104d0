import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/* The file's scopes as the reference walk (`reference-walk.ts`) reads them. */

type Scope = TSESLint.Scope.Scope;
type Reference = TSESLint.Scope.Reference;
type Node = TSESTree.Node;

const { getInnermostScope } = ASTUtils;

/** The names `globalThis.process` and the like reach the globals through. */
export const GLOBAL_OBJECT_NAMES = ['global', 'globalThis', 'self', 'window'];

/** What the walk reads of a variable; an implicit global's stand-in has no more. */
export interface TrackedVariable {
  readonly defs: readonly unknown[];
  readonly references: readonly Reference[];
}

/** The file's scopes as the walk needs them; built once per file. */
export class FileScopes {
  private implicit: Map<string, TrackedVariable> | undefined;
  private requireCalls: readonly Node[] | undefined;
  private plain: Map<string, boolean> | undefined;

  constructor(
    readonly globalScope: Scope,
    readonly program: TSESTree.Program,
  ) {}

  /**
   * A global by name. A config that does not declare Node's or the browser's
   * globals (common in TypeScript projects, where `no-undef` is off) leaves
   * `process`, `console` or `require` as unresolved references with no
   * variable: an unresolved name can only be the global of that name, so its
   * references stand for one.
   */
  global(name: string): TrackedVariable | undefined {
    return this.globalScope.set.get(name) ?? this.implicitGlobals().get(name);
  }

  private implicitGlobals(): Map<string, TrackedVariable> {
    if (this.implicit) return this.implicit;
    const implicit = new Map<string, { defs: never[]; references: Reference[] }>();
    const { set } = this.globalScope;
    // Runs of one name are common (`console`, `console`, …): the name looked up last is kept.
    let lastName: string | undefined;
    let last: Reference[] | undefined;
    for (const reference of this.globalScope.through) {
      const { name } = reference.identifier;
      if (name !== lastName) {
        lastName = name;
        let variable = implicit.get(name);
        if (!variable && !set.has(name)) implicit.set(name, (variable = { defs: [], references: [] }));
        last = variable?.references;
      }
      last?.push(reference);
    }
    this.implicit = implicit;
    return implicit;
  }

  /**
   * Whether every identifier `name` that the file reads is the unmodified
   * global (`isModifiedGlobal`): no scope but the global one declares the
   * name, so a read is known to be the global's from the syntax alone.
   */
  isPlainGlobal(name: string): boolean {
    const plain = (this.plain ??= new Map<string, boolean>());
    let answer = plain.get(name);
    if (answer === undefined) {
      answer = !isModifiedGlobal(this.global(name)) && !declaresBelow(this.globalScope, name);
      plain.set(name, answer);
    }
    return answer;
  }

  /** The variable an identifier of a pattern declares or assigns. */
  variableOf(identifier: TSESTree.Identifier): TrackedVariable | undefined {
    const innermost = getInnermostScope(this.globalScope, identifier);
    for (let scope: Scope | null = innermost; scope; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (variable) return variable;
    }
    // An implicit global is only assigned at the top level of a script.
    return innermost === this.globalScope ? this.implicitGlobals().get(identifier.name) : undefined;
  }

  /** The calls of `require` (the global, never a local one), found by `find` once per file. */
  requires(find: () => readonly Node[]): readonly Node[] {
    this.requireCalls ??= find();
    return this.requireCalls;
  }
}

/** Whether a scope below `top` declares `name` (iteratively: scopes may nest deeply). */
function declaresBelow(top: Scope, name: string): boolean {
  const stack = [top];
  for (let scope = stack.pop(); scope; scope = stack.pop()) {
    if (scope !== top && scope.set.has(name)) return true;
    for (const child of scope.childScopes) stack.push(child);
  }
  return false;
}

/** A global that the file declares, or assigns anywhere: not the one a trace map means. */
export function isModifiedGlobal(variable: TrackedVariable | undefined): variable is undefined {
  if (!variable || variable.defs.length > 0) return true;
  for (const reference of variable.references) if (reference.isWrite()) return true;
  return false;
}

/**
 * What the reference walk finds as the calls of `require`, without a walk, in
 * the common case: no global object named, and every read of `require` a call
 * of it (`require('x')`), an argument of a call, a member access or an operand
 * (no alias, no `a || require`, no `global.require`). Anything else: `undefined`.
 */
export function directRequireCalls(scopes: FileScopes): Node[] | undefined {
  for (const name of GLOBAL_OBJECT_NAMES) {
    const variable = scopes.global(name);
    if (variable?.references.length && !isModifiedGlobal(variable)) return undefined;
  }
  const variable = scopes.global('require');
  if (!variable?.references.length || isModifiedGlobal(variable)) return [];
  const calls: Node[] = [];
  for (const reference of variable.references) {
    if (!reference.isRead()) continue;
    const { identifier } = reference;
    const { parent } = identifier;
    switch (parent.type) {
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee === identifier) calls.push(parent);
        break;
      // `require.resolve(…)`, `typeof require`, `require === undefined`: no call of it, and no alias.
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.UnaryExpression:
      case AST_NODE_TYPES.BinaryExpression:
        break;
      default:
        return undefined;
    }
  }
  return calls;
}
