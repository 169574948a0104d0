import type { RuntimeApi, RuntimeDefinition } from './definition.js';

const LIFECYCLE_HOOKS = [
  'onBeforeMount',
  'onMounted',
  'onBeforeUpdate',
  'onUpdated',
  'onBeforeUnmount',
  'onUnmounted',
  'onActivated',
  'onDeactivated',
  'onErrorCaptured',
  'onRenderTracked',
  'onRenderTriggered',
  'onServerPrefetch',
];

/** Vue's warning from `apiLifecycle.ts`, up to its advice about async setup. */
const hook = (name: string): RuntimeApi => ({
  path: [name],
  use: 'call',
  // A second argument is the component instance to attach to.
  escapeArgument: 1,
  effect: `Vue warns '${name} is called when there is no active component instance to be associated with. Lifecycle injection APIs can only be used during execution of setup().' and the hook never runs`,
});

/**
 * Vue: `inject`, `provide` and lifecycle hooks need the component instance,
 * which exists only while `setup()` runs synchronously (a scope). Code after
 * an `await` in `setup()` has lost it; `<script setup>` restores it, so the
 * top level of `.vue` files is not checked.
 */
export const vue: RuntimeDefinition = {
  name: 'vue',
  kind: 'scoped',
  modules: ['vue', '@vue/runtime-core'],
  requires: [
    {
      path: ['inject'],
      use: 'call',
      effect:
        "Vue warns 'inject() can only be used inside setup() or functional components.' and it returns `undefined`",
    },
    {
      path: ['provide'],
      use: 'call',
      effect: "Vue warns 'provide() can only be used inside setup().' and nothing is provided",
    },
    ...LIFECYCLE_HOOKS.map(hook),
  ],
  ready: [
    { signal: 'guard', path: ['getCurrentInstance'] },
    { signal: 'guard', path: ['hasInjectionContext'] },
  ],
  contexts: [{ path: ['defineComponent'], argument: 0, property: 'setup', label: '`setup()`' }],
  setupFiles: ['.vue'],
  wording: {
    before: "outside a component's `setup()`",
    lost: 'where Vue no longer knows the component',
    fix: 'call it synchronously in `setup()`, before any `await`, or inside `app.runWithContext()`',
  },
};
