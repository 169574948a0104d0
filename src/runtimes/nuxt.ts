import type { RuntimeApi, RuntimeDefinition } from './definition.js';

/** Composables that call `useNuxtApp()` and throw without the Nuxt instance. */
const COMPOSABLES = [
  'useNuxtApp',
  'useRuntimeConfig',
  'useAppConfig',
  'useState',
  'useCookie',
  'useRequestEvent',
  'useRequestHeaders',
  'useError',
];

/** NUXT_E1001 (`packages/nuxt/src/app/nuxt.ts`). */
const composable = (name: string): RuntimeApi => ({ path: [name], use: 'call', outcome: 'throws NUXT_E1001' });

/**
 * Nuxt: composables need the Nuxt instance, which plugins, route middleware,
 * hooks and `setup()` have. Nuxt's build transform restores it after `await`
 * in `defineNuxtPlugin`, `defineNuxtRouteMiddleware` and `defineNuxtComponent`,
 * so only module top level and `await` in a plain `defineComponent` `setup()`
 * are reported. Nuxt auto-imports its composables: select `nuxt` in the
 * `runtimes` option to check files that do not import them.
 */
export const nuxt: RuntimeDefinition = {
  name: 'nuxt',
  kind: 'scoped',
  modules: ['#app', '#imports', 'nuxt/app'],
  autoImports: true,
  requires: COMPOSABLES.map(composable),
  contexts: [
    { module: 'vue', path: ['defineComponent'], argument: 0, property: 'setup', label: '`setup()`' },
    { path: ['defineComponent'], argument: 0, property: 'setup', label: '`setup()`' },
  ],
  setupFiles: ['.vue'],
  wording: {
    before: 'outside the Nuxt context',
    fix: 'call it in `setup()` or a Nuxt plugin',
  },
};
