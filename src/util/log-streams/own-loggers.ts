import { ASTUtils, TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, walk } from '../ast.js';
import { constInit, describeCallee, memberName, RESOLVE_DEPTH, type StreamFacts, unwrap } from './facts.js';
import type { LogWrite } from './index.js';
import { UNSEEN_LOGGER_NAMES } from './libraries.js';

/*
 * A logger the file builds itself and keeps on `this`: the class sets
 * `this.logger` once, to an object of this file (a literal, or what one of
 * its methods returns) whose method writes to a log stream the file traces:
 *
 *   constructor() { this.logger = this.getLogger(); }
 *   getLogger() { return { error: (message) => console.error(message) }; }
 *   … this.logger.error('invalid option'); process.exit(2);
 *
 * Anything less certain (a logger set in two places, passed in, or made
 * elsewhere) is not followed: it may be a framework's pino logger.
 */

/** Nodes looked at in one class to find where it sets its logger. */
const CLASS_BUDGET = 50_000;
/** Nodes looked at in one method of the logger object, or in the method that returns it. */
const FUNCTION_BUDGET = 400;

type Node = TSESTree.Node;

/** The write `this.logger.error(…)` performs through a logger object of this file, or undefined. */
export function ownLoggerWrite(facts: StreamFacts, call: TSESTree.CallExpression): LogWrite | undefined {
  const callee = unwrap(call.callee);
  const method = memberName(callee);
  if (!method || callee.type !== TSESTree.AST_NODE_TYPES.MemberExpression) return undefined;
  const holder = unwrap(callee.object);
  const name = memberName(holder);
  if (!name || !UNSEEN_LOGGER_NAMES.has(name) || holder.type !== TSESTree.AST_NODE_TYPES.MemberExpression)
    return undefined;
  if (holder.object.type !== TSESTree.AST_NODE_TYPES.ThisExpression) return undefined;
  // Only calls of this shape are remembered: most calls of a file are not.
  const known = facts.ownLoggerWrites.get(call);
  if (known !== undefined) return known ?? undefined;
  const classBody = classOfThis(holder.object);
  const value = classBody && loggerValue(facts, classBody, name);
  const object = classBody && value ? loggerObject(facts, classBody, value, RESOLVE_DEPTH) : undefined;
  const fn = object && methodOf(object, method);
  const write = fn && firstWrite(facts, fn.body);
  const found = write && { node: call, stream: write.stream, description: describeCallee(facts.sourceCode, call) };
  facts.ownLoggerWrites.set(call, found ?? null);
  return found;
}

/** The class body whose instance `this` is: through arrow functions, up to a method or a field. */
function classOfThis(node: Node): TSESTree.ClassBody | undefined {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === TSESTree.AST_NODE_TYPES.ArrowFunctionExpression) continue;
    const { parent } = current;
    if (current.type === TSESTree.AST_NODE_TYPES.FunctionExpression) {
      return parent?.type === TSESTree.AST_NODE_TYPES.MethodDefinition && !parent.static ? parent.parent : undefined;
    }
    if (isFunctionNode(current) || current.type === TSESTree.AST_NODE_TYPES.StaticBlock) return undefined;
    if (current.type === TSESTree.AST_NODE_TYPES.PropertyDefinition) return current.static ? undefined : current.parent;
  }
  return undefined;
}

/** The one value the class gives `this[name]`: null when it sets it more than once, changes it, or too big to tell. */
function loggerValue(facts: StreamFacts, classBody: TSESTree.ClassBody, name: string): Node | null {
  let byName = facts.classLoggers.get(classBody);
  if (!byName) {
    byName = new Map();
    facts.classLoggers.set(classBody, byName);
  }
  const known = byName.get(name);
  if (known !== undefined) return known;
  const values: Node[] = [];
  let changed = false as boolean;
  const complete = walk(classBody, facts.sourceCode.visitorKeys, CLASS_BUDGET, (node) => {
    if (node.type === TSESTree.AST_NODE_TYPES.PropertyDefinition && !node.static && !node.computed) {
      if (node.value && ASTUtils.getPropertyName(node) === name) values.push(node.value);
    } else if (node.type === TSESTree.AST_NODE_TYPES.AssignmentExpression) {
      if (isThisMember(node.left, name)) {
        if (node.operator === '=') values.push(node.right);
        else changed = true;
      } else if (
        node.left.type === TSESTree.AST_NODE_TYPES.MemberExpression &&
        isThisMember(unwrap(node.left.object), name)
      ) {
        // `this.logger.error = noop`: the logger's methods are replaced.
        changed = true;
      }
    } else if (node.type === TSESTree.AST_NODE_TYPES.UnaryExpression && node.operator === 'delete') {
      if (isThisMember(unwrap(node.argument), name)) changed = true;
    }
    return false;
  });
  const value = complete === false && !changed && values.length === 1 ? (values[0] ?? null) : null;
  byName.set(name, value);
  return value;
}

function isThisMember(node: Node, name: string): boolean {
  return (
    node.type === TSESTree.AST_NODE_TYPES.MemberExpression &&
    node.object.type === TSESTree.AST_NODE_TYPES.ThisExpression &&
    memberName(node) === name
  );
}

/** The object literal a value is: itself, a `const` holding one, or what a method of the class returns. */
function loggerObject(
  facts: StreamFacts,
  classBody: TSESTree.ClassBody,
  node: Node,
  depth: number,
): TSESTree.ObjectExpression | undefined {
  if (depth < 0) return undefined;
  const value = unwrap(node);
  if (value.type === TSESTree.AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type === TSESTree.AST_NODE_TYPES.Identifier) {
    const init = constInit(facts, value);
    return init && loggerObject(facts, classBody, init, depth - 1);
  }
  if (value.type !== TSESTree.AST_NODE_TYPES.CallExpression || value.arguments.length > 0) return undefined;
  const callee = unwrap(value.callee);
  if (callee.type !== TSESTree.AST_NODE_TYPES.MemberExpression) return undefined;
  if (callee.object.type !== TSESTree.AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(callee);
  const methods = classBody.body.filter(
    (member): member is TSESTree.MethodDefinition =>
      member.type === TSESTree.AST_NODE_TYPES.MethodDefinition &&
      !member.static &&
      member.kind === 'method' &&
      !member.computed &&
      ASTUtils.getPropertyName(member) === name,
  );
  const body = methods.length === 1 ? methods[0]?.value.body : undefined;
  if (!body) return undefined;
  const returned: Node[] = [];
  const complete = walk(body, facts.sourceCode.visitorKeys, FUNCTION_BUDGET, (inner) => {
    if (isFunctionNode(inner)) return 'skip';
    if (inner.type === TSESTree.AST_NODE_TYPES.ReturnStatement) returned.push(inner.argument ?? inner);
    return false;
  });
  const only = complete === false && returned.length === 1 ? returned[0] : undefined;
  return only && loggerObject(facts, classBody, only, depth - 1);
}

/** The function a logger object gives for `method`: one property, no spread that may replace it. */
function methodOf(object: TSESTree.ObjectExpression, method: string): TSESTree.FunctionLike | undefined {
  if (object.properties.some((property) => property.type === TSESTree.AST_NODE_TYPES.SpreadElement)) return undefined;
  const matches = object.properties.filter(
    (property): property is TSESTree.Property =>
      property.type === TSESTree.AST_NODE_TYPES.Property &&
      !property.computed &&
      ASTUtils.getPropertyName(property) === method,
  );
  const value = matches.length === 1 ? matches[0]?.value : undefined;
  return value && isFunctionNode(value) ? value : undefined;
}

/** The first traced log write in a function body, outside the functions inside it. */
function firstWrite(facts: StreamFacts, body: Node | null | undefined): LogWrite | undefined {
  if (!body) return undefined;
  let found: LogWrite | undefined;
  walk(body, facts.sourceCode.visitorKeys, FUNCTION_BUDGET, (node) => {
    if (isFunctionNode(node)) return 'skip';
    found = facts.writes.get(node);
    return found !== undefined;
  });
  return found;
}
