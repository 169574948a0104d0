import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-exit-before-flush/index.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { locate } from '../util/probe-rule.js';

type MessageIds =
  'exitBeforeFlush' | 'exitBeforeLoggerFlush' | 'useExitCode' | 'useExitCodeInFunction' | 'exitFromWriteCallback';
type Where = 'stderr' | 'stdout' | 'logger';

interface Expected {
  /** The exit call's text; the report is on its first occurrence. */
  exit: string;
  /** How the message quotes the exit, when it shortens it. */
  quoted?: string;
  write: string;
  writeLine: number;
  where: Where;
  /** The exit is inside a function, so the message advises to return; else it advises `process.exitCode` alone. */
  inFunction?: boolean;
  suggestions?: {
    messageId: Exclude<MessageIds, 'exitBeforeFlush' | 'exitBeforeLoggerFlush'>;
    data: Record<string, string>;
    output: string;
  }[];
}

function report(code: string, expected: Expected) {
  const data = {
    exit: expected.quoted ?? expected.exit,
    write: expected.write,
    line: expected.writeLine,
    advice: expected.inFunction ? 'set `process.exitCode` and return' : 'set `process.exitCode` instead',
  };
  return {
    ...(expected.where === 'logger'
      ? { messageId: 'exitBeforeLoggerFlush' as const, data }
      : { messageId: 'exitBeforeFlush' as const, data: { ...data, stream: expected.where } }),
    ...locate(code, expected.exit),
    suggestions: expected.suggestions ?? [],
  };
}

function invalid(code: string, ...expected: Expected[]): InvalidTestCase<MessageIds, []> {
  return { code, errors: expected.map((item) => report(code, item)) };
}

/** The exit-code suggestion at the top level of a program: `replacement` replaces the statement `statement`. */
function exitCode(code: string, statement: string, replacement: string) {
  return {
    messageId: 'useExitCode' as const,
    data: { replacement },
    output: code.replace(statement, replacement),
  };
}

/**
 * The exit-code suggestion inside a function, which warns that the caller
 * goes on. The message quotes `replacement` on one line; the file gets
 * `written` (the same statements laid out as the code around them).
 */
function exitCodeInFunction(code: string, statement: string, replacement: string, written = replacement) {
  return {
    messageId: 'useExitCodeInFunction' as const,
    data: { replacement },
    output: code.replace(statement, written),
  };
}

function writeCallback(code: string, statement: string, replacement: string, streams: string) {
  return {
    messageId: 'exitFromWriteCallback' as const,
    data: { streams },
    output: code.replace(statement, replacement),
  };
}

// ---------------------------------------------------------------- write sources

const consoleError = `console.error('cannot start: PORT is not set');
process.exit(1);`;
const consoleLog = `console.log(JSON.stringify(report));
process.exit(0);`;
const consoleWarnTable = `console.table(rows);
console.warn('3 checks failed');
process.exit(2);`;
const consoleDestructured = `const { error } = console;
error('fatal');
process.exit(1);`;
const consoleGlobalThis = `globalThis.console.error('fatal');
process.exit(1);`;
const consoleModule = `import { Console } from 'node:console';
import console from 'node:console';
console.error('fatal');
process.exit(1);`;
const stderrWrite = `process.stderr.write('fatal\\n');
process.exit(1);`;
const stdoutWrite = `process.stdout.write(output);
process.exit(0);`;
const stderrImported = `import { stderr } from 'node:process';
stderr.write('fatal\\n');
process.exit(1);`;
const stdoutAlias = `const { stdout } = process;
const out = stdout;
out.write(output);
process.exit(0);`;
const winstonLogger = `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: 'app.log' })] });
logger.error('cannot connect');
process.exit(1);`;
const winstonChild = `import { createLogger } from 'winston';
const log = createLogger().child({ module: 'db' });
log.warn('retrying');
process.exit(1);`;
const winstonDefault = `const winston = require('winston');
winston.info('starting');
process.exit(1);`;
const bunyanLogger = `import bunyan from 'bunyan';
const log = bunyan.createLogger({ name: 'api' });
log.fatal(err, 'boot failed');
process.exit(1);`;
const bunyanConstructed = `const Logger = require('bunyan');
const base = new Logger({ name: 'api' });
base.child({ req }).error('bad request');
process.exit(1);`;
const log4jsLogger = `import log4js from 'log4js';
const logger = log4js.getLogger('app');
logger.fatal('no config');
process.exit(1);`;
const consolaNamed = `import { consola } from 'consola';
consola.error('missing token');
process.exit(1);`;
const consolaTagged = `import { createConsola } from 'consola';
const tagged = createConsola().withTag('cli');
tagged.fail('build failed');
process.exit(1);`;
const signaleDefault = `import signale from 'signale';
signale.fatal(new Error('unreachable host'));
process.exit(1);`;
const signaleConstructed = `const { Signale } = require('signale');
const interactive = new Signale({ interactive: true });
interactive.success('done');
process.exit(0);`;
// Weak evidence, not counted: debug namespaces write nothing unless DEBUG enables them.
const debugRequired = `const debug = require('debug')('app:boot');
debug('config %o', config);
process.exit(1);`;
const debugExtended = `import createDebug from 'debug';
const trace = createDebug('app').extend('db');
trace('query failed');
process.exit(1);`;
// electron-log's file transport writes synchronously; its console copy goes to a GUI app's stdout, rarely a pipe.
const electronLog = `import log from 'electron-log/main';
if (!app.requestSingleInstanceLock()) {
  log.info('another instance is running');
  process.exit(0);
}`;
const electronLogRequired = `const log = require('electron-log');
log.error('cannot open the database');
process.exit(1);`;
// What else the file writes still counts.
const electronLogAndConsole = `import log from 'electron-log';
log.error('update failed');
console.error('update failed');
process.exit(1);`;
const debugAndConsole = `import createDebug from 'debug';
const debug = createDebug('cli');
console.error('cannot read the config');
debug('giving up');
process.exit(1);`;
const pinoStdout = `import pino from 'pino';
const logger = pino({ level: 'info' }, process.stdout);
logger.error('fatal');
process.exit(1);`;
const pinoPretty = `import pino from 'pino';
import pretty from 'pino-pretty';
const logger = pino(pretty({ colorize: true }));
logger.child({ job: 1 }).info('done');
process.exit(0);`;
const pinoMultistream = `const pino = require('pino');
const streams = [{ level: 'info', stream: process.stdout }, { level: 'error', stream: pino.destination(2) }];
const logger = pino({}, pino.multistream(streams));
logger.fatal('fatal');
process.exit(1);`;
const pinoNamedMultistream = `import { pino, multistream } from 'pino';
const { stdout } = process;
const logger = pino(multistream([stdout]));
logger.error('fatal');
process.exit(1);`;
const unseenImported = `import logger from './logger.js';
logger.error('db unreachable');
process.exit(1);`;
const unseenRequired = `const { log } = require('./util');
log.warn('retrying');
process.exit(1);`;
const unseenRequiredMember = `const logger = require('./logging').logger;
logger.info('bye');
process.exit(0);`;
const unseenGlobal = `log.error('bye');
process.exit(1);`;

// ---------------------------------------------------------------- aliases of exit

const aliasBracket = `console.error('x');
process['exit'](1);`;
const aliasOptional = `console.error('x');
process?.exit(1);`;
const aliasImportNamed = `import { exit } from 'node:process';
console.error('x');
exit(1);`;
const aliasImportDefault = `import proc from 'process';
console.error('x');
proc.exit(1);`;
const aliasDestructured = `const { exit: quit } = process;
console.error('x');
quit(1);`;
const aliasConst = `const p = process;
console.error('x');
p.exit(1);`;
const aliasGlobalThis = `console.error('x');
globalThis.process.exit(1);`;
const aliasRequire = `console.error('x');
require('node:process').exit(1);`;

// ---------------------------------------------------------------- code paths

const ifWithoutElse = `function main(config) {
  if (!config.port) console.error('PORT is not set');
  process.exit(1);
}`;
const loopBack = `function drain(queue) {
  for (const item of queue) {
    if (item.fatal) process.exit(1);
    console.log(item.text);
  }
}`;
const logicalExit = `function check(ok) {
  console.error('checking');
  ok || process.exit(1);
}`;
const switchFallthrough = `function run(command) {
  switch (command) {
    case 'help':
      console.log(usage);
    case 'exit':
      process.exit(0);
  }
}`;
const tryCatch = `function load() {
  try {
    return readConfig();
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}`;
const writeInTry = `function load(path) {
  let data;
  try {
    console.log('loading', path);
    data = read(path);
  } catch {
    process.exit(1);
  }
  return data;
}`;
const loopBreak = `function poll() {
  while (true) {
    console.log('polling');
    if (ready()) break;
  }
  process.exit(0);
}`;
const doWhileTest = `function wait() {
  do {
    if (timedOut()) process.exit(1);
  } while (console.log('waiting'));
}`;
const labeledBreak = `done: {
  console.log('early');
  break done;
}
process.exit(1);`;
// An exit ends the process, though ESLint's code path goes on past it: what
// was written before it cannot reach a later exit (@nestjs/cli start.command.js).
const exitThenLaterExit = `program.action(async (options) => {
  if (options.builder && !builders.includes(options.builder)) {
    console.error(\`Invalid builder option: \${options.builder}\`);
    process.exit(1);
  }
  try {
    await action.handle(options);
  } catch {
    process.exit(1);
  }
});`;
// react-scripts bin/react-scripts.js: the signal branch always exits first.
const nestedExitThenLaterExit = `if (result.signal) {
  if (result.signal === 'SIGKILL') {
    console.log('The build failed because the process exited too early.');
  }
  process.exit(1);
}
process.exit(result.status);`;
// An exit on one branch only: the other path still carries the write to the later exit.
const exitOnOneBranch = `console.error('usage: cli <file>');
if (strict) process.exit(2);
process.exit(1);`;
const exitThenExitInLoop = `for (const file of files) {
  if (!exists(file)) {
    console.error('missing', file);
    process.exit(1);
  }
}
process.exit(0);`;
const finallyBlock = `try {
  console.log(result);
} finally {
  process.exit(0);
}`;
const nearest = `console.log('a');
console.error('b');
process.exit(1);`;
const bothStreamsCallback = `main().catch((error) => {
  console.log(summary);
  console.error(error);
  process.exit(1);
});`;
const signalHandler = `process.on('SIGTERM', () => {
  console.log('shutting down');
  process.exit(0);
});`;
const uncaught = `#!/usr/bin/env node
process.on('uncaughtException', (error) => {
  console.error(error);
  process.exit(1);
});`;
const timerArrow = `console.error('shutting down in 100 ms');
setTimeout(() => process.exit(1), 100);`;
const timerBlock = `import { setImmediate } from 'node:timers';
console.error('fatal');
setImmediate(() => {
  process.exit(1);
});`;
const timerNested = `function stop() {
  console.log('bye');
  process.nextTick(() => {
    queueMicrotask(() => process.exit(0));
  });
}`;
const timerWritesItself = `import logger from './logger.js';
console.error('fatal');
setInterval(() => {
  logger.warn('still waiting');
  process.exit(1);
}, 1000);`;
const writeCallbackThenMore = `process.stderr.write(message, () => {
  console.error('and one more thing');
  process.exit(1);
});`;
const notBarriers = `import fs from 'node:fs';
async function fail(message) {
  console.error(message);
  process.stderr.write('');
  fs.writeSync(2, 'bye');
  process.stderr._handle.setBlocking(true);
  await new Promise((resolve) => setTimeout(resolve, 100));
  process.exit(1);
}`;
const awaitOtherWrite = `async function fail() {
  console.error('fatal');
  await new Promise((resolve) => socket.write('bye'));
  process.exit(1);
}`;

// ---------------------------------------------------------------- suggestions

const notTail = `function fail(message) {
  if (message) {
    console.error(message);
    process.exit(1);
  }
  cleanup();
}`;
const notTailTopLevel = `console.error('fatal');
process.exit(1);
cleanup();`;
const sideEffectCode = `console.error('fatal');
process.exit(nextCode());`;
const notStatement = `function f() {
  console.error('fatal');
  return process.exit(1);
}`;
const noArgumentCallback = `process.once('SIGINT', () => {
  process.stdout.write('closed\\n');
  process.exit();
});`;
const closeListener = `server.on('close', () => {
  process.stdout.write('closed\\n');
  process.exit();
});`;
const loggerCallback = `import logger from './logger.js';
main().catch((error) => {
  logger.error(error);
  process.exit(1);
});`;
const enumCode = `const onError = function (error) {
  console.error(error);
  process.exit(error ? ExitCode.Failure : -1);
};
process.on('unhandledRejection', onError);`;
const staticBlock = `class Cli {
  static {
    console.error('fatal');
    process.exit(1);
    init();
  }
}`;

// ---------------------------------------------------------------- suggestions: safe by construction

// Each unbraced body that becomes two statements gets braces.
const unbracedElse = `function start(env) {
  console.error('starting');
  if (env.PORT) listen(env.PORT);
  else process.exit(1);
  console.log('listening');
}`;
const unbracedFor = `function check(files) {
  console.error('checking');
  for (const file of files) if (!exists(file)) process.exit(1);
  done();
}`;
const unbracedWhile = `function wait(queue) {
  console.error('waiting');
  while (queue.blocked)
    process.exit(1);
  drain(queue);
}`;
const unbracedLabel = `function scan(rows) {
  console.error('scanning');
  outer: process.exit(1);
  report(rows);
}`;
const unbracedDo = `function retry() {
  console.error('retrying');
  do process.exit(1); while (again());
  done();
}`;
const unbracedIfReturn = `function main(env) {
  console.error('checking the environment');
  if (!env.PORT) process.exit(1);
  listen(env.PORT);
}`;
// A synchronous callback: the loop and the code after it would go on.
const forEachCallback = `function validate(items) {
  items.forEach((item) => {
    if (!item.id) {
      console.error('missing id');
      process.exit(1);
    }
  });
  save(items);
}`;
const dataListener = `stream.on('data', (chunk) => {
  console.error('bad chunk');
  process.exit(1);
});`;
// A promise handler that is not the end of its chain: the next handler would run.
const catchThenMore = `main()
  .catch((error) => {
    console.error(error);
    process.exit(1);
  })
  .then(report);`;
// A one-shot timer runs its callback last.
const timeoutCallback = `setTimeout(() => {
  console.error('timed out');
  process.exit(1);
}, 1000);`;
// \`finally\` would run after the exit code is set.
const withFinally = `function run() {
  try {
    console.error('failing');
    process.exit(1);
  } finally {
    cleanup();
  }
}`;
// A comment inside the call would be lost.
const commentInCall = `function fail() {
  console.error('fatal');
  process.exit(/* config error */ 78);
}`;
// At top level there is no function to return from (ESM forbids \`return\` there).
const topLevelLoop = `for (const file of files) {
  console.error('checking', file);
  if (!exists(file)) process.exit(1);
}`;
const topLevelNotLast = `console.error('usage: cli <file>');
if (!file) process.exit(2);
run(file);`;
// The file's line breaks and indentation are followed.
const crlf =
  'function fail(message) {\r\n  if (message) {\r\n    console.error(message);\r\n    process.exit(1);\r\n  }\r\n  cleanup();\r\n}\r\n';
const crlfUnbraced =
  'function fail(message) {\r\n  console.error(message);\r\n  if (message) process.exit(1);\r\n  cleanup();\r\n}\r\n';
const tabs = 'function fail(message) {\n\tconsole.error(message);\n\tif (message) process.exit(1);\n\tcleanup();\n}\n';
const sameLine = `function fail(message) {
  console.error(message);
  if (message) { process.exit(1); }
  cleanup();
}`;

createRuleTester().run('no-exit-before-flush', rule, {
  valid: [
    debugRequired,
    debugExtended,
    electronLog,
    electronLogRequired,
    // pino's own destinations and transports flush synchronously on exit.
    `import pino from 'pino';
const logger = pino();
logger.error('fatal');
process.exit(1);`,
    `import pino from 'pino';
const logger = pino(pino.destination({ dest: 2, sync: false }));
logger.fatal('fatal');
process.exit(1);`,
    `import pino from 'pino';
const logger = pino({ transport: { target: 'pino-pretty' } });
logger.error('fatal');
process.exit(1);`,
    `import { pino, multistream, destination } from 'pino';
const logger = pino(multistream([{ stream: destination(1) }]));
logger.error('fatal');
process.exit(1);`,
    // Loggers and consoles the file defines or receives are not assumed to write.
    `function fail(logger, console) {
  logger.error('fatal');
  console.error('fatal');
  process.exit(1);
}`,
    `const logger = { error() {} };
logger.error('fatal');
process.exit(1);`,
    `import logger from './logger.js';
logger.setLevel('debug');
process.exit(1);`,
    `import debug from 'debug';
debug.enable('app:*');
process.exit(0);`,
    // A local `process` is not Node's.
    `function stop(process) {
  console.error('stopping');
  process.exit(1);
}`,
    // Different branches, different paths.
    `if (failed) {
  console.error('failed');
} else {
  process.exit(0);
}`,
    `function main(config) {
  if (!config.port) {
    console.error('PORT is not set');
    process.exitCode = 1;
    return;
  }
  process.exit(0);
}`,
    `function finish(ok) {
  return ok ? console.log('ok') : process.exit(1);
}`,
    // Written after the exit, or never before it.
    `process.exit(1);
console.log('unreachable in practice');`,
    `function f() {
  return;
  console.error('unreachable');
  process.exit(1);
}`,
    `console.error('fatal');
process.exitCode = 1;`,
    // Another function: the write in the outer one does not run before this exit.
    `console.error('fatal');
later(() => process.exit(1));`,
    // Timer callbacks: nothing written before the timer call, or the callback flushes first.
    `setTimeout(() => process.exit(1), 100);`,
    `if (failed) console.error('failed');
else setTimeout(() => process.exit(0), 10);`,
    `console.error('fatal');
setTimeout(async () => {
  await new Promise((resolve) => process.stderr.write('', resolve));
  process.exit(1);
}, 10);`,
    `console.error('fatal');
setImmediate(() => {
  process.stderr.write('', () => process.exit(1));
});`,
    `function setTimeout(callback) {}
console.error('fatal');
setTimeout(() => process.exit(1));`,
    `class Cli {
  banner = console.log('cli');
  stop() {
    process.exit(1);
  }
}`,
    `function load() {
  try {
    run();
  } catch {
    process.exit(1);
  } finally {
    console.log('done');
  }
}`,
    `function logIt() {
  console.error('x');
}
function stop() {
  process.exit(1);
}`,
    // Barriers: exiting from a flush callback.
    `process.stderr.write('fatal\\n', () => process.exit(1));`,
    `console.error('fatal');
process.stderr.write('', () => {
  process.exit(1);
});`,
    `console.log(result);
process.stdout.end(() => process.exit(0));`,
    `if (!process.stdout.write(output)) {
  process.stdout.once('drain', () => process.exit(0));
}`,
    `import pino from 'pino';
const logger = pino(process.stdout);
logger.fatal('fatal');
logger.flush((error) => {
  process.exit(1);
});`,
    `import log4js from 'log4js';
const logger = log4js.getLogger();
logger.fatal('fatal');
log4js.shutdown(() => process.exit(1));`,
    `import winston from 'winston';
const logger = winston.createLogger({ transports: [new winston.transports.File({ filename: 'app.log' })] });
logger.error('fatal');
logger.on('finish', () => process.exit(1));
logger.end();`,
    `import bunyan from 'bunyan';
import fs from 'node:fs';
const stream = fs.createWriteStream('app.log');
const log = bunyan.createLogger({ name: 'api', streams: [{ stream }] });
log.fatal('fatal');
stream.end(() => process.exit(1));`,
    // Barriers: awaiting a promise that wraps a flush.
    `async function fail(message) {
  console.error(message);
  await new Promise((resolve) => process.stderr.write('', resolve));
  process.exit(1);
}`,
    `async function fail(message) {
  process.stdout.write(message);
  await new Promise<void>((done) => {
    process.stdout.write('', () => done());
  });
  process.exit(1);
}`,
    `import pino from 'pino';
const logger = pino(process.stdout);
async function fail() {
  logger.fatal('fatal');
  await new Promise((resolve) => logger.flush(resolve));
  process.exit(1);
}`,
    `import log4js from 'log4js';
const logger = log4js.getLogger();
async function fail() {
  logger.error('fatal');
  await new Promise((resolve) => log4js.shutdown(resolve));
  process.exit(1);
}`,
    `import winston from 'winston';
const logger = winston.createLogger();
async function fail() {
  logger.error('fatal');
  await new Promise((resolve) => {
    logger.on('finish', resolve);
    logger.end();
  });
  process.exit(1);
}`,
    `import { once } from 'node:events';
async function fail() {
  process.stderr.write(bigReport);
  await once(process.stderr, 'drain');
  process.exit(1);
}`,
    `const flushed = new Promise((resolve) => process.stdout.end(resolve));
async function fail() {
  console.log('done');
  await flushed;
  process.exit(0);
}`,
    `async function flushLogs() {
  await new Promise((resolve) => process.stderr.write('', resolve));
}
const drained = () => new Promise((resolve) => process.stdout.write('', resolve));
async function fail() {
  console.error('fatal');
  await flushLogs();
  console.log('report');
  await drained();
  process.exit(1);
}`,
  ],
  invalid: [
    // Write sources.
    invalid(consoleError, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
      suggestions: [exitCode(consoleError, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(consoleLog, {
      exit: 'process.exit(0)',
      write: 'console.log',
      writeLine: 1,
      where: 'stdout',
      suggestions: [exitCode(consoleLog, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(consoleWarnTable, {
      exit: 'process.exit(2)',
      write: 'console.warn',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(consoleWarnTable, 'process.exit(2);', 'process.exitCode = 2;')],
    }),
    invalid(consoleDestructured, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(consoleDestructured, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(consoleGlobalThis, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
      suggestions: [exitCode(consoleGlobalThis, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(consoleModule, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      suggestions: [exitCode(consoleModule, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(stderrWrite, {
      exit: 'process.exit(1)',
      write: 'process.stderr.write',
      writeLine: 1,
      where: 'stderr',
      suggestions: [exitCode(stderrWrite, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(stdoutWrite, {
      exit: 'process.exit(0)',
      write: 'process.stdout.write',
      writeLine: 1,
      where: 'stdout',
      suggestions: [exitCode(stdoutWrite, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(stderrImported, {
      exit: 'process.exit(1)',
      write: 'process.stderr.write',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(stderrImported, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(stdoutAlias, {
      exit: 'process.exit(0)',
      write: 'process.stdout.write',
      writeLine: 3,
      where: 'stdout',
      suggestions: [exitCode(stdoutAlias, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(winstonLogger, {
      exit: 'process.exit(1)',
      write: 'logger.error',
      writeLine: 3,
      where: 'logger',
      suggestions: [exitCode(winstonLogger, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(winstonChild, {
      exit: 'process.exit(1)',
      write: 'log.warn',
      writeLine: 3,
      where: 'logger',
      suggestions: [exitCode(winstonChild, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(winstonDefault, {
      exit: 'process.exit(1)',
      write: 'winston.info',
      writeLine: 2,
      where: 'logger',
      suggestions: [exitCode(winstonDefault, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(bunyanLogger, {
      exit: 'process.exit(1)',
      write: 'log.fatal',
      writeLine: 3,
      where: 'logger',
      suggestions: [exitCode(bunyanLogger, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(bunyanConstructed, {
      exit: 'process.exit(1)',
      write: 'base.child(…).error',
      writeLine: 3,
      where: 'logger',
      suggestions: [exitCode(bunyanConstructed, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(log4jsLogger, {
      exit: 'process.exit(1)',
      write: 'logger.fatal',
      writeLine: 3,
      where: 'logger',
      suggestions: [exitCode(log4jsLogger, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(consolaNamed, {
      exit: 'process.exit(1)',
      write: 'consola.error',
      writeLine: 2,
      where: 'logger',
      suggestions: [exitCode(consolaNamed, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(consolaTagged, {
      exit: 'process.exit(1)',
      write: 'tagged.fail',
      writeLine: 3,
      where: 'logger',
      suggestions: [exitCode(consolaTagged, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(signaleDefault, {
      exit: 'process.exit(1)',
      write: 'signale.fatal',
      writeLine: 2,
      where: 'logger',
      suggestions: [exitCode(signaleDefault, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(signaleConstructed, {
      exit: 'process.exit(0)',
      write: 'interactive.success',
      writeLine: 3,
      where: 'logger',
      suggestions: [exitCode(signaleConstructed, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(pinoStdout, {
      exit: 'process.exit(1)',
      write: 'logger.error',
      writeLine: 3,
      where: 'stdout',
      suggestions: [exitCode(pinoStdout, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(pinoPretty, {
      exit: 'process.exit(0)',
      write: 'logger.child(…).info',
      writeLine: 4,
      where: 'stdout',
      suggestions: [exitCode(pinoPretty, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(pinoMultistream, {
      exit: 'process.exit(1)',
      write: 'logger.fatal',
      writeLine: 4,
      where: 'stdout',
      suggestions: [exitCode(pinoMultistream, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(pinoNamedMultistream, {
      exit: 'process.exit(1)',
      write: 'logger.error',
      writeLine: 4,
      where: 'stdout',
      suggestions: [exitCode(pinoNamedMultistream, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(unseenImported, {
      exit: 'process.exit(1)',
      write: 'logger.error',
      writeLine: 2,
      where: 'logger',
      suggestions: [exitCode(unseenImported, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(unseenRequired, {
      exit: 'process.exit(1)',
      write: 'log.warn',
      writeLine: 2,
      where: 'logger',
      suggestions: [exitCode(unseenRequired, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(unseenRequiredMember, {
      exit: 'process.exit(0)',
      write: 'logger.info',
      writeLine: 2,
      where: 'logger',
      suggestions: [exitCode(unseenRequiredMember, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(unseenGlobal, {
      exit: 'process.exit(1)',
      write: 'log.error',
      writeLine: 1,
      where: 'logger',
      suggestions: [exitCode(unseenGlobal, 'process.exit(1);', 'process.exitCode = 1;')],
    }),

    // Every way to reach exit.
    invalid(aliasBracket, {
      exit: "process['exit'](1)",
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
      suggestions: [exitCode(aliasBracket, "process['exit'](1);", 'process.exitCode = 1;')],
    }),
    invalid(aliasOptional, {
      exit: 'process?.exit(1)',
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
      suggestions: [exitCode(aliasOptional, 'process?.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(aliasImportNamed, {
      exit: 'exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(aliasImportNamed, 'exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(aliasImportDefault, {
      exit: 'proc.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(aliasImportDefault, 'proc.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(aliasDestructured, {
      exit: 'quit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(aliasDestructured, 'quit(1);', 'process.exitCode = 1;')],
    }),
    invalid(aliasConst, {
      exit: 'p.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(aliasConst, 'p.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(aliasGlobalThis, {
      exit: 'globalThis.process.exit(1)',
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
      suggestions: [exitCode(aliasGlobalThis, 'globalThis.process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(aliasRequire, {
      exit: "require('node:process').exit(1)",
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
      suggestions: [exitCode(aliasRequire, "require('node:process').exit(1);", 'process.exitCode = 1;')],
    }),

    // Code paths.
    invalid(ifWithoutElse, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [exitCodeInFunction(ifWithoutElse, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(loopBack, {
      exit: 'process.exit(1)',
      write: 'console.log',
      writeLine: 4,
      where: 'stdout',
      inFunction: true,
      // An unbraced body that becomes two statements gets braces, laid out as the file is.
      suggestions: [
        exitCodeInFunction(
          loopBack,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          '{\n      process.exitCode = 1;\n      return;\n    }',
        ),
      ],
    }),
    invalid(logicalExit, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(switchFallthrough, {
      exit: 'process.exit(0)',
      write: 'console.log',
      writeLine: 4,
      where: 'stdout',
      inFunction: true,
      suggestions: [exitCodeInFunction(switchFallthrough, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(tryCatch, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 5,
      where: 'stderr',
      inFunction: true,
      suggestions: [exitCodeInFunction(tryCatch, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(writeInTry, {
      exit: 'process.exit(1)',
      write: 'console.log',
      writeLine: 4,
      where: 'stdout',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          writeInTry,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          'process.exitCode = 1;\n    return;',
        ),
      ],
    }),
    invalid(loopBreak, {
      exit: 'process.exit(0)',
      write: 'console.log',
      writeLine: 3,
      where: 'stdout',
      inFunction: true,
      suggestions: [exitCodeInFunction(loopBreak, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(doWhileTest, {
      exit: 'process.exit(1)',
      write: 'console.log',
      writeLine: 4,
      where: 'stdout',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          doWhileTest,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          '{\n      process.exitCode = 1;\n      return;\n    }',
        ),
      ],
    }),
    invalid(labeledBreak, {
      exit: 'process.exit(1)',
      write: 'console.log',
      writeLine: 2,
      where: 'stdout',
      suggestions: [exitCode(labeledBreak, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    // A callback handed to a library (`program.action`) may have code after it: no suggestion.
    invalid(exitThenLaterExit, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(nestedExitThenLaterExit, {
      exit: 'process.exit(1)',
      write: 'console.log',
      writeLine: 3,
      where: 'stdout',
    }),
    invalid(
      exitOnOneBranch,
      { exit: 'process.exit(2)', write: 'console.error', writeLine: 1, where: 'stderr' },
      {
        exit: 'process.exit(1)',
        write: 'console.error',
        writeLine: 1,
        where: 'stderr',
        suggestions: [exitCode(exitOnOneBranch, 'process.exit(1);', 'process.exitCode = 1;')],
      },
    ),
    // Only the first exit: the loop goes on past it, but not with what was written before it.
    invalid(exitThenExitInLoop, { exit: 'process.exit(1)', write: 'console.error', writeLine: 3, where: 'stderr' }),
    invalid(finallyBlock, {
      exit: 'process.exit(0)',
      write: 'console.log',
      writeLine: 2,
      where: 'stdout',
      suggestions: [exitCode(finallyBlock, 'process.exit(0);', 'process.exitCode = 0;')],
    }),
    invalid(nearest, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      suggestions: [exitCode(nearest, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(bothStreamsCallback, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(bothStreamsCallback, 'process.exit(1);', 'process.exitCode = 1;'),
        writeCallback(
          bothStreamsCallback,
          'process.exit(1);',
          "process.stdout.write('', () => process.stderr.write('', () => process.exit(1)));",
          'stdout and stderr',
        ),
      ],
    }),
    // After a signal listener returns the process goes on: only exiting later is suggested.
    invalid(signalHandler, {
      exit: 'process.exit(0)',
      write: 'console.log',
      writeLine: 2,
      where: 'stdout',
      inFunction: true,
      suggestions: [
        writeCallback(signalHandler, 'process.exit(0);', "process.stdout.write('', () => process.exit(0));", 'stdout'),
      ],
    }),
    invalid(uncaught, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        writeCallback(uncaught, 'process.exit(1);', "process.stderr.write('', () => process.exit(1));", 'stderr'),
      ],
    }),
    invalid(timerArrow, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(timerBlock, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(timerBlock, 'process.exit(1);', 'process.exitCode = 1;'),
        writeCallback(timerBlock, 'process.exit(1);', "process.stderr.write('', () => process.exit(1));", 'stderr'),
      ],
    }),
    invalid(timerNested, {
      exit: 'process.exit(0)',
      write: 'console.log',
      writeLine: 2,
      where: 'stdout',
      inFunction: true,
    }),
    // `setInterval` calls its callback again: no suggestion.
    invalid(timerWritesItself, {
      exit: 'process.exit(1)',
      write: 'logger.warn',
      writeLine: 4,
      where: 'logger',
      inFunction: true,
    }),
    // A callback the rule cannot prove runs last (a write callback here) gets no suggestion.
    invalid(writeCallbackThenMore, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(notBarriers, {
      exit: 'process.exit(1)',
      write: 'process.stderr.write',
      writeLine: 4,
      where: 'stderr',
      inFunction: true,
      suggestions: [exitCodeInFunction(notBarriers, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(awaitOtherWrite, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [exitCodeInFunction(awaitOtherWrite, 'process.exit(1);', 'process.exitCode = 1;')],
    }),

    // When each suggestion is offered.
    invalid(notTail, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          notTail,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          'process.exitCode = 1;\n    return;',
        ),
      ],
    }),
    invalid(notTailTopLevel, { exit: 'process.exit(1)', write: 'console.error', writeLine: 1, where: 'stderr' }),
    invalid(sideEffectCode, {
      exit: 'process.exit(nextCode())',
      write: 'console.error',
      writeLine: 1,
      where: 'stderr',
    }),
    invalid(notStatement, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(noArgumentCallback, {
      exit: 'process.exit()',
      write: 'process.stdout.write',
      writeLine: 2,
      where: 'stdout',
      inFunction: true,
      suggestions: [
        writeCallback(
          noArgumentCallback,
          'process.exit();',
          "process.stdout.write('', () => process.exit());",
          'stdout',
        ),
      ],
    }),
    // An event listener may run again, with code after it: no suggestion.
    invalid(closeListener, {
      exit: 'process.exit()',
      write: 'process.stdout.write',
      writeLine: 2,
      where: 'stdout',
      inFunction: true,
    }),
    invalid(loggerCallback, {
      exit: 'process.exit(1)',
      write: 'logger.error',
      writeLine: 3,
      where: 'logger',
      inFunction: true,
      suggestions: [exitCodeInFunction(loggerCallback, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(enumCode, {
      exit: 'process.exit(error ? ExitCode.Failure : -1)',
      quoted: 'process.exit(…)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          enumCode,
          'process.exit(error ? ExitCode.Failure : -1);',
          'process.exitCode = error ? ExitCode.Failure : -1;',
        ),
      ],
    }),
    invalid(electronLogAndConsole, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      suggestions: [exitCode(electronLogAndConsole, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(debugAndConsole, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      suggestions: [exitCode(debugAndConsole, 'process.exit(1);', 'process.exitCode = 1;')],
    }),
    invalid(staticBlock, { exit: 'process.exit(1)', write: 'console.error', writeLine: 3, where: 'stderr' }),

    // Suggestions that stay safe: braces, no \`return\` where code would run on, layout.
    invalid(unbracedElse, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          unbracedElse,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          '{\n    process.exitCode = 1;\n    return;\n  }',
        ),
      ],
    }),
    invalid(unbracedFor, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          unbracedFor,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          '{\n    process.exitCode = 1;\n    return;\n  }',
        ),
      ],
    }),
    invalid(unbracedWhile, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        {
          messageId: 'useExitCodeInFunction',
          data: { replacement: 'process.exitCode = 1; return;' },
          output: `function wait(queue) {
  console.error('waiting');
  while (queue.blocked) {
    process.exitCode = 1;
    return;
  }
  drain(queue);
}`,
        },
      ],
    }),
    invalid(unbracedLabel, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          unbracedLabel,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          '{\n    process.exitCode = 1;\n    return;\n  }',
        ),
      ],
    }),
    invalid(unbracedDo, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        {
          messageId: 'useExitCodeInFunction',
          data: { replacement: 'process.exitCode = 1; return;' },
          output: `function retry() {
  console.error('retrying');
  do {
    process.exitCode = 1;
    return;
  } while (again());
  done();
}`,
        },
      ],
    }),
    invalid(unbracedIfReturn, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        {
          messageId: 'useExitCodeInFunction',
          data: { replacement: 'process.exitCode = 1; return;' },
          output: `function main(env) {
  console.error('checking the environment');
  if (!env.PORT) {
    process.exitCode = 1;
    return;
  }
  listen(env.PORT);
}`,
        },
      ],
    }),
    invalid(forEachCallback, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 4,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(dataListener, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(catchThenMore, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(timeoutCallback, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(timeoutCallback, 'process.exit(1);', 'process.exitCode = 1;'),
        writeCallback(
          timeoutCallback,
          'process.exit(1);',
          "process.stderr.write('', () => process.exit(1));",
          'stderr',
        ),
      ],
    }),
    invalid(withFinally, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(commentInCall, {
      exit: 'process.exit(/* config error */ 78)',
      quoted: 'process.exit(…)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
    }),
    invalid(topLevelLoop, { exit: 'process.exit(1)', write: 'console.error', writeLine: 2, where: 'stderr' }),
    invalid(topLevelNotLast, { exit: 'process.exit(2)', write: 'console.error', writeLine: 1, where: 'stderr' }),
    invalid(crlf, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 3,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          crlf,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          'process.exitCode = 1;\r\n    return;',
        ),
      ],
    }),
    invalid(crlfUnbraced, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          crlfUnbraced,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          '{\r\n    process.exitCode = 1;\r\n    return;\r\n  }',
        ),
      ],
    }),
    invalid(tabs, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [
        exitCodeInFunction(
          tabs,
          'process.exit(1);',
          'process.exitCode = 1; return;',
          '{\n\t\tprocess.exitCode = 1;\n\t\treturn;\n\t}',
        ),
      ],
    }),
    invalid(sameLine, {
      exit: 'process.exit(1)',
      write: 'console.error',
      writeLine: 2,
      where: 'stderr',
      inFunction: true,
      suggestions: [exitCodeInFunction(sameLine, 'process.exit(1);', 'process.exitCode = 1; return;')],
    }),
    invalid(
      `console.error('first');
process.exit(1);
console.error('second');
process.exit(2);`,
      { exit: 'process.exit(1)', write: 'console.error', writeLine: 1, where: 'stderr' },
      {
        exit: 'process.exit(2)',
        write: 'console.error',
        writeLine: 3,
        where: 'stderr',
        suggestions: [
          {
            messageId: 'useExitCode',
            data: { replacement: 'process.exitCode = 2;' },
            output: `console.error('first');
process.exit(1);
console.error('second');
process.exitCode = 2;`,
          },
        ],
      },
    ),
  ],
});

// Plain JavaScript as ESLint parses it by default, CommonJS style.
createJsRuleTester().run('no-exit-before-flush (espree)', rule, {
  valid: [
    `const winston = require('winston');
const logger = winston.createLogger();
function fail() {
  logger.on('finish', () => process.exit(1));
  logger.end();
}`,
  ],
  invalid: [
    invalid(
      `const logger = require('winston').createLogger();
async function run() {
  try {
    await start();
  } catch (error) {
    logger.error(error);
    process.exit(1);
  }
}`,
      {
        exit: 'process.exit(1)',
        write: 'logger.error',
        writeLine: 6,
        where: 'logger',
        inFunction: true,
        suggestions: [
          {
            messageId: 'useExitCodeInFunction',
            data: { replacement: 'process.exitCode = 1;' },
            output: `const logger = require('winston').createLogger();
async function run() {
  try {
    await start();
  } catch (error) {
    logger.error(error);
    process.exitCode = 1;
  }
}`,
          },
        ],
      },
    ),
  ],
});
