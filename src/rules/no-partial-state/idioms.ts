import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, outermostWrapper, staticMemberName, walk } from '../../util/ast.js';
import { CALL, findReferences, type TraceMap } from '../../util/references.js';
import type { PartialStateFile } from './context.js';
import { isGlobalName, returnedFrom } from './syntax.js';

/*
 * Places where an object asserted to a type is a known idiom rather than a
 * state object under construction: a context's default value, the target of a
 * `Proxy`, a default for a destructured value, state that stays empty until it
 * is loaded, and a class field a method of the class assigns later. The
 * framework APIs are resolved by import (or, for Vue's reactivity helpers that
 * Nuxt and unplugin-auto-import provide, as an undeclared global), never by a
 * local function's name.
 */

/** What a call's argument is to the idiom: a context default (any literal) or empty-until-loaded state (`{}` only). */
type IdiomKind = 'context-default' | 'initial-state';

interface IdiomCall {
  readonly kind: IdiomKind;
  /** Which argument is the default or initial value. */
  readonly argument: number;
}

const CONTEXT_DEFAULT: IdiomCall = { kind: 'context-default', argument: 0 };
const INJECTION_DEFAULT: IdiomCall = { kind: 'context-default', argument: 1 };
const INITIAL_STATE: IdiomCall = { kind: 'initial-state', argument: 0 };
/** `useState` from React and Preact: its setter (the second element of the destructuring) is followed too. */
const USE_STATE: IdiomCall & { readonly setter: true } = { ...INITIAL_STATE, setter: true };

const REACT_LIKE = { createContext: CONTEXT_DEFAULT, useState: USE_STATE } as const;
const VUE = {
  provide: INJECTION_DEFAULT,
  inject: INJECTION_DEFAULT,
  ref: INITIAL_STATE,
  reactive: INITIAL_STATE,
  shallowRef: INITIAL_STATE,
  shallowReactive: INITIAL_STATE,
} as const;
const VUE_REACTIVITY = {
  ref: INITIAL_STATE,
  reactive: INITIAL_STATE,
  shallowRef: INITIAL_STATE,
  shallowReactive: INITIAL_STATE,
} as const;

/** By module specifier: the APIs whose argument is a default or an initial value. */
/** Class members walked to find `this.field = …` before giving up (and excusing the field). */
const MAX_CLASS_NODES = 5000;

const IDIOM_MODULES: Readonly<Record<string, Readonly<Record<string, IdiomCall>>>> = {
  react: REACT_LIKE,
  preact: { createContext: CONTEXT_DEFAULT },
  'preact/hooks': { useState: USE_STATE },
  'preact/compat': REACT_LIKE,
  'solid-js': { createContext: CONTEXT_DEFAULT, createSignal: INITIAL_STATE },
  'solid-js/store': { createStore: INITIAL_STATE },
  'use-context-selector': { createContext: CONTEXT_DEFAULT },
  vue: VUE,
  'vue-demi': VUE,
  '@vue/composition-api': VUE,
  '@vue/runtime-core': VUE,
  '@vue/reactivity': VUE_REACTIVITY,
};

function traceMapOf(apis: Readonly<Record<string, IdiomCall>>): TraceMap {
  const map: TraceMap = {};
  for (const [name, call] of Object.entries(apis)) map[name] = { [CALL]: call };
  return map;
}

function collectIdiomCalls(file: PartialStateFile): ReadonlyMap<TSESTree.Node, IdiomCall> {
  const { sourceCode } = file;
  const modules: TraceMap = {};
  for (const [specifier, apis] of Object.entries(IDIOM_MODULES)) modules[specifier] = traceMapOf(apis);
  // Nuxt and unplugin-auto-import make Vue's reactivity helpers globals; a local function of that name is not one.
  const globals = traceMapOf(VUE_REACTIVITY);
  const calls = new Map<TSESTree.Node, IdiomCall>();
  for (const reference of findReferences(sourceCode, { modules, globals })) {
    if (reference.type !== CALL || reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
    const call = reference.info as IdiomCall & { readonly setter?: true };
    calls.set(reference.node, call);
    if (call.setter) addSetterCalls(file, reference.node, calls);
  }
  return calls;
}

/** `const [user, setUser] = useState(…)`: each `setUser(…)` call sets the state. */
function addSetterCalls(file: PartialStateFile, call: TSESTree.Node, calls: Map<TSESTree.Node, IdiomCall>): void {
  const declarator = outermostWrapper(call).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ArrayPattern)
    return;
  const setter = declarator.id.elements[1];
  if (setter?.type !== AST_NODE_TYPES.Identifier) return;
  const variable = file.sourceCode.getDeclaredVariables(declarator).find((candidate) => candidate.name === setter.name);
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier) {
      calls.set(parent, INITIAL_STATE);
    }
  }
}

/** Each file's idiom calls, found on first use; keyed by the AST so that nothing outlives the file. */
const idiomCalls = new WeakMap<TSESTree.Program, ReadonlyMap<TSESTree.Node, IdiomCall>>();

function idiomCallsOf(file: PartialStateFile): ReadonlyMap<TSESTree.Node, IdiomCall> {
  let calls = idiomCalls.get(file.sourceCode.ast);
  if (!calls) {
    calls = collectIdiomCalls(file);
    idiomCalls.set(file.sourceCode.ast, calls);
  }
  return calls;
}

/** `createContext({} as T)`, `inject(key, {} as T)`, `useState({} as T)`, `useState(() => ({} as T))`. */
function idiomArgumentKind(
  calls: ReadonlyMap<TSESTree.Node, IdiomCall>,
  operand: TSESTree.Node,
): IdiomKind | undefined {
  let argument = operand;
  const lazy = returnedFrom(operand);
  // A lazy initial value: `useState(() => ({} as T))`.
  if (lazy && lazy.type !== AST_NODE_TYPES.FunctionDeclaration) argument = lazy;
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const idiom = calls.get(call);
  if (!idiom || call.arguments[idiom.argument] !== argument) return undefined;
  if (argument !== operand && idiom.kind !== 'initial-state') return undefined;
  return idiom.kind;
}

/** `new Proxy({} as Api, handler)`: the handler answers for the target. */
function isProxyTarget(file: PartialStateFile, operand: TSESTree.Node): boolean {
  const construct = operand.parent;
  return (
    construct?.type === AST_NODE_TYPES.NewExpression &&
    construct.arguments[0] === operand &&
    isGlobalName(construct.callee, 'Proxy', file.sourceCode.getScope(construct))
  );
}

/** `const { meta = {} as RouteMeta } = route`, `function f(options = {} as Options)`: a default for an absent value. */
function isDestructuringDefault(operand: TSESTree.Node): boolean {
  return operand.parent?.type === AST_NODE_TYPES.AssignmentPattern && operand.parent.right === operand;
}

/** Pinia's options store: `state: () => ({ user: {} as User })`, empty until an action loads it. */
export function isPiniaStateValue(property: TSESTree.Property): boolean {
  const state = outermostWrapper(property.parent);
  const fn = returnedFrom(state);
  if (fn?.type === AST_NODE_TYPES.FunctionDeclaration || fn === undefined) return false;
  const holder = fn.parent;
  return (
    holder.type === AST_NODE_TYPES.Property &&
    holder.value === fn &&
    ASTUtils.getPropertyName(holder) === 'state' &&
    holder.parent.type === AST_NODE_TYPES.ObjectExpression &&
    holder.parent.parent.type === AST_NODE_TYPES.CallExpression &&
    holder.parent.parent.callee.type === AST_NODE_TYPES.Identifier &&
    holder.parent.parent.callee.name === 'defineStore'
  );
}

/** `settings = {} as Settings` in a class whose methods write `this.settings` (or its members) later. */
function isClassFieldAssignedLater(file: PartialStateFile, operand: TSESTree.Node): boolean {
  const field = operand.parent;
  if (field?.type !== AST_NODE_TYPES.PropertyDefinition || field.value !== operand || field.computed) return false;
  const name =
    field.key.type === AST_NODE_TYPES.PrivateIdentifier ? `#${field.key.name}` : ASTUtils.getPropertyName(field);
  if (name === null) return false;
  // Methods, and arrow functions kept in fields (`load = async () => { this.settings = … }`).
  const methods = field.parent.body.filter(
    (member) =>
      member.type === AST_NODE_TYPES.MethodDefinition ||
      (member.type === AST_NODE_TYPES.PropertyDefinition && member.value !== null && isFunctionNode(member.value)),
  );
  // `this.settings = …`, or `this.settings.theme = …`; a class too large to walk counts as assigned.
  const found = walk(methods, file.sourceCode.visitorKeys, MAX_CLASS_NODES, (node) => {
    if (
      node.type !== AST_NODE_TYPES.MemberExpression ||
      node.object.type !== AST_NODE_TYPES.ThisExpression ||
      staticMemberName(node) !== name
    ) {
      return false;
    }
    const written = node.parent.type === AST_NODE_TYPES.MemberExpression ? node.parent : node;
    return isAssigned(written);
  });
  return found !== false;
}

function isAssigned(node: TSESTree.Node): boolean {
  const parent = node.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === node;
}

/**
 * Whether the asserted literal (`operand` is its outermost wrapper) sits in
 * an idiom position. `empty` says whether the literal is `{}`: state hooks,
 * destructuring defaults and class fields excuse only an empty object, a
 * context default and a `Proxy` target any literal.
 */
export function isIdiomPosition(file: PartialStateFile, operand: TSESTree.Node, empty: boolean): boolean {
  if (isProxyTarget(file, operand)) return true;
  const kind = idiomArgumentKind(idiomCallsOf(file), operand);
  if (kind === 'context-default') return true;
  if (!empty) return false;
  return kind === 'initial-state' || isDestructuringDefault(operand) || isClassFieldAssignedLater(file, operand);
}
