import type { RuntimeApi, RuntimeDefinition } from './definition.js';

const throwing = (path: string[], use: RuntimeApi['use'] = 'call'): RuntimeApi => ({ path, use, outcome: 'throws' });

/**
 * Electron's main process: most native modules exist only once the app is
 * ready (a phase: once ready, always ready). What each API does before then
 * is Electron's own behaviour (`shell/browser/api/*.cc`, `lib/browser/api/*.ts`);
 * the rule's docs quote the errors.
 */
export const electron: RuntimeDefinition = {
  name: 'electron',
  kind: 'phase',
  modules: ['electron', 'electron/main'],
  requires: [
    throwing(['BrowserWindow'], 'new'),
    throwing(['Tray'], 'new'),
    throwing(['Notification'], 'new'),
    // `screen` is a lazy proxy: destructuring it is fine, the first member access throws.
    throwing(['screen'], 'member'),
    throwing(['globalShortcut'], 'member'),
    // `dialog.showErrorBox()` is documented as safe before ready; the others check.
    ...[
      'showOpenDialog',
      'showOpenDialogSync',
      'showSaveDialog',
      'showSaveDialogSync',
      'showMessageBox',
      'showMessageBoxSync',
      'showCertificateTrustDialog',
    ].map((method) => throwing(['dialog', method])),
    // `net.isOnline()` and `net.online` work before ready; `fetch` and `resolveHost` go through the default session.
    throwing(['net', 'request']),
    ...['fetch', 'resolveHost'].map((method): RuntimeApi => ({ path: ['net', method], use: 'call', outcome: 'fails' })),
    throwing(['safeStorage'], 'member'),
    throwing(['contentTracing'], 'member'),
    throwing(['utilityProcess', 'fork']),
    throwing(['session', 'fromPartition']),
    throwing(['session', 'fromPath']),
    // Documented as available only once the app is ready.
    { path: ['session', 'defaultSession'], use: 'read', outcome: 'is unavailable' },
    throwing(['app', 'getSystemLocale']),
    // Documented as usable only after the `ready` event.
    ...[
      'handle',
      'unhandle',
      'isProtocolHandled',
      'registerFileProtocol',
      'registerBufferProtocol',
      'registerStringProtocol',
      'registerHttpProtocol',
      'registerStreamProtocol',
      'unregisterProtocol',
      'isProtocolRegistered',
      'interceptFileProtocol',
      'interceptBufferProtocol',
      'interceptStringProtocol',
      'interceptHttpProtocol',
      'interceptStreamProtocol',
      'uninterceptProtocol',
      'isProtocolIntercepted',
    ].map((method): RuntimeApi => ({ path: ['protocol', method], use: 'call', outcome: 'is unsupported' })),
  ],
  mustPrecede: [
    throwing(['protocol', 'registerSchemesAsPrivileged']),
    throwing(['app', 'disableHardwareAcceleration']),
    throwing(['app', 'disableDomainBlockingFor3DAPIs']),
    throwing(['app', 'enableSandbox']),
  ],
  ready: [
    { signal: 'promise', path: ['app', 'whenReady'] },
    { signal: 'event', path: ['app', 'on'], events: ['ready', 'second-instance'] },
    { signal: 'event', path: ['app', 'once'], events: ['ready', 'second-instance'] },
    { signal: 'guard', path: ['app', 'isReady'] },
    // macOS can emit these while the app is still launching (Electron's app.md).
    { signal: 'early', path: ['app', 'on'], events: ['activate', 'open-file', 'open-url'] },
    { signal: 'early', path: ['app', 'once'], events: ['activate', 'open-file', 'open-url'] },
  ],
  wording: {
    before: 'before the app is ready',
    fix: 'move it into `app.whenReady().then(…)`',
    after: 'after the app is ready',
    afterFix: 'call it before the app is ready',
  },
};
