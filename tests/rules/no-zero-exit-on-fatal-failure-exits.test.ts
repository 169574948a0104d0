// no-zero-exit-on-fatal inside functions: `process.exit()` or `process.exit(0)`
// right after an error-level log, on a path that handles a failure.
import rule from '../../src/rules/no-zero-exit-on-fatal/index.js';
import { createRuleTester } from '../rule-tester.js';
import { locate } from '../util/probe-rule.js';

/** The report on the `occurrence`-th `exit` text of `code`, whose suggestion passes code 1. */
function exitsZero(code: string, exit: string, output: string, occurrence = 0) {
  return {
    messageId: 'exitsZeroAfterError' as const,
    ...locate(code, exit, occurrence),
    suggestions: [{ messageId: 'exitNonZero' as const, output }],
  };
}

function invalid(code: string, exit: string, output: string) {
  return { code, errors: [exitsZero(code, exit, output)] };
}

const CATCH = `function loadConfig(file: string) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(\`Cannot read \${file}: \${String(error)}\`);
    process.exit();
  }
}`;

const ERROR_FIRST = `server.listen(port, (err) => {
  if (err) {
    logger.error(err);
    process.exit(0);
  }
  logger.info('listening');
});`;

const REJECTION = `export function deploy() {
  upload().catch((err) => {
    console.error('upload failed', err);
    process.exit();
  });
}`;

const ERROR_EVENT = `export function spawnWorker(file: string) {
  const child = fork(file);
  child.on('error', (error) => {
    console.error(error.message);
    process.exit();
  });
  return child;
}`;

const LOGGER_GUARD = `const log = require('./log');
function startHttps(options) {
  if (!fs.existsSync(options.key)) {
    log.error('The TLS key file does not exist.');
    process.exit();
  }
  return https.createServer(options);
}`;

const ELSE_BRANCH = `function render(path: string) {
  fs.readFile(path, (err, data) => {
    if (!err) {
      show(data);
    } else {
      console.error(err);
      process.exit();
    }
  });
}`;

const ALIAS = `import { exit } from 'node:process';
export async function publish() {
  try {
    await upload();
  } catch (error) {
    console.error(error);
    exit(0);
  }
}`;

const NESTED_IF = `function check(file: string) {
  try {
    validate(file);
  } catch (error) {
    console.error(error);
    if (strict) process.exit();
  }
}`;

// A logger read from another module (`utils.log`), in a branch after its error-level write.
const MODULE_LOGGER_GUARD = `import * as utils from './utils.js';
export function onChildExit(code: number) {
  if (code === 126) {
    utils.log.error('the command is not executable');
    process.exit();
  }
  restart();
}`;

// TypeScript's CommonJS output of `import { logger } from './logger'`, in a catch clause.
const COMPILED_LOGGER_CATCH = `const logger_1 = require('./logger');
async function deploy(target) {
  try {
    await upload(target);
  } catch (err) {
    logger_1.logger.error(err);
    process.exit(0);
  }
}`;

// A logger object the class builds itself: it writes with console.error, so it counts as console.error does.
const OWN_LOGGER_CATCH = `class Installer {
  logger = { error: (text: string) => console.error(text) };
  async install(name: string) {
    try {
      await fetchPackage(name);
    } catch (error) {
      this.logger.error(String(error));
      process.exit();
    }
  }
}`;

createRuleTester().run('no-zero-exit-on-fatal (exits on failure paths)', rule, {
  valid: [
    // A usage message on stderr, then exit 0 for --help: no failure is handled.
    `function parse(args: string[]) {
  if (args.includes('--help')) {
    console.error(usage);
    process.exit(0);
  }
}`,
    // A farewell on stderr after a successful shutdown.
    `function shutdown() {
  server.close(() => {
    console.error('bye');
    process.exit(0);
  });
}`,
    // The failure ends non-zero.
    CATCH.replace('process.exit()', 'process.exit(1)'),
    // Not an error-level log: a catch that reports and stops on purpose.
    `function clean() {
  try {
    rmSync(cacheDir, { recursive: true });
  } catch {
    console.log('No cache to clean.');
    process.exit(0);
  }
}`,
    // Code 0 chosen for one kind of error: the user cancelled the prompt.
    `async function ask() {
  try {
    return await prompt();
  } catch (error) {
    if (error.name === 'ExitPromptError') {
      console.error('Cancelled.');
      process.exit(0);
    }
    throw error;
  }
}`,
    // Code 0 chosen by configuration.
    `function build() {
  try {
    compile();
  } catch (error) {
    console.error(error);
    if (process.env.IGNORE_BUILD_ERRORS) process.exit(0);
    process.exit(1);
  }
}`,
    // The file sets the exit code: a later \`process.exit()\` may end non-zero.
    `function fail(error: unknown) {
  process.exitCode = 2;
  report(error);
}
function load() {
  try {
    read();
  } catch (error) {
    console.error(error);
    process.exit();
  }
}`,
    // An Electron app's process: nobody reads its exit code.
    `import { app } from 'electron';
function lock() {
  if (!app.requestSingleInstanceLock()) {
    logger.error('Another instance is running.');
    process.exit();
  }
}`,
    // A logger's error and an explicit code 0, outside a failure path: the author's choice.
    `function lock() {
  if (alreadyRunning()) {
    logger.error('Another instance is running.');
    process.exit(0);
  }
}`,
    // console.error and \`process.exit()\` outside a failure path.
    `function usage() {
  console.error('usage: tool <file>');
  process.exit();
}`,
    // The exit runs in a callback of its own, later.
    `function stop() {
  try {
    flush();
  } catch (error) {
    console.error(error);
    server.close(() => process.exit());
  }
}`,
    // A logger name on a parameter or on `this`: it may be anything, so the branch is not judged.
    `function onChildExit(ctx: Context, code: number) {
  if (code === 126) {
    ctx.log.error('the command is not executable');
    process.exit();
  }
}`,
    `class Runner {
  stop(code: number) {
    if (code !== 0) {
      this.logger.error('child failed');
      process.exit();
    }
  }
}`,
    // The module's logger at another level than error.
    MODULE_LOGGER_GUARD.replace('utils.log.error', 'utils.log.info'),
    // Outside a failure path, an error written with console.error (here through the class's own logger) may be a usage message.
    OWN_LOGGER_CATCH.replace('try {\n      await fetchPackage(name);\n    } catch (error) {', 'if (!name) {').replace(
      'String(error)',
      "'usage: install <name>'",
    ),
    // Not a failure: a test on a result, not on an error.
    `function run(result) {
  if (result.failed) {
    console.error(result.message);
    process.exit();
  }
}`,
  ],
  invalid: [
    invalid(CATCH, 'process.exit()', CATCH.replace('process.exit()', 'process.exit(1)')),
    invalid(ERROR_FIRST, 'process.exit(0)', ERROR_FIRST.replace('process.exit(0)', 'process.exit(1)')),
    invalid(REJECTION, 'process.exit()', REJECTION.replace('process.exit()', 'process.exit(1)')),
    invalid(ERROR_EVENT, 'process.exit()', ERROR_EVENT.replace('process.exit()', 'process.exit(1)')),
    invalid(LOGGER_GUARD, 'process.exit()', LOGGER_GUARD.replace('process.exit()', 'process.exit(1)')),
    invalid(ELSE_BRANCH, 'process.exit()', ELSE_BRANCH.replace('process.exit()', 'process.exit(1)')),
    invalid(ALIAS, 'exit(0)', ALIAS.replace('exit(0)', 'exit(1)')),
    invalid(NESTED_IF, 'process.exit()', NESTED_IF.replace('process.exit()', 'process.exit(1)')),
    invalid(MODULE_LOGGER_GUARD, 'process.exit()', MODULE_LOGGER_GUARD.replace('process.exit()', 'process.exit(1)')),
    invalid(
      COMPILED_LOGGER_CATCH,
      'process.exit(0)',
      COMPILED_LOGGER_CATCH.replace('process.exit(0)', 'process.exit(1)'),
    ),
    invalid(OWN_LOGGER_CATCH, 'process.exit()', OWN_LOGGER_CATCH.replace('process.exit()', 'process.exit(1)')),
    // A module's logger passed by reference as the entry point's handler.
    {
      code: "import * as utils from './utils.js';\nmain().catch(utils.log.error);",
      errors: [
        {
          messageId: 'exitsZero' as const,
          ...locate("import * as utils from './utils.js';\nmain().catch(utils.log.error);", 'utils.log.error'),
          suggestions: [
            {
              messageId: 'wrapHandler' as const,
              data: { handler: 'utils.log.error' },
              output:
                "import * as utils from './utils.js';\nmain().catch((error) => { utils.log.error(error); process.exitCode = 1; });",
            },
          ],
        },
      ],
    },
    // A top-level handler is judged as a whole: one report, on the handler.
    {
      code: 'main().catch((error) => {\n  console.error(error);\n  process.exit();\n});',
      errors: [
        {
          messageId: 'exitsZero' as const,
          ...locate(
            'main().catch((error) => {\n  console.error(error);\n  process.exit();\n});',
            '(error) => {\n  console.error(error);\n  process.exit();\n}',
          ),
          suggestions: [],
        },
      ],
    },
  ],
});
