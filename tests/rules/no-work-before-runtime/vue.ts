import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createRuleTester } from '../../rule-tester.js';
import { at } from '../../util/probe-rule.js';

const TOP = 'outside `setup()`';
const AFTER_AWAIT = 'after an `await` in `setup()`';
const REMEDY = 'call it synchronously in `setup()`';
const INJECT = 'returns `undefined`';
const PROVIDE = 'provides nothing';
const HOOK = 'never runs';

const report = (api: string, timing: string, outcome: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome, timing, remedy: REMEDY },
  ...at(line, column, endColumn),
});

const IMPORT = `import { defineComponent, getCurrentInstance, inject, onMounted, provide } from 'vue';
declare function load(): Promise<void>;
`;

const NUXT_TOP = 'outside the Nuxt context';
const NUXT_AFTER_AWAIT = 'after an `await` in `setup()`';
const nuxtReport = (api: string, timing: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome: 'throws NUXT_E1001', timing, remedy: 'call it in `setup()` or a Nuxt plugin' },
  ...at(line, column, endColumn),
});

createRuleTester().run('no-work-before-runtime (vue)', rule, {
  valid: [
    `${IMPORT}export default defineComponent({
  setup() {
    const theme = inject('theme');
    onMounted(() => {});
    return { theme };
  },
});`,
    // Hooks before the first await.
    `${IMPORT}export default defineComponent({
  async setup() {
    onMounted(() => {});
    await load();
  },
});`,
    // The await is on a path that returns first: code paths, not source order.
    `${IMPORT}declare const cached: boolean;
export default defineComponent({
  async setup() {
    if (cached) {
      await load();
      return {};
    }
    onMounted(() => {});
    return {};
  },
});`,
    // Callbacks after an await are left alone (Vue sets the instance while it runs hooks).
    `${IMPORT}export default defineComponent({
  async setup() {
    await load();
    onMountedLater(() => inject('x'));
  },
});
declare function onMountedLater(cb: () => void): void;`,
    // Composables: no caller in the file.
    `${IMPORT}export function useTheme() { onMounted(() => {}); return inject('theme'); }`,
    // An explicit target instance, and a guard.
    `${IMPORT}declare const instance: never;
onMounted(() => {}, instance);
if (getCurrentInstance()) onMounted(() => {});`,
    // <script setup> restores the instance after await: .vue files' top level is not checked.
    {
      code: `${IMPORT}await load();
onMounted(() => {});`,
      filename: 'Component.vue',
    },
    // A local inject is not Vue's.
    `import { ref } from 'vue';
const inject = (key: string) => key;
inject('x');`,
  ],
  invalid: [
    {
      code: `${IMPORT}const theme = inject('theme');
provide('locale', 'en');`,
      errors: [report('inject()', TOP, INJECT, 3, 15, 30), report('provide()', TOP, PROVIDE, 4, 1, 24)],
    },
    {
      code: `${IMPORT}export default defineComponent({
  async setup() {
    await load();
    onMounted(() => {});
  },
});`,
      errors: [report('onMounted()', AFTER_AWAIT, HOOK, 6, 5, 24)],
    },
    {
      // setup written as an arrow property.
      code: `${IMPORT}export default defineComponent({
  setup: async () => {
    await load();
    provide('ready', true);
  },
});`,
      errors: [report('provide()', AFTER_AWAIT, PROVIDE, 6, 5, 27)],
    },
    {
      // After an await on one path.
      code: `${IMPORT}declare const slow: boolean;
export default defineComponent({
  async setup() {
    if (slow) await load();
    const theme = inject('theme');
    return { theme };
  },
});`,
      errors: [report('inject()', AFTER_AWAIT, INJECT, 7, 19, 34)],
    },
    {
      // A same-file helper called after the await.
      code: `${IMPORT}function registerHooks() {
  onMounted(() => {});
}
export default defineComponent({
  async setup() {
    await load();
    registerHooks();
  },
});`,
      errors: [
        {
          messageId: 'notReadyVia',
          data: { api: 'onMounted()', line: 4, timing: AFTER_AWAIT, remedy: REMEDY },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 20,
        },
      ],
    },
  ],
});

createRuleTester().run('no-work-before-runtime (nuxt)', rule, {
  valid: [
    // Nuxt restores its instance after await in plugins and middleware.
    `import { defineNuxtPlugin, useRuntimeConfig } from '#app';
export default defineNuxtPlugin(async () => {
  await Promise.resolve();
  const config = useRuntimeConfig();
});`,
    `import { defineNuxtRouteMiddleware, useNuxtApp } from '#imports';
export default defineNuxtRouteMiddleware(async () => {
  await Promise.resolve();
  useNuxtApp();
});`,
    // Auto-imported composables are only checked when nuxt is selected.
    `const config = useRuntimeConfig();`,
    `import { useRuntimeConfig } from '#imports';
export function apiBase() { return useRuntimeConfig().public.apiBase; }`,
  ],
  invalid: [
    {
      code: `import { useRuntimeConfig } from '#imports';
const config = useRuntimeConfig();`,
      errors: [nuxtReport('useRuntimeConfig()', NUXT_TOP, 2, 16, 34)],
    },
    {
      code: `const app = useNuxtApp();
export const base = useRuntimeConfig().public.apiBase;`,
      options: [{ runtimes: ['nuxt'] }],
      errors: [nuxtReport('useNuxtApp()', NUXT_TOP, 1, 13, 25), nuxtReport('useRuntimeConfig()', NUXT_TOP, 2, 21, 39)],
    },
    {
      code: `import { defineComponent } from 'vue';
import { useRuntimeConfig } from '#imports';
export default defineComponent({
  async setup() {
    await Promise.resolve();
    const config = useRuntimeConfig();
  },
});`,
      errors: [nuxtReport('useRuntimeConfig()', NUXT_AFTER_AWAIT, 6, 20, 38)],
    },
  ],
});
