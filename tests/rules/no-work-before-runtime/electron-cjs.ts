import path from 'node:path';

import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createJsRuleTester, fixturesDir } from '../../rule-tester.js';
import { at } from '../../util/probe-rule.js';

// Plain CommonJS: an early handler that calls an export of a relative require()d module. The module it requires is
// tests/fixtures/runtime-electron-cjs/windows.js, read from disk beside the linted main.js.
const MAIN = path.join(fixturesDir, 'runtime-electron-cjs', 'main.js');
const REMEDY = 'move it into `app.whenReady().then(…)`';

const early = (event: string, api: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome: 'throws', timing: `in an early '${event}' handler`, remedy: REMEDY },
  ...at(line, column, endColumn),
});

/**
 * Node's globals declared, as `sourceType: 'commonjs'` (ESLint's default for `.cjs`) and `globals.node` declare
 * them: `require` is then a declared global instead of an unresolved name.
 */
const COMMONJS = {
  languageOptions: { globals: { require: 'readonly', module: 'writable', exports: 'writable' } as const },
};

const HEADER = `const { app } = require('electron');
const windows = require('./windows');
`;

createJsRuleTester().run('no-work-before-runtime (electron, CommonJS required modules)', rule, {
  valid: [
    // Registered once the app is ready.
    { code: `${HEADER}app.whenReady().then(() => app.on('activate', () => windows.showMain()));`, filename: MAIN },
    // The export builds its window only behind an `if`, or builds none, or only in a callback.
    { code: `${HEADER}app.on('activate', () => windows.showAbout());`, filename: MAIN },
    { code: `${HEADER}app.on('activate', () => { windows.focus(windows.main); });`, filename: MAIN },
    { code: `${HEADER}app.on('activate', () => windows.later());`, filename: MAIN },
    // The handler calls it behind a readiness check.
    { code: `${HEADER}app.on('activate', () => { if (app.isReady()) windows.showMain(); });`, filename: MAIN },
    // A module that is missing, that does not parse, or that is not relative: cannot tell.
    {
      code: `const { app } = require('electron');
const missing = require('./missing');
const broken = require('./broken');
const manager = require('electron-window-manager');
app.on('activate', () => {
  missing.showMain();
  broken.showMain();
  manager.showMain();
});`,
      filename: MAIN,
    },
    // With Node's globals declared, a local function named require is still not Node's.
    {
      code: `function require(name) { return { BrowserWindow: class {} }; }
const { BrowserWindow } = require('electron');
const win = new BrowserWindow();`,
      filename: MAIN,
      ...COMMONJS,
    },
    // A reassigned module variable is not followed.
    {
      code: `const { app } = require('electron');
let windows = require('./windows');
windows = { showMain() {} };
app.on('activate', () => windows.showMain());`,
      filename: MAIN,
    },
  ],
  invalid: [
    {
      // With Node's globals declared, require is a declared global: the file still requires electron.
      code: `const { BrowserWindow } = require('electron');
const win = new BrowserWindow();`,
      filename: MAIN,
      ...COMMONJS,
      errors: [
        {
          messageId: 'notReady',
          data: { api: 'new BrowserWindow()', outcome: 'throws', timing: 'before the app is ready', remedy: REMEDY },
          ...at(2, 13, 32),
        },
      ],
    },
    {
      code: `${HEADER}app.on('activate', () => windows.showMain());`,
      filename: MAIN,
      ...COMMONJS,
      errors: [early('activate', 'windows.showMain()', 3, 26, 44)],
    },
    {
      // The export constructs a BrowserWindow (after an early return, so whenever no window exists yet).
      code: `${HEADER}app.on('activate', () => {
  windows.showMain();
});
app.whenReady().then(() => windows.showMain());`,
      filename: MAIN,
      errors: [early('activate', 'windows.showMain()', 4, 3, 21)],
    },
    {
      // A destructured export, an arrow property of module.exports, and a function it calls.
      code: `const { app } = require('electron');
const { showTray, showViaLayout } = require('./windows.js');
function init() {
  app.on('open-file', (event) => {
    event.preventDefault();
    showTray();
  });
  app.once('open-url', () => showViaLayout());
}
init();`,
      filename: MAIN,
      errors: [early('open-file', 'showTray()', 6, 5, 15), early('open-url', 'showViaLayout()', 8, 30, 45)],
    },
  ],
});
