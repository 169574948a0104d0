// no-exit-before-flush: a logger reached through a property of another module
// (`utils.log.error(…)`, `logger_1.logger.error(…)`) is a log write, as the
// same logger imported by name is. So is a logger object a class builds itself
// and keeps on `this`; a logger name on anything else is not.
import rule from '../../src/rules/no-exit-before-flush/index.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { locate } from '../util/probe-rule.js';

interface Expected {
  exit: string;
  /** Where a logger object of the file writes; a logger the file cannot see into when undefined. */
  stream?: 'stdout' | 'stderr';
  write: string;
  writeLine: number;
  /** The exit is inside a function, so the message advises to return. */
  inFunction: boolean;
  statement: string;
  /** What the suggestion writes in place of `statement`; no suggestion when undefined. */
  written?: string;
  /** How the suggestion's message quotes it, when the file gets it on more lines. */
  replacement?: string;
}

function invalid(code: string, expected: Expected) {
  const { exit, stream, write, writeLine, inFunction, statement, written, replacement } = expected;
  const advice = inFunction ? 'set `process.exitCode` and return' : 'set `process.exitCode` instead';
  return {
    code,
    errors: [
      {
        ...(stream
          ? { messageId: 'exitBeforeFlush' as const, data: { exit, write, line: writeLine, advice, stream } }
          : { messageId: 'exitBeforeLoggerFlush' as const, data: { exit, write, line: writeLine, advice } }),
        ...locate(code, exit),
        suggestions:
          written === undefined
            ? []
            : [
                {
                  messageId: inFunction ? ('useExitCodeInFunction' as const) : ('useExitCode' as const),
                  data: { replacement: replacement ?? written },
                  output: code.replace(statement, written),
                },
              ],
      },
    ],
  };
}

const NAMESPACE_AT_TOP = `import * as utils from './utils.js';

if (!utils.config.port) {
  utils.log.error('no port configured');
  process.exit(1);
}`;

const DEFAULT_IN_FUNCTION = `import app from './app.js';

export function abort(reason: string) {
  app.logger?.fatal(reason);
  process.exit(2);
  cleanup();
}`;

const REQUIRED_ON_CHILD_EXIT = `const helpers = require('./helpers');

function watchChild(child) {
  child.on('exit', (code) => {
    if (code === 126) {
      helpers.log.warn('command is not executable');
      process.exit();
    }
    restart();
  });
}`;

// TypeScript's CommonJS output of \`import { logger } from './logger'\`.
const COMPILED_IMPORT = `"use strict";
const logger_1 = require("./logger");
async function deploy(target) {
    try {
        await upload(target);
    }
    catch (err) {
        logger_1.logger.error(err.message);
        process.exit(1);
    }
}`;

// A logger object the class builds itself and keeps on `this`.
const OWN_LOGGER = `class Runner {
  constructor() {
    this.logger = this.createLogger();
  }
  createLogger() {
    return { error: (text) => console.error(\`[runner] \${text}\`) };
  }
  check(options) {
    if (!options.entry) {
      this.logger.error('no entry given');
      process.exit(2);
    }
    return options.entry;
  }
}`;

createRuleTester().run('no-exit-before-flush (a logger read from another module)', rule, {
  valid: [
    // A parameter's logger may be a framework's pino logger, which flushes on exit.
    `export function stop(server: { log: { error(message: string): void } }) {
  server.log.error('stopping');
  process.exit(1);
}`,
    // \`this.logger\` and an object this file made: where they write is not known.
    `class Cli {
  logger = makeLogger();
  run(flag: string) {
    this.logger.error(\`unknown flag \${flag}\`);
    process.exit(2);
  }
}`,
    `const app = createApp();
app.log.error('bad state');
process.exit(1);`,
    // A logger passed in: it may be anything.
    OWN_LOGGER.replace('this.logger = this.createLogger();', 'this.logger = options.logger;'),
    // Not a log level, not a logger name, or two properties away.
    `import * as utils from './utils.js';
utils.log.setLevel('silent');
utils.audit.error('denied');
utils.services.logger.error('down');
process.exit(1);`,
    // A logger library's module is traced, not guessed: \`consola.log\` is not a logger.
    `import * as consola from 'consola';
consola.log.error('x');
process.exit(1);`,
    // The write and the exit are on different paths.
    `import * as utils from './utils.js';
if (utils.config.verbose) {
  utils.log.info('verbose');
} else {
  process.exit(0);
}`,
  ],
  invalid: [
    invalid(OWN_LOGGER, {
      exit: 'process.exit(2)',
      stream: 'stderr',
      write: 'this.logger.error',
      writeLine: 10,
      inFunction: true,
      statement: 'process.exit(2);',
      written: 'process.exitCode = 2;\n      return;',
      replacement: 'process.exitCode = 2; return;',
    }),
    invalid(NAMESPACE_AT_TOP, {
      exit: 'process.exit(1)',
      write: 'utils.log.error',
      writeLine: 4,
      inFunction: false,
      statement: 'process.exit(1);',
      written: 'process.exitCode = 1;',
    }),
    invalid(DEFAULT_IN_FUNCTION, {
      exit: 'process.exit(2)',
      write: 'app.logger?.fatal',
      writeLine: 4,
      inFunction: true,
      statement: 'process.exit(2);',
      written: 'process.exitCode = 2;\n  return;',
      replacement: 'process.exitCode = 2; return;',
    }),
  ],
});

createJsRuleTester().run('no-exit-before-flush (a logger read from another module, CommonJS)', rule, {
  valid: [
    {
      // The module's logger through a parameter.
      code: `module.exports = function fail(utils, message) {
  utils.log.error(message);
  process.exit(1);
};`,
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
  ],
  invalid: [
    {
      ...invalid(REQUIRED_ON_CHILD_EXIT, {
        exit: 'process.exit()',
        write: 'helpers.log.warn',
        writeLine: 6,
        inFunction: true,
        statement: 'process.exit();',
        // A listener's callback may run again: no suggestion.
      }),
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
    {
      ...invalid(COMPILED_IMPORT, {
        exit: 'process.exit(1)',
        write: 'logger_1.logger.error',
        writeLine: 8,
        inFunction: true,
        statement: 'process.exit(1);',
        written: 'process.exitCode = 1;',
      }),
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
    },
  ],
});
