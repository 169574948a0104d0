import { type RuntimeApi, type RuntimeDefinition, throws } from './definition.js';

const beforeReady = (module: string, error: string): RuntimeApi => ({
  path: [module],
  use: 'member',
  effect: throws(error),
});
const call = (path: string[], error: string): RuntimeApi => ({ path, use: 'call', effect: throws(error) });
const construct = (name: string): RuntimeApi => ({
  path: [name],
  use: 'new',
  effect: throws(`Cannot create ${name} before app is ready`),
});
const protocolMethod = (method: string): RuntimeApi => ({
  path: ['protocol', method],
  use: 'call',
  effect: 'Electron documents that `protocol` methods can only be used after the `ready` event',
});
const beforeReadyOnly = (method: string): RuntimeApi => ({
  path: ['app', method],
  use: 'call',
  effect: throws(`app.${method}() can only be called before app is ready`),
});

/**
 * Electron's main process: most native modules exist only once the app is
 * ready (a phase: once ready, always ready). Error texts are Electron's own
 * (`shell/browser/api/*.cc`, `lib/browser/api/*.ts`).
 */
export const electron: RuntimeDefinition = {
  name: 'electron',
  kind: 'phase',
  modules: ['electron', 'electron/main'],
  requires: [
    construct('BrowserWindow'),
    construct('Tray'),
    construct('Notification'),
    // `screen` is a lazy proxy: destructuring it is fine, the first member access throws.
    beforeReady('screen', "The 'screen' module can't be used before the app 'ready' event"),
    beforeReady('globalShortcut', 'globalShortcut cannot be used before the app is ready'),
    // `dialog.showErrorBox()` is documented as safe before ready; the others check.
    ...[
      'showOpenDialog',
      'showOpenDialogSync',
      'showSaveDialog',
      'showSaveDialogSync',
      'showMessageBox',
      'showMessageBoxSync',
      'showCertificateTrustDialog',
    ].map((method) => call(['dialog', method], 'dialog module can only be used after app is ready')),
    // `net.isOnline()` and `net.online` work before ready; `fetch` and `resolveHost` go through the default session.
    call(['net', 'request'], 'net module can only be used after app is ready'),
    ...['fetch', 'resolveHost'].map((method): RuntimeApi => ({
      path: ['net', method],
      use: 'call',
      effect: 'it uses `session.defaultSession`, which Electron only has once the app is ready',
    })),
    beforeReady('safeStorage', 'safeStorage cannot be used before app is ready'),
    beforeReady('contentTracing', 'contentTracing cannot be used before app is ready'),
    call(['utilityProcess', 'fork'], 'utilityProcess cannot be created before app is ready.'),
    call(['session', 'fromPartition'], 'Session can only be received when app is ready'),
    call(['session', 'fromPath'], 'Session can only be received when app is ready'),
    {
      path: ['session', 'defaultSession'],
      use: 'read',
      effect: 'Electron documents `session.defaultSession` as available only once the app is ready',
    },
    call(['app', 'getSystemLocale'], 'app.getSystemLocale() can only be called after app is ready'),
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
    ].map(protocolMethod),
  ],
  mustPrecede: [
    {
      path: ['protocol', 'registerSchemesAsPrivileged'],
      use: 'call',
      effect: throws('protocol.registerSchemesAsPrivileged should be called before app is ready'),
    },
    beforeReadyOnly('disableHardwareAcceleration'),
    beforeReadyOnly('disableDomainBlockingFor3DAPIs'),
    beforeReadyOnly('enableSandbox'),
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
    before: "before Electron's app is ready",
    fix: 'move it into `app.whenReady().then(…)`',
    after: "after Electron's app is ready",
    afterFix: 'call it synchronously at the top level of the main process, before the app is ready',
  },
};
