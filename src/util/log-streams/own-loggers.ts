import { ASTUtils, TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, walk } from '../ast.js';
import { constInit, logWrite, memberName, RESOLVE_DEPTH, type StreamFacts, tracedWrite, unwrap } from './facts.js';
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

/** Nodes looked at in one class to find where it sets its loggers. */
const CLASS_BUDGET = 50_000;
/** Nodes looked at in one method of the logger object, or in the method that returns it. */
const FUNCTION_BUDGET = 400;

type Node = TSESTree.Node;
type Stream = LogWrite['stream'];

/** What one class does with its logger properties, found once per class. */
export interface ClassLoggers {
  /** The one value the class gives `this[name]`, by name: null when it sets it more than once, changes it, or too big to tell. */
  readonly values: ReadonlyMap<string, Node | null>;
  /** The object literal that value is, by name: null when it is none. */
  readonly objects: Map<string, TSESTree.ObjectExpression | null>;
  /** Where `this[name][method](…)` writes, by name and method: null when it is not a traced write. */
  readonly streams: Map<string, Map<string, Stream | null>>;
}

/**
 * The write `this.logger.error(…)` performs through a logger object of this
 * file, or undefined; `callee` is the call's callee without its wrappers and
 * `method` the name it calls.
 */
export function ownLoggerWrite(
  facts: StreamFacts,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  method: string,
): LogWrite | undefined {
  const holder = unwrap(callee.object);
  if (holder.type !== TSESTree.AST_NODE_TYPES.MemberExpression) return undefined;
  if (holder.object.type !== TSESTree.AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(holder);
  if (!name || !UNSEEN_LOGGER_NAMES.has(name)) return undefined;
  // The answer is kept per class, name and method (`loggerStream`), not per call: most calls are asked once.
  const classBody = classOfThis(holder.object);
  const stream = classBody && loggerStream(facts, classBody, name, method);
  return stream ? logWrite(facts.sourceCode, call, stream) : undefined;
}

/** Where `this[name][method](…)` writes in the class: its object once per class and name, its stream once per method. */
function loggerStream(facts: StreamFacts, classBody: TSESTree.ClassBody, name: string, method: string): Stream | null {
  let loggers = facts.classLoggers.get(classBody);
  if (!loggers) {
    loggers = { values: loggerValues(classBody, facts.sourceCode), objects: new Map(), streams: new Map() };
    facts.classLoggers.set(classBody, loggers);
  }
  let byMethod = loggers.streams.get(name);
  if (!byMethod) loggers.streams.set(name, (byMethod = new Map<string, Stream | null>()));
  const known = byMethod.get(method);
  if (known !== undefined) return known;
  let object = loggers.objects.get(name);
  if (object === undefined) {
    const value = loggers.values.get(name);
    object = (value && loggerObject(facts, classBody, value, RESOLVE_DEPTH)) ?? null;
    loggers.objects.set(name, object);
  }
  const fn = object && methodOf(object, method);
  const stream = (fn && firstWrite(facts, fn.body)) ?? null;
  byMethod.set(method, stream);
  return stream;
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

/**
 * Where in a class's text a node that sets a logger can be. An assignment
 * to `this.logger` (or to its method) holds a `this` that no plain `.name`
 * of another name follows, and an `=` that is no part of `==`, `!=` or
 * `=>`; a `delete` of it, such a `this` and a `delete`; a nested class's
 * field, a `class`. Keywords and operators cannot be escaped, and a `this`
 * followed by anything else (`?.`, `[`, an escaped name, a comment) counts,
 * so a node whose text lacks one of these holds no such node, and the walk
 * leaves it out.
 *
 * Each marker is looked for only from where the walk asks: it visits nodes
 * in source order and leaves most of the class out, so most of the class's
 * text is never searched (webpack-cli's main class is most of its file).
 */
class Marker {
  /** The last answer: no marker from `from` up to `at`, which is one (or `Infinity`: none before the limit). */
  private from = Infinity;
  private at = Infinity;

  constructor(
    private readonly text: string,
    private readonly word: string,
    private readonly limit: number,
    private readonly keep?: (text: string, at: number) => boolean,
  ) {}

  /** Whether a marker lies within `[start, end)`. */
  within(start: number, end: number): boolean {
    if (start < this.from || start > this.at) {
      this.from = start;
      this.at = this.first(start);
    }
    return this.at < end;
  }

  private first(start: number): number {
    const { text, word, limit, keep } = this;
    for (let at = text.indexOf(word, start); at !== -1 && at < limit; at = text.indexOf(word, at + 1)) {
      if (!keep || keep(text, at)) return at;
    }
    return Infinity;
  }
}

/** After `this`: a plain `.name` that is no logger name (`log`, `logger`); escapes, `?.` and comments are kept. */
const OTHER_MEMBER = /\s*\.\s*(?!log)[\w$#]/y;

const EQUALS = 0x3d;
const GREATER = 0x3e;
const BANG = 0x21;

/** `==`, `===`, `!=`, `!==` and `=>` assign nothing; `<=` and `>=` stay (`<<=`, `>>=`). */
function assigns(text: string, at: number): boolean {
  const next = text.charCodeAt(at + 1);
  const previous = text.charCodeAt(at - 1);
  return next !== EQUALS && next !== GREATER && previous !== EQUALS && previous !== BANG;
}

function loggerThis(text: string, at: number): boolean {
  OTHER_MEMBER.lastIndex = at + 4;
  return !OTHER_MEMBER.test(text);
}

/** The markers of one class (see `Marker`). */
class Markers {
  private readonly self: Marker;
  private readonly assign: Marker;
  private readonly remove: Marker;
  private readonly nested: Marker;

  constructor(classBody: TSESTree.ClassBody, text: string) {
    const limit = classBody.range[1];
    this.self = new Marker(text, 'this', limit, loggerThis);
    this.assign = new Marker(text, '=', limit, assigns);
    this.remove = new Marker(text, 'delete', limit);
    this.nested = new Marker(text, 'class', limit);
  }

  /** Whether a node that sets a logger can be within `node`. */
  mayHoldLoggerSet(node: Node): boolean {
    const [start, end] = node.range;
    return (
      this.nested.within(start, end) ||
      (this.self.within(start, end) && (this.assign.within(start, end) || this.remove.within(start, end)))
    );
  }
}

/**
 * The one value the class gives `this[name]`, for each logger name, from one
 * walk of the class: null when it sets it more than once, changes it, or the
 * class is too big to tell. The walk goes only into nodes that hold a marker
 * (`Markers`), and into class bodies, whose fields need none.
 */
function loggerValues(classBody: TSESTree.ClassBody, sourceCode: StreamFacts['sourceCode']): Map<string, Node | null> {
  const values = new Map<string, Node[]>();
  const changed = new Set<string>();
  const markers = new Markers(classBody, sourceCode.text);
  const complete = walk(classBody, sourceCode.visitorKeys, CLASS_BUDGET, (node) => {
    if (node.type === TSESTree.AST_NODE_TYPES.PropertyDefinition && !node.static && !node.computed) {
      const name = ASTUtils.getPropertyName(node);
      if (node.value && name !== null && UNSEEN_LOGGER_NAMES.has(name)) valuesOf(values, name).push(node.value);
    } else if (node.type === TSESTree.AST_NODE_TYPES.AssignmentExpression) {
      const name = thisMemberName(node.left);
      if (name !== undefined) {
        if (node.operator === '=') valuesOf(values, name).push(node.right);
        else changed.add(name);
      } else if (node.left.type === TSESTree.AST_NODE_TYPES.MemberExpression) {
        // `this.logger.error = noop`: the logger's methods are replaced.
        const replaced = thisMemberName(unwrap(node.left.object));
        if (replaced !== undefined) changed.add(replaced);
      }
    } else if (node.type === TSESTree.AST_NODE_TYPES.UnaryExpression && node.operator === 'delete') {
      const deleted = thisMemberName(unwrap(node.argument));
      if (deleted !== undefined) changed.add(deleted);
    }
    return node.type === TSESTree.AST_NODE_TYPES.ClassBody || markers.mayHoldLoggerSet(node) ? false : 'skip';
  });
  const found = new Map<string, Node | null>();
  for (const name of UNSEEN_LOGGER_NAMES) {
    const set = values.get(name) ?? [];
    found.set(name, complete === false && !changed.has(name) && set.length === 1 ? (set[0] ?? null) : null);
  }
  return found;
}

function valuesOf(values: Map<string, Node[]>, name: string): Node[] {
  let list = values.get(name);
  if (!list) values.set(name, (list = []));
  return list;
}

/** The logger name `this.<name>` reads, when `node` is such a member. */
function thisMemberName(node: Node): string | undefined {
  if (node.type !== TSESTree.AST_NODE_TYPES.MemberExpression) return undefined;
  if (node.object.type !== TSESTree.AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(node);
  return name !== undefined && UNSEEN_LOGGER_NAMES.has(name) ? name : undefined;
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

/** The stream of the first traced log write in a function body, outside the functions inside it. */
function firstWrite(facts: StreamFacts, body: Node | null | undefined): Stream | undefined {
  if (!body) return undefined;
  let found: Stream | undefined;
  walk(body, facts.sourceCode.visitorKeys, FUNCTION_BUDGET, (node) => {
    if (isFunctionNode(node)) return 'skip';
    found = tracedWrite(facts, node)?.stream;
    return found !== undefined;
  });
  return found;
}
