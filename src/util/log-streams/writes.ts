import { ASTUtils, TSESLint, TSESTree } from '@typescript-eslint/utils';

import { logWrite, memberName, type StreamFacts, tracedWrite, unwrap, variableOf } from './facts.js';
import type { LogWrite } from './index.js';
import { isLoggerModule, UNSEEN_LOGGER_METHODS, UNSEEN_LOGGER_NAMES } from './libraries.js';
import { ownLoggerWrite } from './own-loggers.js';

const { DefinitionType } = TSESLint.Scope;

/**
 * The log write a call performs: a traced one, a call on a logger the file
 * cannot see into, or on its own logger object. Both kinds of logger call a
 * method by a static name on a logger name (`logger.error`, `log.warn`,
 * `utils.logger.info`, `this.log.fail`): other calls are answered from the
 * traced writes, most of them by a look at the callee's object.
 */
export function writeOf(facts: StreamFacts, call: TSESTree.CallExpression): LogWrite | undefined {
  const traced = tracedWrite(facts, call);
  if (traced) return logWrite(facts.sourceCode, call, traced.stream, traced.description);
  const callee = unwrap(call.callee);
  if (callee.type !== TSESTree.AST_NODE_TYPES.MemberExpression || !readsLoggerName(unwrap(callee.object)))
    return undefined;
  const method = memberName(callee);
  if (!method) return undefined;
  if (UNSEEN_LOGGER_METHODS.has(method) && isUnseenLoggerObject(facts, callee))
    return logWrite(facts.sourceCode, call, 'logger');
  return ownLoggerWrite(facts, call, callee, method);
}

/** Whether a node reads a logger name: `logger`, `log`, or a member of that name (`utils.logger`, `this.log`). */
function readsLoggerName(node: TSESTree.Node): boolean {
  if (node.type === TSESTree.AST_NODE_TYPES.Identifier) return UNSEEN_LOGGER_NAMES.has(node.name);
  if (node.type !== TSESTree.AST_NODE_TYPES.MemberExpression) return false;
  const { property } = node;
  if (!node.computed && property.type === TSESTree.AST_NODE_TYPES.Identifier)
    return UNSEEN_LOGGER_NAMES.has(property.name);
  const name = memberName(node);
  return name !== undefined && UNSEEN_LOGGER_NAMES.has(name);
}

/** See `LogStreams.isLogFunction`; `depth` bounds the aliases followed. */
export function isLogFunctionWithin(facts: StreamFacts, node: TSESTree.Node, depth: number): boolean {
  if (depth < 0) return false;
  const value = unwrap(node);
  if (facts.logFunctions.has(value)) return true;
  if (value.type === TSESTree.AST_NODE_TYPES.MemberExpression) return isUnseenLoggerMethod(facts, value);
  // `console.error.bind(console)`
  if (value.type === TSESTree.AST_NODE_TYPES.CallExpression && memberName(value.callee) === 'bind') {
    const callee = value.callee as TSESTree.MemberExpression;
    return isLogFunctionWithin(facts, callee.object, depth - 1);
  }
  if (value.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
  // The tracker reports where an alias takes the method (`console.error` in
  // `const error = console.error`), not the alias's later reads.
  const variable = variableOf(facts, value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  if (def.type === DefinitionType.ImportBinding) return facts.logFunctions.has(def.node);
  if (def.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  if (def.parent?.type !== TSESTree.AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return false;
  const { id, init } = def.node;
  if (id.type === TSESTree.AST_NODE_TYPES.Identifier) return isLogFunctionWithin(facts, init, depth - 1);
  // `const { error } = console`: the tracker reports the destructuring property.
  return (
    id.type === TSESTree.AST_NODE_TYPES.ObjectPattern &&
    id.properties.some((property) => property.value === def.name && facts.logFunctions.has(property))
  );
}

/** `logger.error`, where `logger` is imported, required or undeclared: the file cannot see where it writes. */
function isUnseenLoggerMethod(facts: StreamFacts, member: TSESTree.MemberExpression): boolean {
  const method = memberName(member);
  return method !== undefined && UNSEEN_LOGGER_METHODS.has(method) && isUnseenLoggerObject(facts, member);
}

/** Whether the object of `member` is a logger the file cannot see into (see `isUnseenLoggerMethod`). */
function isUnseenLoggerObject(facts: StreamFacts, member: TSESTree.MemberExpression): boolean {
  const object = unwrap(member.object);
  if (object.type === TSESTree.AST_NODE_TYPES.MemberExpression) return isModuleLogger(facts, object);
  if (object.type !== TSESTree.AST_NODE_TYPES.Identifier || !UNSEEN_LOGGER_NAMES.has(object.name)) return false;
  const variable = variableOf(facts, object);
  if (!variable || variable.defs.length === 0) return true;
  return isForeignModuleBinding(variable);
}

/**
 * `utils.log` or `logger_1.logger` (TypeScript's CommonJS output): a logger
 * name read from another module that is not a logger library, so the file
 * cannot see where it writes, as with `import { logger } from './logger'`.
 * The root must be that module itself: a parameter (`ctx.log`), `this.logger`,
 * an object of this file or a global may be anything, such as a framework's
 * pino logger, which flushes on exit.
 */
function isModuleLogger(facts: StreamFacts, member: TSESTree.MemberExpression): boolean {
  const name = memberName(member);
  if (!name || !UNSEEN_LOGGER_NAMES.has(name)) return false;
  const root = unwrap(member.object);
  if (root.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(facts, root);
  return variable !== undefined && variable.defs.length > 0 && isForeignModuleBinding(variable);
}

/** A variable that holds what another module, not a known logger library, exports: an import or a `require`. */
function isForeignModuleBinding(variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (def?.type === DefinitionType.ImportBinding) {
    const declaration = def.parent;
    return declaration.type === TSESTree.AST_NODE_TYPES.ImportDeclaration && !isLoggerModule(declaration.source.value);
  }
  if (def?.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  return isForeignRequire(def.node.init);
}

/** `require('./logger')` or `require('./logger').logger`, from a module that is not a known logger library. */
function isForeignRequire(node: TSESTree.Node): boolean {
  let value = unwrap(node);
  if (value.type === TSESTree.AST_NODE_TYPES.MemberExpression) value = unwrap(value.object);
  if (value.type !== TSESTree.AST_NODE_TYPES.CallExpression) return false;
  if (value.callee.type !== TSESTree.AST_NODE_TYPES.Identifier || value.callee.name !== 'require') return false;
  const source = value.arguments[0] && ASTUtils.getStringIfConstant(value.arguments[0]);
  return typeof source === 'string' && !isLoggerModule(source);
}
