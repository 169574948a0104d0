import { ASTUtils, TSESLint, TSESTree } from '@typescript-eslint/utils';

import { isWrapper } from '../../util/ast.js';
import { READ, sharedReferences } from '../../util/references.js';
import type { ExitCodeFile } from './exit-code.js';

const { DefinitionType } = TSESLint.Scope;

type SourceCode = Readonly<TSESLint.SourceCode>;

/** What the process was started with and runs on: `process.env`, `process.argv`, `process.platform`, … */
const STARTUP = Object.fromEntries(
  ['env', 'argv', 'execArgv', 'platform', 'arch', 'version', 'versions'].map((member) => [member, { [READ]: true }]),
);

const startupReferences = sharedReferences({ globals: { process: STARTUP }, modules: { process: STARTUP } });

/** The nodes that read a member of `STARTUP` (`process.env`, `process.argv`, …), through every alias of `process`. */
export function findStartupReads(sourceCode: SourceCode): Set<TSESTree.Node> {
  return new Set(startupReferences(sourceCode).map(({ node }) => node));
}

/** A global function the file does not declare (`Boolean`, `JSON.parse`): called on configuration, it gives configuration. */
function isUndeclaredGlobal(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type === TSESTree.AST_NODE_TYPES.MemberExpression && !node.computed) {
    return node.object.type === TSESTree.AST_NODE_TYPES.Identifier && isUndeclaredGlobal(sourceCode, node.object);
  }
  if (node.type !== TSESTree.AST_NODE_TYPES.Identifier || node.name === 'process') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return !variable || variable.defs.length === 0;
}

/**
 * Whether an expression reads only what the process was configured with
 * before any error: `process.env`, `process.argv`, `process.platform` and
 * the like, literals, imports, `const`s declared at module top level, and `const`s
 * whose initialiser is itself such an expression (`const strict =
 * process.env.STRICT === 'true'`). Parameters (the error), `let`s and other
 * calls may hold anything.
 */
export function readsOnlyConfiguration(
  sourceCode: SourceCode,
  startupReads: ReadonlySet<TSESTree.Node>,
  node: TSESTree.Node,
  depth: number,
): boolean {
  if (depth < 0) return false;
  if (startupReads.has(node)) return true;
  const follow = (child: TSESTree.Node): boolean => readsOnlyConfiguration(sourceCode, startupReads, child, depth - 1);
  if (isWrapper(node, { chain: true })) return follow(node.expression);
  switch (node.type) {
    case TSESTree.AST_NODE_TYPES.Literal:
      return true;
    case TSESTree.AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every(follow);
    case TSESTree.AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
      if (!variable) return node.name === 'undefined';
      if (variable.defs.length === 0) return variable.name === 'undefined';
      const [def] = variable.defs;
      if (variable.defs.length !== 1 || !def) return false;
      if (def.type === DefinitionType.ImportBinding) return true;
      if (def.type !== DefinitionType.Variable || def.parent.kind !== 'const') return false;
      if (variable.scope.block.type === TSESTree.AST_NODE_TYPES.Program) return true;
      return def.node.init !== null && follow(def.node.init);
    }
    case TSESTree.AST_NODE_TYPES.MemberExpression:
      return follow(node.object) && (!node.computed || follow(node.property));
    case TSESTree.AST_NODE_TYPES.UnaryExpression:
      return node.operator !== 'delete' && follow(node.argument);
    case TSESTree.AST_NODE_TYPES.BinaryExpression:
    case TSESTree.AST_NODE_TYPES.LogicalExpression:
      return node.left.type !== TSESTree.AST_NODE_TYPES.PrivateIdentifier && follow(node.left) && follow(node.right);
    case TSESTree.AST_NODE_TYPES.ConditionalExpression:
      return follow(node.test) && follow(node.consequent) && follow(node.alternate);
    case TSESTree.AST_NODE_TYPES.CallExpression:
      return (
        (isUndeclaredGlobal(sourceCode, node.callee) || follow(node.callee)) &&
        node.arguments.every((argument) => argument.type !== TSESTree.AST_NODE_TYPES.SpreadElement && follow(argument))
      );
    default:
      return false;
  }
}

/** How deep a condition is followed through operators, members and `const` initialisers. */
export const MAX_CONFIGURATION_DEPTH = 8;

/** Whether an `if` tests only configuration (see `readsOnlyConfiguration`), judged once per `if`. */
export function testsConfiguration(file: ExitCodeFile, node: TSESTree.IfStatement): boolean {
  let known = file.configurationTests.get(node);
  if (known === undefined) {
    file.startupReads ??= findStartupReads(file.sourceCode);
    known = readsOnlyConfiguration(file.sourceCode, file.startupReads, node.test, MAX_CONFIGURATION_DEPTH);
    file.configurationTests.set(node, known);
  }
  return known;
}
