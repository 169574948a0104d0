import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipWrappers } from '../../util/ast.js';
import { askChecker, type TypeInformation } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';

/*
 * The last branch of a dispatch: the `default:` of a switch, the final `else`
 * of an `if (x === A) … else if (x === B) …` chain, or the statement after a
 * run of `if (x === A) return …;` that each jump away. A placeholder
 * there stands for the values the dispatch does not list.
 *
 * With types, the branch is left alone when the type checker proves it
 * unreachable: every member of the discriminant's union type has its own case
 * before it (TypeScript's own compiler calls `notImplemented()` that way). Only
 * asked about a placeholder already found, so it costs nothing on other code.
 *
 * Without types, the rule cannot tell an unreachable branch from one still to
 * be written, so it goes by what the author wrote: a dispatch that lists two or
 * more different constants names the values it expects, and its last branch is
 * the guard for the rest (a reducer's `default:`, a format the code does not
 * handle). It is left alone. With a single case, the last branch is usually the
 * other half still to be written, and stays reported.
 */

/** What a discriminant is compared with before the branch: the discriminant, and each value it is tested against. */
interface Chain {
  readonly discriminant: TSESTree.Expression;
  readonly cases: readonly TSESTree.Expression[];
}

/** The statement a placeholder stands in: the `throw`, or the statement around a helper call. */
function statementOf(node: TSESTree.ThrowStatement | TSESTree.CallExpression): TSESTree.Node | undefined {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return node;
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.ReturnStatement) {
    return parent;
  }
  return undefined;
}

/** `a === b`, `a == b`: the two sides. */
function equalitySides(test: TSESTree.Expression): [TSESTree.Expression, TSESTree.Expression] | undefined {
  const node = skipWrappers(test);
  if (node.type !== AST_NODE_TYPES.BinaryExpression || (node.operator !== '===' && node.operator !== '==')) {
    return undefined;
  }
  return [node.left, node.right];
}

/** How many comparisons one test of a chain may join with `||`. */
export const MAX_DISJUNCTS = 64;

/** The comparisons of one test: `x === A`, or `x === A || x === B` (one case each). */
function equalitiesOf(test: TSESTree.Expression): [TSESTree.Expression, TSESTree.Expression][] | undefined {
  const pairs: [TSESTree.Expression, TSESTree.Expression][] = [];
  const pending: TSESTree.Expression[] = [test];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const node = skipWrappers(next);
    if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
      pending.push(node.right, node.left);
      continue;
    }
    const sides = equalitySides(node);
    if (!sides || pairs.length >= MAX_DISJUNCTS) return undefined;
    pairs.push(sides);
  }
  return pairs;
}

/** The tests of the `if … else if …` chain whose last `else` is `branch`, outermost first. */
function ifChainTests(branch: TSESTree.Node): TSESTree.Expression[] | undefined {
  let current: TSESTree.Node = branch;
  const tests: TSESTree.Expression[] = [];
  while (current.parent?.type === AST_NODE_TYPES.IfStatement && current.parent.alternate === current) {
    tests.unshift(current.parent.test);
    current = current.parent;
  }
  return tests.length > 0 ? tests : undefined;
}

/** `x === A`, `B === x`, `x === C || x === D`, … on one discriminant `x`, the same text in every comparison. */
function chainOfEqualities(tests: readonly TSESTree.Expression[], textOf: (node: TSESTree.Node) => string) {
  const sides: [TSESTree.Expression, TSESTree.Expression][] = [];
  for (const test of tests) {
    const pairs = equalitiesOf(test);
    if (!pairs) return undefined;
    sides.push(...pairs);
  }
  const [first] = sides;
  if (!first) return undefined;
  for (const discriminant of first) {
    const text = textOf(discriminant);
    const cases: TSESTree.Expression[] = [];
    for (const pair of sides) {
      if (textOf(pair[0]) === text) cases.push(pair[1]);
      else if (textOf(pair[1]) === text) cases.push(pair[0]);
      else break;
    }
    if (cases.length === sides.length) return { discriminant, cases };
  }
  return undefined;
}

/** The statement a list of statements ends with, looking into a block that ends it. */
function lastStatement(statements: readonly TSESTree.Statement[]): TSESTree.Statement | undefined {
  let last = statements.at(-1);
  while (last?.type === AST_NODE_TYPES.BlockStatement) last = last.body.at(-1);
  return last;
}

const JUMPS: ReadonlySet<AST_NODE_TYPES> = new Set([
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
]);

/**
 * Statements that never go on to the statement after them: they end in
 * `return`, `throw`, `break` or `continue`, or in an `if … else` whose every
 * branch does.
 */
function alwaysJumps(statements: readonly TSESTree.Statement[]): boolean {
  const pending: (readonly TSESTree.Statement[])[] = [statements];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const last = lastStatement(next);
    if (last?.type === AST_NODE_TYPES.IfStatement && last.alternate) {
      pending.push([last.consequent], [last.alternate]);
    } else if (!last || !JUMPS.has(last.type)) {
      return false;
    }
  }
  return true;
}

/**
 * The tests of `if (x === A) return …; else if (x === B) return …;`: an `if`
 * statement without a last `else`, none of whose branches goes on to the next
 * statement.
 */
function jumpingIfTests(statement: TSESTree.Node | undefined): TSESTree.Expression[] | undefined {
  const tests: TSESTree.Expression[] = [];
  let current: TSESTree.Node | null | undefined = statement;
  while (current?.type === AST_NODE_TYPES.IfStatement) {
    if (!alwaysJumps([current.consequent])) return undefined;
    tests.push(current.test);
    current = current.alternate;
  }
  return current === null && tests.length > 0 ? tests : undefined;
}

/** The tests of the `if (…) return …;` statements (or any jump) right before `statement`, outermost first. */
function exitingIfTests(statement: TSESTree.Node): TSESTree.Expression[] | undefined {
  const { parent } = statement;
  let siblings: readonly TSESTree.Node[] | undefined;
  if (parent?.type === AST_NODE_TYPES.BlockStatement || parent?.type === AST_NODE_TYPES.Program) siblings = parent.body;
  else if (parent?.type === AST_NODE_TYPES.SwitchCase) siblings = parent.consequent;
  const tests: TSESTree.Expression[] = [];
  for (let index = (siblings?.indexOf(statement) ?? 0) - 1; index >= 0; index--) {
    const chain = jumpingIfTests(siblings?.[index]);
    if (!chain) break;
    tests.unshift(...chain);
  }
  return tests.length > 0 ? tests : undefined;
}

/**
 * The switch or `if` chain whose `default:`, last `else` or fall-through holds
 * `node`, directly or as one statement of its block.
 */
function chainAround(node: TSESTree.Node, textOf: (node: TSESTree.Node) => string): Chain | undefined {
  const branch = node.parent?.type === AST_NODE_TYPES.BlockStatement ? node.parent : node;
  const { parent } = branch;
  if (parent?.type === AST_NODE_TYPES.SwitchCase && parent.test === null) {
    const { discriminant, cases } = parent.parent;
    // `case 'b': default:` brings a listed value to the placeholder too.
    const before = cases[cases.indexOf(parent) - 1];
    if (before && !alwaysJumps(before.consequent)) return undefined;
    return { discriminant, cases: cases.flatMap((switchCase) => (switchCase.test ? [switchCase.test] : [])) };
  }
  const tests = ifChainTests(branch) ?? exitingIfTests(node);
  return tests && chainOfEqualities(tests, textOf);
}

/** A type with exactly one value: a literal, an enum member, `true`, `false`, `null`, `undefined`. */
function isUnitType(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Literal | ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0;
}

function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/** Does every member of the discriminant's type have a case of its own? */
function coversEveryMember(types: TypeInformation, chain: Chain): boolean {
  const discriminant = types.typeAt(chain.discriminant);
  if (!discriminant) return false;
  if (discriminant.flags & ts.TypeFlags.Never) return true;
  const members = unionParts(discriminant);
  if (!members.every(isUnitType)) return false;
  const caseTypes = chain.cases.flatMap((test) => {
    const type = types.typeAt(test);
    return type ? unionParts(type).filter(isUnitType) : [];
  });
  const { checker } = types;
  return members.every((member) =>
    caseTypes.some((caseType) => askChecker(() => checker.isTypeAssignableTo(member, caseType)) === true),
  );
}

/**
 * Is this placeholder (a `throw`, or a helper call in statement or `return`
 * position) in a `default:` or last `else` that the type checker proves
 * unreachable?
 */
export function isUnreachableByType(
  types: TypeInformation | undefined,
  node: TSESTree.ThrowStatement | TSESTree.CallExpression,
  textOf: (node: TSESTree.Node) => string,
): boolean {
  if (!types) return false;
  const statement = statementOf(node);
  const chain = statement && chainAround(statement, textOf);
  return chain !== undefined && coversEveryMember(types, chain);
}

/** `Kind.A`, `ts.SyntaxKind.Identifier`, `Kind['a-b']`: a member read off a name, as enums and frozen objects are. */
function isEnumMember(node: TSESTree.Expression): boolean {
  let current: TSESTree.Expression = node;
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    if (current.computed && current.property.type !== AST_NODE_TYPES.Literal) return false;
    current = current.object;
  }
  return current !== node && current.type === AST_NODE_TYPES.Identifier;
}

/** An imported binding, which the importing module cannot change. */
function isImportedName(node: TSESTree.Expression, scope: TSESLint.Scope.Scope): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const definitions = ASTUtils.findVariable(scope, node)?.defs ?? [];
  return definitions.length === 1 && definitions[0]?.type === TSESLint.Scope.DefinitionType.ImportBinding;
}

/**
 * A string, number, bigint or boolean the source spells out (also through a
 * constant declared with one), an imported name, or an enum member.
 */
function isConstantCase(node: TSESTree.Expression, scope: TSESLint.Scope.Scope): boolean {
  const expression = skipWrappers(node);
  if (isEnumMember(expression) || isImportedName(expression, scope)) return true;
  const found = ASTUtils.getStaticValue(expression, scope);
  const value: unknown = found?.value;
  return found !== null && ['string', 'number', 'bigint', 'boolean'].includes(typeof value);
}

/**
 * Without types: is this placeholder (a `throw`, or a helper call in statement
 * or `return` position) the last branch of a dispatch that compares one
 * expression with two or more different constants?
 */
export function isUnlistedValueGuard(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.ThrowStatement | TSESTree.CallExpression,
): boolean {
  const textOf = (part: TSESTree.Node) => sourceCode.getText(part);
  const statement = statementOf(node);
  const chain = statement && chainAround(statement, textOf);
  if (!chain) return false;
  const scope = sourceCode.getScope(node);
  // `switch (true) { case a > b: … }` compares no expression with constants.
  if (ASTUtils.getStaticValue(skipWrappers(chain.discriminant), scope)) return false;
  const listed = new Set<string>();
  for (const test of chain.cases) {
    if (!isConstantCase(test, scope)) return false;
    listed.add(textOf(skipWrappers(test)));
  }
  return listed.size >= 2;
}
