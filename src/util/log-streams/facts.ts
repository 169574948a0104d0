import { ASTUtils, TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, skipWrappers, staticMemberName } from '../ast.js';
import { answeredCalls, findPropertyReferences, READ, sharedReferences, type TraceMapElement } from '../references.js';
import { quote } from '../text.js';
import type { LogWrite } from './index.js';
import { debugLoggerMap, type LogApi, loggerMethods, moduleMaps, traceEntry, winstonMethods } from './libraries.js';
import type { ClassLoggers } from './own-loggers.js';

const { DefinitionType } = TSESLint.Scope;

type SourceCode = Readonly<TSESLint.SourceCode>;
type Stream = LogWrite['stream'];

/** How far one-hop resolutions (a `const` holding a stream or a promise) go. */
export const RESOLVE_DEPTH = 4;
/** A longer callee is not quoted in messages: `logger.error` stands for it. */
export const MAX_DESCRIPTION_LENGTH = 32;

/**
 * What a traced write call writes to, as its trace map says: the map's own
 * entry, shared by every call of that method (`console.log`'s by every
 * `console.log(…)`). The `LogWrite` is made when a rule asks about the call.
 */
export interface TracedWrite {
  readonly stream: Stream;
  readonly description?: string | undefined;
}

/** What the file's imports and globals say about its log streams, found once per file. */
export interface StreamFacts {
  readonly sourceCode: SourceCode;
  /** The writes the pass found: ask `tracedWrite`, which also answers those it leaves out. */
  readonly writes: Map<TSESTree.Node, TracedWrite>;
  /** What a direct call of the global `console` is, where the pass leaves those out (see `logReferences`). */
  readonly consoleCall: ((call: TSESTree.CallExpression) => unknown) | undefined;
  /** Log methods read as values: `.catch(console.error)`, `const { error } = console`. */
  readonly logFunctions: Set<TSESTree.Node>;
  readonly stdoutReads: Set<TSESTree.Node>;
  readonly prettyCalls: Set<TSESTree.Node>;
  readonly multistreamCalls: Set<TSESTree.Node>;
  readonly shutdownCalls: Set<TSESTree.Node>;
  readonly onceCalls: Set<TSESTree.Node>;
  readonly consoleTransports: Set<TSESTree.Node>;
  /** Flush listeners on winston loggers with a Console transport: not barriers. */
  readonly consoleLoggerListens: Set<TSESTree.Node>;
  /**
   * Whether the file can hold a flush promise at all: a traced `once` call, or
   * a `new Promise` (the name spelled out or escaped). Found on first ask.
   */
  mayHoldFlushPromise: boolean | undefined;
  /** Whether a helper of this file waits for a flush, by the depth left when it was asked. */
  readonly helperVerdicts: Map<TSESTree.Node, boolean[]>;
  /** What each class asked about does with its logger properties (`this.logger`). */
  readonly classLoggers: Map<TSESTree.Node, ClassLoggers>;
}

/** The loggers found so far, whose own methods are followed next. */
interface PendingLoggers {
  readonly loggers: {
    node: TSESTree.Node;
    stream: Stream;
    flushesOnExit?: boolean;
    debug?: boolean;
    winston?: boolean;
  }[];
  readonly pinoCalls: TSESTree.Node[];
  readonly winstonListens: Map<TSESTree.Node, TSESTree.Node[]>;
  readonly winstonAdds: Map<TSESTree.Node, TSESTree.CallExpression[]>;
}

/** A value read through `?.` is the same function or stream: `logger?.error`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  return skipWrappers(node, { chain: true });
}

export function memberName(node: TSESTree.Node): string | undefined {
  return node.type === TSESTree.AST_NODE_TYPES.MemberExpression ? staticMemberName(node) : undefined;
}

export function describeCallee(sourceCode: SourceCode, call: TSESTree.CallExpression): string {
  const callee = unwrap(call.callee);
  // `pino(pretty()).info`: name the factory, not its arguments.
  const method = memberName(callee);
  const object = callee.type === TSESTree.AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
  const text =
    method && object?.type === TSESTree.AST_NODE_TYPES.CallExpression
      ? `${sourceCode.getText(object.callee)}(…).${method}`
      : sourceCode.getText(callee);
  return quote(text, MAX_DESCRIPTION_LENGTH, method ? `logger.${method}` : 'logger');
}

export function variableOf(facts: StreamFacts, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  return ASTUtils.findVariable(facts.sourceCode.getScope(identifier), identifier) ?? undefined;
}

export function constInit(facts: StreamFacts, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  const def = variableOf(facts, identifier)?.defs[0];
  if (def?.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (def.parent?.type !== TSESTree.AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return undefined;
  return def.node.id.type === TSESTree.AST_NODE_TYPES.Identifier ? (def.node.init ?? undefined) : undefined;
}

export function localFunction(facts: StreamFacts, identifier: TSESTree.Identifier): FunctionNode | undefined {
  const def = variableOf(facts, identifier)?.defs[0];
  if (!def) return undefined;
  if (def.node.type === TSESTree.AST_NODE_TYPES.FunctionDeclaration) return def.node;
  const init = constInit(facts, identifier);
  return init && isFunctionNode(init) ? init : undefined;
}

/**
 * A log write. Its description is quoted when a report reads it: most writes
 * are never reported, and quoting one takes its source text.
 */
class Write implements LogWrite {
  // Declared, not defined: a file may hold tens of thousands of writes, and
  // each defined field costs its own store when one is made.
  declare readonly node: TSESTree.CallExpression;
  declare readonly stream: Stream;
  declare private readonly sourceCode: SourceCode;
  declare private described: string | undefined;

  constructor(node: TSESTree.CallExpression, stream: Stream, sourceCode: SourceCode, description: string | undefined) {
    this.node = node;
    this.stream = stream;
    this.sourceCode = sourceCode;
    this.described = description;
  }

  get description(): string {
    return (this.described ??= describeCallee(this.sourceCode, this.node));
  }
}

/** The write `node` performs on `stream`, described as `description`, or as its callee when that is undefined. */
export function logWrite(
  sourceCode: SourceCode,
  node: TSESTree.CallExpression,
  stream: Stream,
  description?: string,
): LogWrite {
  return new Write(node, stream, sourceCode, description);
}

/** Whether a traced call of a log function counts as a write (see `LogApi`). */
function isCountedWrite(found: LogApi): found is Extract<LogApi, { kind: 'write' }> {
  return found.kind === 'write' && found.flushesOnExit !== true && found.offByDefault !== true;
}

/** The first traced write of a call is the one it performs. */
function addWrite(facts: StreamFacts, node: TSESTree.CallExpression, write: TracedWrite): void {
  if (!facts.writes.has(node)) facts.writes.set(node, write);
}

/** `process.stdout`, an in-process `pino-pretty` stream, a pino multistream over either. */
function isStdoutStream(facts: StreamFacts, node: TSESTree.Node, depth: number): boolean {
  if (depth < 0) return false;
  const value = unwrap(node);
  if (facts.stdoutReads.has(value) || facts.prettyCalls.has(value)) return true;
  if (value.type === TSESTree.AST_NODE_TYPES.CallExpression && facts.multistreamCalls.has(value)) {
    const streams = value.arguments[0];
    return streams !== undefined && isStdoutEntry(facts, streams, depth - 1);
  }
  // The stream list of a multistream.
  if (value.type === TSESTree.AST_NODE_TYPES.ArrayExpression) {
    return value.elements.some((entry) => entry !== null && isStdoutEntry(facts, entry, depth - 1));
  }
  if (value.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
  const variable = variableOf(facts, value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  if (def.type === DefinitionType.ImportBinding) return facts.stdoutReads.has(def.node);
  if (def.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  if (def.node.id.type === TSESTree.AST_NODE_TYPES.Identifier) return isStdoutStream(facts, def.node.init, depth - 1);
  // `const { stdout } = process`: the tracker reports the destructuring property.
  return (
    def.node.id.type === TSESTree.AST_NODE_TYPES.ObjectPattern &&
    def.node.id.properties.some((property) => property.value === def.name && facts.stdoutReads.has(property))
  );
}

function isStdoutEntry(facts: StreamFacts, entry: TSESTree.Node, depth: number): boolean {
  const value = unwrap(entry);
  if (value.type !== TSESTree.AST_NODE_TYPES.ObjectExpression) return isStdoutStream(facts, value, depth);
  return value.properties.some(
    (property) =>
      property.type === TSESTree.AST_NODE_TYPES.Property &&
      ASTUtils.getPropertyName(property) === 'stream' &&
      isStdoutStream(facts, property.value, depth),
  );
}

/** A Console transport, a list holding one, or a `const` naming either. */
function isConsoleTransport(facts: StreamFacts, node: TSESTree.Node, depth: number): boolean {
  if (depth < 0) return false;
  const value = unwrap(node);
  if (facts.consoleTransports.has(value)) return true;
  if (value.type === TSESTree.AST_NODE_TYPES.SpreadElement) return isConsoleTransport(facts, value.argument, depth - 1);
  if (value.type === TSESTree.AST_NODE_TYPES.ArrayExpression) {
    return value.elements.some((entry) => entry !== null && isConsoleTransport(facts, entry, depth - 1));
  }
  if (value.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
  const init = constInit(facts, value);
  return init !== undefined && isConsoleTransport(facts, init, depth - 1);
}

/**
 * Whether a winston logger made here writes to the console: a Console
 * transport in its options (`createLogger({ transports: […] })`,
 * `loggers.add(id, { transports })`) or added to it (`logger.add(t)`).
 */
function hasConsoleTransport(
  facts: StreamFacts,
  logger: TSESTree.Node,
  adds: readonly TSESTree.CallExpression[],
): boolean {
  const options = logger.type === TSESTree.AST_NODE_TYPES.CallExpression ? logger.arguments : [];
  for (const option of options) {
    const value = unwrap(option);
    if (value.type !== TSESTree.AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of value.properties) {
      if (property.type !== TSESTree.AST_NODE_TYPES.Property || ASTUtils.getPropertyName(property) !== 'transports')
        continue;
      if (isConsoleTransport(facts, property.value, RESOLVE_DEPTH)) return true;
    }
  }
  return adds.some((add) => add.arguments.some((argument) => isConsoleTransport(facts, argument, RESOLVE_DEPTH)));
}

/** Whether `node` is what a call calls: `console.log` in `console.log(…)`, `console.log?.(…)`. */
function isCalleeOfCall(node: TSESTree.Node): boolean {
  const { parent } = node;
  return parent?.type === TSESTree.AST_NODE_TYPES.CallExpression && parent.callee === node;
}

/** Records what a traced node is; loggers and winston calls wait in `pending` to be followed. */
function recordApi(
  facts: StreamFacts,
  pending: PendingLoggers,
  node: TSESTree.Node,
  type: symbol,
  found: LogApi,
): void {
  switch (found.kind) {
    case 'write':
      if (type === READ) {
        // A method read only to be called here (`console.log(…)`) is never asked about: a log function is a
        // value passed on (`isLogFunction` is asked about callbacks, aliases' values and `bind`'s object).
        if (!isCalleeOfCall(node)) facts.logFunctions.add(node);
      } else if (node.type === TSESTree.AST_NODE_TYPES.CallExpression && isCountedWrite(found)) {
        addWrite(facts, node, found);
      }
      break;
    case 'logger':
      pending.loggers.push({
        node,
        stream: found.stream,
        flushesOnExit: found.flushesOnExit === true,
        winston: found.winston === true,
      });
      break;
    case 'debug':
      pending.loggers.push({ node, stream: 'stderr', debug: true });
      break;
    case 'pino':
      pending.pinoCalls.push(node);
      break;
    case 'stdout':
      facts.stdoutReads.add(node);
      break;
    case 'pretty':
      facts.prettyCalls.add(node);
      break;
    case 'multistream':
      facts.multistreamCalls.add(node);
      break;
    case 'shutdown':
      facts.shutdownCalls.add(node);
      break;
    case 'once':
      facts.onceCalls.add(node);
      break;
    case 'consoleTransport':
      facts.consoleTransports.add(node);
      break;
    case 'winstonListen': {
      const listens = pending.winstonListens.get(found.logger);
      if (listens) listens.push(node);
      else pending.winstonListens.set(found.logger, [node]);
      break;
    }
    case 'winstonAdd': {
      if (node.type !== TSESTree.AST_NODE_TYPES.CallExpression) break;
      const adds = pending.winstonAdds.get(found.logger);
      if (adds) adds.push(node);
      else pending.winstonAdds.set(found.logger, [node]);
      break;
    }
  }
}

/** The trace maps of loggers' own methods, by stream and whether it flushes on exit: the same for every file. */
const methodMaps = new Map<string, TraceMapElement>();
let debugMap: TraceMapElement | undefined;

/** What a logger's method calls are: a winston logger's map also names the logger, the others are made once. */
function loggerMap(logger: PendingLoggers['loggers'][number]): TraceMapElement {
  if (logger.debug) return (debugMap ??= debugLoggerMap());
  if (logger.winston) {
    return traceEntry(undefined, undefined, {
      ...loggerMethods(logger.stream, logger.flushesOnExit),
      ...winstonMethods(logger.node),
    });
  }
  const key = `${logger.stream} ${logger.flushesOnExit === true}`;
  let map = methodMaps.get(key);
  if (!map)
    methodMaps.set(key, (map = traceEntry(undefined, undefined, loggerMethods(logger.stream, logger.flushesOnExit))));
  return map;
}

const maps = moduleMaps();
const { console: consoleGlobal, process: processGlobal } = maps;

/**
 * The log libraries' references, found in the pass the process facts share,
 * but for direct calls of the global `console` (`tracedWrite` answers those:
 * a generated file may hold tens of thousands, each a read and a call).
 */
const logReferences = sharedReferences(
  {
    globals: { ...(consoleGlobal && { console: consoleGlobal }), ...(processGlobal && { process: processGlobal }) },
    modules: maps,
  },
  { answeredCalls: ['console'] },
);

/** The traced write `node` performs: found in the pass, or a direct call of the global `console`. */
export function tracedWrite(facts: StreamFacts, node: TSESTree.Node): TracedWrite | undefined {
  if (facts.consoleCall && node.type === TSESTree.AST_NODE_TYPES.CallExpression) {
    const api = facts.consoleCall(node) as LogApi | undefined;
    if (api) return isCountedWrite(api) ? api : undefined;
  }
  return facts.writes.get(node);
}

/** Finds what the file's imports, `require`s and globals say about its log streams. */
export function collectStreamFacts(sourceCode: SourceCode): StreamFacts {
  const facts: StreamFacts = {
    sourceCode,
    writes: new Map(),
    consoleCall: consoleGlobal && answeredCalls(sourceCode, 'console', consoleGlobal),
    logFunctions: new Set(),
    stdoutReads: new Set(),
    prettyCalls: new Set(),
    multistreamCalls: new Set(),
    shutdownCalls: new Set(),
    onceCalls: new Set(),
    consoleTransports: new Set(),
    consoleLoggerListens: new Set(),
    mayHoldFlushPromise: undefined,
    helperVerdicts: new Map(),
    classLoggers: new Map(),
  };
  const pending: PendingLoggers = { loggers: [], pinoCalls: [], winstonListens: new Map(), winstonAdds: new Map() };
  const { loggers } = pending;

  for (const { node, type, info } of logReferences(facts.sourceCode)) {
    recordApi(facts, pending, node, type, info as LogApi);
  }

  for (const node of pending.pinoCalls) {
    if (node.type !== TSESTree.AST_NODE_TYPES.CallExpression) continue;
    const onStdout = node.arguments.some((argument) => isStdoutStream(facts, argument, RESOLVE_DEPTH));
    loggers.push({ node, stream: 'stdout', flushesOnExit: !onStdout });
  }

  // Follow each logger to its method calls; child loggers join the queue.
  const seen = new Set<TSESTree.Node>();
  // The array grows while it is read: child loggers found on the way are followed too.
  for (const logger of loggers) {
    if (seen.has(logger.node)) continue;
    seen.add(logger.node);
    for (const { node, type, info } of findPropertyReferences(facts.sourceCode, logger.node, loggerMap(logger))) {
      recordApi(facts, pending, node, type, info as LogApi);
    }
  }

  for (const [logger, listens] of pending.winstonListens) {
    if (!hasConsoleTransport(facts, logger, pending.winstonAdds.get(logger) ?? [])) continue;
    for (const listen of listens) facts.consoleLoggerListens.add(listen);
  }
  return facts;
}
