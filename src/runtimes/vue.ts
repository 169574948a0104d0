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

/** Vue warns (`apiLifecycle.ts`) and drops the hook. */
const hook = (name: string): RuntimeApi => ({
  path: [name],
  use: 'call',
  // A second argument is the component instance to attach to.
  escapeArgument: 1,
  outcome: 'never runs',
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
    // Vue warns, and the call does nothing else.
    { path: ['inject'], use: 'call', outcome: 'returns `undefined`' },
    { path: ['provide'], use: 'call', outcome: 'provides nothing' },
    ...LIFECYCLE_HOOKS.map(hook),
  ],
  ready: [
    { signal: 'guard', path: ['getCurrentInstance'] },
    { signal: 'guard', path: ['hasInjectionContext'] },
  ],
  contexts: [{ path: ['defineComponent'], argument: 0, property: 'setup', label: '`setup()`' }],
  setupFiles: ['.vue'],
  wording: {
    before: 'outside `setup()`',
    fix: 'call it synchronously in `setup()`',
  },
};
