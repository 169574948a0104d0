import type { TSESTree } from '@typescript-eslint/utils';

import { CALL, CONSTRUCT, READ, type TraceMap, type TraceMapElement } from '../references.js';
import type { LogWrite } from './index.js';

/*
 * The logging libraries, as data: which of their APIs write to which stream,
 * make a logger, or wait for a flush. Adding a library is adding its trace map.
 */

type Stream = LogWrite['stream'];

/** What a node the reference tracker finds is, as the trace maps below say. */
export type LogApi =
  /**
   * `flushesOnExit`: a logger that flushes by itself on exit (pino's own destinations); `offByDefault`: a
   * logger that writes nothing unless configured to (`debug`). Either is a log function, not a risky write.
   */
  | { kind: 'write'; stream: Stream; description?: string; flushesOnExit?: boolean; offByDefault?: boolean }
  | { kind: 'logger'; stream: Stream; flushesOnExit?: boolean; winston?: boolean }
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
export const UNSEEN_LOGGER_METHODS = new Set([
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
export const UNSEEN_LOGGER_NAMES = new Set(['log', 'logger']);

/**
 * Loggers whose writes are weak evidence of lost output, so they are not
 * counted: `electron-log`'s default file transport writes synchronously, and
 * its console transport writes to a GUI app's stdout, which is rarely a pipe.
 * Their calls are known (not guessed as an unseen `log.error`) and ignored.
 */
const UNCOUNTED_LOGGER_MODULES = [
  'electron-log',
  'electron-log/main',
  'electron-log/renderer',
  'electron-log/node',
  'electron-log/preload',
];

const LOGGER_MODULES = [
  'winston',
  'bunyan',
  'log4js',
  'consola',
  'signale',
  'debug',
  'pino',
  'pino-pretty',
  ...UNCOUNTED_LOGGER_MODULES,
];
export const FLUSH_EVENTS = new Set(['drain', 'finish', 'close']);
export const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/** A trace-map entry: what a read of it is, what a call of it is, and its members. */
export function traceEntry(
  read: LogApi | undefined,
  call: LogApi | undefined,
  members: TraceMap = {},
): TraceMapElement {
  const result: Record<string | symbol, unknown> = { ...members };
  if (read) result[READ] = read;
  if (call) result[CALL] = call;
  return result as TraceMapElement;
}

export function loggerMethods(stream: Stream, flushesOnExit = false): TraceMap {
  const map: TraceMap = {};
  for (const method of LOGGER_METHODS) {
    map[method] = traceEntry({ kind: 'write', stream, flushesOnExit }, { kind: 'write', stream, flushesOnExit });
  }
  for (const method of CHILD_METHODS) {
    map[method] = traceEntry(undefined, { kind: 'logger', stream, flushesOnExit });
  }
  return map;
}

/**
 * A `debug('ns')` logger: calling it writes to stderr, but only when the
 * `DEBUG` environment variable enables its namespace, which it is not by
 * default, so its writes do not count; `.extend('sub')` makes another.
 */
export function debugLoggerMap(): TraceMapElement {
  return traceEntry(
    undefined,
    { kind: 'write', stream: 'stderr', offByDefault: true },
    { extend: traceEntry(undefined, { kind: 'debug' }) },
  );
}

/** The calls on a winston logger that decide whether its flush listeners are barriers. */
export function winstonMethods(logger: TSESTree.Node): TraceMap {
  const map: TraceMap = { add: traceEntry(undefined, { kind: 'winstonAdd', logger }) };
  for (const method of LISTEN_METHODS) map[method] = traceEntry(undefined, { kind: 'winstonListen', logger });
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
      map[method] = traceEntry({ kind: 'write', stream, description }, { kind: 'write', stream, description });
    }
  }
  return traceEntry(undefined, undefined, map);
}

function processMap(): TraceMapElement {
  const stream = (name: 'stdout' | 'stderr', found: LogApi | undefined): TraceMapElement =>
    traceEntry(found, undefined, {
      write: traceEntry(undefined, { kind: 'write', stream: name, description: `process.${name}.write` }),
    });
  return traceEntry(undefined, undefined, {
    stdout: stream('stdout', { kind: 'stdout' }),
    stderr: stream('stderr', undefined),
  });
}

/** Every library the file may log through, by module (and the `console` and `process` globals). */
export function moduleMaps(): TraceMap {
  const logger: LogApi = { kind: 'logger', stream: 'logger' };
  const factory = traceEntry(undefined, logger);
  const winstonFactory = traceEntry(undefined, { kind: 'logger', stream: 'logger', winston: true });
  const consola = traceEntry(undefined, undefined, { ...loggerMethods('logger'), createConsola: factory });
  const signale = traceEntry(undefined, undefined, {
    ...loggerMethods('logger'),
    Signale: { [CONSTRUCT]: logger },
  });
  const debug = traceEntry(undefined, { kind: 'debug' }, { debug: traceEntry(undefined, { kind: 'debug' }) });
  const pino = traceEntry(
    undefined,
    { kind: 'pino' },
    {
      pino: traceEntry(undefined, { kind: 'pino' }),
      multistream: traceEntry(undefined, { kind: 'multistream' }),
    },
  );
  const pretty = traceEntry(
    undefined,
    { kind: 'pretty' },
    {
      PinoPretty: traceEntry(undefined, { kind: 'pretty' }),
      build: traceEntry(undefined, { kind: 'pretty' }),
    },
  );
  const maps: TraceMap = {
    console: consoleMap(),
    process: processMap(),
    winston: traceEntry(undefined, undefined, {
      ...loggerMethods('logger'),
      createLogger: winstonFactory,
      loggers: traceEntry(undefined, undefined, { get: winstonFactory, add: winstonFactory }),
      transports: traceEntry(undefined, undefined, {
        Console: { [CONSTRUCT]: { kind: 'consoleTransport' } },
      }),
    }),
    bunyan: { ...traceEntry(undefined, undefined, { createLogger: factory }), [CONSTRUCT]: logger },
    log4js: traceEntry(undefined, undefined, {
      getLogger: factory,
      shutdown: traceEntry(undefined, { kind: 'shutdown' }),
    }),
    consola: traceEntry(undefined, undefined, { ...consola, consola }),
    signale,
    debug,
    pino,
    'pino-pretty': pretty,
    events: traceEntry(undefined, undefined, { once: traceEntry(undefined, { kind: 'once' }) }),
  };
  return maps;
}

/** A module the library maps above describe: its loggers are seen, not guessed. */
export function isLoggerModule(source: string): boolean {
  return LOGGER_MODULES.includes(source) || source === 'console' || source === 'node:console';
}
