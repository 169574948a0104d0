import { type RuntimeDefinition, throws } from './definition.js';

const NO_ACTIVE_PINIA =
  '"getActivePinia()" was called but there was no active Pinia. Are you trying to use a store before calling "app.use(pinia)"?';

/**
 * Pinia: a store hook (the value `defineStore` returns) needs an active Pinia,
 * which `app.use(pinia)` or `setActivePinia()` installs (a phase). Components,
 * composables and callbacks run later and are never reported; passing the
 * instance (`useStore(pinia)`) needs no active Pinia.
 */
export const pinia: RuntimeDefinition = {
  name: 'pinia',
  kind: 'phase',
  modules: ['pinia'],
  instances: {
    store: { path: ['defineStore'], create: 'call' },
    pinia: { path: ['createPinia'], create: 'call' },
  },
  requires: [
    { path: [], from: { instance: 'store' }, use: 'call', effect: throws(NO_ACTIVE_PINIA), escapeArgument: 0 },
  ],
  ready: [
    { signal: 'install', path: [], from: { instance: 'pinia' } },
    { signal: 'call', path: ['setActivePinia'] },
  ],
  wording: {
    before: 'before Pinia is installed',
    fix: 'call it where it is used (a component, composable, router guard or other callback), after `app.use(pinia)`, or pass the instance: `useStore(pinia)`',
  },
};
