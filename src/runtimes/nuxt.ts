import type { RuntimeApi, RuntimeDefinition } from './definition.js';

/** NUXT_E1001, from `packages/nuxt/src/app/nuxt.ts` (its text in `app/diagnostics/core.ts`). */
const NUXT_INSTANCE_ERROR =
  'A composable that requires access to the Nuxt instance was called outside of a plugin, Nuxt hook, Nuxt middleware, or Vue setup function.';

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

const composable = (name: string): RuntimeApi => ({
  path: [name],
  use: 'call',
  effect: `it throws NUXT_E1001 '${NUXT_INSTANCE_ERROR}'`,
});

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
    before: 'outside a Nuxt plugin, middleware, hook or `setup()`',
    lost: 'where the Nuxt instance is no longer set',
    fix: 'call it inside a plugin, middleware or `setup()` (before any `await` in `setup()`), or inside `nuxtApp.runWithContext()`',
  },
};
