import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createJsRuleTester, createRuleTester, createTypedRuleTester } from '../../rule-tester.js';
import { at, locate } from '../../util/probe-rule.js';

const TIMING = 'before the app is ready';
const REMEDY = 'move it into `app.whenReady().then(…)`';

const notReady = (api: string, outcome: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome, timing: TIMING, remedy: REMEDY },
  ...at(line, column, endColumn),
});
const via = (api: string, innerLine: number, line: number, column: number, endColumn: number) => ({
  messageId: 'notReadyVia' as const,
  data: { api, line: innerLine, timing: TIMING, remedy: REMEDY },
  ...at(line, column, endColumn),
});
const tooLate = (api: string, line: number, column: number, endColumn: number) => ({
  messageId: 'tooLate' as const,
  data: { api, outcome: 'throws', timing: 'after the app is ready', remedy: 'call it before the app is ready' },
  ...at(line, column, endColumn),
});

createRuleTester().run('no-work-before-runtime (electron)', rule, {
  valid: [
    // The ready callback, its nested callbacks, and the event form.
    `import { app, BrowserWindow } from 'electron';
app.whenReady().then(() => { new BrowserWindow(); });`,
    `import { app, BrowserWindow } from 'electron';
app.on('ready', () => { const win = new BrowserWindow(); win.on('closed', () => new BrowserWindow()); });`,
    `import { app, BrowserWindow } from 'electron';
app.once('ready', function () { new BrowserWindow(); });`,
    // After `await app.whenReady()` on every path (top-level await).
    `import { app, BrowserWindow, screen } from 'electron';
await app.whenReady();
const { width } = screen.getPrimaryDisplay().workAreaSize;
new BrowserWindow({ width });`,
    // In an async main that awaits ready first.
    `import { app, BrowserWindow } from 'electron';
async function main() {
  await app.whenReady();
  new BrowserWindow();
}
main();`,
    // The function is handed to the ready promise, not called before it.
    `import { app, BrowserWindow } from 'electron';
function createWindow() { return new BrowserWindow(); }
app.whenReady().then(createWindow);`,
    `import { app, BrowserWindow } from 'electron';
const createWindow = () => new BrowserWindow();
app.whenReady().then(() => { createWindow(); app.on('activate', () => createWindow()); });`,
    // Guarded by app.isReady().
    `import { app, BrowserWindow } from 'electron';
if (app.isReady()) new BrowserWindow();
else app.whenReady().then(() => new BrowserWindow());`,
    `import { app, Tray } from 'electron';
const tray = app.isReady() ? new Tray('icon.png') : undefined;`,
    // Destructuring the lazy screen proxy does not touch it.
    `import { screen } from 'electron';
export const displays = () => screen.getAllDisplays();`,
    `const { screen } = require('electron');`,
    // Exported functions and methods with no caller in the file.
    `import { BrowserWindow } from 'electron';
export function createWindow() { return new BrowserWindow(); }
export class Windows { open() { return new BrowserWindow(); } }`,
    // Callbacks handed to unknown APIs.
    `import { BrowserWindow } from 'electron';
setTimeout(() => new BrowserWindow(), 1000);
[1, 2].forEach(() => new BrowserWindow());`,
    // A local BrowserWindow or screen is not Electron's.
    `class BrowserWindow {}
const screen = { getPrimaryDisplay() { return 1; } };
new BrowserWindow();
screen.getPrimaryDisplay();`,
    `import { BrowserWindow } from './my-windows';
new BrowserWindow();`,
    // A local module named like the package is not Electron.
    `import { BrowserWindow } from './electron';
new BrowserWindow();`,
    // Reassigned functions and dynamic import are left alone.
    `import { BrowserWindow } from 'electron';
let make = () => new BrowserWindow();
make = () => null;
make();`,
    `const electron = await import('electron');
new electron.BrowserWindow();`,
    // A reassigned alias and a computed member are not followed.
    `import { BrowserWindow } from 'electron';
let Window = BrowserWindow;
Window = class {} as never;
new Window();`,
    `import * as electron from 'electron';
declare const name: 'BrowserWindow';
new electron[name]();`,
    // Documented as safe before ready.
    `import { dialog, net } from 'electron';
process.on('uncaughtException', () => {});
dialog.showErrorBox('Startup failed', 'details');
const online = net.isOnline();`,
    // Menu.setApplicationMenu has no ready check.
    `import { Menu } from 'electron';
Menu.setApplicationMenu(null);`,
    // Must-precede calls at the top level, before ready.
    `import { app, protocol } from 'electron';
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true } }]);
app.disableHardwareAcceleration();
app.whenReady().then(() => {});`,
    // An 'activate' handler registered once ready, or guarded inside.
    `import { app, BrowserWindow } from 'electron';
app.whenReady().then(() => {
  app.on('activate', () => new BrowserWindow());
});
app.on('open-file', () => { if (app.isReady()) new BrowserWindow(); });`,
    // With detection off, only the runtimes the option lists are checked.
    {
      code: `import { BrowserWindow } from 'electron';
new BrowserWindow();`,
      options: [{ detect: false, runtimes: ['pinia'] }],
    },
    // second-instance is emitted after ready.
    `import { app, BrowserWindow } from 'electron';
app.on('second-instance', () => { new BrowserWindow(); });`,
    // Unreachable code.
    `import { BrowserWindow } from 'electron';
function f() { return; new BrowserWindow(); }
f();`,
    // The ready promise kept in a const: awaited, chained, or the const of its chain awaited.
    `import { app, BrowserWindow } from 'electron';
const ready = app.whenReady();
async function main() {
  await ready;
  new BrowserWindow();
}
main();`,
    `import { app, BrowserWindow } from 'electron';
const appReady = app.whenReady();
appReady.catch(() => app.quit()).then(() => new BrowserWindow());`,
    `import { app, BrowserWindow } from 'electron';
const started = app.whenReady().then(() => console.log('ready'));
await started;
const win = new BrowserWindow();`,
    // Awaited with other work: Promise.all settles once the app is ready too.
    `import { app, BrowserWindow } from 'electron';
declare function loadSettings(): Promise<void>;
await Promise.all([loadSettings(), app.whenReady()]);
new BrowserWindow();`,
  ],
  invalid: [
    {
      // Promise.race settles with the first promise, maybe before the app is ready.
      code: `import { app, BrowserWindow } from 'electron';
declare function timeout(ms: number): Promise<void>;
await Promise.race([timeout(5000), app.whenReady()]);
new BrowserWindow();`,
      errors: [notReady('new BrowserWindow()', 'throws', 4, 1, 20)],
    },
    {
      // The const is awaited only after the window.
      code: `import { app, BrowserWindow } from 'electron';
const ready = app.whenReady();
const win = new BrowserWindow();
await ready;`,
      errors: [notReady('new BrowserWindow()', 'throws', 3, 13, 32)],
    },
    {
      // A `let` may hold another promise by the time it is awaited.
      code: `import { app, BrowserWindow } from 'electron';
let ready = app.whenReady();
ready = Promise.resolve();
await ready;
new BrowserWindow();`,
      errors: [notReady('new BrowserWindow()', 'throws', 5, 1, 20)],
    },
    {
      code: `import { app, BrowserWindow } from 'electron';
const win = new BrowserWindow({ width: 800 });
app.whenReady().then(() => win.show());`,
      errors: [notReady('new BrowserWindow()', 'throws', 2, 13, 46)],
    },
    {
      // An options object without `detect` still detects: `meta.defaultOptions` fills it in.
      code: `import { BrowserWindow } from 'electron';
new BrowserWindow();`,
      options: [{ runtimes: [] }],
      errors: [notReady('new BrowserWindow()', 'throws', 2, 1, 20)],
    },
    {
      code: `import { Tray, Notification } from 'electron';
const tray = new Tray('icon.png');
new Notification({ title: 'hi' }).show();`,
      errors: [notReady('new Tray()', 'throws', 2, 14, 34), notReady('new Notification()', 'throws', 3, 1, 34)],
    },
    {
      // The first property access of the lazy screen proxy throws.
      code: `import { screen } from 'electron';
const { width } = screen.getPrimaryDisplay().workAreaSize;`,
      errors: [notReady('screen.getPrimaryDisplay()', 'throws', 2, 19, 43)],
    },
    {
      code: `import * as electron from 'electron';
electron.screen.getAllDisplays();
electron.dialog.showMessageBox({ message: 'hi' });`,
      errors: [
        notReady('electron.screen.getAllDisplays()', 'throws', 2, 1, 31),
        notReady('electron.dialog.showMessageBox()', 'throws', 3, 1, 50),
      ],
    },
    {
      code: `import { session, globalShortcut, protocol } from 'electron';
const s = session.fromPartition('persist:x');
const d = session.defaultSession;
globalShortcut.register('A', () => {});
protocol.handle('app', () => new Response(''));`,
      errors: [
        notReady('session.fromPartition()', 'throws', 2, 11, 45),
        notReady('session.defaultSession', 'is unavailable', 3, 11, 33),
        notReady('globalShortcut.register()', 'throws', 4, 1, 24),
        notReady('protocol.handle()', 'is unsupported', 5, 1, 47),
      ],
    },
    {
      // Before the await on one path: the branch that skips it.
      code: `import { app, BrowserWindow } from 'electron';
if (process.env.FAST) await app.whenReady();
new BrowserWindow();`,
      errors: [notReady('new BrowserWindow()', 'throws', 3, 1, 20)],
    },
    {
      // In an async IIFE, before its await.
      code: `import { app, BrowserWindow } from 'electron';
(async () => {
  const early = new BrowserWindow();
  await app.whenReady();
  const late = new BrowserWindow();
})();`,
      errors: [notReady('new BrowserWindow()', 'throws', 3, 17, 36)],
    },
    {
      // An unrelated await does not make the app ready.
      code: `import { BrowserWindow } from 'electron';
declare function loadConfig(): Promise<void>;
await loadConfig();
new BrowserWindow();`,
      errors: [notReady('new BrowserWindow()', 'throws', 4, 1, 20)],
    },
    {
      // A same-file function called from top level: reported at the call site.
      code: `import { app, BrowserWindow } from 'electron';
function createWindow() {
  return new BrowserWindow();
}
createWindow();
app.whenReady().then(createWindow);`,
      errors: [via('new BrowserWindow()', 3, 5, 1, 15)],
    },
    {
      // Through two calls, and an async function before its own await.
      code: `import { app, screen } from 'electron';
const measure = () => screen.getPrimaryDisplay();
const layout = () => measure();
async function main() {
  layout();
  await app.whenReady();
}
main();`,
      errors: [via('screen.getPrimaryDisplay()', 2, 8, 1, 7)],
    },
    {
      code: `import { BrowserWindow } from 'electron';
new BrowserWindow();`,
      options: [{ detect: false, runtimes: ['electron'] }],
      errors: [notReady('new BrowserWindow()', 'throws', 2, 1, 20)],
    },
    {
      // A const alias is the same class.
      code: `import { BrowserWindow as Window } from 'electron';
const Main = Window;
new Main();`,
      errors: [notReady('new Main()', 'throws', 3, 1, 11)],
    },
    {
      // macOS can emit 'activate' while the app is still launching.
      code: `import { app, BrowserWindow } from 'electron';
app.on('activate', () => {
  new BrowserWindow();
});
app.whenReady().then(() => new BrowserWindow());`,
      errors: [
        {
          messageId: 'notReady',
          data: {
            api: 'new BrowserWindow()',
            outcome: 'throws',
            timing: "in an early 'activate' handler",
            remedy: REMEDY,
          },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
        },
      ],
    },
    {
      // The guard only covers its own branch.
      code: `import { app, BrowserWindow } from 'electron';
if (!app.isReady()) new BrowserWindow();`,
      errors: [notReady('new BrowserWindow()', 'throws', 2, 21, 40)],
    },
    {
      // Reversed: must run before ready.
      code: `import { app, protocol } from 'electron';
await app.whenReady();
protocol.registerSchemesAsPrivileged([]);`,
      errors: [tooLate('protocol.registerSchemesAsPrivileged()', 3, 1, 41)],
    },
    {
      code: `import { app } from 'electron';
app.whenReady().then(() => {
  app.disableHardwareAcceleration();
});
app.on('ready', () => app.enableSandbox());`,
      errors: [tooLate('app.disableHardwareAcceleration()', 3, 3, 36), tooLate('app.enableSandbox()', 5, 23, 42)],
    },
  ],
});

createJsRuleTester().run('no-work-before-runtime (electron, CommonJS)', rule, {
  valid: [
    `const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => new BrowserWindow());`,
  ],
  invalid: [
    {
      code: `const { app, BrowserWindow } = require('electron');
const win = new BrowserWindow();`,
      errors: [notReady('new BrowserWindow()', 'throws', 2, 13, 32)],
    },
    {
      code: `const electron = require('electron');
const win = new electron.BrowserWindow();
electron.app.whenReady().then(() => win.loadURL('x'));`,
      errors: [notReady('new electron.BrowserWindow()', 'throws', 2, 13, 41)],
    },
  ],
});

const EARLY_ACTIVATE = `import { app } from 'electron';
import { getOrCreateMainWindow } from './runtime-electron-windows.js';
function main() {
  app.whenReady().then(() => getOrCreateMainWindow());
  app.on('activate', getOrCreateMainWindow);
}
main();`;

// An imported window factory registered as an early handler: the checker shows what it does.
createTypedRuleTester().run('no-work-before-runtime (electron, imported early handlers)', rule, {
  valid: [
    // Registered once the app is ready.
    `import { app } from 'electron';
import { getOrCreateMainWindow } from './runtime-electron-windows.js';
app.whenReady().then(() => {
  getOrCreateMainWindow();
  app.on('activate', getOrCreateMainWindow);
});`,
    // The imported handler checks readiness itself, or creates its window in a callback.
    `import { app } from 'electron';
import { focusMainWindow, openAboutSoon } from './runtime-electron-windows.js';
app.on('activate', focusMainWindow);
app.on('open-file', openAboutSoon);`,
    // Registered in an exported function that nothing in this file calls.
    `import { app } from 'electron';
import { getOrCreateMainWindow } from './runtime-electron-windows.js';
export function listen() { app.on('activate', getOrCreateMainWindow); }`,
  ],
  invalid: [
    {
      // Registered in main(), which runs before ready; the factory creates a window through a same-module call.
      code: EARLY_ACTIVATE,
      errors: [
        {
          messageId: 'notReady',
          data: {
            api: 'getOrCreateMainWindow()',
            outcome: 'throws',
            timing: "in an early 'activate' handler",
            remedy: REMEDY,
          },
          ...locate(EARLY_ACTIVATE, "app.on('activate', getOrCreateMainWindow)"),
        },
      ],
    },
    {
      code: `import { app } from 'electron';
import { createMainWindow } from './runtime-electron-windows.js';
app.on('open-file', createMainWindow);
app.whenReady().then(createMainWindow);`,
      errors: [
        {
          messageId: 'notReady',
          data: {
            api: 'createMainWindow()',
            outcome: 'throws',
            timing: "in an early 'open-file' handler",
            remedy: REMEDY,
          },
          ...at(3, 1, 38),
        },
      ],
    },
  ],
});

// Without type information the imported factory is not known: left alone.
createRuleTester().run('no-work-before-runtime (electron, imported early handlers without types)', rule, {
  valid: [EARLY_ACTIVATE],
  invalid: [],
});
