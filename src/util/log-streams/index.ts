import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { collectStreamFacts, RESOLVE_DEPTH } from './facts.js';
import { flushCallbackOf, isFlushPromiseWithin } from './flush.js';
import { isLogFunctionWithin, writeOf } from './writes.js';

/*
 * What writes to a log stream, and what waits for one to flush: shared by the
 * rules that ask whether output is lost (`no-exit-before-flush`) or whether a
 * handler only logs (`no-zero-exit-on-fatal`). The libraries are data
 * (`libraries.ts`); what the file does with them is found once per file
 * (`facts.ts`) and answered from there (`writes.ts`, `flush.ts`).
 */

/** A call that writes to a log stream. */
export interface LogWrite {
  readonly node: TSESTree.CallExpression;
  /** e.g. "console.error", "process.stderr.write", "logger.error" */
  readonly description: string;
  readonly stream: 'stdout' | 'stderr' | 'logger';
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

const cache = new WeakMap<TSESTree.Program, LogStreams>();

/** Built once per file (call it in `Program`), from import tracking. */
export function getLogStreams(context: Context): LogStreams {
  const { sourceCode } = context;
  let streams = cache.get(sourceCode.ast);
  if (!streams) {
    const facts = collectStreamFacts(sourceCode);
    streams = {
      writeOf: (call) => writeOf(facts, call),
      isLogFunction: (node) => isLogFunctionWithin(facts, node, RESOLVE_DEPTH),
      flushCallbackOf: (call) => flushCallbackOf(facts, call),
      isFlushPromise: (node) => isFlushPromiseWithin(facts, node, RESOLVE_DEPTH),
    };
    cache.set(sourceCode.ast, streams);
  }
  return streams;
}
