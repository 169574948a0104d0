import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isWrapper } from './ast.js';
import {
  CALL,
  CONSTRUCT,
  ESM,
  hasOwn,
  legacyView,
  type MapNode,
  READ,
  type TracedReference,
  type TraceMap,
} from './trace-map.js';

/* The walk behind `references.ts`: see there for what it answers and why it is ours. */

/**
 * How many variables a value is followed through: `const p1 = process; const
 * p2 = p1; …` is followed up to `p32`. Real code aliases a module or a global
 * once or twice; the budget keeps a generated chain of thousands of aliases
 * from costing more than any real file.
 */
export const MAX_ALIAS_DEPTH = 32;

type Scope = TSESLint.Scope.Scope;
type Reference = TSESLint.Scope.Reference;
type Node = TSESTree.Node;

/** What the walk reads of a variable; an implicit global's stand-in has no more. */
interface TrackedVariable {
  readonly defs: readonly unknown[];
  readonly references: readonly Reference[];
}

/** The names `globalThis.process` and the like reach the globals through. */
const GLOBAL_OBJECT_NAMES = ['global', 'globalThis', 'self', 'window'];
const REQUIRE: TraceMap = { require: { [CALL]: true } };

/**
 * How far a path into a module imported without an ESM trace map has gone:
 * not yet into it, through its `default` only, or to a named member. A read
 * of the module object itself (`import m from 'm'` gives the default, which
 * stands for the whole CommonJS module) is not a use of one of its APIs.
 */
const AT_MODULE = 0;
const AT_DEFAULT = 1;
const NAMED = 2;
type PathState = typeof AT_MODULE | typeof AT_DEFAULT | typeof NAMED;

function stepInto(state: PathState, key: string): PathState {
  return state === AT_MODULE && key === 'default' ? AT_DEFAULT : NAMED;
}

/** The file's scopes as the walk needs them; built once per file. */
export class FileScopes {
  private implicit: Map<string, TrackedVariable> | undefined;
  private requireCalls: readonly Node[] | undefined;

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
    for (const reference of this.globalScope.through) {
      const { name } = reference.identifier;
      if (this.globalScope.set.has(name)) continue;
      let variable = implicit.get(name);
      if (!variable) {
        variable = { defs: [], references: [] };
        implicit.set(name, variable);
      }
      variable.references.push(reference);
    }
    this.implicit = implicit;
    return implicit;
  }

  /** The variable an identifier of a pattern declares or assigns. */
  variableOf(identifier: TSESTree.Identifier): TrackedVariable | undefined {
    const innermost = ASTUtils.getInnermostScope(this.globalScope, identifier);
    for (let scope: Scope | null = innermost; scope; scope = scope.upper) {
      const variable = scope.set.get(identifier.name);
      if (variable) return variable;
    }
    // An implicit global is only assigned at the top level of a script.
    return innermost === this.globalScope ? this.implicitGlobals().get(identifier.name) : undefined;
  }

  /** The calls of `require` (the global, never a local one), found once per file. */
  requires(): readonly Node[] {
    this.requireCalls ??= new Walk(this).globals(REQUIRE).map((reference) => reference.node);
    return this.requireCalls;
  }
}

function isModifiedGlobal(variable: TrackedVariable | undefined): variable is undefined {
  return !variable || variable.defs.length > 0 || variable.references.some((reference) => reference.isWrite());
}

/** A node whose value its parent hands on unchanged: `a || b`, `c ? a : b`, `(x, a)`, `a?.b`, `a as T`. */
function isPassThrough(node: Node): boolean {
  const { parent } = node;
  switch (parent?.type) {
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.consequent === node || parent.alternate === node;
    case AST_NODE_TYPES.SequenceExpression:
      return parent.expressions.at(-1) === node;
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    default:
      // The type-only wrappers and `a?.b`: util/ast.ts holds what they are.
      return parent !== undefined && isWrapper(parent, { chain: true });
  }
}

/** One step of the walk, kept on its stack. */
type Step =
  | { kind: 'variable'; variable: TrackedVariable; map: MapNode; own: boolean; depth: number; state: PathState }
  | { kind: 'value'; node: Node; map: MapNode; depth: number; state: PathState }
  | { kind: 'pattern'; node: Node; map: MapNode; depth: number; state: PathState }
  | { kind: 'report'; node: Node; type: symbol; info: unknown; state: PathState }
  | { kind: 'leave'; variable: TrackedVariable };

/** How a variable was followed: with which entry, reporting its own reads or not, from where, how deep. */
interface Followed {
  readonly map: MapNode;
  readonly own: boolean;
  readonly state: PathState;
  depth: number;
}

/**
 * One search for references: steps are taken depth first, in the order
 * eslint-utils' tracker yields them. The found references, the variables
 * followed (to follow each once) and those being followed (a value assigned
 * back to its own variable is not followed round again) belong to this
 * search only, so searches never disturb each other.
 */
export class Walk {
  readonly found: TracedReference[] = [];
  /** The uses found, by node: one, or a list when a node is used in more than one way (most are used in one). */
  private readonly reported = new Map<Node, TracedReference | TracedReference[]>();
  private readonly followed = new Map<TrackedVariable, Followed[]>();
  private readonly active = new Set<TrackedVariable>();
  private readonly stack: Step[] = [];

  constructor(private readonly scopes: FileScopes) {}

  /** Uses of traced globals: by name (`process.exit`), and through the global object (`globalThis.process.exit`). */
  globals(map: TraceMap): TracedReference[] {
    for (const key of Object.keys(map)) {
      const variable = this.scopes.global(key);
      if (isModifiedGlobal(variable)) continue;
      this.run({ kind: 'variable', variable, map: map[key] as MapNode, own: true, depth: 0, state: NAMED });
    }
    for (const name of GLOBAL_OBJECT_NAMES) {
      const variable = this.scopes.global(name);
      if (isModifiedGlobal(variable)) continue;
      this.run({ kind: 'variable', variable, map: map, own: false, depth: 0, state: NAMED });
    }
    return this.found;
  }

  /** Uses of traced modules through `import` and `export … from`. */
  imports(map: TraceMap): TracedReference[] {
    for (const declaration of this.scopes.program.body) {
      if (
        declaration.type !== AST_NODE_TYPES.ImportDeclaration &&
        declaration.type !== AST_NODE_TYPES.ExportAllDeclaration &&
        declaration.type !== AST_NODE_TYPES.ExportNamedDeclaration
      ) {
        continue;
      }
      const moduleId = declaration.source?.value;
      if (moduleId === undefined || !hasOwn(map, moduleId)) continue;
      const entry = map[moduleId] as MapNode;
      this.report(declaration, READ, entry[READ], NAMED);
      if (declaration.type === AST_NODE_TYPES.ExportAllDeclaration) {
        for (const key of Object.keys(entry)) this.report(declaration, READ, (entry[key] as MapNode)[READ], NAMED);
        continue;
      }
      const esm = hasOwn(entry, ESM);
      const view = esm ? entry : legacyView(entry);
      for (const specifier of declaration.specifiers) this.importSpecifier(specifier, view, esm ? NAMED : AT_MODULE);
    }
    return this.found;
  }

  /** Uses of traced modules through `require('…')`. */
  requires(map: TraceMap): TracedReference[] {
    for (const call of this.scopes.requires()) {
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      const [argument] = call.arguments;
      const key = argument && ASTUtils.getStringIfConstant(argument);
      if (key == null || !hasOwn(map, key)) continue;
      const entry = map[key] as MapNode;
      this.report(call, READ, entry[READ], NAMED);
      this.run({ kind: 'value', node: call, map: entry, depth: 0, state: NAMED });
    }
    return this.found;
  }

  /** Uses of the traced members of the value `node` holds. */
  members(node: Node, map: MapNode): TracedReference[] {
    this.run({ kind: 'value', node, map, depth: 0, state: NAMED });
    return this.found;
  }

  private importSpecifier(
    specifier: TSESTree.ExportSpecifier | TSESTree.ImportClause,
    map: MapNode,
    state: PathState,
  ): void {
    if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) {
      const variable = this.scopes.variableOf(specifier.local);
      if (variable) this.run({ kind: 'variable', variable, map, own: false, depth: 0, state });
      return;
    }
    let key: string;
    if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier) key = 'default';
    else if (specifier.type === AST_NODE_TYPES.ImportSpecifier) key = nameOf(specifier.imported);
    else key = nameOf(specifier.local);
    if (!hasOwn(map, key)) return;
    const entry = map[key] as MapNode;
    const next = stepInto(state, key);
    this.report(specifier, READ, entry[READ], next);
    if (specifier.type === AST_NODE_TYPES.ExportSpecifier) return;
    const variable = this.scopes.variableOf(specifier.local);
    if (variable) this.run({ kind: 'variable', variable, map: entry, own: false, depth: 0, state: next });
  }

  /** Records a use, unless a path into a module has not reached one of its APIs, or the use is known. */
  private report(node: Node, type: symbol, info: unknown, state: PathState): void {
    // A falsy entry is no entry, as in eslint-utils' tracker.
    if (!info || (type === READ && state !== NAMED)) return;
    const known = this.reported.get(node);
    const use: TracedReference = { node, type, info };
    if (known === undefined) {
      this.reported.set(node, use);
    } else if (Array.isArray(known)) {
      if (known.some((each) => each.type === type && each.info === info)) return;
      known.push(use);
    } else {
      if (known.type === type && known.info === info) return;
      this.reported.set(node, [known, use]);
    }
    this.found.push(use);
  }

  private run(first: Step): void {
    const { stack } = this;
    stack.push(first);
    for (let step = stack.pop(); step; step = stack.pop()) {
      switch (step.kind) {
        case 'variable':
          this.followVariable(step);
          break;
        case 'value':
          this.followValue(step.node, step.map, step.depth, step.state);
          break;
        case 'pattern':
          this.followPattern(step.node, step.map, step.depth, step.state);
          break;
        case 'report':
          this.report(step.node, step.type, step.info, step.state);
          break;
        case 'leave':
          this.active.delete(step.variable);
          break;
      }
    }
  }

  /** Steps go on the stack in reverse, so that they are taken in order. */
  private followVariable(step: Extract<Step, { kind: 'variable' }>): void {
    const { variable, map, own, depth, state } = step;
    if (this.active.has(variable)) return;
    let followed = this.followed.get(variable);
    if (!followed) this.followed.set(variable, (followed = []));
    const before = followed.find((each) => each.map === map && each.own === own && each.state === state);
    // Followed already, and as deep: a shallower path may go further before the budget ends it.
    if (before && before.depth <= depth) return;
    if (before) before.depth = depth;
    else followed.push({ map, own, state, depth });

    this.active.add(variable);
    this.stack.push({ kind: 'leave', variable });
    const { references } = variable;
    for (let index = references.length - 1; index >= 0; index -= 1) {
      const reference = references[index];
      if (!reference?.isRead()) continue;
      this.stack.push({ kind: 'value', node: reference.identifier, map, depth, state });
      // A falsy entry reports nothing: no step for it.
      if (own && map[READ])
        this.stack.push({ kind: 'report', node: reference.identifier, type: READ, info: map[READ], state });
    }
  }

  /** Where the value of `start` goes: its members, a call of it, the variables it is stored in. */
  private followValue(start: Node, startMap: MapNode, depth: number, startState: PathState): void {
    let node = start;
    let map = startMap;
    let state = startState;
    for (;;) {
      while (node.parent && isPassThrough(node)) node = node.parent;
      const { parent } = node;
      switch (parent?.type) {
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== node) return;
          const key = ASTUtils.getPropertyName(parent);
          if (key === null || !hasOwn(map, key)) return;
          map = map[key] as MapNode;
          state = stepInto(state, key);
          this.report(parent, READ, map[READ], state);
          node = parent;
          break;
        }
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === node) this.report(parent, CALL, map[CALL], state);
          return;
        case AST_NODE_TYPES.NewExpression:
          if (parent.callee === node) this.report(parent, CONSTRUCT, map[CONSTRUCT], state);
          return;
        case AST_NODE_TYPES.AssignmentExpression:
          // `a = b = value`: the value goes to `a` as well.
          if (parent.right === node) {
            this.stack.push({ kind: 'value', node: parent, map, depth, state });
            this.stack.push({ kind: 'pattern', node: parent.left, map, depth, state });
          }
          return;
        case AST_NODE_TYPES.AssignmentPattern:
          if (parent.right === node) this.stack.push({ kind: 'pattern', node: parent.left, map, depth, state });
          return;
        case AST_NODE_TYPES.VariableDeclarator:
          if (parent.init === node) this.stack.push({ kind: 'pattern', node: parent.id, map, depth, state });
          return;
        default:
          return;
      }
    }
  }

  /** The variables a pattern stores the value (or its destructured members) in. */
  private followPattern(pattern: Node, map: MapNode, depth: number, state: PathState): void {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier: {
        if (depth >= MAX_ALIAS_DEPTH) return;
        const variable = this.scopes.variableOf(pattern);
        if (variable) this.stack.push({ kind: 'variable', variable, map, own: false, depth: depth + 1, state });
        return;
      }
      case AST_NODE_TYPES.ObjectPattern: {
        const { properties } = pattern;
        for (let index = properties.length - 1; index >= 0; index -= 1) {
          const property = properties[index];
          if (property?.type !== AST_NODE_TYPES.Property) continue;
          const key = ASTUtils.getPropertyName(property);
          if (key === null || !hasOwn(map, key)) continue;
          const entry = map[key] as MapNode;
          const next = stepInto(state, key);
          this.stack.push({ kind: 'pattern', node: property.value, map: entry, depth, state: next });
          this.stack.push({ kind: 'report', node: property, type: READ, info: entry[READ], state: next });
        }
        return;
      }
      case AST_NODE_TYPES.AssignmentPattern:
        this.stack.push({ kind: 'pattern', node: pattern.left, map, depth, state });
        return;
      default:
        return;
    }
  }
}

function nameOf(name: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return name.type === AST_NODE_TYPES.Identifier ? name.name : name.value;
}
