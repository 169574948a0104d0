import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

import { isWriteTarget, skipWrappers, staticMemberName } from '../../util/ast.js';
import { type Declarator, isGlobalName, isObjectAssignCall } from './syntax.js';

/*
 * The builder idiom: `const req = {} as Request` followed by `req.url = …`,
 * `req.method = …` before `req` is first used. The scan follows the
 * statements after the declaration, through blocks and `if`s, and says which
 * properties are assigned on every path before the first use.
 */

/** Statements (nested ones included) the builder scan looks at before it gives up. */
const MAX_BUILDER_STATEMENTS = 200;
/** How deeply nested `if`s and blocks the builder scan follows. */
const MAX_BUILDER_DEPTH = 4;

/** What the statements after `const req = {} as T` do to `req` before it is first used. */
export interface BuilderScan {
  /** Properties assigned on every path before the first use. */
  readonly assigned: Set<string>;
  /** `Object.assign(req, …sources)` before the first use. */
  readonly assignSources: TSESTree.Node[];
  /** `req[key] = …` with a computed key: the object is used as a dictionary. */
  dictionaryWrites: boolean;
  /** `req = …`, or more statements than the scan follows: leave it alone. */
  giveUp: boolean;
  /** Where the statement that first uses the object starts, if the scan reached one. */
  usedAt?: number;
}

type StepResult = 'continue' | 'stop' | 'exit';

/** A scan under way: the variable followed, its references after the declaration, and what is found. */
interface Scan {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly name: string;
  readonly references: readonly Scope.Reference[];
  /** What the literal itself holds: it may be read while the rest is filled in. */
  readonly readable: ReadonlySet<string>;
  readonly result: BuilderScan;
  /** Statements left before the scan gives up. */
  budget: number;
}

/** The references to the variable inside `node`. */
function referencesIn(scan: Scan, node: TSESTree.Node): Scope.Reference[] {
  return scan.references.filter(
    (reference) => reference.identifier.range[0] >= node.range[0] && reference.identifier.range[1] <= node.range[1],
  );
}

/**
 * Whether every reference in `value` reads a property already there. A
 * function stored on the object itself (`api.get = () => api.cache`)
 * runs later, so its references are no use yet.
 */
function readsOnlyAssigned(scan: Scan, value: TSESTree.Node, assigned: ReadonlySet<string>, stored: boolean): boolean {
  if (
    stored &&
    (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression)
  ) {
    return true;
  }
  return referencesIn(scan, value).every((reference) => {
    const parent = reference.identifier.parent;
    if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier) return false;
    // `req.method()` hands `req` to the method as `this`.
    if (parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) return false;
    const name = staticMemberName(parent);
    return name !== undefined && (assigned.has(name) || scan.readable.has(name)) && !isWriteTarget(parent);
  });
}

function stepExpression(scan: Scan, expression: TSESTree.Expression, assigned: Set<string>): StepResult {
  if (expression.type === AST_NODE_TYPES.SequenceExpression) {
    for (const item of expression.expressions) if (stepExpression(scan, item, assigned) === 'stop') return 'stop';
    return 'continue';
  }
  if (referencesIn(scan, expression).length === 0) return 'continue';
  if (
    expression.type === AST_NODE_TYPES.AssignmentExpression &&
    expression.operator === '=' &&
    expression.left.type === AST_NODE_TYPES.MemberExpression &&
    expression.left.object.type === AST_NODE_TYPES.Identifier &&
    expression.left.object.name === scan.name &&
    referencesIn(scan, expression.left.object).length === 1
  ) {
    if (!readsOnlyAssigned(scan, expression.right, assigned, true)) return 'stop';
    if (expression.left.computed && expression.left.property.type !== AST_NODE_TYPES.Literal) {
      if (referencesIn(scan, expression.left.property).length > 0) return 'stop';
      scan.result.dictionaryWrites = true;
    }
    const name = staticMemberName(expression.left);
    if (name !== undefined) assigned.add(name);
    return 'continue';
  }
  if (isObjectAssignCall(expression)) {
    const [first, ...sources] = expression.arguments;
    if (
      first?.type === AST_NODE_TYPES.Identifier &&
      referencesIn(scan, first).length === 1 &&
      sources.every(
        (source) => source.type !== AST_NODE_TYPES.SpreadElement && readsOnlyAssigned(scan, source, assigned, false),
      )
    ) {
      scan.result.assignSources.push(...sources);
      return 'continue';
    }
  }
  // `req.items.push(…)`, `req.meta.id = …`, `log(req.id)`: reads of what is there, `req` itself stays put.
  if (readsOnlyAssigned(scan, expression, assigned, false)) return 'continue';
  if (referencesIn(scan, expression).some((reference) => reference.isWrite())) scan.result.giveUp = true;
  return 'stop';
}

/**
 * `new Promise((resolve) => { req.resolve = resolve; })`: the executor
 * runs at once, so its top-level assignments are made by the end of the
 * statement. True when every reference in `statement` is one of them.
 */
function assignsInPromiseExecutors(scan: Scan, statement: TSESTree.Node, assigned: Set<string>): boolean {
  const names: string[] = [];
  // `req.done = new Promise(…)` may itself be one of the statement's assignments.
  const outer =
    statement.type === AST_NODE_TYPES.ExpressionStatement &&
    statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
    statement.expression.operator === '=' &&
    statement.expression.left.type === AST_NODE_TYPES.MemberExpression
      ? statement.expression.left
      : undefined;
  for (const reference of referencesIn(scan, statement)) {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) return false;
    if (member === outer) {
      const name = staticMemberName(member);
      if (name === undefined) return false;
      names.push(name);
      continue;
    }
    const assignment = member.parent;
    if (
      assignment.type !== AST_NODE_TYPES.AssignmentExpression ||
      assignment.left !== member ||
      assignment.operator !== '='
    ) {
      return false;
    }
    const holder =
      assignment.parent.type === AST_NODE_TYPES.ExpressionStatement ? assignment.parent.parent : assignment;
    const executor = holder.type === AST_NODE_TYPES.BlockStatement ? holder.parent : assignment.parent;
    const construct = executor.parent;
    const name = staticMemberName(member);
    if (
      (executor.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
        executor.type !== AST_NODE_TYPES.FunctionExpression) ||
      construct?.type !== AST_NODE_TYPES.NewExpression ||
      construct.arguments[0] !== executor ||
      // `new (Promise as PromiseConstructorWithKnownReason)<T, E>(…)` is still the global `Promise`.
      !isGlobalName(skipWrappers(construct.callee), 'Promise', scan.sourceCode.getScope(construct)) ||
      referencesIn(scan, assignment.right).length > 0 ||
      name === undefined
    ) {
      return false;
    }
    names.push(name);
  }
  for (const name of names) assigned.add(name);
  return names.length > 0;
}

/** Runs a branch on a copy of `assigned`; `exits` when the branch always leaves the block. */
function stepBranch(
  scan: Scan,
  statement: TSESTree.Statement,
  assigned: ReadonlySet<string>,
  depth: number,
): { assigned: Set<string>; exits: boolean } | 'stop' {
  const branchAssigned = new Set(assigned);
  const result = step(scan, statement, branchAssigned, depth);
  if (result === 'stop') return 'stop';
  return { assigned: branchAssigned, exits: result === 'exit' };
}

function stepAll(scan: Scan, body: readonly TSESTree.Node[], assigned: Set<string>, depth: number): StepResult {
  for (const statement of body) {
    const result = step(scan, statement, assigned, depth);
    if (result !== 'continue') return result;
  }
  return 'continue';
}

function step(scan: Scan, statement: TSESTree.Node, assigned: Set<string>, depth: number): StepResult {
  if (--scan.budget < 0) {
    scan.result.giveUp = true;
    return 'stop';
  }
  const used = referencesIn(scan, statement).length > 0;
  if (used && assignsInPromiseExecutors(scan, statement, assigned)) return 'continue';
  switch (statement.type) {
    case AST_NODE_TYPES.ExpressionStatement:
      return used ? stepExpression(scan, statement.expression, assigned) : 'continue';
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return used ? 'stop' : 'exit';
    case AST_NODE_TYPES.BlockStatement:
      // Followed even when it does not use the variable: it may end the path (`{ throw … }`).
      if (depth < MAX_BUILDER_DEPTH) return stepAll(scan, statement.body, assigned, depth + 1);
      return used ? 'stop' : 'continue';
    case AST_NODE_TYPES.IfStatement: {
      if (!used) return 'continue';
      if (depth >= MAX_BUILDER_DEPTH || !readsOnlyAssigned(scan, statement.test, assigned, false)) return 'stop';
      const consequent = stepBranch(scan, statement.consequent, assigned, depth + 1);
      if (consequent === 'stop') return 'stop';
      const alternate = statement.alternate
        ? stepBranch(scan, statement.alternate, assigned, depth + 1)
        : { assigned: new Set(assigned), exits: false };
      if (alternate === 'stop') return 'stop';
      const continuing = [consequent, alternate].filter((branch) => !branch.exits);
      if (continuing.length === 0) return 'exit';
      // Only what every branch that goes on assigns counts.
      for (const name of [...assigned, ...consequent.assigned, ...alternate.assigned]) {
        if (continuing.every((branch) => branch.assigned.has(name))) assigned.add(name);
      }
      return 'continue';
    }
    case AST_NODE_TYPES.VariableDeclaration:
      return !used || readsOnlyAssigned(scan, statement, assigned, false) ? 'continue' : 'stop';
    default:
      return used ? 'stop' : 'continue';
  }
}

/** The statements after a declaration, in the block that holds it; `undefined` where it is used at once. */
function statementsAfter(declaration: TSESTree.VariableDeclaration): readonly TSESTree.Node[] | undefined {
  // `export const x = …`: importers see `x` only once the module has run.
  const statement =
    declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
  const container = statement.parent;
  let statements: readonly TSESTree.Node[];
  switch (container.type) {
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.StaticBlock:
    case AST_NODE_TYPES.TSModuleBlock:
      statements = container.body;
      break;
    case AST_NODE_TYPES.SwitchCase:
      statements = container.consequent;
      break;
    default:
      // `for (const …)`, `export default`: used at once.
      return undefined;
  }
  return statements.slice(statements.indexOf(statement) + 1);
}

/** Follows the declared variable through the statements after its declaration until its first use. */
export function scanBuilder(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declarator: Declarator,
  literal: TSESTree.ObjectExpression,
): BuilderScan {
  const result: BuilderScan = { assigned: new Set(), assignSources: [], dictionaryWrites: false, giveUp: false };
  const readable = new Set<string>();
  for (const property of literal.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed) {
      const name = ASTUtils.getPropertyName(property);
      if (name !== null) readable.add(name);
    }
  }
  const declaration = declarator.parent;
  const statements = statementsAfter(declaration);
  if (!statements) return result;
  const variable = sourceCode
    .getDeclaredVariables(declarator)
    .find((candidate) => candidate.name === declarator.id.name);
  if (!variable) return result;
  const scan: Scan = {
    sourceCode,
    name: declarator.id.name,
    references: variable.references.filter((reference) => reference.identifier !== declarator.id),
    readable,
    result,
    budget: MAX_BUILDER_STATEMENTS,
  };
  // A later declarator of the same declaration (`const a = {} as T, b = a`) is a use.
  const declarators: readonly TSESTree.VariableDeclarator[] = declaration.declarations;
  const laterDeclarators = declarators.slice(declarators.indexOf(declarator) + 1);
  if (laterDeclarators.some((later) => referencesIn(scan, later).length > 0)) return result;

  for (const statement of statements) {
    const stepped = step(scan, statement, result.assigned, 0);
    if (stepped === 'stop') result.usedAt = statement.range[0];
    if (stepped !== 'continue') break;
  }
  return result;
}
