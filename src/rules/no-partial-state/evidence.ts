import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import { getEnclosingFunction, isWriteTarget, outermostWrapper, staticMemberName } from '../../util/ast.js';
import type { TypeAssertion } from './fillers.js';
import type { Declarator } from './syntax.js';

/*
 * Evidence that an empty `{}` asserted to a type is used as if it were
 * complete: a property nothing has set yet is updated (`totals.debit +=
 * amount` gives `NaN`) or used as an object or a function
 * (`state.items.push(x)`, `config.db.connect()` throw a `TypeError`). The
 * references to the variable are followed in source order, in the function
 * that declares it, until the object escapes (passed, returned, reassigned,
 * indexed with a computed key): from then on anything may have filled it in.
 */

/** Property assignments that set a value without reading the old one first. */
const SETTING_OPERATORS: ReadonlySet<string> = new Set(['=', '??=', '||=', '&&=']);

/** Array methods that call their callback before they return. */
const INLINE_CALLBACK_METHODS: ReadonlySet<string> = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'map',
  'reduce',
  'reduceRight',
  'some',
]);

/**
 * Whether code at `node` runs in `owner`'s own run: directly in it, or in a
 * callback an array method calls at once (`rows.forEach((row) => …)`). Any
 * other function runs at a time this scan cannot see.
 */
export function runsInline(node: TSESTree.Node, owner: TSESTree.Node | undefined): boolean {
  for (let fn = getEnclosingFunction(node); fn !== owner; fn = getEnclosingFunction(fn)) {
    if (!fn) return false;
    const call = fn.parent;
    if (
      call.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments[0] !== fn ||
      call.callee.type !== AST_NODE_TYPES.MemberExpression ||
      !INLINE_CALLBACK_METHODS.has(staticMemberName(call.callee) ?? '')
    ) {
      return false;
    }
  }
  return true;
}

/** What was found: the property of `name` that line `line` updates or uses before it is set. */
export interface Evidence {
  readonly name: string;
  readonly property: string;
  readonly line: number;
  /** `update`: `+=`, `++` (starts from `undefined`); `use`: a member read or a call on it (throws). */
  readonly kind: 'update' | 'use';
}

/** Whether `member` (`x.p`) is itself used as an object or called: `x.p.q`, `x.p.push(…)`, `x.p()`. */
export function isDereferenced(member: TSESTree.Node): boolean {
  const outer = outermostWrapper(member);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.object === outer && !parent.optional;
  if (parent?.type === AST_NODE_TYPES.CallExpression) return parent.callee === outer && !parent.optional;
  return false;
}

function findInReferences(
  variable: Scope.Variable,
  owner: TSESTree.Node | undefined,
  after: number,
  isRequired: (property: string) => boolean,
): Evidence | undefined {
  const references = variable.references
    .filter((reference) => reference.identifier.range[0] >= after)
    .sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
  const assigned = new Set<string>();
  for (const reference of references) {
    const object = outermostWrapper(reference.identifier);
    const member = object.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== object) return undefined;
    const property = staticMemberName(member);
    // `acc[row.key] = …`: a dictionary, whatever its type says.
    if (property === undefined) return undefined;
    const here = runsInline(reference.identifier, owner);
    if (isWriteTarget(member)) {
      const parent = outermostWrapper(member).parent;
      const updates =
        parent?.type === AST_NODE_TYPES.UpdateExpression ||
        (parent?.type === AST_NODE_TYPES.AssignmentExpression && !SETTING_OPERATORS.has(parent.operator));
      if (updates && here && !assigned.has(property) && isRequired(property)) {
        return { name: reference.identifier.name, property, line: member.loc.start.line, kind: 'update' };
      }
      // A write in a callback runs at a time this scan cannot see: it gets the benefit of the doubt.
      assigned.add(property);
      continue;
    }
    if (here && isDereferenced(member) && !assigned.has(property) && isRequired(property)) {
      return { name: reference.identifier.name, property, line: member.loc.start.line, kind: 'use' };
    }
  }
  return undefined;
}

/** `const totals = {} as Totals` followed by `totals.debit += amount`. */
function findForDeclarator(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declarator: Declarator,
  isRequired: (property: string) => boolean,
): Evidence | undefined {
  const variable = sourceCode
    .getDeclaredVariables(declarator)
    .find((candidate) => candidate.name === declarator.id.name);
  if (!variable) return undefined;
  return findInReferences(variable, getEnclosingFunction(declarator), declarator.range[1], isRequired);
}

/** `rows.reduce((acc, row) => { acc.count++; … }, {} as Totals)`: the callback's accumulator. */
function findForReduceSeed(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TypeAssertion,
  isRequired: (property: string) => boolean,
): Evidence | undefined {
  const seed = outermostWrapper(node);
  const call = seed.parent;
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.arguments[1] !== seed ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    !['reduce', 'reduceRight'].includes(staticMemberName(call.callee) ?? '')
  ) {
    return undefined;
  }
  const callback = call.arguments[0];
  if (
    callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    callback?.type !== AST_NODE_TYPES.FunctionExpression
  ) {
    return undefined;
  }
  const accumulator = callback.params[0];
  if (accumulator?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = sourceCode.getDeclaredVariables(callback).find((candidate) => candidate.name === accumulator.name);
  if (!variable) return undefined;
  return findInReferences(variable, callback, accumulator.range[1], isRequired);
}

/**
 * The first property of the empty object asserted by `node` that the code
 * updates or uses before anything sets it, if any. `isRequired` says which
 * properties the type requires (every one, without type information).
 */
export function findEvidence(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TypeAssertion,
  declarator: Declarator | undefined,
  isRequired: (property: string) => boolean,
): Evidence | undefined {
  return declarator
    ? findForDeclarator(sourceCode, declarator, isRequired)
    : findForReduceSeed(sourceCode, node, isRequired);
}
