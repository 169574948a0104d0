import { ASTUtils, type TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, isFunctionNode, skipWrappers, staticMemberName, walk } from './ast.js';
import {
  CALL,
  CONSTRUCT,
  findPropertyReferences,
  findReferences,
  READ,
  type TraceMap,
  type TraceMapElement,
} from './references.js';
import { quote } from './text.js';

/** A call that writes to a log stream. */
export interface LogWrite {
  node: TSESTree.CallExpression;
  /** e.g. "console.error", "process.stderr.write", "logger.error" */
  description: string;
  stream: 'stdout' | 'stderr' | 'logger';
}

export interface LogStreams {
  /** The log write this call performs, or undefined. */
  writeOf(call: TSESTree.CallExpression): LogWrite | undefined;
  /**
   * Whether an expression used as a value (e.g. passed as a callback:
   * `.catch(console.error)`, `.catch(logger.error)`) is a log-writing function,
   * also through a `const` alias (`const { error } = console`, `const fail =
   * console.error.bind(console)`) or an import (`import { error } from
   * 'node:console'`). Methods of every pino logger count here, also those
   * whose own destination flushes on exit (which `writeOf` leaves out): they
   * log, and return, like any other.
   */
  isLogFunction(node: TSESTree.Node): boolean;
  /**
   * The callback of a call that runs it once a stream has flushed
   * (`stream.write(x, cb)`, `stream.end(cb)`, `stream.on('drain', cb)`,
   * pino's `logger.flush(cb)`, `log4js.shutdown(cb)`, winston's
   * `logger.on('finish', cb)`), or undefined.
   *
   * Streams are recognised by the shape of the call, on any receiver: the
   * file rarely says what `stream` is, and a callback taken for a barrier only
   * costs a report (precision first). The one exception the file can decide:
   * a listener on a winston logger of this file with a Console transport,
   * whose `'finish'` comes before the console has drained (measured: lossy on
   * a pipe); with file transports it comes after the file is written.
   */
  flushCallbackOf(call: TSESTree.CallExpression): TSESTree.Node | undefined;
  /**
   * Whether awaiting this expression waits for a log stream to flush: a
   * `new Promise` whose executor resolves from a flush callback, `once(stream,
   * 'drain' | 'finish')`, or a call of a function of this file that returns or
   * awaits one of those.
   */
  isFlushPromise(node: TSESTree.Node): boolean;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Readonly<TSESLint.SourceCode>;
type Stream = LogWrite['stream'];

/** What a node found by the reference tracker is. */
type Found =
  /** `quiet`: a logger that flushes by itself on exit (pino's own destinations): a log function, not a risky write. */
  | { kind: 'write'; stream: Stream; description?: string; quiet?: boolean }
  | { kind: 'logger'; stream: Stream; quiet?: boolean; winston?: boolean }
  | { kind: 'debug' }
  | { kind: 'pino' }
  | { kind: 'stdout' }
  | { kind: 'pretty' }
  | { kind: 'multistream' }
  | { kind: 'shutdown' }
  | { kind: 'once' }
  /** `new winston.transports.Console()` */
  | { kind: 'consoleTransport' }
  /** A flush listener (`on('finish', cb)`) or a transport added (`add(t)`) on a winston logger. */
  | { kind: 'winstonListen' | 'winstonAdd'; logger: TSESTree.Node };

// Node writes these console methods to stdout, the others to stderr.
const CONSOLE_STDOUT = ['log', 'info', 'debug', 'dir', 'dirxml', 'table', 'count', 'timeLog', 'timeEnd'];
const CONSOLE_STDERR = ['error', 'warn', 'trace', 'assert'];

/** The writing methods of the loggers the file creates from a known library. */
const LOGGER_METHODS = [
  'alert',
  'await',
  'box',
  'complete',
  'critical',
  'crit',
  'debug',
  'emerg',
  'error',
  'fail',
  'fatal',
  'fav',
  'http',
  'info',
  'log',
  'mark',
  'note',
  'notice',
  'pause',
  'pending',
  'ready',
  'silly',
  'star',
  'start',
  'success',
  'trace',
  'verbose',
  'wait',
  'warn',
  'warning',
  'watch',
];
/** Methods that make a logger from a logger (child loggers, tags, scopes). */
const CHILD_METHODS = ['child', 'withTag', 'withDefaults', 'create', 'scope', 'extend'];

/** The log-level methods that make an unseen `logger` or `log` a write. */
const UNSEEN_LOGGER_METHODS = new Set([
  'critical',
  'debug',
  'error',
  'fatal',
  'info',
  'log',
  'notice',
  'trace',
  'verbose',
  'warn',
  'warning',
]);
const UNSEEN_LOGGER_NAMES = new Set(['log', 'logger']);

const LOGGER_MODULES = ['winston', 'bunyan', 'log4js', 'consola', 'signale', 'debug', 'pino', 'pino-pretty'];
const FLUSH_EVENTS = new Set(['drain', 'finish', 'close']);
const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** How far one-hop resolutions (a `const` holding a stream or a promise) go. */
const RESOLVE_DEPTH = 4;
/** Nodes looked at inside one promise executor or helper function. */
const WALK_BUDGET = 400;
/** A longer callee is not quoted in messages: `logger.error` stands for it. */
const MAX_QUOTED_LENGTH = 40;

/** A trace-map entry: what a read of it is, what a call of it is, and its members. */
function element(read: Found | undefined, call: Found | undefined, members: TraceMap = {}): TraceMapElement {
  const result: Record<string | symbol, unknown> = { ...members };
  if (read) result[READ] = read;
  if (call) result[CALL] = call;
  return result as TraceMapElement;
}

function loggerMethods(stream: Stream, quiet = false): TraceMap {
  const map: TraceMap = {};
  for (const method of LOGGER_METHODS) {
    map[method] = element({ kind: 'write', stream, quiet }, { kind: 'write', stream, quiet });
  }
  for (const method of CHILD_METHODS) {
    map[method] = element(undefined, { kind: 'logger', stream, quiet });
  }
  return map;
}

/** The calls on a winston logger that decide whether its flush listeners are barriers. */
function winstonMethods(logger: TSESTree.Node): TraceMap {
  const map: TraceMap = { add: element(undefined, { kind: 'winstonAdd', logger }) };
  for (const method of LISTEN_METHODS) map[method] = element(undefined, { kind: 'winstonListen', logger });
  return map;
}

function consoleMap(): TraceMapElement {
  const map: TraceMap = {};
  for (const [methods, stream] of [
    [CONSOLE_STDOUT, 'stdout'],
    [CONSOLE_STDERR, 'stderr'],
  ] as const) {
    for (const method of methods) {
      const description = `console.${method}`;
      map[method] = element({ kind: 'write', stream, description }, { kind: 'write', stream, description });
    }
  }
  return element(undefined, undefined, map);
}

function processMap(): TraceMapElement {
  const stream = (name: 'stdout' | 'stderr', found: Found | undefined): TraceMapElement =>
    element(found, undefined, {
      write: element(undefined, { kind: 'write', stream: name, description: `process.${name}.write` }),
    });
  return element(undefined, undefined, {
    stdout: stream('stdout', { kind: 'stdout' }),
    stderr: stream('stderr', undefined),
  });
}

function moduleMaps(): TraceMap {
  const logger: Found = { kind: 'logger', stream: 'logger' };
  const factory = element(undefined, logger);
  const winstonFactory = element(undefined, { kind: 'logger', stream: 'logger', winston: true });
  const consola = element(undefined, undefined, { ...loggerMethods('logger'), createConsola: factory });
  const signale = element(undefined, undefined, {
    ...loggerMethods('logger'),
    Signale: { [CONSTRUCT]: logger } as TraceMapElement,
  });
  const debug = element(undefined, { kind: 'debug' }, { debug: element(undefined, { kind: 'debug' }) });
  const pino = element(
    undefined,
    { kind: 'pino' },
    {
      pino: element(undefined, { kind: 'pino' }),
      multistream: element(undefined, { kind: 'multistream' }),
    },
  );
  const pretty = element(
    undefined,
    { kind: 'pretty' },
    {
      PinoPretty: element(undefined, { kind: 'pretty' }),
      build: element(undefined, { kind: 'pretty' }),
    },
  );
  const maps: TraceMap = {
    console: consoleMap(),
    process: processMap(),
    winston: element(undefined, undefined, {
      ...loggerMethods('logger'),
      createLogger: winstonFactory,
      loggers: element(undefined, undefined, { get: winstonFactory, add: winstonFactory }),
      transports: element(undefined, undefined, {
        Console: { [CONSTRUCT]: { kind: 'consoleTransport' } } as TraceMapElement,
      }),
    }),
    bunyan: { ...element(undefined, undefined, { createLogger: factory }), [CONSTRUCT]: logger } as TraceMapElement,
    log4js: element(undefined, undefined, {
      getLogger: factory,
      shutdown: element(undefined, { kind: 'shutdown' }),
    }),
    consola: element(undefined, undefined, { ...(consola as TraceMap), consola }),
    signale,
    debug,
    pino,
    'pino-pretty': pretty,
    events: element(undefined, undefined, { once: element(undefined, { kind: 'once' }) }),
  };
  return maps;
}

/** A value read through `?.` is the same function or stream: `logger?.error`. */
function unwrap(node: TSESTree.Node): TSESTree.Node {
  return skipWrappers(node, { chain: true });
}

function memberName(node: TSESTree.Node): string | undefined {
  return node.type === TSESTree.AST_NODE_TYPES.MemberExpression ? staticMemberName(node) : undefined;
}

function describeCallee(sourceCode: SourceCode, call: TSESTree.CallExpression): string {
  const callee = unwrap(call.callee);
  // `pino(pretty()).info`: name the factory, not its arguments.
  const method = memberName(callee);
  const object = callee.type === TSESTree.AST_NODE_TYPES.MemberExpression ? unwrap(callee.object) : undefined;
  const text =
    method && object?.type === TSESTree.AST_NODE_TYPES.CallExpression
      ? `${sourceCode.getText(object.callee)}(…).${method}`
      : sourceCode.getText(callee);
  return quote(text, MAX_QUOTED_LENGTH, method ? `logger.${method}` : 'logger');
}

class FileLogStreams implements LogStreams {
  private readonly writes = new Map<TSESTree.Node, LogWrite>();
  private readonly logFunctions = new Set<TSESTree.Node>();
  private readonly stdoutReads = new Set<TSESTree.Node>();
  private readonly prettyCalls = new Set<TSESTree.Node>();
  private readonly multistreamCalls = new Set<TSESTree.Node>();
  private readonly shutdownCalls = new Set<TSESTree.Node>();
  private readonly onceCalls = new Set<TSESTree.Node>();
  private readonly consoleTransports = new Set<TSESTree.Node>();
  /** Whether a helper of this file waits for a flush, by the depth left when it was asked. */
  private readonly helperVerdicts = new Map<TSESTree.Node, boolean[]>();
  /** Flush listeners on winston loggers with a Console transport: not barriers. */
  private readonly consoleLoggerListens = new Set<TSESTree.Node>();

  constructor(private readonly sourceCode: SourceCode) {
    this.collect();
  }

  writeOf(call: TSESTree.CallExpression): LogWrite | undefined {
    return this.writes.get(call) ?? this.unseenLoggerWrite(call);
  }

  isLogFunction(node: TSESTree.Node): boolean {
    return this.logFunction(node, RESOLVE_DEPTH);
  }

  flushCallbackOf(call: TSESTree.CallExpression): TSESTree.Node | undefined {
    const args = call.arguments;
    const last = args.at(-1);
    if (!last || last.type === TSESTree.AST_NODE_TYPES.SpreadElement) return undefined;
    const callbackLike = isFunctionNode(last) || last.type === TSESTree.AST_NODE_TYPES.Identifier;
    if (this.shutdownCalls.has(call)) return callbackLike ? last : undefined;
    if (this.consoleLoggerListens.has(call)) return undefined;
    const method = memberName(call.callee);
    if (!method || !callbackLike) return undefined;
    if (method === 'write') return args.length >= 2 ? last : undefined;
    if (method === 'end') return last;
    if (method === 'flush') return args.length === 1 ? last : undefined;
    if (LISTEN_METHODS.has(method) && args.length === 2) {
      const event = ASTUtils.getStringIfConstant(args[0] as TSESTree.Node);
      return event !== null && FLUSH_EVENTS.has(event) ? last : undefined;
    }
    return undefined;
  }

  isFlushPromise(node: TSESTree.Node): boolean {
    return this.flushPromise(node, RESOLVE_DEPTH);
  }

  private logFunction(node: TSESTree.Node, depth: number): boolean {
    if (depth < 0) return false;
    const value = unwrap(node);
    if (this.logFunctions.has(value)) return true;
    if (value.type === TSESTree.AST_NODE_TYPES.MemberExpression) return this.isUnseenLoggerMethod(value);
    // `console.error.bind(console)`
    if (value.type === TSESTree.AST_NODE_TYPES.CallExpression && memberName(value.callee) === 'bind') {
      const callee = value.callee as TSESTree.MemberExpression;
      return this.logFunction(callee.object, depth - 1);
    }
    if (value.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
    // The tracker reports where an alias takes the method (`console.error` in
    // `const error = console.error`), not the alias's later reads.
    const variable = this.resolve(value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return false;
    if (def.type === 'ImportBinding') return this.logFunctions.has(def.node);
    if (def.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
    if (def.parent?.type !== TSESTree.AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const') return false;
    const { id, init } = def.node;
    if (id.type === TSESTree.AST_NODE_TYPES.Identifier) return this.logFunction(init, depth - 1);
    // `const { error } = console`: the tracker reports the destructuring property.
    return (
      id.type === TSESTree.AST_NODE_TYPES.ObjectPattern &&
      id.properties.some((property) => property.value === def.name && this.logFunctions.has(property))
    );
  }

  private flushPromise(node: TSESTree.Node, depth: number): boolean {
    if (depth < 0) return false;
    const value = unwrap(node);
    if (value.type === TSESTree.AST_NODE_TYPES.Identifier) {
      const init = this.constInit(value);
      return init !== undefined && this.flushPromise(init, depth - 1);
    }
    if (value.type === TSESTree.AST_NODE_TYPES.NewExpression) return this.isFlushExecutorPromise(value);
    if (value.type !== TSESTree.AST_NODE_TYPES.CallExpression) return false;
    if (this.onceCalls.has(value)) {
      const event = value.arguments[1] && ASTUtils.getStringIfConstant(value.arguments[1]);
      return typeof event === 'string' && FLUSH_EVENTS.has(event);
    }
    // A helper of this file: `async function flushLogs() { await new Promise(…) }`.
    if (value.callee.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
    const helper = this.localFunction(value.callee);
    if (!helper?.body) return false;
    // Each helper is walked once per depth, however many calls name it.
    let verdicts = this.helperVerdicts.get(helper);
    if (!verdicts) {
      verdicts = [];
      this.helperVerdicts.set(helper, verdicts);
    }
    const known = verdicts[depth];
    if (known !== undefined) return known;
    verdicts[depth] = false;
    const verdict = this.helperWaitsForFlush(helper, depth);
    verdicts[depth] = verdict;
    return verdict;
  }

  private helperWaitsForFlush(helper: FunctionNode, depth: number): boolean {
    const { body } = helper;
    if (!body) return false;
    if (body.type !== TSESTree.AST_NODE_TYPES.BlockStatement) return this.flushPromise(body, depth - 1);
    return this.find(body, (inner) => {
      if (isFunctionNode(inner)) return 'skip';
      const awaited =
        (inner.type === TSESTree.AST_NODE_TYPES.AwaitExpression && helper.async) ||
        inner.type === TSESTree.AST_NODE_TYPES.ReturnStatement;
      return awaited && inner.argument !== null && this.flushPromise(inner.argument, depth - 1);
    });
  }

  /** `new Promise((resolve) => process.stderr.write('', resolve))` and its variations. */
  private isFlushExecutorPromise(node: TSESTree.NewExpression): boolean {
    if (node.callee.type !== TSESTree.AST_NODE_TYPES.Identifier || node.callee.name !== 'Promise') return false;
    if ((this.resolve(node.callee)?.defs.length ?? 0) > 0) return false;
    const executor = node.arguments[0];
    if (!executor || !isFunctionNode(executor)) return false;
    const resolveParam = executor.params[0];
    if (resolveParam?.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
    const resolveName = resolveParam.name;
    const mentionsResolve = (callback: TSESTree.Node): boolean =>
      this.find(callback, (inner) => inner.type === TSESTree.AST_NODE_TYPES.Identifier && inner.name === resolveName);
    return this.find(executor.body, (inner) => {
      if (inner.type !== TSESTree.AST_NODE_TYPES.CallExpression) return false;
      const callback = this.flushCallbackOf(inner);
      return callback !== undefined && mentionsResolve(callback);
    });
  }

  private collect(): void {
    const maps = moduleMaps();
    const { console: consoleGlobal, process: processGlobal } = maps;
    const globals: TraceMap = {};
    if (consoleGlobal) globals['console'] = consoleGlobal;
    if (processGlobal) globals['process'] = processGlobal;
    const loggers: { node: TSESTree.Node; stream: Stream; quiet?: boolean; debug?: boolean; winston?: boolean }[] = [];
    const winstonListens = new Map<TSESTree.Node, TSESTree.Node[]>();
    const winstonAdds = new Map<TSESTree.Node, TSESTree.CallExpression[]>();
    const pinoCalls: TSESTree.Node[] = [];

    const take = (node: TSESTree.Node, type: symbol, found: Found): void => {
      switch (found.kind) {
        case 'write':
          if (type === READ) this.logFunctions.add(node);
          else if (node.type === TSESTree.AST_NODE_TYPES.CallExpression && found.quiet !== true) {
            this.addWrite(node, found.stream, found.description);
          }
          break;
        case 'logger':
          loggers.push({ node, stream: found.stream, quiet: found.quiet === true, winston: found.winston === true });
          break;
        case 'debug':
          loggers.push({ node, stream: 'stderr', debug: true });
          break;
        case 'pino':
          pinoCalls.push(node);
          break;
        case 'stdout':
          this.stdoutReads.add(node);
          break;
        case 'pretty':
          this.prettyCalls.add(node);
          break;
        case 'multistream':
          this.multistreamCalls.add(node);
          break;
        case 'shutdown':
          this.shutdownCalls.add(node);
          break;
        case 'once':
          this.onceCalls.add(node);
          break;
        case 'consoleTransport':
          this.consoleTransports.add(node);
          break;
        case 'winstonListen': {
          const listens = winstonListens.get(found.logger);
          if (listens) listens.push(node);
          else winstonListens.set(found.logger, [node]);
          break;
        }
        case 'winstonAdd': {
          if (node.type !== TSESTree.AST_NODE_TYPES.CallExpression) break;
          const adds = winstonAdds.get(found.logger);
          if (adds) adds.push(node);
          else winstonAdds.set(found.logger, [node]);
          break;
        }
      }
    };

    for (const { node, type, info } of findReferences(this.sourceCode, { globals, modules: maps })) {
      take(node, type, info as Found);
    }

    for (const node of pinoCalls) {
      if (node.type !== TSESTree.AST_NODE_TYPES.CallExpression) continue;
      const onStdout = node.arguments.some((argument) => this.isStdoutStream(argument, RESOLVE_DEPTH));
      loggers.push({ node, stream: 'stdout', quiet: !onStdout });
    }

    // Follow each logger to its method calls; child loggers join the queue.
    const seen = new Set<TSESTree.Node>();
    for (let index = 0; index < loggers.length; index++) {
      const logger = loggers[index];
      if (!logger || seen.has(logger.node)) continue;
      seen.add(logger.node);
      const map = logger.debug
        ? element(undefined, { kind: 'write', stream: 'stderr' }, { extend: element(undefined, { kind: 'debug' }) })
        : element(undefined, undefined, {
            ...loggerMethods(logger.stream, logger.quiet),
            ...(logger.winston && winstonMethods(logger.node)),
          });
      for (const { node, type, info } of findPropertyReferences(this.sourceCode, logger.node, map)) {
        take(node, type, info as Found);
      }
    }

    for (const [logger, listens] of winstonListens) {
      if (!this.hasConsoleTransport(logger, winstonAdds.get(logger) ?? [])) continue;
      for (const listen of listens) this.consoleLoggerListens.add(listen);
    }
  }

  /**
   * Whether a winston logger made here writes to the console: a Console
   * transport in its options (`createLogger({ transports: […] })`,
   * `loggers.add(id, { transports })`) or added to it (`logger.add(t)`).
   */
  private hasConsoleTransport(logger: TSESTree.Node, adds: readonly TSESTree.CallExpression[]): boolean {
    const options = logger.type === TSESTree.AST_NODE_TYPES.CallExpression ? logger.arguments : [];
    for (const option of options) {
      const value = unwrap(option);
      if (value.type !== TSESTree.AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of value.properties) {
        if (property.type !== TSESTree.AST_NODE_TYPES.Property || ASTUtils.getPropertyName(property) !== 'transports')
          continue;
        if (this.isConsoleTransport(property.value, RESOLVE_DEPTH)) return true;
      }
    }
    return adds.some((add) => add.arguments.some((argument) => this.isConsoleTransport(argument, RESOLVE_DEPTH)));
  }

  /** A Console transport, a list holding one, or a `const` naming either. */
  private isConsoleTransport(node: TSESTree.Node, depth: number): boolean {
    if (depth < 0) return false;
    const value = unwrap(node);
    if (this.consoleTransports.has(value)) return true;
    if (value.type === TSESTree.AST_NODE_TYPES.SpreadElement) return this.isConsoleTransport(value.argument, depth - 1);
    if (value.type === TSESTree.AST_NODE_TYPES.ArrayExpression) {
      return value.elements.some((entry) => entry !== null && this.isConsoleTransport(entry, depth - 1));
    }
    if (value.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
    const init = this.constInit(value);
    return init !== undefined && this.isConsoleTransport(init, depth - 1);
  }

  private addWrite(node: TSESTree.CallExpression, stream: Stream, description: string | undefined): void {
    if (this.writes.has(node)) return;
    this.writes.set(node, { node, stream, description: description ?? describeCallee(this.sourceCode, node) });
  }

  /** `process.stdout`, an in-process `pino-pretty` stream, a pino multistream over either. */
  private isStdoutStream(node: TSESTree.Node, depth: number): boolean {
    if (depth < 0) return false;
    const value = unwrap(node);
    if (this.stdoutReads.has(value) || this.prettyCalls.has(value)) return true;
    if (value.type === TSESTree.AST_NODE_TYPES.CallExpression && this.multistreamCalls.has(value)) {
      const streams = value.arguments[0];
      return streams !== undefined && this.isStdoutEntry(streams, depth - 1);
    }
    // The stream list of a multistream.
    if (value.type === TSESTree.AST_NODE_TYPES.ArrayExpression) {
      return value.elements.some((entry) => entry !== null && this.isStdoutEntry(entry, depth - 1));
    }
    if (value.type !== TSESTree.AST_NODE_TYPES.Identifier) return false;
    const variable = this.resolve(value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!def) return false;
    if (def.type === 'ImportBinding') return this.stdoutReads.has(def.node);
    if (def.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
    if (def.node.id.type === TSESTree.AST_NODE_TYPES.Identifier) return this.isStdoutStream(def.node.init, depth - 1);
    // `const { stdout } = process`: the tracker reports the destructuring property.
    return (
      def.node.id.type === TSESTree.AST_NODE_TYPES.ObjectPattern &&
      def.node.id.properties.some((property) => property.value === def.name && this.stdoutReads.has(property))
    );
  }

  private isStdoutEntry(entry: TSESTree.Node, depth: number): boolean {
    const value = unwrap(entry);
    if (value.type !== TSESTree.AST_NODE_TYPES.ObjectExpression) return this.isStdoutStream(value, depth);
    return value.properties.some(
      (property) =>
        property.type === TSESTree.AST_NODE_TYPES.Property &&
        ASTUtils.getPropertyName(property) === 'stream' &&
        this.isStdoutStream(property.value, depth),
    );
  }

  private resolve(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
    return ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier) ?? undefined;
  }

  private constInit(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
    const def = this.resolve(identifier)?.defs[0];
    if (def?.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator) return undefined;
    if (def.parent?.type !== TSESTree.AST_NODE_TYPES.VariableDeclaration || def.parent.kind !== 'const')
      return undefined;
    return def.node.id.type === TSESTree.AST_NODE_TYPES.Identifier ? (def.node.init ?? undefined) : undefined;
  }

  /** Whether `visit` finds what it looks for under `root`; a root too big to search finds nothing. */
  private find(root: TSESTree.Node, visit: (node: TSESTree.Node) => boolean | 'skip'): boolean {
    return walk(root, this.sourceCode.visitorKeys, WALK_BUDGET, visit) === true;
  }

  private localFunction(identifier: TSESTree.Identifier): FunctionNode | undefined {
    const def = this.resolve(identifier)?.defs[0];
    if (!def) return undefined;
    if (def.node.type === TSESTree.AST_NODE_TYPES.FunctionDeclaration) return def.node;
    const init = this.constInit(identifier);
    return init && isFunctionNode(init) ? init : undefined;
  }

  /** `logger.error(…)` where `logger` is imported, required or undeclared: the file cannot see where it writes. */
  private unseenLoggerWrite(call: TSESTree.CallExpression): LogWrite | undefined {
    const callee = unwrap(call.callee);
    if (callee.type !== TSESTree.AST_NODE_TYPES.MemberExpression || !this.isUnseenLoggerMethod(callee))
      return undefined;
    return { node: call, stream: 'logger', description: describeCallee(this.sourceCode, call) };
  }

  private isUnseenLoggerMethod(member: TSESTree.MemberExpression): boolean {
    const method = memberName(member);
    if (!method || !UNSEEN_LOGGER_METHODS.has(method)) return false;
    const object = unwrap(member.object);
    if (object.type !== TSESTree.AST_NODE_TYPES.Identifier || !UNSEEN_LOGGER_NAMES.has(object.name)) return false;
    const variable = this.resolve(object);
    if (!variable || variable.defs.length === 0) return true;
    const def = variable.defs[0];
    if (def?.type === 'ImportBinding') {
      const declaration = def.parent;
      return (
        declaration?.type === TSESTree.AST_NODE_TYPES.ImportDeclaration && !isLoggerModule(declaration.source.value)
      );
    }
    if (def?.node.type !== TSESTree.AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
    return isForeignRequire(def.node.init);
  }
}

function isLoggerModule(source: string): boolean {
  return LOGGER_MODULES.includes(source) || source === 'console' || source === 'node:console';
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

const cache = new WeakMap<TSESTree.Program, LogStreams>();

/** Built once per file (call it in `Program`), from import tracking. */
export function getLogStreams(context: Context): LogStreams {
  const { sourceCode } = context;
  let streams = cache.get(sourceCode.ast);
  if (!streams) {
    streams = new FileLogStreams(sourceCode);
    cache.set(sourceCode.ast, streams);
  }
  return streams;
}
