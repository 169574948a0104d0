import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import {
  directRequireCalls,
  type FileScopes,
  GLOBAL_OBJECT_NAMES,
  isModifiedGlobal,
  type TrackedVariable,
} from './file-scopes.js';
import { type EmittedUses, ReportedUses, usesIn } from './reported-uses.js';
import {
  CALL,
  CHILDREN,
  CONSTRUCT,
  ESM,
  fixedKeys,
  hasOwn,
  legacyView,
  type MapNode,
  READ,
  type TracedReference,
  type TraceMap,
} from './trace-map.js';
import { constantString, getPropertyName, memberName, nameOf } from './walk-keys.js';
import { directMemberCall, isPassThrough } from './walk-shapes.js';

/* The walk behind `references.ts`: see there for what it answers and why it is ours. */

/**
 * How many variables a value is followed through: `const p1 = process; const
 * p2 = p1; …` is followed up to `p32`. Real code aliases a module or a global
 * once or twice; the budget keeps a generated chain of thousands of aliases
 * from costing more than any real file.
 */
export const MAX_ALIAS_DEPTH = 32;

type Node = TSESTree.Node;

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

/** One step of the walk, kept on its stack. */
type Step =
  | { kind: 'variable'; variable: TrackedVariable; map: MapNode; own: boolean; depth: number; state: PathState }
  /** A followed variable's references from `index` on: one step for all of them, taken one reference at a time. */
  | {
      kind: 'references';
      variable: TrackedVariable;
      map: MapNode;
      own: boolean;
      depth: number;
      state: PathState;
      index: number;
    }
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

/** What a walk does with each use it finds: the node, the kind of use, the trace map's info. */
export type Emit = (node: Node, type: symbol, info: unknown) => void;

/**
 * One search for references: steps are taken depth first, in the order
 * eslint-utils' tracker yields them. The found references, the variables
 * followed (to follow each once) and those being followed (a value assigned
 * back to its own variable is not followed round again) belong to this
 * search only, so searches never disturb each other.
 */
export class Walk {
  /** The uses found, when no `emit` was given. */
  readonly found: TracedReference[] = [];
  /** The uses reported (each is reported once). */
  private readonly reported: ReportedUses;
  private readonly followed = new Map<TrackedVariable, Followed[]>();
  private readonly active = new Set<TrackedVariable>();
  /** The globals whose direct member calls are left out (`answeredCalls`). */
  private readonly skipCalls = new Set<TrackedVariable>();
  private readonly stack: Step[] = [];
  private readonly emit: Emit;

  /**
   * `emit` takes each use (by default, it is kept in `found`), and `emitted`
   * reads back those it kept (else the walk keeps its own list). `fixedMaps`
   * says that every map of this walk inherits nothing and never changes (the
   * merged shared maps), so that a key is looked up as it is, without asking
   * whether the map has it as its own, and a map's keys are listed once.
   * `answeredCalls` names globals whose `directMemberCall`s the walk leaves
   * out, with every use in them, in a file where the name is the plain global
   * (`FileScopes.isPlainGlobal`): their owner answers those calls from the
   * syntax (one global, read tens of thousands of times in a generated file,
   * would otherwise keep two uses per call for the whole file).
   */
  constructor(
    private readonly scopes: FileScopes,
    emit?: Emit,
    private readonly fixedMaps = false,
    emitted?: EmittedUses,
    private readonly answeredCalls: ReadonlySet<string> = new Set(),
  ) {
    this.emit = emit ?? ((node, type, info) => this.found.push({ node, type, info }));
    this.reported = new ReportedUses(emit ? emitted : usesIn(this.found));
  }

  /** The entry of `map` for `key`, never one it inherits. */
  private entry(map: MapNode, key: string): MapNode | undefined {
    if (this.fixedMaps) {
      // A merged map's keys are indexed in a `Map` too: a key read from the file is looked up without interning it.
      const children = map[CHILDREN] as ReadonlyMap<string, MapNode> | undefined;
      return children ? children.get(key) : (map[key] as MapNode | undefined);
    }
    return hasOwn(map, key) ? (map[key] as MapNode | undefined) : undefined;
  }

  /** Uses of traced globals: by name (`process.exit`), and through the global object (`globalThis.process.exit`). */
  globals(map: TraceMap): TracedReference[] {
    for (const key of this.fixedMaps ? fixedKeys(map) : Object.keys(map)) {
      const variable = this.scopes.global(key);
      // A global the file never names has no use to find (most of a map's globals, in most files).
      if (!variable?.references.length || isModifiedGlobal(variable)) continue;
      if (this.answeredCalls.has(key) && this.scopes.isPlainGlobal(key)) this.skipCalls.add(variable);
      this.run({ kind: 'variable', variable, map: map[key] as MapNode, own: true, depth: 0, state: NAMED });
    }
    for (const name of GLOBAL_OBJECT_NAMES) {
      const variable = this.scopes.global(name);
      if (!variable?.references.length || isModifiedGlobal(variable)) continue;
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
      const entry = moduleId === undefined ? undefined : this.entry(map, moduleId);
      if (!entry) continue;
      this.report(declaration, READ, entry[READ], NAMED);
      if (declaration.type === AST_NODE_TYPES.ExportAllDeclaration) {
        // The declaration is reported once per key of the module (the infos may be the same).
        this.reported.mayRepeat();
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
    for (const call of this.scopes.requires(() => requireCalls(this.scopes))) {
      if (call.type !== AST_NODE_TYPES.CallExpression) continue;
      const [argument] = call.arguments;
      const key = argument && constantString(argument);
      const entry = key == null ? undefined : this.entry(map, key);
      if (!entry) continue;
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
    const entry = this.entry(map, key);
    if (!entry) return;
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
    if (this.reported.add(node, type, info)) this.emit(node, type, info);
  }

  private run(first: Step): void {
    const { stack } = this;
    stack.push(first);
    for (let step = stack.pop(); step; step = stack.pop()) {
      switch (step.kind) {
        case 'variable':
          this.followVariable(step);
          break;
        case 'references':
          this.followReference(step);
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
    // Followed again (by another entry, or less deep): its reads are reached again.
    if (followed.length > 0) this.reported.mayRepeat();
    if (before) before.depth = depth;
    else followed.push({ map, own, state, depth });

    this.active.add(variable);
    this.stack.push({ kind: 'leave', variable });
    this.stack.push({ kind: 'references', variable, map, own, depth, state, index: 0 });
  }

  /**
   * The next read of a followed variable: its use, then where its value goes
   * (the steps that finds go above this one, and are taken before the next read).
   */
  private followReference(step: Extract<Step, { kind: 'references' }>): void {
    const { references } = step.variable;
    const skipCalls = this.skipCalls.has(step.variable);
    let { index } = step;
    for (; index < references.length; index += 1) {
      const next = references[index];
      if (next?.isRead() && !(skipCalls && directMemberCall(next.identifier))) break;
    }
    const reference = references[index];
    if (!reference) return;
    step.index = index + 1;
    this.stack.push(step);
    const { map, own, depth, state } = step;
    if (own) this.report(reference.identifier, READ, map[READ], state);
    this.followValue(reference.identifier, map, depth, state);
  }

  /** Where the value of `start` goes: its members, a call of it, the variables it is stored in. */
  private followValue(start: Node, startMap: MapNode, depth: number, startState: PathState): void {
    let node = start;
    let map = startMap;
    let state = startState;
    for (;;) {
      while (node.parent && isPassThrough(node)) {
        node = node.parent;
        // `a || b`, `c ? a : b`: both operands reach what follows.
        if (node.type === AST_NODE_TYPES.LogicalExpression || node.type === AST_NODE_TYPES.ConditionalExpression) {
          this.reported.mayRepeat();
        }
      }
      const { parent } = node;
      switch (parent?.type) {
        case AST_NODE_TYPES.MemberExpression: {
          if (parent.object !== node) return;
          const key = memberName(parent);
          if (key === null) return;
          const entry = this.entry(map, key);
          if (!entry) return;
          map = entry;
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
          if (parent.right === node) {
            // `{ x = value } = …`: the pattern is reached from the object destructured as well.
            this.reported.mayRepeat();
            this.stack.push({ kind: 'pattern', node: parent.left, map, depth, state });
          }
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
          const key = getPropertyName(property);
          if (key === null) continue;
          const entry = this.entry(map, key);
          if (!entry) continue;
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

/** The calls of the global `require` (`globals` skips it at once in a file that never names it). */
function requireCalls(scopes: FileScopes): Node[] {
  return directRequireCalls(scopes) ?? walkRequireCalls(scopes);
}

function walkRequireCalls(scopes: FileScopes): Node[] {
  const calls: Node[] = [];
  new Walk(scopes, (node) => calls.push(node)).globals(REQUIRE);
  return calls;
}
