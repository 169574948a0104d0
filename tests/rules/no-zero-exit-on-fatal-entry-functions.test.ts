// no-zero-exit-on-fatal, one step past the top level: the promise chain that
// ends a function of the file which a bare top-level statement calls.
import rule from '../../src/rules/no-zero-exit-on-fatal/index.js';
import { createJsRuleTester, createRuleTester } from '../rule-tester.js';
import { at, type Position } from '../util/probe-rule.js';

function setsExitCode(position: Position, output: string) {
  return { messageId: 'exitsZero' as const, ...position, suggestions: [{ messageId: 'setExitCode' as const, output }] };
}

function wraps(position: Position, handler: string, output: string) {
  return {
    messageId: 'exitsZero' as const,
    ...position,
    suggestions: [{ messageId: 'wrapHandler' as const, data: { handler }, output }],
  };
}

createJsRuleTester().run('no-zero-exit-on-fatal (functions called at top level)', rule, {
  valid: [
    // The handler of the chain the function returns sets the exit code.
    `if (require.main === module) {
  runCli();
}

function runCli() {
  return loadConfig()
    .then((config) => sync(config))
    .then(
      (count) => console.log('synced ' + count),
      (err) => {
        console.error('sync failed: ' + err.message);
        process.exitCode = 1;
      },
    );
}`,
    // The caller handles what the function returns: its chain is not the last word.
    `function runCli() {
  return loadConfig().catch((err) => console.error(err));
}
runCli().then(report, (err) => { console.error(err); process.exitCode = 1; });`,
    // Not called at top level: the caller decides what a failure means.
    `function runCli() {
  return loadConfig().catch((err) => console.error(err));
}
module.exports = runCli;`,
    `function runCli() {
  return loadConfig().catch((err) => console.error(err));
}
function start() {
  runCli();
}
start();`,
    // Code runs after the chain: the function recovers from the error and goes on.
    `async function migrate() {
  await dropCache().catch((err) => console.warn(err));
  await applyMigrations();
}
migrate();`,
    // A chain the function starts without returning or awaiting it is not its result.
    `function startDev() {
  const server = startDevServer();
  openBrowser(server.url).catch((err) => {
    console.error(err);
  });
}
startDev();`,
    // A chain inside a callback is not what the function ends with.
    `function watch() {
  emitter.on('change', () => {
    rebuild().catch((err) => console.error(err));
  });
}
watch();`,
    // Imported functions are not followed.
    `const { runCli } = require('./cli');
runCli();`,
    // The chain starts at a browser API: no exit code there.
    `function boot() {
  return window.fetch('/config.json').catch((err) => console.error(err));
}
boot();`,
  ],
  invalid: [
    {
      code: `if (require.main === module) {
  runCli();
}

function runCli() {
  return loadConfig()
    .then((config) => sync(config))
    .then(
      (count) => console.log('synced ' + count),
      (err) => console.error('sync failed: ' + err.message),
    );
}`,
      errors: [
        setsExitCode(
          at(10, 7, 60),
          `if (require.main === module) {
  runCli();
}

function runCli() {
  return loadConfig()
    .then((config) => sync(config))
    .then(
      (count) => console.log('synced ' + count),
      (err) => { console.error('sync failed: ' + err.message); process.exitCode = 1; },
    );
}`,
        ),
      ],
    },
    {
      code: `const start = async () => {
  await openDatabase();
  await listen(8080).catch(console.error);
};

void start();`,
      errors: [
        wraps(
          at(3, 28, 41),
          'console.error',
          `const start = async () => {
  await openDatabase();
  await listen(8080).catch((error) => { console.error(error); process.exitCode = 1; });
};

void start();`,
        ),
      ],
    },
    {
      // An arrow whose body is the chain; called twice, reported once.
      code: `const main = () => build().catch((err) => { console.error(err); });
main();
main();`,
      errors: [
        setsExitCode(
          at(1, 34, 66),
          `const main = () => build().catch((err) => { console.error(err); process.exitCode = 1; });
main();
main();`,
        ),
      ],
    },
  ],
});

createRuleTester().run('no-zero-exit-on-fatal (functions called at top level, TypeScript)', rule, {
  valid: [
    `async function main(): Promise<void> {
  await serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
await main();`,
  ],
  invalid: [
    {
      code: `async function main(): Promise<void> {
  await serve().catch((error: unknown) => {
    console.error(error);
  });
}
await main();`,
      errors: [
        setsExitCode(
          at(2, 23, 4, 4),
          `async function main(): Promise<void> {
  await serve().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
await main();`,
        ),
      ],
    },
  ],
});
