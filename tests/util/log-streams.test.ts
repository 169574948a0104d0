import type { TSESTree } from '@typescript-eslint/utils';

import { getLogStreams } from '../../src/util/log-streams/index.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { locate, probeRule } from './probe-rule.js';

// Rules that exist only to show what the helper answers.

/** One report per call that `writeOf` calls a write. */
const writes = probeRule({ write: '{{stream}} {{description}}' }, (context) => {
  return {
    CallExpression(node) {
      const write = getLogStreams(context).writeOf(node);
      if (write)
        context.report({ node, messageId: 'write', data: { stream: write.stream, description: write.description } });
    },
  };
});

/** One report per handler passed to `.catch()` that `isLogFunction` calls a log function. */
const logFunctions = probeRule({ logFunction: 'log function' }, (context) => {
  return {
    'CallExpression[callee.property.name="catch"]'(node: TSESTree.CallExpression) {
      const [handler] = node.arguments;
      if (handler && getLogStreams(context).isLogFunction(handler))
        context.report({ node: handler, messageId: 'logFunction' });
    },
  };
});

/** Reports each flush callback (`flushCallbackOf`) and each awaited flush promise (`isFlushPromise`). */
const flushes = probeRule({ callback: 'flush callback', promise: 'flush promise' }, (context) => {
  return {
    CallExpression(node) {
      const callback = getLogStreams(context).flushCallbackOf(node);
      if (callback) context.report({ node: callback, messageId: 'callback' });
    },
    AwaitExpression(node) {
      if (getLogStreams(context).isFlushPromise(node.argument))
        context.report({ node: node.argument, messageId: 'promise' });
    },
  };
});

function write(code: string, text: string, stream: string, description: string, occurrence = 0) {
  return { messageId: 'write' as const, data: { stream, description }, ...locate(code, text, occurrence) };
}

function writeCase(code: string, ...found: [text: string, stream: string, description: string][]) {
  return { code, errors: found.map(([text, stream, description]) => write(code, text, stream, description)) };
}

// ---------------------------------------------------------------- writeOf

createRuleTester().run('log-streams: writeOf', writes, {
  valid: [
    // A local `console` or `process` is not Node's.
    'function report(console: { error(m: string): void }) { console.error("x"); }',
    'const process = { stdout: { write(s: string) {} } };\nprocess.stdout.write("x");',
    // pino's own destinations and transports flush on exit.
    'import pino from "pino";\nconst log = pino();\nlog.error("fatal");',
    'import pino from "pino";\nconst log = pino(pino.destination(2));\nlog.error("fatal");',
    'import pino from "pino";\nconst log = pino({ transport: { target: "pino-pretty" } });\nlog.child({ a: 1 }).error("fatal");',
    // An object of this file called `logger` is not an unseen logger.
    'const logger = { error(m: string) {} };\nlogger.error("x");',
    // Weak evidence, not counted: `debug` namespaces are off unless DEBUG enables them;
    // electron-log's file transport is synchronous and a GUI app's stdout is rarely a pipe.
    'import createDebug from "debug";\nconst debug = createDebug("app");\ndebug("x");\ndebug.extend("db")("y");',
    'import log from "electron-log";\nlog.error("x");',
    'import log from "electron-log/main";\nlog.scope("updater").warn("x");\nlog.info("y");',
    // A logger from a module that is not a logger library, under another name.
    'import { audit } from "./audit";\naudit.error("x");',
    // A logger name read from something other than another module: a parameter, `this`, an
    // object of this file, a global. Any of them may be a framework's pino logger.
    'function handle(ctx: { log: { error(m: string): void } }) {\n  ctx.log.error("x");\n}',
    'class Job {\n  logger = createLogger();\n  fail() {\n    this.logger.error("x");\n  }\n}',
    'const app = createApp();\napp.log.error("x");\nserver.logger.warn("y");',
    // Another property name, a method that is no log level, or a logger two properties away.
    'import * as utils from "./utils";\nutils.audit.error("x");\nutils.log.setLevel("warn");\nutils.services.logger.error("y");',
    // A logger library's module is traced, not guessed.
    'import * as electronLog from "electron-log";\nelectronLog.log.error("x");',
    // Not a write: reading the stream, or a method that does not write.
    'process.stdout.on("error", () => {});',
    'console.time("t");',
    // A direct call of `console` is answered from the syntax: only its own writing methods, only Node's `console`.
    'console.constructor("x");\nconsole.toString();\nconsole[method]("y");',
    'console = { log() {} };\nconsole.log("x");',
    'declare const console: { log(m: string): void };\nconsole.log("x");',
  ],
  invalid: [
    writeCase(
      'console.log("a");\nconsole.error("b");\nconsole.table([]);\nconsole.warn("c");',
      ['console.log("a")', 'stdout', 'console.log'],
      ['console.error("b")', 'stderr', 'console.error'],
      ['console.table([])', 'stdout', 'console.table'],
      ['console.warn("c")', 'stderr', 'console.warn'],
    ),
    writeCase(
      'console["log"]("a");\nconsole.error?.("b");\nconsole?.warn("c");\n(console as Console).info("d");\nglobalThis.console.error("e");',
      ['console["log"]("a")', 'stdout', 'console.log'],
      ['console.error?.("b")', 'stderr', 'console.error'],
      ['console?.warn("c")', 'stderr', 'console.warn'],
      ['(console as Console).info("d")', 'stdout', 'console.info'],
      ['globalThis.console.error("e")', 'stderr', 'console.error'],
    ),
    // A local `console` somewhere in the file: each global read is followed as a reference.
    writeCase('function quiet(console: { log(m: string): void }) {\n  console.log("a");\n}\nconsole.log("b");', [
      'console.log("b")',
      'stdout',
      'console.log',
    ]),
    writeCase(
      'process.stdout.write("a");\nprocess.stderr.write("b");\nglobalThis.process.stderr.write("c");',
      ['process.stdout.write("a")', 'stdout', 'process.stdout.write'],
      ['process.stderr.write("b")', 'stderr', 'process.stderr.write'],
      ['globalThis.process.stderr.write("c")', 'stderr', 'process.stderr.write'],
    ),
    writeCase(
      'const { error } = console;\nerror("x");\nconst warn = console.warn;\nwarn("y");',
      ['error("x")', 'stderr', 'console.error'],
      ['warn("y")', 'stderr', 'console.warn'],
    ),
    writeCase('import { stderr } from "node:process";\nstderr.write("x");', [
      'stderr.write("x")',
      'stderr',
      'process.stderr.write',
    ]),
    writeCase(
      'import winston from "winston";\nconst logger = winston.createLogger({});\nlogger.error("x");\nlogger.child({}).warn("y");',
      ['logger.error("x")', 'logger', 'logger.error'],
      ['logger.child({}).warn("y")', 'logger', 'logger.child(…).warn'],
    ),
    writeCase(
      'import bunyan from "bunyan";\nconst log = bunyan.createLogger({ name: "app" });\nconst other = new bunyan({ name: "b" });\nlog.fatal("x");\nother.info("y");',
      ['log.fatal("x")', 'logger', 'log.fatal'],
      ['other.info("y")', 'logger', 'other.info'],
    ),
    writeCase(
      'import { getLogger } from "log4js";\nimport consola from "consola";\nimport signale from "signale";\ngetLogger().error("x");\nconsola.error("y");\nsignale.fatal("z");',
      ['getLogger().error("x")', 'logger', 'getLogger(…).error'],
      ['consola.error("y")', 'logger', 'consola.error'],
      ['signale.fatal("z")', 'logger', 'signale.fatal'],
    ),
    // pino on stdout, on an in-process pretty stream, on a multistream over stdout.
    writeCase('import pino from "pino";\nconst log = pino(process.stdout);\nlog.error("x");', [
      'log.error("x")',
      'stdout',
      'log.error',
    ]),
    writeCase('import pino from "pino";\nimport pretty from "pino-pretty";\npino(pretty()).info("x");', [
      'pino(pretty()).info("x")',
      'stdout',
      'pino(…).info',
    ]),
    writeCase(
      'import { pino, multistream } from "pino";\nconst { stdout } = process;\nconst streams = [{ stream: stdout }];\nconst log = pino({}, multistream(streams));\nlog.warn("x");',
      ['log.warn("x")', 'stdout', 'log.warn'],
    ),
    // A logger whose origin the file cannot see.
    writeCase(
      'import { logger } from "./logger";\nlogger.error("x");\nlog.warn("y");',
      ['logger.error("x")', 'logger', 'logger.error'],
      ['log.warn("y")', 'logger', 'log.warn'],
    ),
    // A logger name read from another module: the file cannot see where it writes either.
    writeCase(
      'import * as utils from "./utils";\nimport app from "./app";\nutils.log.error("x");\napp.logger?.fatal("y");\nutils["log"].warn("z");',
      ['utils.log.error("x")', 'logger', 'utils.log.error'],
      ['app.logger?.fatal("y")', 'logger', 'app.logger?.fatal'],
      ['utils["log"].warn("z")', 'logger', 'utils["log"].warn'],
    ),
  ],
});

createJsRuleTester().run('log-streams: writeOf (CommonJS)', writes, {
  valid: [
    {
      code: 'const pino = require("pino");\nconst log = pino();\nlog.fatal("x");',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
    {
      code: 'const log = require("electron-log");\nlog.error("x");\nconst debug = require("debug")("app");\ndebug("y");',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
    {
      // A logger library's module, and a parameter holding a module's logger.
      code: 'const consola = require("consola");\nconsola.log.error("x");\nmodule.exports = (utils) => utils.log.error("y");',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
  ],
  invalid: [
    {
      // TypeScript's CommonJS output of `import { logger } from './logger'`, and a required namespace.
      code: 'const logger_1 = require("./logger");\nconst utils = require("../utils").default;\nlogger_1.logger.error("x");\nutils.log.info("y");',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        write(
          'const logger_1 = require("./logger");\nconst utils = require("../utils").default;\nlogger_1.logger.error("x");\nutils.log.info("y");',
          'logger_1.logger.error("x")',
          'logger',
          'logger_1.logger.error',
        ),
        write(
          'const logger_1 = require("./logger");\nconst utils = require("../utils").default;\nlogger_1.logger.error("x");\nutils.log.info("y");',
          'utils.log.info("y")',
          'logger',
          'utils.log.info',
        ),
      ],
    },
    {
      code: 'const winston = require("winston");\nconst log = winston.createLogger();\nlog.error("x");\nconst logger = require("./logger");\nlogger.error("y");',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      errors: [
        write(
          'const winston = require("winston");\nconst log = winston.createLogger();\nlog.error("x");\nconst logger = require("./logger");\nlogger.error("y");',
          'log.error("x")',
          'logger',
          'log.error',
        ),
        write(
          'const winston = require("winston");\nconst log = winston.createLogger();\nlog.error("x");\nconst logger = require("./logger");\nlogger.error("y");',
          'logger.error("y")',
          'logger',
          'logger.error',
        ),
      ],
    },
  ],
});

// ---------------------------------------------------------------- a logger object the class keeps on `this`

const OWN_LOGGER = `class Cli {
  constructor() {
    this.logger = this.makeLogger();
  }
  makeLogger() {
    return {
      error: (message) => console.error(\`[cli] \${message}\`),
      note(message) {
        process.stdout.write(message);
      },
      later: (message) => setTimeout(() => console.log(message)),
    };
  }
  run() {
    this.logger.error('bad flag');
    [1].forEach(() => this.logger.note('x'));
    this.logger.later('y');
    this.logger.missing('z');
  }
}`;

const FIELD_LOGGER = `const sink = { warn: (message) => console.warn(message) };
class Job {
  log = sink;
  fail() {
    this.log.warn('retrying');
  }
}`;

/** The same class with `change` inserted at the start of `run()`. */
const changed = (change: string) => OWN_LOGGER.replace('run() {\n', `run() {\n    ${change}\n`);

/** `writes`, asked only about calls on a property of `this` (the logger objects' own writes are not asked). */
const thisWrites = probeRule({ write: '{{stream}} {{description}}' }, (context) => {
  return {
    'CallExpression[callee.object.object.type="ThisExpression"]'(node: TSESTree.CallExpression) {
      const write = getLogStreams(context).writeOf(node);
      if (write)
        context.report({ node, messageId: 'write', data: { stream: write.stream, description: write.description } });
    },
  };
});

createRuleTester().run('log-streams: writeOf (a logger object the class keeps on this)', thisWrites, {
  valid: [
    // Set twice, changed, its method replaced, or deleted: which object it is at the call is not known.
    changed('this.logger = other;'),
    changed('this.logger ??= other;'),
    changed('this.logger.error = () => {};'),
    changed('delete this.logger;'),
    // Set again anywhere in the class: in a function of its own, through a computed name, in a nested class's field.
    changed('items.forEach(function () {\n      this.logger = other;\n    });'),
    changed("this['log' + 'ger'] = other;"),
    changed('this.\\u006cogger = other;'),
    changed('if (ready === false) this.logger=other;'),
    changed('this.logger <<= 1;'),
    changed('delete this?.logger;'),
    changed('this /* the shared one */ .logger = other;'),
    changed('const Inner = class {\n      logger = other;\n    };'),
    // In a template's expression: the walk reaches it after the template's later text.
    changed('report(`${code === 0} then ${(this.logger = other)}`);'),
    // Passed in, or made elsewhere: it may be a framework's pino logger.
    'class Job {\n  constructor(logger) {\n    this.logger = logger;\n  }\n  fail() {\n    this.logger.error("x");\n  }\n}',
    'class Job {\n  logger = createLogger();\n  fail() {\n    this.logger.error("x");\n  }\n}',
    // A spread may replace the method; a method returning one of two objects is not followed.
    'class Job {\n  logger = { ...base, error: (m) => console.error(m) };\n  fail() {\n    this.logger.error("x");\n  }\n}',
    'class Job {\n  logger = this.make();\n  make() {\n    if (quiet) return { error() {} };\n    return { error: (m) => console.error(m) };\n  }\n  fail() {\n    this.logger.error("x");\n  }\n}',
    // `this` in a function of its own, or in a static method, is not the instance.
    'class Job {\n  logger = { error: (m) => console.error(m) };\n  fail() {\n    items.forEach(function () {\n      this.logger.error("x");\n    });\n  }\n  static stop() {\n    this.logger.error("y");\n  }\n}',
    // Another property name.
    'class Job {\n  audit = { error: (m) => console.error(m) };\n  fail() {\n    this.audit.error("x");\n  }\n}',
  ],
  invalid: [
    writeCase(
      OWN_LOGGER,
      ["this.logger.error('bad flag')", 'stderr', 'this.logger.error'],
      ["this.logger.note('x')", 'stdout', 'this.logger.note'],
    ),
    writeCase(FIELD_LOGGER, ["this.log.warn('retrying')", 'stderr', 'this.log.warn']),
  ],
});

// ---------------------------------------------------------------- isLogFunction

function logFunctionCase(code: string, ...handlers: string[]) {
  return {
    code,
    errors: handlers.map((text) => ({
      messageId: 'logFunction' as const,
      ...locate(code, text, code.split(text).length - 2),
    })),
  };
}

createRuleTester().run('log-streams: isLogFunction', logFunctions, {
  valid: [
    'function handle(e: unknown) {}\nmain().catch(handle);',
    'main().catch((e) => console.error(e));',
    // A parameter, a `let` that may be reassigned, a local object: not known to log.
    'function start(report: (e: unknown) => void) { main().catch(report); }',
    'let report = console.error;\nreport = () => {};\nmain().catch(report);',
    'const console = { error() {} };\nmain().catch(console.error);',
    'const { error = () => {} } = console;\nmain().catch(error);',
    // `console.error` called, not passed: its result is no function.
    'const fail = console.error("x");\nmain().catch(fail);',
    // An alias chain longer than the helper follows is left alone.
    'const a = console.error;\nconst b = a;\nconst c = b;\nconst d = c;\nconst e = d;\nconst f = e;\nmain().catch(f);',
  ],
  invalid: [
    logFunctionCase('main().catch(console.error);', 'console.error'),
    logFunctionCase('main().catch(console.error.bind(console));', 'console.error.bind(console)'),
    // Calling a log method elsewhere in the file does not change what passing it is.
    logFunctionCase('console.error("starting");\nmain().catch(console.error);', 'console.error'),
    // `const` aliases of a log method.
    logFunctionCase('const error = console.error;\nmain().catch(error);', 'error'),
    logFunctionCase('const { error } = console;\nmain().catch(error);', 'error'),
    logFunctionCase('const report = console.error.bind(console);\nmain().catch(report);', 'report'),
    logFunctionCase('const a = console.warn;\nconst b = a;\nmain().catch(b);', 'b'),
    logFunctionCase('import { error } from "node:console";\nmain().catch(error);', 'error'),
    // pino's own destination flushes on exit, but its methods still log and return.
    logFunctionCase('import pino from "pino";\nconst log = pino();\nmain().catch(log.error);', 'log.error'),
    logFunctionCase(
      'import pino from "pino";\nconst log = pino();\nconst fatal = log.fatal.bind(log);\nmain().catch(fatal);',
      'fatal',
    ),
    logFunctionCase(
      'import winston from "winston";\nconst logger = winston.createLogger();\nmain().catch(logger.error);',
      'logger.error',
    ),
    logFunctionCase(
      'import { logger } from "./logger";\nmain().catch(logger.error);\nconst warn = logger.warn;\nmain().catch(warn);',
      'logger.error',
      'warn',
    ),
    logFunctionCase('import * as utils from "./utils";\nmain().catch(utils.log.error);', 'utils.log.error'),
  ],
});

// ---------------------------------------------------------------- flushCallbackOf, isFlushPromise

function flushCase(code: string, ...found: [messageId: 'callback' | 'promise', text: string, occurrence?: number][]) {
  return {
    code,
    errors: found.map(([messageId, text, occurrence]) => ({ messageId, ...locate(code, text, occurrence) })),
  };
}

createRuleTester().run('log-streams: flushCallbackOf and isFlushPromise', flushes, {
  valid: [
    // No callback, or not a flush event.
    'process.stderr.write("x");\nprocess.stdout.on("data", () => {});\nprocess.stdout.on("finish");',
    'logger.flush();\nlogger.flush(a, b);\nstream.write(done);',
    // Timers, `setBlocking` and promises of other things do not wait for a flush.
    'await new Promise((resolve) => setTimeout(resolve, 100));',
    'await new Promise((resolve) => { process.stderr.write("x"); resolve(undefined); });',
    'import { once } from "node:events";\nawait once(process.stdout, "data");',
    'const once = (s: unknown, e: string) => s;\nawait once(process.stdout, "drain");',
    // A helper that does not wait, and one that only calls itself.
    'async function tidy() { console.log("bye"); }\nawait tidy();',
    'async function flushLogs(): Promise<void> { return flushLogs(); }\nawait flushLogs();',
    // A winston logger with a Console transport: its 'finish' comes before the console drains.
    'import winston from "winston";\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });\nlogger.on("finish", () => process.exit(1));',
    'import { createLogger, transports } from "winston";\nconst toConsole = new transports.Console();\nconst logger = createLogger({ transports: [new transports.File({ filename: "a.log" }), toConsole] });\nawait new Promise((resolve) => { logger.once("finish", resolve); logger.end(); });',
    'import winston from "winston";\nconst logger = winston.createLogger({ transports: new winston.transports.Console() });\nlogger.on("close", () => {});',
    'import winston from "winston";\nconst logger = winston.createLogger({});\nlogger.add(new winston.transports.Console());\nlogger.on("finish", () => {});',
    'import winston from "winston";\nconst logger = winston.loggers.add("app", { transports: [new winston.transports.Console()] });\nlogger.on("finish", () => {});',
  ],
  invalid: [
    flushCase('process.stderr.write("x", () => process.exit(1));', ['callback', '() => process.exit(1)']),
    flushCase('process.stdout.write("", done);', ['callback', 'done']),
    // A flush callback inside a promise that it does not resolve, or that is not the built-in Promise.
    flushCase('await new Promise((resolve, reject) => process.stderr.write("", reject));', ['callback', 'reject', 1]),
    flushCase(
      'class Promise { constructor(f: unknown) {} }\nawait new Promise((resolve) => process.stderr.write("", resolve));',
      ['callback', 'resolve', 1],
    ),
    // Any stream by shape: the file cannot tell what `out` is (precision first).
    flushCase('out.end(() => {});', ['callback', '() => {}']),
    flushCase('out.once("drain", next);', ['callback', 'next']),
    flushCase('logger.flush(() => {});', ['callback', '() => {}']),
    flushCase('import log4js from "log4js";\nlog4js.shutdown(() => {});', ['callback', '() => {}']),
    flushCase('import { shutdown } from "log4js";\nshutdown(done);', ['callback', 'done']),
    // winston with file transports, or transports the file does not show: a 'finish' listener is a barrier.
    flushCase(
      'import winston from "winston";\nconst logger = winston.createLogger({ transports: [new winston.transports.File({ filename: "a.log" })] });\nlogger.on("finish", () => {});',
      ['callback', '() => {}'],
    ),
    flushCase(
      'import winston from "winston";\nimport { transports } from "./transports";\nconst logger = winston.createLogger({ transports });\nlogger.on("finish", () => {});',
      ['callback', '() => {}'],
    ),
    flushCase(
      'await new Promise((resolve) => process.stderr.write("", resolve));',
      ['promise', 'new Promise((resolve) => process.stderr.write("", resolve))'],
      ['callback', 'resolve', 1],
    ),
    flushCase(
      'await new Promise<void>((done) => { logger.flush(() => done()); });',
      ['promise', 'new Promise<void>((done) => { logger.flush(() => done()); })'],
      ['callback', '() => done()'],
    ),
    // The name escaped: the file never spells it out.
    flushCase(
      'await new \\u0050romise((resolve) => process.stderr.write("", resolve));',
      ['promise', 'new \\u0050romise((resolve) => process.stderr.write("", resolve))'],
      ['callback', 'resolve', 1],
    ),
    flushCase('import { once } from "node:events";\nawait once(process.stdout, "drain");', [
      'promise',
      'once(process.stdout, "drain")',
    ]),
    flushCase(
      'const flushed = new Promise((ended) => process.stdout.end(ended));\nawait flushed;',
      ['callback', 'ended', 1],
      ['promise', 'flushed', 1],
    ),
    flushCase(
      'async function flushLogs() {\n  await new Promise((written) => process.stderr.write("", written));\n}\nawait flushLogs();\nawait flushLogs();',
      ['promise', 'new Promise((written) => process.stderr.write("", written))'],
      ['callback', 'written', 1],
      ['promise', 'flushLogs()', 1],
      ['promise', 'flushLogs()', 2],
    ),
    flushCase(
      'const drained = () => new Promise((written) => process.stdout.write("", written));\nfunction waitForLogs() { return drained(); }\nawait waitForLogs();',
      ['callback', 'written', 1],
      ['promise', 'waitForLogs()', 1],
    ),
  ],
});
