import rule from '../../src/rules/no-zero-exit-on-fatal/index.js';
import { createJsRuleTester, createRuleTester, createTypedRuleTester } from '../rule-tester.js';
import { at, type Position } from '../util/probe-rule.js';

/** The report, on the handler at `position`, with the exit-code suggestion giving `output` (or none). */
function setsExitCode(position: Position, output?: string) {
  return {
    messageId: 'exitsZero' as const,
    ...position,
    suggestions: output === undefined ? [] : [{ messageId: 'setExitCode' as const, output }],
  };
}

/** The report on a handler passed by reference, with the suggestion that wraps it. */
function wraps(position: Position, handler: string, output: string) {
  return {
    messageId: 'exitsZero' as const,
    ...position,
    suggestions: [{ messageId: 'wrapHandler' as const, data: { handler }, output }],
  };
}

createRuleTester().run('no-zero-exit-on-fatal', rule, {
  valid: [
    // The handler sets a non-zero exit code, exits non-zero or rethrows on every path.
    'main().catch((err) => { console.error(err); process.exitCode = 1; });',
    'main().catch((err) => { console.error(err); process.exit(1); });',
    'main().catch((err) => { console.error(err); process.exit(code); });',
    'main().catch(() => process.exit(2));',
    'main().catch((err) => { console.error(err); process.abort(); });',
    "main().catch((err) => { console.error(err); process.kill(process.pid, 'SIGTERM'); });",
    'main().catch((err) => { console.error(err); process.kill(process.pid); });',
    'main().catch((err) => { throw err; });',
    'main().catch((err) => { logger.error(err); throw new Error("startup failed", { cause: err }); });',
    "main().catch((err) => { if (err.code === 'EADDRINUSE') { process.exit(98); } else { throw err; } });",
    'main().catch((err) => { console.error(err); process.exitCode = 1; process.exit(); });',
    'main().catch(async (err) => { logger.error(err); await logger.flush(); process.exit(1); });',
    'main().catch((err) => { logger.error(err); server.close(() => process.exit(1)); });',
    'main().catch((err) => { console.error(err); setTimeout(() => process.exit(1), 100); });',
    'main().catch((err) => {\n  for (;;) {\n    if (retry(err)) continue;\n    process.exit(1);\n  }\n});',
    'main().catch((err) => {\n  try {\n    report(err);\n  } catch {\n    console.error(err);\n  }\n  process.exitCode = 1;\n});',
    'main().then(() => console.log("done"), (err) => { console.error(err); process.exitCode = 1; });',
    'main().then(() => process.exit(0)).catch((err) => { console.error(err); process.exit(1); });',
    'main().catch(function onError(err) { console.error(err); process.exitCode = 1; });',
    'main().catch((err) => {\n  switch (err.code) {\n    case "EACCES":\n      process.exit(77);\n    default:\n      console.error(err);\n      process.exitCode = 1;\n  }\n});',
    'main().catch((err) => {\n  while (pending()) flushOne();\n  process.exitCode = 1;\n});',
    'main().catch();',
    'main().catch(process.exit);',
    // Every alias of `process`.
    "import { exit } from 'node:process';\nmain().catch((err) => { console.error(err); exit(1); });",
    "import proc from 'node:process';\nmain().catch((err) => { console.error(err); proc.exitCode = 2; });",
    "const { exitCode, ...rest } = process;\nconst p = require('process');\nmain().catch((err) => { console.error(err); p.exitCode = 1; });",
    'globalThis.process.on("uncaughtException", (err) => { console.error(err); globalThis.process.exit(1); });',
    // A function of this file that ends the process non-zero on every path.
    'function fail(err: unknown): never {\n  console.error(err);\n  process.exit(1);\n}\nmain().catch((err) => fail(err));\nmain().catch(fail);\nprocess.on("uncaughtException", fail);',
    'const fail = (err: unknown) => { console.error(err); process.exitCode = 1; };\nmain().catch(fail);',
    'function die(): never { process.exit(1); }\nfunction fail(err: unknown) { console.error(err); die(); }\nmain().catch((err) => { fail(err); });',
    'function fail(err: unknown) { throw err; }\nmain().catch((err) => { console.error(err); fail(err); });',
    // A function called where it is written, that ends the process non-zero on every path.
    'main().catch((err) => {\n  (() => {\n    console.error(err);\n    process.exit(1);\n  })();\n});',
    'main().catch((err) => {\n  void (async () => {\n    await logger.flush();\n    process.exit(1);\n  })();\n});',
    'process.on("uncaughtException", function (err) {\n  (function () {\n    console.error(err);\n    process.exitCode = 1;\n  })();\n});',
    // Node's fatal-error events, handled with a non-zero exit.
    'process.on("uncaughtException", (err) => { console.error(err); process.exit(1); });',
    'process.once("unhandledRejection", (reason) => { console.error(reason); process.exitCode = 1; });',
    'process.addListener("uncaughtException", (err) => { throw err; });',
    "import process from 'node:process';\nprocess.prependListener('unhandledRejection', (reason) => { throw reason; });",
    // Other events do not mean a fatal error.
    'process.on("exit", (code) => console.log(code));',
    'process.on("SIGTERM", () => console.log("bye"));',
    'process.on("warning", console.warn);',
    // A handler whose behaviour lives in another module.
    'main().catch(handleError);',
    'process.on("uncaughtException", onFatal);',
    "import { handleError } from './errors.js';\nmain().catch(handleError);",
    'main().catch(makeHandler("main"));',
    // A bare call: an unhandled rejection already exits with code 1.
    'main();',
    'void main();',
    'await main();',
    'main().then(console.log);',
    'main().finally(() => db.close());',
    // Not a chain started by a call, or not a statement.
    'promise.catch(console.error);',
    'const started = main().catch(console.error);',
    'export default main().catch(console.error);',
    'main().catch(console.error)();',
    // Browser code has no process exit code: Angular's generated entry points, browser globals.
    "import { bootstrapApplication } from '@angular/platform-browser';\nbootstrapApplication(AppComponent, appConfig).catch((err) => console.error(err));",
    "import { platformBrowserDynamic } from '@angular/platform-browser-dynamic';\nplatformBrowserDynamic().bootstrapModule(AppModule).catch((err) => console.error(err));",
    "navigator.serviceWorker.register('/sw.js').catch(console.error);",
    // Never an entry point whose exit code is read: a Vue component's <script setup>, an Electron app's process.
    {
      code: "import { useTimeline } from './timeline';\nconst { load } = useTimeline();\nawait load().catch(console.error);",
      filename: 'TimelineHome.vue',
    },
    "import { app, dialog } from 'electron';\nprocess.on('uncaughtException', (error) => {\n  console.error(error);\n  dialog.showErrorBox('Error', String(error));\n});",
    "import { clipboard } from 'electron/common';\nprocess.on('unhandledRejection', (reason) => console.error(reason));",
    "const { app } = require('electron');\nconst log = require('electron-log/main');\nprocess.on('uncaughtException', (err) => {\n  log.error(err);\n});",
    // An explicit exit code 0 chosen for one class of errors (the user cancelled a prompt); the rest is fatal.
    "try {\n  await release();\n} catch (error) {\n  if (error.name === 'ExitPromptError') {\n    process.exit(0);\n  }\n  console.error(error);\n  process.exit(1);\n}",
    'main().catch((err) => {\n  if (err instanceof CancelledError) process.exit(0);\n  console.error(err);\n  process.exitCode = 1;\n});',
    // exit-hook's gracefulExit(code) exits with that code.
    "import { gracefulExit } from 'exit-hook';\ntry {\n  await publish();\n} catch (error) {\n  console.error(error);\n  gracefulExit(1);\n}",
    // Inside a function, a class field or a static block: not the entry point.
    'async function run() { main().catch(console.error); }',
    'function install() { process.on("uncaughtException", (err) => console.error(err)); }',
    'async function start() {\n  try {\n    await main();\n  } catch (err) {\n    console.error(err);\n  }\n}',
    'class App { static { main().catch(console.error); } }',
    'class App { started = main().catch(console.error); }',
    // A listener added in a class field's initializer, in a file whose top level is searched for handlers.
    'class Server { crashes = process.on("uncaughtException", (err) => console.error(err)); }\nmain().then(() => console.log("done"));',
    'const run = () => main().catch(console.error);',
    // A top-level try/catch that recovers or that holds no awaited call.
    'try {\n  await main();\n} catch (err) {\n  console.error(err);\n  process.exitCode = 1;\n}',
    'try {\n  await main();\n} catch (err) {\n  console.error(err);\n  throw err;\n}',
    'try {\n  await main();\n} catch (err) {\n  console.error(err);\n} finally {\n  process.exit(process.exitCode || 1);\n}',
    'try {\n  await main();\n} catch (err) {\n  console.error(err);\n}\nconsole.log("continuing");',
    'let config;\ntry {\n  config = JSON.parse(await readFile("config.json", "utf8"));\n} catch {\n  config = {};\n}\nstart(config);',
    'for (const file of files) {\n  try {\n    await convert(file);\n  } catch (err) {\n    console.error(err);\n  }\n}',
    'try {\n  main();\n} catch (err) {\n  console.error(err);\n}',
    "try {\n  await import('./optional.js');\n} catch {\n  console.warn('optional module missing');\n}",
    'try {\n  await main();\n} catch (err) {\n  if (err) {\n    process.exit(1);\n  } else {\n    throw err;\n  }\n}',
    // Exit code 0 chosen by configuration: an \`if\` on the environment, the command line or an
    // imported or module-level setting, one branch of which is fatal (react-scripts' TSC_COMPILE_ON_ERROR).
    "main().catch((err) => {\n  console.error(err);\n  if (process.env.ALLOW_FAILURE !== 'true') process.exitCode = 1;\n});",
    "import options from './options.js';\nmain().catch((err) => {\n  if (options.strict) throw err;\n  console.warn(err);\n});",
    "const keepGoing = process.argv.includes('--keep-going');\nprocess.on('uncaughtException', (err) => {\n  console.error(err);\n  if (!keepGoing) process.exit(1);\n});",
    "try {\n  await main();\n} catch (err) {\n  console.error(err);\n  if (!process.env.CI) {\n    console.warn('continuing outside CI');\n  } else {\n    process.exit(1);\n  }\n}",
  ],
  invalid: [
    // A condition on the error is no opt-in: every other error still ends with code 0.
    {
      code: 'main().catch((err) => {\n  if (err instanceof ConfigError) process.exit(2);\n  console.error(err);\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 4),
          'main().catch((err) => {\n  if (err instanceof ConfigError) process.exit(2);\n  console.error(err);\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    // A condition on configuration that chooses no non-zero exit, or that also reads the error.
    {
      code: 'main().catch((err) => {\n  if (process.env.DEBUG) console.error(err.stack);\n  else console.error(err.message);\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 4),
          'main().catch((err) => {\n  if (process.env.DEBUG) console.error(err.stack);\n  else console.error(err.message);\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    {
      code: 'main().catch((err) => {\n  console.error(err);\n  if (process.env.STRICT && err.fatal) process.exit(1);\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 4),
          'main().catch((err) => {\n  console.error(err);\n  if (process.env.STRICT && err.fatal) process.exit(1);\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    // The incident's shapes.
    {
      code: 'main().catch(console.error);',
      errors: [
        wraps(
          at(1, 14, 27),
          'console.error',
          'main().catch((error) => { console.error(error); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'main().catch((err) => { logger.error(err) });',
      errors: [setsExitCode(at(1, 14, 44), 'main().catch((err) => { logger.error(err); process.exitCode = 1; });')],
    },
    {
      code: 'main().then(onDone, (err) => console.error(err));',
      errors: [
        setsExitCode(at(1, 21, 48), 'main().then(onDone, (err) => { console.error(err); process.exitCode = 1; });'),
      ],
    },
    {
      code: "process.on('uncaughtException', (err) => log(err));",
      errors: [
        setsExitCode(at(1, 33, 50), "process.on('uncaughtException', (err) => { log(err); process.exitCode = 1; });"),
      ],
    },
    {
      code: "process.once('unhandledRejection', (reason) => {\n  console.error(reason);\n});",
      errors: [
        setsExitCode(
          at(1, 36, 2, 3),
          "process.once('unhandledRejection', (reason) => {\n  console.error(reason);\n  process.exitCode = 1;\n});",
        ),
      ],
    },
    {
      code: "process.on('unhandledRejection', console.error);\nprocess.addListener('uncaughtException', logger.fatal);",
      errors: [
        wraps(
          at(1, 34, 47),
          'console.error',
          "process.on('unhandledRejection', (...args) => { console.error(...args); process.exitCode = 1; });\nprocess.addListener('uncaughtException', logger.fatal);",
        ),
        wraps(
          at(2, 42, 54),
          'logger.fatal',
          "process.on('unhandledRejection', console.error);\nprocess.addListener('uncaughtException', (...args) => { logger.fatal(...args); process.exitCode = 1; });",
        ),
      ],
    },
    {
      code: "import proc from 'node:process';\nproc.prependListener('uncaughtException', (err) => { console.error(err); });",
      errors: [
        setsExitCode(
          at(2, 43, 75),
          "import proc from 'node:process';\nproc.prependListener('uncaughtException', (err) => { console.error(err); process.exitCode = 1; });",
        ),
      ],
    },
    // ES module: a top-level try/catch around the awaited entry call; the report is on `catch (err)`.
    {
      code: 'try {\n  await main();\n} catch (err) {\n  console.error(err);\n}',
      errors: [
        setsExitCode(
          at(3, 3, 14),
          'try {\n  await main();\n} catch (err) {\n  console.error(err);\n  process.exitCode = 1;\n}',
        ),
      ],
    },
    {
      code: 'try {\n  const server = await start();\n  server.on("close", cleanup);\n} catch (error: unknown) {\n  logger.error(error);\n} finally {\n  await db.close();\n}\nfunction cleanup() {}',
      errors: [
        setsExitCode(
          at(4, 3, 25),
          'try {\n  const server = await start();\n  server.on("close", cleanup);\n} catch (error: unknown) {\n  logger.error(error);\n  process.exitCode = 1;\n} finally {\n  await db.close();\n}\nfunction cleanup() {}',
        ),
      ],
    },
    {
      code: 'if (import.meta.main) {\n  try {\n    await main();\n  } catch {\n    console.error("failed");\n  }\n}',
      errors: [
        setsExitCode(
          at(4, 5, 10),
          'if (import.meta.main) {\n  try {\n    await main();\n  } catch {\n    console.error("failed");\n    process.exitCode = 1;\n  }\n}',
        ),
      ],
    },
    {
      code: 'try { await main(); } catch {}',
      errors: [setsExitCode(at(1, 23, 28), 'try { await main(); } catch { process.exitCode = 1; }')],
    },
    {
      code: 'try {\n  await main();\n} catch (err) {\n  if (err instanceof UsageError) {\n    process.exit(2);\n  }\n  console.error(err);\n}',
      errors: [
        setsExitCode(
          at(3, 3, 14),
          'try {\n  await main();\n} catch (err) {\n  if (err instanceof UsageError) {\n    process.exit(2);\n  }\n  console.error(err);\n  process.exitCode = 1;\n}',
        ),
      ],
    },
    {
      // Without type information any `.catch` on a call's result counts.
      code: "import { query } from './fatal-helpers.js';\nquery().catch(console.error);",
      errors: [
        wraps(
          at(2, 15, 28),
          'console.error',
          "import { query } from './fatal-helpers.js';\nquery().catch((error) => { console.error(error); process.exitCode = 1; });",
        ),
      ],
    },
    {
      code: "const FATAL = 'uncaughtException';\nconst proc = require('node:process');\nproc.on(FATAL, (err) => console.error(err));",
      errors: [
        setsExitCode(
          at(3, 16, 43),
          "const FATAL = 'uncaughtException';\nconst proc = require('node:process');\nproc.on(FATAL, (err) => { console.error(err); process.exitCode = 1; });",
        ),
      ],
    },
    {
      // A local that happens to be called `navigator` is no browser global.
      code: 'const navigator = createNavigator();\nnavigator.start().catch(console.error);',
      errors: [
        wraps(
          at(2, 25, 38),
          'console.error',
          'const navigator = createNavigator();\nnavigator.start().catch((error) => { console.error(error); process.exitCode = 1; });',
        ),
      ],
    },
    // Exits non-zero on one path only.
    {
      code: "main().catch((err) => { if (err.code === 'X') process.exit(1); console.error(err); });",
      errors: [
        setsExitCode(
          at(1, 14, 85),
          "main().catch((err) => { if (err.code === 'X') process.exit(1); console.error(err); process.exitCode = 1; });",
        ),
      ],
    },
    {
      code: 'main().catch((err) => {\n  if (err.expected) {\n    console.error(err.message);\n    return;\n  }\n  process.exitCode = 1;\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 7),
          'main().catch((err) => {\n  process.exitCode = 1;\n  if (err.expected) {\n    console.error(err.message);\n    return;\n  }\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    // An exit(0) on a branch that does not look at the error, or a path that falls through to 0, is still the bug.
    {
      code: 'try {\n  await release();\n} catch (error) {\n  if (quiet) {\n    process.exit(0);\n  }\n  console.error(error);\n  process.exit(1);\n}',
      errors: [setsExitCode(at(3, 3, 16))],
    },
    {
      code: 'main().catch((err) => {\n  if (err instanceof CancelledError) process.exit(0);\n  console.error(err);\n});',
      errors: [setsExitCode(at(1, 14, 2, 4))],
    },
    // gracefulExit() without a code exits 0: the call itself must change, so no suggestion.
    {
      code: "import { gracefulExit } from 'exit-hook';\ntry {\n  await publish();\n} catch (error) {\n  console.error(error);\n  gracefulExit();\n}",
      errors: [setsExitCode(at(4, 3, 16))],
    },
    // In an Electron process only the fatal-error listeners are left alone; its promise chains are judged.
    {
      code: "import { app } from 'electron';\napp.whenReady().then(createWindow).catch(console.error);",
      errors: [
        wraps(
          at(2, 42, 55),
          'console.error',
          "import { app } from 'electron';\napp.whenReady().then(createWindow).catch((error) => { console.error(error); process.exitCode = 1; });",
        ),
      ],
    },
    // A build script for an Electron app does not import Electron itself.
    {
      code: "import { build } from 'electron-builder';\nbuild().catch(console.error);",
      errors: [
        wraps(
          at(2, 15, 28),
          'console.error',
          "import { build } from 'electron-builder';\nbuild().catch((error) => { console.error(error); process.exitCode = 1; });",
        ),
      ],
    },
    // Directives stay first: the exit code goes after them when an early return makes it lead.
    {
      code: "main().catch(function (err) {\n  'use strict';\n  if (!err) return;\n  console.error(err);\n});",
      errors: [
        setsExitCode(
          at(1, 14, 2, 5),
          "main().catch(function (err) {\n  'use strict';\n  process.exitCode = 1;\n  if (!err) return;\n  console.error(err);\n});",
        ),
      ],
    },
    {
      code: "main().catch(function (err) {\n  'use strict';\n});",
      errors: [
        setsExitCode(at(1, 14, 2, 3), "main().catch(function (err) {\n  'use strict';\n  process.exitCode = 1;\n});"),
      ],
    },
    // The file's line breaks and indentation are followed.
    {
      code: 'try {\r\n  await main();\r\n} catch (err) {\r\n  console.error(err);\r\n}\r\n',
      errors: [
        setsExitCode(
          at(3, 3, 14),
          'try {\r\n  await main();\r\n} catch (err) {\r\n  console.error(err);\r\n  process.exitCode = 1;\r\n}\r\n',
        ),
      ],
    },
    {
      code: 'try {\n\tawait main();\n} catch {\n}\n',
      errors: [setsExitCode(at(3, 3, 8), 'try {\n\tawait main();\n} catch {\n\tprocess.exitCode = 1;\n}\n')],
    },
    // A listener's every argument is passed on (`error, origin` here).
    {
      code: "process.once('uncaughtException', console.error);",
      errors: [
        wraps(
          at(1, 35, 48),
          'console.error',
          "process.once('uncaughtException', (...args) => { console.error(...args); process.exitCode = 1; });",
        ),
      ],
    },
    {
      code: 'main().catch((err) => { console.error(err); return; });',
      errors: [
        setsExitCode(at(1, 14, 54), 'main().catch((err) => { console.error(err); process.exitCode = 1; return; });'),
      ],
    },
    // Exit code 0, said explicitly: no suggestion, the call itself must change.
    {
      code: 'main().catch((err) => { console.error(err); process.exit(); });',
      errors: [setsExitCode(at(1, 14, 62))],
    },
    {
      code: 'main().catch((err) => { console.error(err); process.exitCode = 1; process.exit(0); });',
      errors: [setsExitCode(at(1, 14, 85))],
    },
    {
      code: 'main().catch((err) => { console.error(err); process.exitCode = 0; });',
      errors: [
        setsExitCode(
          at(1, 14, 68),
          'main().catch((err) => { console.error(err); process.exitCode = 0; process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'main().catch((err) => { console.error(err); process.kill(process.pid, 0); });',
      errors: [
        setsExitCode(
          at(1, 14, 76),
          'main().catch((err) => { console.error(err); process.kill(process.pid, 0); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'main().catch((err) => { process.exitCode = 1; console.error(err); process.exitCode = undefined; });',
      errors: [
        setsExitCode(
          at(1, 14, 98),
          'main().catch((err) => { process.exitCode = 1; console.error(err); process.exitCode = undefined; process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'function shutdown() { process.exit(0); }\nmain().catch((err) => { console.error(err); shutdown(); });',
      errors: [
        setsExitCode(
          at(2, 14, 58),
          'function shutdown() { process.exit(0); }\nmain().catch((err) => { console.error(err); shutdown(); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'main().catch((err) => {\n  switch (err.code) {\n    case "EACCES":\n      process.exit(77);\n      break;\n    default:\n      console.error(err);\n  }\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 9),
          'main().catch((err) => {\n  switch (err.code) {\n    case "EACCES":\n      process.exit(77);\n      break;\n    default:\n      console.error(err);\n  }\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    // Swallowed.
    {
      code: 'main().catch(() => {});',
      errors: [setsExitCode(at(1, 14, 22), 'main().catch(() => { process.exitCode = 1; });')],
    },
    {
      code: 'main().catch(function onError(err) {\n  console.error(err);\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 3),
          'main().catch(function onError(err) {\n  console.error(err);\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    {
      code: 'main().catch(() => ({ ok: false }));',
      errors: [setsExitCode(at(1, 14, 35), 'main().catch(() => { ({ ok: false }); process.exitCode = 1; });')],
    },
    // A function of this file that exits non-zero on some paths only.
    {
      code: 'function maybeFail(err: Error) {\n  if (err.fatal) process.exit(1);\n}\nmain().catch((err) => maybeFail(err));\nmain().catch(maybeFail);',
      errors: [
        setsExitCode(
          at(4, 14, 37),
          'function maybeFail(err: Error) {\n  if (err.fatal) process.exit(1);\n}\nmain().catch((err) => { maybeFail(err); process.exitCode = 1; });\nmain().catch(maybeFail);',
        ),
        wraps(
          at(5, 14, 23),
          'maybeFail',
          'function maybeFail(err: Error) {\n  if (err.fatal) process.exit(1);\n}\nmain().catch((err) => maybeFail(err));\nmain().catch((error) => { maybeFail(error); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'function report(err: unknown) { console.error(err); }\nprocess.on("uncaughtException", report);',
      errors: [
        wraps(
          at(2, 33, 39),
          'report',
          'function report(err: unknown) { console.error(err); }\nprocess.on("uncaughtException", (...args) => { report(...args); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'function retry(err: unknown): void { retry(err); }\nmain().catch((err) => { retry(err); });',
      errors: [
        setsExitCode(
          at(2, 14, 38),
          'function retry(err: unknown): void { retry(err); }\nmain().catch((err) => { retry(err); process.exitCode = 1; });',
        ),
      ],
    },
    // A function called where it is written that exits on some paths only, or a generator, whose body a call does not run.
    {
      code: 'main().catch((err) => {\n  (() => {\n    if (err.fatal) process.exit(1);\n  })();\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 5),
          'main().catch((err) => {\n  (() => {\n    if (err.fatal) process.exit(1);\n  })();\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    {
      code: 'main().catch((err) => {\n  (function* () {\n    process.exit(1);\n  })();\n});',
      errors: [
        setsExitCode(
          at(1, 14, 2, 5),
          'main().catch((err) => {\n  (function* () {\n    process.exit(1);\n  })();\n  process.exitCode = 1;\n});',
        ),
      ],
    },
    // The exit sits in a callback that may never run to completion on some path.
    {
      code: 'main().catch((err) => { console.error(err); setTimeout(() => { if (flushed) process.exit(1); }, 100); });',
      errors: [
        setsExitCode(
          at(1, 14, 104),
          'main().catch((err) => { console.error(err); setTimeout(() => { if (flushed) process.exit(1); }, 100); process.exitCode = 1; });',
        ),
      ],
    },
    // Chains, statement forms and log-function references.
    {
      code: 'main().then(() => console.log("done")).catch(console.error).finally(() => db.close());',
      errors: [
        wraps(
          at(1, 46, 59),
          'console.error',
          'main().then(() => console.log("done")).catch((error) => { console.error(error); process.exitCode = 1; }).finally(() => db.close());',
        ),
      ],
    },
    {
      code: 'main().then(undefined, console.error);',
      errors: [
        wraps(
          at(1, 24, 37),
          'console.error',
          'main().then(undefined, (error) => { console.error(error); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'main()?.catch(console.log);\nawait main().catch(console.warn);\nvoid main().catch(console.error.bind(console));',
      errors: [
        wraps(
          at(1, 15, 26),
          'console.log',
          'main()?.catch((error) => { console.log(error); process.exitCode = 1; });\nawait main().catch(console.warn);\nvoid main().catch(console.error.bind(console));',
        ),
        wraps(
          at(2, 20, 32),
          'console.warn',
          'main()?.catch(console.log);\nawait main().catch((error) => { console.warn(error); process.exitCode = 1; });\nvoid main().catch(console.error.bind(console));',
        ),
        wraps(
          at(3, 19, 46),
          'console.error.bind(console)',
          'main()?.catch(console.log);\nawait main().catch(console.warn);\nvoid main().catch((error) => { console.error.bind(console)(error); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: "import winston from 'winston';\nconst logger = winston.createLogger();\nstart().catch(logger.error);",
      errors: [
        wraps(
          at(3, 15, 27),
          'logger.error',
          "import winston from 'winston';\nconst logger = winston.createLogger();\nstart().catch((error) => { logger.error(error); process.exitCode = 1; });",
        ),
      ],
    },
    {
      // The wrapper's parameter must not hide a name the reference reads.
      code: 'main().catch(console.error.bind(error));',
      errors: [
        wraps(
          at(1, 14, 39),
          'console.error.bind(error)',
          'main().catch((err) => { console.error.bind(error)(err); process.exitCode = 1; });',
        ),
      ],
    },
    {
      code: 'if (require.main === module) {\n  main().catch((err) => {\n    console.error(err);\n  });\n}',
      errors: [
        setsExitCode(
          at(2, 16, 4, 4),
          'if (require.main === module) {\n  main().catch((err) => {\n    console.error(err);\n    process.exitCode = 1;\n  });\n}',
        ),
      ],
    },
    {
      code: '(async () => {\n  await main();\n})().catch((err) => console.error(err));',
      errors: [
        setsExitCode(
          at(3, 12, 39),
          '(async () => {\n  await main();\n})().catch((err) => { console.error(err); process.exitCode = 1; });',
        ),
      ],
    },
    // A listener added inside a top-level expression, not a statement of its own.
    {
      code: 'const crashes = process.on("uncaughtException", (err) => console.error(err));\nmain().then(() => console.log("done"));',
      errors: [
        setsExitCode(
          at(1, 49, 76),
          'const crashes = process.on("uncaughtException", (err) => { console.error(err); process.exitCode = 1; });\nmain().then(() => console.log("done"));',
        ),
      ],
    },
    // An awaited call in a block inside the `try`, and a listener in a top-level `if`: both found.
    {
      code: 'if (cli) process.on("unhandledRejection", console.error);\ntry {\n  {\n    await main();\n  }\n} catch (err) {\n  console.error(err);\n}',
      errors: [
        wraps(
          at(1, 43, 56),
          'console.error',
          'if (cli) process.on("unhandledRejection", (...args) => { console.error(...args); process.exitCode = 1; });\ntry {\n  {\n    await main();\n  }\n} catch (err) {\n  console.error(err);\n}',
        ),
        setsExitCode(
          at(6, 3, 14),
          'if (cli) process.on("unhandledRejection", console.error);\ntry {\n  {\n    await main();\n  }\n} catch (err) {\n  console.error(err);\n  process.exitCode = 1;\n}',
        ),
      ],
    },
    // `process` is not Node's process where the handler is: reported, no suggestion.
    {
      code: 'function run(process: { exitCode: number }) { return process; }\nconst process = { exitCode: 0 };\nmain().catch((err) => { console.error(err); });',
      errors: [setsExitCode(at(3, 14, 46))],
    },
  ],
});

createJsRuleTester().run('no-zero-exit-on-fatal (JavaScript)', rule, {
  valid: [
    // react-scripts scripts/build.js: TSC_COMPILE_ON_ERROR=true is the documented opt-in to build despite type errors.
    `build()
  .then(
    (stats) => {
      console.log('Compiled successfully.');
    },
    (err) => {
      const tscCompileOnError = process.env.TSC_COMPILE_ON_ERROR === 'true';
      if (tscCompileOnError) {
        console.log('Compiled with the following type errors:');
        printBuildError(err);
      } else {
        console.log('Failed to compile.');
        printBuildError(err);
        process.exit(1);
      }
    }
  )
  .catch((err) => {
    console.log(err.message);
    process.exit(1);
  });`,
    'try {\n  await main();\n} catch (err) {\n  console.error(err);\n  process.exitCode = 1;\n}',
    "import { exit } from 'process';\nmain().catch((err) => { console.error(err); exit(1); });",
  ],
  invalid: [
    {
      code: 'try {\n  await main();\n} catch (err) {\n  console.error(err)\n}',
      errors: [
        setsExitCode(
          at(3, 3, 14),
          'try {\n  await main();\n} catch (err) {\n  console.error(err)\n  process.exitCode = 1;\n}',
        ),
      ],
    },
    {
      code: 'main().catch(err => console.error(err))',
      errors: [setsExitCode(at(1, 14, 39), 'main().catch(err => { console.error(err); process.exitCode = 1; })')],
    },
  ],
});

createTypedRuleTester().run('no-zero-exit-on-fatal (type-aware)', rule, {
  valid: [
    // `Query#catch` registers a fallback: the receiver is no thenable.
    "import { query } from './fatal-helpers.js';\nquery().catch(console.error);",
    "import { main } from './fatal-helpers.js';\nmain().catch((err) => { console.error(err); process.exitCode = 1; });",
  ],
  invalid: [
    {
      code: "import { main } from './fatal-helpers.js';\nmain().catch(console.error);",
      errors: [
        wraps(
          at(2, 14, 27),
          'console.error',
          "import { main } from './fatal-helpers.js';\nmain().catch((error) => { console.error(error); process.exitCode = 1; });",
        ),
      ],
    },
    {
      code: "import { job, untyped, queryOrPromise } from './fatal-helpers.js';\njob().then(undefined, console.error);\nuntyped().catch(console.error);\nqueryOrPromise(true).catch(console.error);",
      errors: [
        wraps(
          at(2, 23, 36),
          'console.error',
          "import { job, untyped, queryOrPromise } from './fatal-helpers.js';\njob().then(undefined, (error) => { console.error(error); process.exitCode = 1; });\nuntyped().catch(console.error);\nqueryOrPromise(true).catch(console.error);",
        ),
        wraps(
          at(3, 17, 30),
          'console.error',
          "import { job, untyped, queryOrPromise } from './fatal-helpers.js';\njob().then(undefined, console.error);\nuntyped().catch((error) => { console.error(error); process.exitCode = 1; });\nqueryOrPromise(true).catch(console.error);",
        ),
        wraps(
          at(4, 28, 41),
          'console.error',
          "import { job, untyped, queryOrPromise } from './fatal-helpers.js';\njob().then(undefined, console.error);\nuntyped().catch(console.error);\nqueryOrPromise(true).catch((error) => { console.error(error); process.exitCode = 1; });",
        ),
      ],
    },
  ],
});
