import { AST_NODE_TYPES, ASTUtils, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import {
  type FunctionNode,
  getEnclosingFunction,
  isFunctionNode,
  isWriteTarget,
  outermostWrapper,
  skipWrappers,
  staticMemberName,
} from '../../util/ast.js';
import type { PartialStateFile } from './context.js';
import { isDereferenced, runsInline } from './evidence.js';
import { findPartialEvidenceAcrossFiles } from './foreign-evidence.js';
import type { Declarator } from './syntax.js';
import { returnedFrom } from './syntax.js';

/*
 * Evidence that a partial literal (`{ db, redis } as AppState`) is used as if
 * it were complete: a missing property is read as an object, called or
 * updated before anything writes it. The literal is followed where it goes in
 * the file: into its variable (in source order, and, when the object never
 * leaves the variable, in every function of the file that reads it), into
 * the parameter of the function it is passed to (here or, through the type
 * checker, in another file), and out of the function that returns it to the
 * callers in the file. A property the consumer destructures with a default
 * (`{ queue = [] } = state`) is filled there, and a property read plainly
 * first (`if (state.queue)`) is checked there: neither is evidence.
 */

/** How many steps (a variable followed, a function entered) one literal's search takes before it gives up. */
const MAX_STEPS = 64;

/** Which missing properties still count, and how many steps are left. */
export interface Search {
  readonly file: PartialStateFile;
  steps: number;
}

/** What was found: the line that reads a missing property before it is written. */
export interface PartialEvidence {
  readonly property: string;
  readonly line: number;
}

type IsMissing = (property: string) => boolean;

function spend(search: Search): boolean {
  search.steps -= 1;
  return search.steps >= 0;
}

function sortedReferences(variable: Scope.Variable): Scope.Reference[] {
  return variable.references
    .filter((reference) => !reference.init)
    .sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
}

/** `{ queue }` destructured without a default, and its binding used as an object first: a `TypeError`. */
function destructuringEvidence(
  search: Search,
  pattern: TSESTree.ObjectPattern,
  declaration: TSESTree.Node,
  owner: TSESTree.Node | undefined,
  isMissing: IsMissing,
): PartialEvidence | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = ASTUtils.getPropertyName(property);
    if (name === null || !isMissing(name)) continue;
    const value = property.value;
    // `{ queue: { head } }`: destructuring `undefined` throws at once.
    if (value.type === AST_NODE_TYPES.ObjectPattern || value.type === AST_NODE_TYPES.ArrayPattern) {
      return { property: name, line: value.loc.start.line };
    }
    if (value.type !== AST_NODE_TYPES.Identifier) continue;
    const binding = search.file.sourceCode
      .getDeclaredVariables(declaration)
      .find((candidate) => candidate.name === value.name);
    // Only the first use decides: `if (queue)` checks it, `queue.push(…)` throws.
    const first = binding && sortedReferences(binding)[0];
    if (!first || first.isWrite() || !runsInline(first.identifier, owner)) continue;
    const outer = outermostWrapper(first.identifier);
    const parent = outer.parent;
    const throws =
      (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && !parent.optional) ||
      (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outer && !parent.optional) ||
      (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === outer);
    if (throws) return { property: name, line: first.identifier.loc.start.line };
  }
  return undefined;
}

/** What one reference to the followed variable does to it. */
type Step =
  | { readonly kind: 'member'; readonly member: TSESTree.MemberExpression; readonly property: string }
  | { readonly kind: 'destructured'; readonly declarator: TSESTree.VariableDeclarator }
  | { readonly kind: 'escape'; readonly node: TSESTree.Node };

function stepOf(reference: Scope.Reference): Step {
  const object = outermostWrapper(reference.identifier);
  const parent = object.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === object) {
    const property = staticMemberName(parent);
    return property === undefined ? { kind: 'escape', node: object } : { kind: 'member', member: parent, property };
  }
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === object &&
    parent.id.type === AST_NODE_TYPES.ObjectPattern &&
    parent.id.properties.every((property) => property.type === AST_NODE_TYPES.Property)
  ) {
    return { kind: 'destructured', declarator: parent };
  }
  return { kind: 'escape', node: object };
}

/** Whether a member access updates the old value (`+=`, `++`): it starts from `undefined`. */
function isUpdate(member: TSESTree.MemberExpression): boolean {
  const parent = outermostWrapper(member).parent;
  return (
    parent?.type === AST_NODE_TYPES.UpdateExpression ||
    (parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      !['=', '??=', '||=', '&&='].includes(parent.operator) &&
      parent.left === outermostWrapper(member))
  );
}

/**
 * Follows a variable that holds the partial object: its references in source
 * order from `after`, in `owner`'s own run; then where it escapes (passed or
 * returned); and when it never escapes, the reads in the file's other
 * functions of a property nothing ever writes.
 */
export function variableEvidence(
  search: Search,
  variable: Scope.Variable,
  owner: TSESTree.Node | undefined,
  after: number,
  isMissing: IsMissing,
  deferred: boolean,
): PartialEvidence | undefined {
  if (!spend(search)) return undefined;
  const references = sortedReferences(variable);
  const handled = new Set<string>();
  for (const reference of references) {
    if (reference.identifier.range[0] < after) continue;
    const step = stepOf(reference);
    const here = runsInline(reference.identifier, owner);
    if (step.kind === 'escape') {
      if (!here) return undefined;
      return escapeEvidence(search, step.node, (property) => isMissing(property) && !handled.has(property));
    }
    if (step.kind === 'destructured') {
      const pattern = step.declarator.id as TSESTree.ObjectPattern;
      const found =
        here && destructuringEvidence(search, pattern, step.declarator, owner, (p) => isMissing(p) && !handled.has(p));
      if (found) return found;
      continue;
    }
    const { member, property } = step;
    if (here && !handled.has(property) && isMissing(property)) {
      if (isWriteTarget(member) ? isUpdate(member) : isDereferenced(member)) {
        return { property, line: member.loc.start.line };
      }
    }
    // A write, or a plain read (`if (state.queue)`, `state.queue?.push`), settles the property.
    handled.add(property);
  }
  return deferred ? deferredEvidence(references, isMissing) : undefined;
}

/**
 * The object never leaves its variable: a missing property that nothing in
 * the file writes, read as an object anywhere in the file (an event handler,
 * another function), is read while `undefined`.
 */
function deferredEvidence(references: readonly Scope.Reference[], isMissing: IsMissing): PartialEvidence | undefined {
  const steps = references.map(stepOf);
  if (steps.some((step) => step.kind !== 'member')) return undefined;
  const members = steps as Extract<Step, { kind: 'member' }>[];
  const written = new Set(members.filter((step) => isWriteTarget(step.member)).map((step) => step.property));
  const checked = new Set(
    members.filter((step) => !isWriteTarget(step.member) && !isDereferenced(step.member)).map((step) => step.property),
  );
  for (const { member, property } of members) {
    if (!isMissing(property) || written.has(property) || checked.has(property)) continue;
    if (isDereferenced(member)) return { property, line: member.loc.start.line };
  }
  return undefined;
}

/** Where the object (or a value holding it) goes next: an argument, a return value, a variable, a member read. */
export function escapeEvidence(
  search: Search,
  value: TSESTree.Node,
  isMissing: IsMissing,
): PartialEvidence | undefined {
  let node = value;
  if (node.parent?.type === AST_NODE_TYPES.AwaitExpression) node = outermostWrapper(node.parent);
  const parent = node.parent;
  if (!parent) return undefined;
  if (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.callee !== node
  ) {
    const index = parent.arguments.indexOf(node as TSESTree.CallExpressionArgument);
    return index === -1 ? undefined : calleeEvidence(search, parent, index, isMissing);
  }
  if (
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    const variable = search.file.sourceCode
      .getDeclaredVariables(parent)
      .find((candidate) => candidate.name === (parent.id as TSESTree.Identifier).name);
    return (
      variable &&
      variableEvidence(
        search,
        variable,
        getEnclosingFunction(parent),
        parent.range[1],
        isMissing,
        // Its reads in other functions count when the variable is the only holder: not for an alias (`const b = a`).
        node.type !== AST_NODE_TYPES.Identifier,
      )
    );
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
    const property = staticMemberName(parent);
    if (property !== undefined && isMissing(property) && !isWriteTarget(parent) && isDereferenced(parent)) {
      return { property, line: parent.loc.start.line };
    }
    return undefined;
  }
  const fn = returnedFrom(node);
  return fn ? callersEvidence(search, fn, isMissing) : undefined;
}

/** The function a call calls, when it is declared in this file under a name nothing reassigns. */
function resolveCallee(
  search: Search,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): FunctionNode | undefined {
  const callee = skipWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(search.file.sourceCode.getScope(callee), callee);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return undefined;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const init = skipWrappers(def.node.init);
  return isFunctionNode(init) ? init : undefined;
}

/** The parameter the argument at `index` binds, in the function the call resolves to. */
function calleeEvidence(
  search: Search,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  isMissing: IsMissing,
): PartialEvidence | undefined {
  if (!spend(search)) return undefined;
  if (call.arguments.slice(0, index).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement))
    return undefined;
  const fn = resolveCallee(search, call);
  if (!fn) return findPartialEvidenceAcrossFiles(search.file, call, index, isMissing);
  let parameter: TSESTree.Node | undefined = fn.params[index];
  // `options = defaults`: the default applies only when the argument is `undefined`.
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern) parameter = parameter.left;
  if (parameter?.type === AST_NODE_TYPES.ObjectPattern) {
    return destructuringEvidence(search, parameter, fn, fn, isMissing);
  }
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = parameter.name;
  const variable = search.file.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === name);
  return variable && variableEvidence(search, variable, fn, parameter.range[1], isMissing, false);
}

/** The function returns the object: what the callers in this file do with the result. */
function callersEvidence(search: Search, fn: FunctionNode, isMissing: IsMissing): PartialEvidence | undefined {
  if (!spend(search)) return undefined;
  // `function createState() {…}` or `const createState = () => …`: the name its callers use.
  const declaration =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn
      : fn.parent.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn
        ? fn.parent
        : undefined;
  const id = declaration?.id;
  if (!declaration || id?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = search.file.sourceCode
    .getDeclaredVariables(declaration)
    .find((candidate) => candidate.name === id.name);
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
    const found = escapeEvidence(search, outermostWrapper(call), isMissing);
    if (found) return found;
    if (search.steps <= 0) return undefined;
  }
  return undefined;
}

/** Evidence that the partial literal asserted by `operand` (its outermost wrapper) is read where it lacks `missing`. */
export function findPartialEvidence(
  file: PartialStateFile,
  operand: TSESTree.Node,
  declarator: Declarator | undefined,
  missing: readonly string[],
  /** Where the variable's code starts to count: a builder's first use (its writes before it are not on every path). */
  from = declarator?.range[1] ?? 0,
): PartialEvidence | undefined {
  const search: Search = { file, steps: MAX_STEPS };
  const isMissing: IsMissing = (property) => missing.includes(property);
  if (!declarator) return escapeEvidence(search, operand, isMissing);
  const variable = file.sourceCode
    .getDeclaredVariables(declarator)
    .find((candidate) => candidate.name === declarator.id.name);
  return variable && variableEvidence(search, variable, getEnclosingFunction(declarator), from, isMissing, true);
}
