import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { skipWrappers } from '../../util/ast.js';
import { askChecker, type TypeInformation } from '../../util/type-checker.js';
import { ts } from '../../util/typescript.js';

/*
 * The `default:` of a switch, or the final `else` of an `if` chain, that the
 * type checker proves unreachable: every member of the discriminant's union
 * type has its own case before it. A placeholder there (TypeScript's own
 * compiler calls `notImplemented()` that way) is an exhaustiveness guard. Only
 * asked about a placeholder already found, so it costs nothing on other code.
 * Without types the rule cannot tell a `default:` that is unreachable from one
 * still to be written, and reports both.
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

/** `x === A`, `B === x`, … on one discriminant `x`, the same text in every test. */
function chainOfEqualities(tests: readonly TSESTree.Expression[], textOf: (node: TSESTree.Node) => string) {
  const sides = tests.map(equalitySides);
  const [first] = sides;
  if (!first || sides.some((pair) => pair === undefined)) return undefined;
  for (const discriminant of first) {
    const text = textOf(discriminant);
    const cases: TSESTree.Expression[] = [];
    for (const pair of sides as [TSESTree.Expression, TSESTree.Expression][]) {
      if (textOf(pair[0]) === text) cases.push(pair[1]);
      else if (textOf(pair[1]) === text) cases.push(pair[0]);
      else break;
    }
    if (cases.length === sides.length) return { discriminant, cases };
  }
  return undefined;
}

/** The switch or `if` chain whose `default:` or last `else` holds `node`. */
function chainAround(node: TSESTree.Node, textOf: (node: TSESTree.Node) => string): Chain | undefined {
  let branch = node;
  if (branch.parent?.type === AST_NODE_TYPES.BlockStatement && branch.parent.body.length === 1) branch = branch.parent;
  const { parent } = branch;
  if (parent?.type === AST_NODE_TYPES.SwitchCase && parent.test === null) {
    const { discriminant, cases } = parent.parent;
    return { discriminant, cases: cases.flatMap((switchCase) => (switchCase.test ? [switchCase.test] : [])) };
  }
  const tests = ifChainTests(branch);
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
