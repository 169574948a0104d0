import path from 'node:path';

import rule from '../../../src/rules/no-work-before-runtime/index.js';
import { createRuleTester, createTypedRuleTester, fixturesDir } from '../../rule-tester.js';
import { at } from '../../util/probe-rule.js';

const TIMING = 'before Pinia is installed';
const REMEDY = 'call it after `app.use(pinia)`';

const notReady = (api: string, line: number, column: number, endColumn: number) => ({
  messageId: 'notReady' as const,
  data: { api, outcome: 'throws', timing: TIMING, remedy: REMEDY },
  ...at(line, column, endColumn),
});

const STORE = `import { createPinia, defineStore, setActivePinia } from 'pinia';
declare const app: { use(plugin: unknown): void };
declare const router: { beforeEach(guard: () => void): void };
const useCart = defineStore('cart', { state: () => ({ items: [] as string[] }) });
`;

createRuleTester().run('no-work-before-runtime (pinia)', rule, {
  valid: [
    // After app.use(pinia) on every path, with the instance in a const or inline.
    `${STORE}const pinia = createPinia();
app.use(pinia);
const cart = useCart();`,
    `${STORE}app.use(createPinia());
useCart();`,
    `${STORE}setActivePinia(createPinia());
useCart();`,
    // An instance imported from another module and installed: assumed to be Pinia.
    `${STORE}import pinia from './plugins/pinia';
app.use(pinia);
useCart();`,
    // The instance passed explicitly.
    `${STORE}const pinia = createPinia();
const cart = useCart(pinia);`,
    // Router guards, components, composables and other callbacks run later.
    `${STORE}router.beforeEach(() => { const cart = useCart(); });`,
    `${STORE}export default { setup() { return { cart: useCart() }; } };`,
    `${STORE}export function useCartTotal() { return useCart().items.length; }`,
    // A function named like a store hook that defineStore did not make.
    `import { createPinia } from 'pinia';
function useCartStore() { return 1; }
useCartStore();`,
    // Without type information an imported hook is not known to be a store.
    `import { useUserStore } from './stores/user';
export const user = useUserStore();`,
    // An aliased (let) store hook is not followed.
    `import { defineStore } from 'pinia';
let useX = defineStore('x', {});
useX();`,
  ],
  invalid: [
    {
      code: `${STORE}export const cart = useCart();`,
      errors: [notReady('useCart()', 5, 21, 30)],
    },
    {
      code: `${STORE}const cart = useCart();
app.use(createPinia());`,
      errors: [notReady('useCart()', 5, 14, 23)],
    },
    {
      // Installed on one path only.
      code: `${STORE}declare const ssr: boolean;
if (!ssr) app.use(createPinia());
useCart();`,
      errors: [notReady('useCart()', 7, 1, 10)],
    },
    {
      // A same-file function called from top level, before install.
      code: `${STORE}function loadCart() {
  useCart().items.push('x');
}
loadCart();
app.use(createPinia());`,
      errors: [
        {
          messageId: 'notReadyVia' as const,
          data: { api: 'useCart()', line: 6, timing: TIMING, remedy: REMEDY },
          line: 8,
          column: 1,
          endLine: 8,
          endColumn: 11,
        },
      ],
    },
  ],
});

// The app in tests/fixtures/runtime-pinia-app: main.ts imports router.ts and cycle.ts statically, then installs
// Pinia; views/tabs.ts is loaded through `import()`. runtime-pinia-setup/main.ts imports api.ts, then calls setupStore().
const ROUTER = path.join(fixturesDir, 'runtime-pinia-app', 'router.ts');
const CYCLE = path.join(fixturesDir, 'runtime-pinia-app', 'cycle.ts');
const TYPE_ONLY = path.join(fixturesDir, 'runtime-pinia-app', 'theme.ts');
const LAZY_VIEW = path.join(fixturesDir, 'runtime-pinia-app', 'views', 'tabs.ts');
const SETUP_API = path.join(fixturesDir, 'runtime-pinia-setup', 'api.ts');

createTypedRuleTester().run('no-work-before-runtime (pinia, type-aware)', rule, {
  valid: [
    {
      code: `import { useNotAStore } from '../runtime-pinia-stores.js';
export const n = useNotAStore();`,
      filename: ROUTER,
    },
    {
      code: `import { useUserStore } from '../runtime-pinia-stores.js';
export function useName() { return useUserStore().name; }`,
      filename: ROUTER,
    },
    // A default-exported hook that defineStore did not make; a default store used inside a function.
    {
      code: `import useClock from '../runtime-pinia-default-plain.js';
export const now = useClock();`,
      filename: ROUTER,
    },
    {
      code: `import useSettingsStore from '../runtime-pinia-default.js';
export function useTheme() { return useSettingsStore().theme; }`,
      filename: ROUTER,
    },
    // A module loaded only through `import()` (a lazy route's view) runs after the entry installed Pinia.
    {
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
const user = useUserStore();
export default { name: user.name };`,
      filename: LAZY_VIEW,
    },
    // A module the entry imports for a type only: the import is erased, so nothing runs it before the install.
    {
      code: `import { useUserStore } from '../runtime-pinia-stores.js';
const user = useUserStore();
export interface Theme { dark: boolean }
export const initial = { dark: user.name === '' };`,
      filename: TYPE_ONLY,
    },
    // A module no module of the program that creates or installs Pinia imports: the order cannot be told.
    `import { useUserStore } from './runtime-pinia-stores.js';
export const user = useUserStore();`,
    // A cycle with the entry: which module runs first depends on which one is loaded first.
    {
      code: `import { routes } from './main.js';
import { useUserStore } from '../runtime-pinia-stores.js';
export const user = useUserStore();
export const count = routes.length;`,
      filename: CYCLE,
    },
  ],
  invalid: [
    {
      // The imported hook resolves to a defineStore result (no import of pinia needed), and main.ts imports this
      // module statically before it installs Pinia.
      code: `import { useUserStore } from '../runtime-pinia-stores.js';
export const user = useUserStore();`,
      filename: ROUTER,
      errors: [notReady('useUserStore()', 2, 21, 35)],
    },
    {
      // Through a re-export and a rename.
      code: `import { useAccountStore as useAccount } from '../runtime-pinia-reexport.js';
const account = useAccount();`,
      filename: ROUTER,
      errors: [notReady('useAccount()', 2, 17, 29)],
    },
    {
      // Imported by default: `export default defineStore(…)`.
      code: `import useSettingsStore from '../runtime-pinia-default.js';
const settings = useSettingsStore();`,
      filename: ROUTER,
      errors: [notReady('useSettingsStore()', 2, 18, 36)],
    },
    {
      // Imported by default: a const store hook exported as the default.
      code: `import useTheme from '../runtime-pinia-default-const.js';
export const theme = useTheme();`,
      filename: ROUTER,
      errors: [notReady('useTheme()', 2, 22, 32)],
    },
    {
      // A default store re-exported under a name, and a named store through `export *`.
      code: `import { useSettingsStore, useUserStore } from '../runtime-pinia-default-reexport.js';
const settings = useSettingsStore();
const user = useUserStore();`,
      filename: ROUTER,
      errors: [notReady('useSettingsStore()', 2, 18, 36), notReady('useUserStore()', 3, 14, 28)],
    },
    {
      // The entry installs Pinia through a function of the module that creates it (`setupStore(app)`).
      code: `import { useUserStore } from '../runtime-pinia-stores.js';
const user = useUserStore();
export const client = { token: () => user.name };`,
      filename: SETUP_API,
      errors: [notReady('useUserStore()', 2, 14, 28)],
    },
  ],
});

// The app in tests/fixtures/runtime-pinia-glob: main.ts imports routes/*.ts (less *.draft.ts) and plugins/**/*.ts
// through eager globs, pages/*.ts through a lazy glob and raw/*.ts as text, dev/*.ts on a branch, then installs Pinia;
// late/*.ts is globbed after the install and widgets/*.ts in a function. router.ts, which main.ts imports, globs
// menus/{admin,guest}.ts eagerly.
const globFile = (...parts: string[]) => path.join(fixturesDir, 'runtime-pinia-glob', ...parts);

createTypedRuleTester().run('no-work-before-runtime (pinia, type-aware, bundler globs)', rule, {
  valid: [
    // Excluded from the eager glob by its negated pattern.
    {
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
const user = useUserStore();
export default [{ path: '/draft', meta: { owner: user.name } }];`,
      filename: globFile('routes', 'account.draft.ts'),
    },
    // A lazy glob compiles to \`() => import()\`: the page runs after the entry installed Pinia.
    {
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
const user = useUserStore();
export const title = \`Hello, \${user.name}\`;`,
      filename: globFile('pages', 'home.ts'),
    },
    // An eager glob with \`query: '?raw'\` imports the file's text: the module itself never runs.
    {
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
export const banner = useUserStore().name;`,
      filename: globFile('raw', 'banner.ts'),
    },
    // Globbed on a branch, after the install, or in a function: webpack runs these where the call stands, so they
    // may run after the install (Vite hoists them; the rule reports only what runs first under both). And a menu
    // that router.ts's braces do not name.
    ...['dev/tools.ts', 'late/audit.ts', 'widgets/clock.ts', 'menus/extra.ts'].map((file) => ({
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
export const owner = useUserStore().name;`,
      filename: globFile(...file.split('/')),
    })),
    // Inside a function of an eagerly imported module: it runs when called, not at load time.
    {
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
export default [{ path: '/account', beforeEnter: () => useUserStore().name !== '' }];`,
      filename: globFile('routes', 'account.ts'),
    },
  ],
  invalid: [
    {
      // Imported by \`import.meta.glob([...], { eager: true })\`: it runs before main.ts installs Pinia.
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
const user = useUserStore();
export default [{ path: '/account', meta: { owner: user.name } }];`,
      filename: globFile('routes', 'account.ts'),
      errors: [notReady('useUserStore()', 2, 14, 28)],
    },
    {
      // Imported by Vite 2's \`import.meta.globEager('./plugins/**/*.ts')\`, two folders down.
      code: `import useSettingsStore from '../../../runtime-pinia-default.js';
const settings = useSettingsStore();
export const session = { theme: settings.theme };`,
      filename: globFile('plugins', 'auth', 'session.ts'),
      errors: [notReady('useSettingsStore()', 2, 18, 36)],
    },
    {
      // Globbed eagerly at the top of router.ts, which main.ts imports statically: it runs before the install.
      code: `import { useUserStore } from '../../runtime-pinia-stores.js';
export default { title: 'Admin', owner: useUserStore().name };`,
      filename: globFile('menus', 'admin.ts'),
      errors: [notReady('useUserStore()', 2, 41, 55)],
    },
  ],
});
