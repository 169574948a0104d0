// no-zero-exit-on-fatal in an Electron app's modules that import nothing from
// Electron: the nearest package.json (tests/fixtures/exit-*-app/) decides.
import path from 'node:path';

import rule from '../../src/rules/no-zero-exit-on-fatal/index.js';
import { createRuleTester, fixturesDir } from '../rule-tester.js';
import { at } from '../util/probe-rule.js';

const ELECTRON_APP = path.join(fixturesDir, 'exit-electron-app');
const NODE_APP = path.join(fixturesDir, 'exit-node-app');

// An error-handling module that the app's main file imports for its side effect.
const LISTENERS = `import { logger } from './logger';

process.on('uncaughtException', (error) => {
  logger.error(error);
});
`;
const WITH_EXIT_CODE = `import { logger } from './logger';

process.on('uncaughtException', (error) => {
  logger.error(error);
  process.exitCode = 1;
});
`;

function reported() {
  return {
    messageId: 'exitsZero' as const,
    ...at(3, 33, 2, 5),
    suggestions: [{ messageId: 'setExitCode' as const, output: WITH_EXIT_CODE }],
  };
}

createRuleTester().run('no-zero-exit-on-fatal (Electron app modules)', rule, {
  valid: [
    // A module of the app's own sources: the desktop app logs and goes on on purpose.
    { code: LISTENERS, filename: path.join(ELECTRON_APP, 'src/common/errors.ts') },
    { code: LISTENERS, filename: path.join(ELECTRON_APP, 'src/main/index.ts') },
    // Its promise chains are still judged like any other's: the handler here sets the code.
    {
      code: `function boot() {
  return loadWindowState().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
boot();`,
      filename: path.join(ELECTRON_APP, 'src/main/boot.ts'),
    },
  ],
  invalid: [
    // The app's build scripts run in Node, named in package.json's `scripts`: their exit code is read.
    { code: LISTENERS, filename: path.join(ELECTRON_APP, 'scripts/pack.js'), errors: [reported()] },
    { code: LISTENERS, filename: path.join(ELECTRON_APP, 'tools/icons.ts'), errors: [reported()] },
    // A file with a hashbang is a script Node runs.
    {
      code: `#!/usr/bin/env node\n${LISTENERS}`,
      filename: path.join(ELECTRON_APP, 'src/cli.ts'),
      errors: [
        {
          ...reported(),
          ...at(4, 33, 2, 6),
          suggestions: [{ messageId: 'setExitCode' as const, output: `#!/usr/bin/env node\n${WITH_EXIT_CODE}` }],
        },
      ],
    },
    // A package that does not depend on Electron is a Node program.
    { code: LISTENERS, filename: path.join(NODE_APP, 'src/errors.ts'), errors: [reported()] },
    // Promise chains of an Electron app module are judged as before.
    {
      code: `function boot() {
  return loadWindowState().catch((error) => console.error(error));
}
boot();`,
      filename: path.join(ELECTRON_APP, 'src/main/boot.ts'),
      errors: [
        {
          messageId: 'exitsZero' as const,
          ...at(2, 34, 65),
          suggestions: [
            {
              messageId: 'setExitCode' as const,
              output: `function boot() {
  return loadWindowState().catch((error) => { console.error(error); process.exitCode = 1; });
}
boot();`,
            },
          ],
        },
      ],
    },
  ],
});
